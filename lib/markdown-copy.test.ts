import { describe, expect, it } from 'vitest'
import { postMeta } from './__fixtures__/temporary-posts'
import {
  completeMarkdown,
  escapeMarkdown,
  llmsTxt,
  markdownResponse,
  postFileReader,
  postMarkdown,
} from './markdown-copy'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { compileMdx } from './compile-mdx'
import { parseFrontmatter } from './frontmatter'
import { getAllPosts, getPostMarkdown, postsDirectory } from './posts'
import { site } from './site'

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
const read = (specifier: string) => {
  if (specifier !== './bench/results.txt') throw new Error(`unexpected import ${specifier}`)
  return results
}
const markdown = postMarkdown(post, body, read)
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
      "> **Warning: Measure \\| don't guess**",
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
      '| --- | ---: | ---: |',
      '| padded | 120 | baseline |',
      '| ordered | 50 | 2.40× faster |',
      '',
      'Median of 3 runs (too few for a 95 % confidence interval). Measured on: OS linux, CPU AMD EPYC.',
    )
    expect(markdown).toContain('| one worker | 10 | baseline |\n| four workers | 40 | 4.00× more |')
  })

  it('points at the page for a table whose props only the page can compute', () => {
    expect(markdown).toContain(`*The table "Chosen elsewhere" is on the article's page: <${site.url}/posts/caches>*`)
  })

  it('leaves code blocks alone, even when they show MDX', () => {
    expect(markdown).toContain(
      '```mdx\n<Callout type="tip">shown as code, left alone</Callout>\nimport nothing from \'./here.txt\'\n```',
    )
  })

  it('names the post and the table when a benchmark table is wrong, as the page build does', () => {
    const wrong = '<BenchmarkTable results={results} caption="Scans" baseline="Nope" />'
    expect(() => postMarkdown(post, `import results from './r.txt'\n\n${wrong}\n`, () => results)).toThrow(
      'posts/caches/index.mdx: <BenchmarkTable caption="Scans">: baseline="Nope" is not one of the rows',
    )
  })

  it('is served as text/markdown with the article as the canonical URL', () => {
    const response = markdownResponse(post, '# Caches\n')
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(response.headers.get('Link')).toBe(`<${site.url}/posts/caches>; rel="canonical"`)
  })
})

describe('the Markdown copies of the journal', () => {
  it('convert every post while compiling, exactly as from its source, leaving no component or import outside code', async () => {
    const posts = await getAllPosts()
    expect(posts.length).toBeGreaterThan(0)
    for (const post of posts) {
      const folder = path.join(postsDirectory(), post.slug)
      const parsed = parseFrontmatter(post.file, await readFile(path.join(folder, 'index.mdx'), 'utf8'))
      if (!parsed.ok) throw new Error(`${post.file} does not parse`)
      const fromSource = postMarkdown(post, parsed.body, postFileReader(folder, post.file))

      const compiled = await compileMdx(path.join(folder, 'index.mdx'), { cacheDirectory: false })
      expect(compiled.markdown, post.slug).toBeDefined()
      expect(completeMarkdown(post, compiled.markdown!), post.slug).toBe(fromSource)
      expect((await getPostMarkdown(post.slug))!.markdown, post.slug).toBe(fromSource)

      const prose = fromSource.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
      expect(prose, post.slug).not.toMatch(/<(Callout|BenchmarkTable)\b|^import\s|^export\s/m)
      expect(fromSource, post.slug).toMatch(new RegExp(`^# .+\\n\\n> .+\\n\\n- Published: ${post.date}\\n`))
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
