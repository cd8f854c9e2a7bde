import { describe, expect, it } from 'vitest'
import { mdxComponents } from '../../components/mdx/mdx-components'
import { checkInternalLinks, globalComponentNames, type PostOutline } from './inspect'

const post = (slug: string, outline: Partial<PostOutline>) => ({
  slug,
  file: `posts/${slug}/index.mdx`,
  tags: ['go'],
  outline: { headings: [], links: [], toc: [], ...outline },
})

describe('checkInternalLinks', () => {
  it('accepts links to posts, their headings, this post’s headings, the home page and a search', () => {
    const posts = [
      post('a', {
        headings: ['intro'],
        links: [
          { url: '/posts/b#setup', line: 9, column: 3 },
          { url: '#intro', line: 10, column: 1 },
          { url: '/', line: 11, column: 1 },
          { url: '/search?q=gogc', line: 12, column: 1 },
        ],
      }),
      post('b', {
        headings: ['setup'],
        links: [
          { url: '/posts/a', line: 8, column: 1 },
          { url: '/posts/a/', line: 9, column: 1 },
        ],
      }),
    ]
    expect(checkInternalLinks(posts)).toEqual([])
  })

  it('names the file, line and column of links to missing posts, headings and pages', () => {
    const posts = [
      post('a', {
        headings: ['intro'],
        links: [
          { url: '/posts/no-such-post', line: 9, column: 3 },
          { url: '/posts/b#missing', line: 10, column: 5 },
          { url: '#nowhere', line: 11, column: 7 },
          { url: '/about', line: 12, column: 1 },
          { url: '/tags/rust', line: 13, column: 1 },
        ],
      }),
      post('b', { headings: ['setup', 'results'] }),
    ]
    expect(checkInternalLinks(posts)).toEqual([
      {
        file: 'posts/a/index.mdx',
        line: 9,
        column: 3,
        message:
          'the link /posts/no-such-post points to a post this build does not have: posts/no-such-post/index.mdx does not exist, or is a draft or future-dated post that production leaves out',
      },
      {
        file: 'posts/a/index.mdx',
        line: 10,
        column: 5,
        message:
          'the link /posts/b#missing points to a heading that posts/b does not have; its headings are #setup, #results',
      },
      {
        file: 'posts/a/index.mdx',
        line: 11,
        column: 7,
        message: 'the link #nowhere points to a heading that this post does not have; its headings are #intro',
      },
      {
        file: 'posts/a/index.mdx',
        line: 12,
        column: 1,
        message:
          'the link /about points to no page of the site: link to /, /archive, /tags, /search, /tags/<tag> or /posts/<slug>',
      },
      {
        file: 'posts/a/index.mdx',
        line: 13,
        column: 1,
        message: 'the link /tags/rust points to a tag no post has: the tags are go',
      },
    ])
  })
})

describe('globalComponentNames', () => {
  it('lists exactly the capitalised components of the MDX component map, but those compiling inserts', () => {
    expect(Object.keys(mdxComponents).filter((name) => /^[A-Z]/.test(name))).toEqual([
      ...globalComponentNames,
      'BenchmarkEnvironment',
      'Diagram',
    ])
  })
})
