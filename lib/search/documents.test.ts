import { afterEach, describe, expect, it } from 'vitest'
import { postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { getPost } from '../content/posts'
import { postMarkdown } from '../site/markdown-copy'
import { createSearch } from './engine'
import { buildSearchFiles, searchDocuments, type SearchFiles } from './documents'
import { markdownDocumentText } from './markdown-text'

const environment = { POSTS_DIR: process.env.POSTS_DIR, SITE_ENV: process.env.SITE_ENV }
afterEach(() => {
  for (const [key, value] of Object.entries(environment)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

const body = [
  "import results from './bench/results.txt'",
  'export const answer = 42',
  '',
  'Opening words with **bold**text, `inline_code` and a [link](/posts/other).',
  '',
  '## Why the *cache* misses',
  '',
  '<Callout type="tip" title="Short version">Pad the **hot** counters.</Callout>',
  '',
  'A value computed inline: {answer}.',
  '',
  '```go title="main.go"',
  'func fieldalignmentDemo() {}',
  '```',
  '',
  '### Results',
  '',
  '<BenchmarkTable results={results} caption="Scanning structs" />',
  '',
  'A footnote here[^1].',
  '',
  '[^1]: The note.',
].join('\n')

function withPosts(files: Record<string, string>, siteEnvironment: string) {
  process.env.POSTS_DIR = temporaryPosts(files)
  process.env.SITE_ENV = siteEnvironment
}

async function indexOf(files: Record<string, string>, siteEnvironment: string) {
  withPosts(files, siteEnvironment)
  return buildSearchFiles({ cacheDirectory: false })
}

/** A post's text as the search page reads it: from its Markdown copy. */
async function copyText(slug: string) {
  const post = (await getPost(slug, { cacheDirectory: false }))!
  return markdownDocumentText(postMarkdown(post, post.markdown))
}

const partsOf = (files: SearchFiles) => ({
  catalog: files.catalog,
  shard: async (name: string) => files.shards.get(name),
  document: copyText,
})

describe('buildSearchFiles', () => {
  it('turns a post into plain text by section: no frontmatter, imports, expressions, tags or footnote markers', async () => {
    withPosts(
      {
        'post/index.mdx': postSource({ title: '"Cache lines"', date: '2026-05-19', tags: '[go, performance]' }, body),
        'post/bench/results.txt': 'goos: linux\nBenchmarkScan-2  100  12 ns/op\n',
      },
      'production',
    )
    expect(await searchDocuments({ cacheDirectory: false })).toEqual([
      {
        slug: 'post',
        title: 'Cache lines',
        summary: 'What it says.',
        date: '2026-05-19',
        formattedDate: 'May 19, 2026',
        tags: ['go', 'performance'],
        draft: false,
        sections: [
          { text: 'Opening words with boldtext, inline_code and a link.' },
          {
            id: 'why-the-cache-misses',
            heading: 'Why the cache misses',
            text: 'Short version Pad the hot counters. A value computed inline: . func fieldalignmentDemo() {}',
          },
          { id: 'results', heading: 'Results', text: 'Scanning structs A footnote here.' },
          { id: 'footnote-label', heading: 'Footnotes', text: 'The note.' },
        ],
      },
    ])
  })

  it("reads the same sections back from the post's Markdown copy, with the page's heading ids", async () => {
    withPosts(
      {
        'post/index.mdx': postSource({ title: '"Cache lines"', tags: '[go, performance]' }, body),
        'post/bench/results.txt': 'goos: linux\nBenchmarkScan-2  100  12 ns/op\n',
      },
      'production',
    )
    const [page] = await searchDocuments({ cacheDirectory: false })
    const copy = await copyText('post')
    expect(copy.summary).toBe(page.summary)
    expect(copy.tags).toEqual(page.tags)
    expect(copy.sections.map(({ id, heading }) => ({ id, heading }))).toEqual(
      page.sections.map(({ id, heading }) => ({ id, heading })),
    )
    // The copy says what the page shows as a component: the callout's kind, the benchmark table's rows.
    expect(copy.sections.map((section) => section.text)).toEqual([
      'Opening words with boldtext, inline_code and a link.',
      'Tip: Short version Pad the hot counters. A value computed inline: {answer}. func fieldalignmentDemo() {}',
      'Scanning structs Benchmark ns/op Scan 12 Measured on: OS linux. A footnote here.',
      'The note.',
    ])
  })

  it('leaves out drafts and future-dated posts in production, and shows them in a preview', async () => {
    const files = {
      'published/index.mdx': postSource({ title: '"Published"', date: '2026-01-05' }),
      'draft/index.mdx': postSource({ title: '"Draft"', date: '2026-01-06', draft: 'true' }),
      'future/index.mdx': postSource({ title: '"Future"', date: '2999-01-01' }),
    }
    const slugs = async (environment: string) => (await indexOf(files, environment)).catalog.map((entry) => entry.slug)
    expect(await slugs('production')).toEqual(['published'])
    expect(await slugs('preview')).toEqual(['future', 'draft', 'published'])
  })

  it('feeds a search that finds a post by a word only in its body, or by a heading, linking to its section', async () => {
    const search = createSearch(
      partsOf(
        await indexOf(
          {
            'post/index.mdx': postSource({ title: '"Cache lines"' }, body),
            'post/bench/results.txt': 'BenchmarkScan-2  100  12 ns/op\n',
            'other/index.mdx': postSource({ title: '"Other"', date: '2026-05-02' }, '## Setup\n\nNothing in common.\n'),
          },
          'production',
        ),
      ),
    )
    const hrefs = async (query: string) => (await search(query)).hits.map((hit) => hit.href)
    expect(await hrefs('fieldalignmentDemo')).toEqual(['/posts/post'])
    expect(await hrefs('results')).toEqual(['/posts/post#results'])
    expect(await hrefs('setup')).toEqual(['/posts/other#setup'])
  })
})
