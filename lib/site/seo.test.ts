import { describe, expect, it } from 'vitest'
import { postMeta } from '../__fixtures__/temporary-posts'
import { groupPostsByYear, summarizeTags } from '../content/posts'
import {
  absoluteUrl,
  blogPostingJsonLd,
  pageAlternates,
  robotsTxt,
  serializeJsonLd,
  sitemapEntries,
  sitemapXml,
} from './seo'
import { site } from './config'

const post = (slug: string, date: string, tags: string[], updated?: string) => postMeta(slug, date, { tags, updated })

const posts = [
  post('newest', '2026-05-19', ['go', 'time']),
  post('middle', '2026-05-02', ['go'], '2026-06-01'),
  post('oldest', '2025-12-30', ['databases']),
]

describe('sitemapEntries', () => {
  it('lists the listings, every post with its last change and every tag, with absolute URLs', () => {
    const entries = sitemapEntries(posts, summarizeTags(posts))
    expect(entries.map((entry) => entry.url.replace(site.url, ''))).toEqual([
      '/',
      '/archive',
      '/tags',
      '/about',
      '/subscribe',
      '/posts/newest',
      '/posts/middle',
      '/posts/oldest',
      '/tags/go',
      '/tags/databases',
      '/tags/time',
    ])
    expect(entries[0].lastModified).toBe('2026-06-01')
    expect(entries.find((entry) => entry.url.endsWith('/posts/middle'))?.lastModified).toBe('2026-06-01')
    expect(entries.find((entry) => entry.url.endsWith('/tags/databases'))?.lastModified).toBe('2025-12-30')
    for (const entry of entries) expect(entry.url).toMatch(/^https?:\/\/[^/]+\//)
  })
})

describe('sitemapXml and robotsTxt', () => {
  it('writes the sitemap protocol, escaping what XML would read as markup', () => {
    expect(
      sitemapXml([{ url: 'https://x.dev/a?b=1&c=2', lastModified: '2026-06-01' }, { url: 'https://x.dev/' }]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<url>',
        '<loc>https://x.dev/a?b=1&amp;c=2</loc>',
        '<lastmod>2026-06-01</lastmod>',
        '</url>',
        '<url>',
        '<loc>https://x.dev/</loc>',
        '</url>',
        '</urlset>',
        '',
      ].join('\n'),
    )
  })

  it('opens the site to crawlers with the sitemap, and closes a preview', () => {
    expect(robotsTxt(false)).toBe(`User-Agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`)
    expect(robotsTxt(true)).toBe('User-Agent: *\nDisallow: /\n')
  })
})

describe('pageAlternates', () => {
  const feeds = {
    'application/rss+xml': [{ url: '/feed.xml', title: `${site.name} (RSS)` }],
    'application/atom+xml': [{ url: '/atom.xml', title: `${site.name} (Atom)` }],
    'application/feed+json': [{ url: '/feed.json', title: `${site.name} (JSON Feed)` }],
  }

  it('gives every page its canonical path and the three feeds', () => {
    expect(pageAlternates('/archive')).toEqual({ canonical: '/archive', types: feeds })
  })

  it("adds an article's Markdown copy", () => {
    expect(pageAlternates('/posts/middle', posts[1])).toEqual({
      canonical: '/posts/middle',
      types: { ...feeds, 'text/markdown': [{ url: '/posts/middle.md', title: 'Title of middle' }] },
    })
  })
})

describe('structured data', () => {
  it('describes an article as a BlogPosting with its dates and URL', () => {
    expect(blogPostingJsonLd(posts[1])).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Title of middle',
      datePublished: '2026-05-02',
      dateModified: '2026-06-01',
      url: absoluteUrl('/posts/middle'),
    })
  })

  it('cannot be closed early by text in a post', () => {
    const json = serializeJsonLd({ headline: 'Go & "C" </script><script>alert(1)</script>' })
    expect(json).not.toContain('</script>')
    expect(JSON.parse(json).headline).toBe('Go & "C" </script><script>alert(1)</script>')
  })
})

describe('archive and tags', () => {
  it('groups by year, then month, with counts', () => {
    expect(
      groupPostsByYear(posts).map(({ year, count, months }) => [
        year,
        count,
        months.map((m) => [m.label, m.posts.length]),
      ]),
    ).toEqual([
      ['2026', 2, [["May '26", 2]]],
      ['2025', 1, [["Dec '25", 1]]],
    ])
  })

  it('counts tags, most used first', () => {
    expect(summarizeTags(posts).map(({ tag, posts: tagged }) => [tag, tagged.map((p) => p.slug)])).toEqual([
      ['go', ['newest', 'middle']],
      ['databases', ['oldest']],
      ['time', ['newest']],
    ])
  })
})
