import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { postMeta, postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { getAllPosts, getPost } from '../content/posts'
import { compileMdx } from '../mdx/compile'
import { ContentError } from '../problems'
import { site } from './config'
import { escapeMarkdown, llmsTxt, markdownResponse, postMarkdown } from './markdown-copy'

const results = [
  'goos: linux',
  'cpu: AMD EPYC',
  'runs: 3',
  'BenchmarkScan/padded-2  100  120 ns/op  48 B/op',
  'BenchmarkScan/padded-2  100  118 ns/op  48 B/op',
  'BenchmarkScan/padded-2  100  130 ns/op  48 B/op',
  'BenchmarkScan/ordered-2  100  50 ns/op  32 B/op',
  'BenchmarkScan/ordered-2  100  49 ns/op  32 B/op',
  'BenchmarkScan/ordered-2  100  52 ns/op  32 B/op',
].join('\n')

const body = `
import results from './bench/results.txt'

Opening paragraph with [a link](/posts/other) and a [heading link](#why).

{/* a note to the next author */}

## Why

<Callout type="warning" title="Measure | don't guess">
  Indented content, as MDX allows.

  \`\`\`go
  import "fmt"
  \`\`\`
</Callout>

<Callout>One line, no title.</Callout>

<BenchmarkTable results={results} caption="Scanning *all* events" baseline="Scan/padded" filter="^Scan/" units={['ns/op']} />

<BenchmarkTable caption="Throughput" baseline="one worker" rows={[
  { name: 'one worker', values: { 'jobs/s': 10 } },
  { name: 'four workers', values: { 'jobs/s': [39, 40, 41] } },
]} />

<BenchmarkTable results={results} caption="Chosen elsewhere" units={chosenUnits} />

Text with an escaped brace {'{'} and <kbd>Ctrl</kbd>.

\`\`\`mdx
<Callout type="tip">shown as code, left alone</Callout>
import nothing from './here.txt'
\`\`\`
`

const post = postMeta('caches', '2026-03-10', {
  title: 'Go & "C" <caches>',
  summary: 'Lines & sets, measured.',
  tags: ['go', 'performance'],
  updated: '2026-04-02',
})

/** The copy of a post with this body and these files, compiled as the build compiles it. */
async function copyOf(source: string, files: Record<string, string> = { 'bench/results.txt': results }) {
  const directory = temporaryPosts({
    'caches/index.mdx': postSource({}, source),
    ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`caches/${name}`, text])),
  })
  const compiled = await compileMdx(path.join(directory, 'caches', 'index.mdx'), {
    cacheDirectory: false,
    relative: (file) => path.relative(directory, file),
  })
  return postMarkdown(post, compiled.markdown)
}

const markdown = await copyOf(body)
const expectLines = (...lines: string[]) => expect(markdown).toContain(lines.join('\n'))

describe('postMarkdown', () => {
  it('starts with the title, the summary, the dates, the tags and the canonical URL in place of the frontmatter', () => {
    expect(markdown.split('\n---\n')[0]).toBe(
      [
        '# Go & "C" \\<caches\\>',
        '',
        '> Lines & sets, measured.',
        '',
        '- Published: 2026-03-10',
        '- Updated: 2026-04-02',
        '- Tags: go, performance',
        `- Canonical URL: <${site.url}/posts/caches>`,
        '',
      ].join('\n'),
    )
  })

  it('keeps the prose as written and drops imports and comments', () => {
    expect(markdown).toContain(
      '\n---\n\nOpening paragraph with [a link](/posts/other) and a [heading link](#why).\n\n## Why',
    )
    expect(markdown).not.toContain("import results from './bench/results.txt'")
    expect(markdown).not.toContain('a note to the next author')
    expect(markdown).toContain('Text with an escaped brace { and <kbd>Ctrl</kbd>.')
  })

  it('turns a callout into a blockquote headed by its kind and title, content dedented', () => {
    expectLines(
      "> **Warning: Measure | don't guess**",
      '>',
      '> Indented content, as MDX allows.',
      '>',
      '> ```go',
      '> import "fmt"',
      '> ```',
    )
    expect(markdown).toContain('> **Note**\n>\n> One line, no title.')
  })

  it('turns a benchmark table into a Markdown table of the numbers the page shows', () => {
    expectLines(
      '**Scanning \\*all\\* events**',
      '',
      '| Scan | ns/op | vs padded (ns/op) |',
      '| - | -: | -: |',
      '| padded | 120 | baseline |',
      '| ordered | 50 | 2.40× faster |',
      '',
      'Median of 3 runs (too few for a 95 % confidence interval). Measured on: OS linux, CPU AMD EPYC.',
    )
    expect(markdown).toContain('| one worker | 10 | baseline |\n| four workers | 40 | 4.00× more |')
  })

  it('points at the page for a table whose props only the page can compute', () => {
    expect(markdown).toContain(`*The table "Chosen elsewhere" is on the article's page.*`)
  })

  it('leaves code blocks alone, even when they show MDX', () => {
    expect(markdown).toContain(
      '```mdx\n<Callout type="tip">shown as code, left alone</Callout>\nimport nothing from \'./here.txt\'\n```',
    )
  })

  it('has no copy for a post whose table is wrong: the compile fails, naming the post and the table', async () => {
    const wrong = '<BenchmarkTable results={results} caption="Scans" baseline="Nope" />'
    const error = await copyOf(`import results from './bench/results.txt'\n\n${wrong}\n`).catch((caught) => caught)
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).message).toContain(
      'caches/index.mdx:10:1: <BenchmarkTable caption="Scans">: baseline="Nope" is not one of the rows',
    )
  })

  it('is served as text/markdown with the article as the canonical URL', () => {
    const response = markdownResponse(post, '# Caches\n')
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Link')).toBe(`<${site.url}/posts/caches>; rel="canonical"`)
  })
})

describe('the Markdown copies of the journal', () => {
  it('leave no component, import or comment outside code, and start with the header', async () => {
    const posts = await getAllPosts()
    expect(posts.length).toBeGreaterThan(0)
    for (const post of posts) {
      const copy = postMarkdown(post, (await getPost(post.slug))!.markdown)
      const prose = copy.replace(/^ *```[^\n]*\n[\s\S]*?^ *```$/gm, '')
      expect(prose, post.slug).not.toMatch(
        /<(Callout|BenchmarkTable|BenchmarkEnvironment)\b|^import\s|^export\s|\{\/\*/m,
      )
      expect(copy, post.slug).toMatch(new RegExp(`^# .+\\n\\n> .+\\n\\n- Published: ${post.date}\\n`))
    }
  }, 60_000)
})

describe('llmsTxt', () => {
  const posts = [postMeta('newer', '2026-05-01', { title: 'A [bracketed] title' }), post]
  const text = llmsTxt(posts)

  it('follows the llms.txt layout: title, summary, then the posts as links to their Markdown copies', () => {
    const lines = text.split('\n')
    expect(lines[0]).toBe(`# ${site.name}`)
    expect(lines[2]).toBe(`> ${escapeMarkdown(site.description)}`)
    const postsSection = text.split('## Posts\n\n')[1].split('\n\n')[0].split('\n')
    expect(postsSection).toEqual([
      `- [A \\[bracketed\\] title](${site.url}/posts/newer.md): A summary.`,
      `- [Go & "C" \\<caches\\>](${site.url}/posts/caches.md): Lines & sets, measured.`,
    ])
  })

  it('lists the feeds in its optional section', () => {
    expect(text).toContain(`## Optional\n\n- [RSS](${site.url}/feed.xml): a feed with every article in full`)
  })
})
