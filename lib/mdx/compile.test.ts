import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { compileMdx } from './compile'
import { themeSvg } from './diagrams'
import { ContentError } from '../problems'

const options = { cacheDirectory: false as const, relative: (file: string) => file }

async function compileError(directory: string, slug = 'post'): Promise<ContentError> {
  const error = await compileMdx(path.join(directory, slug, 'index.mdx'), options).catch((caught: unknown) => caught)
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`)
  return error
}

describe('compileMdx', () => {
  it('compiles GFM, heading anchors, highlighted code and imported benchmark output', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          "import results from './bench/results.txt'",
          '',
          '## Section title',
          '',
          '### A `code` subsection',
          '',
          '#### Too deep for the contents',
          '',
          '| a | b |',
          '|---|---|',
          '| 1 | 2 |',
          '',
          '~~gone~~ and a note[^1].',
          '',
          '[^1]: The note.',
          '',
          '```go title="main.go" {2}',
          'package main',
          'func main() {}',
          '```',
          '',
          '<BenchmarkTable results={results} caption="Runs" />',
        ].join('\n'),
      ),
      'post/bench/results.txt': 'goos: linux\nBenchmarkA-2  100  12 ns/op\n',
    })
    const { code, outline } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    expect(code).toContain('section-title')
    expect(code).toContain('Table: a, b')
    expect(code).toContain('heading-anchor')
    expect(code).toContain('data-rehype-pretty-code-title')
    expect(code).toContain('--shiki-dark')
    expect(code).toContain('data-highlighted-line')
    expect(code).toContain('BenchmarkA-2  100  12 ns/op')
    expect(code).toMatch(/"del"|del:/)
    expect(outline.headings).toContain('section-title')
    expect(outline.toc).toEqual([
      { id: 'section-title', text: 'Section title', depth: 2 },
      { id: 'a-code-subsection', text: 'A code subsection', depth: 3 },
    ])
  })

  it('names the file and line of an MDX syntax error', async () => {
    const directory = temporaryPosts({ 'post/index.mdx': postSource({}, 'Fine line.\n\nA broken {expression\n') })
    const [problem] = (await compileError(directory)).problems
    expect(problem.file).toBe(path.join(directory, 'post', 'index.mdx'))
    // The frontmatter takes lines 1–6, a blank line follows, and the body starts at line 8.
    expect(problem.line).toBe(10)
  })

  it('names the file and line of an unclosed JSX tag', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, 'Intro.\n\n<Callout type="tip">\nNever closed.\n'),
    })
    const [problem] = (await compileError(directory)).problems
    expect(problem.file).toBe(path.join(directory, 'post', 'index.mdx'))
    expect(problem.line).toBeGreaterThanOrEqual(10)
    expect(problem.message).toMatch(/Callout/)
  })

  it('fails on a malformed line in imported benchmark output, naming that file and line', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        'import results from \'./bench/results.txt\'\n\n<BenchmarkTable results={results} caption="x" />\n',
      ),
      'post/bench/results.txt': 'goos: linux\nBenchmarkA-2  100  12 ns/op\nBenchmarkB-2  100  twelve ns/op\n',
    })
    const [problem] = (await compileError(directory)).problems
    expect(problem).toMatchObject({
      file: path.join(directory, 'post', 'bench', 'results.txt'),
      line: 3,
      message: 'benchmark output: "twelve" is not a number',
    })
    // Named once, relative to the project, the way `npm run check` prints it.
    const relative = (file: string) => path.relative(directory, file)
    const error = await compileMdx(path.join(directory, 'post', 'index.mdx'), {
      cacheDirectory: false,
      relative,
    }).catch((caught: ContentError) => caught)
    expect((error as ContentError).problems[0]).toMatchObject({ file: path.join('post', 'bench', 'results.txt') })
  })

  it('refuses imports from outside the post folder', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, "import secret from '../other/data.txt'\n\n{secret}\n"),
      'other/data.txt': 'not yours',
    })
    const [problem] = (await compileError(directory)).problems
    expect(problem.message).toContain(`"../other/data.txt" is outside the post's folder`)
    expect(problem.file).toBe(path.join(directory, 'post', 'index.mdx'))
  })

  it('names a missing imported file', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, "import data from './missing.txt'\n\n{data}\n"),
    })
    const [problem] = (await compileError(directory)).problems
    expect(problem.message).toMatch(/missing\.txt/)
  })
})

describe('the compile cache', () => {
  it('reuses a compiled post until a file in its folder changes, and keeps one entry per post', async () => {
    const cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'playbook-cache-'))
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, "import results from './bench/results.txt'\n\n{results.length}\n"),
      'post/bench/results.txt': 'BenchmarkA-2  100  12 ns/op\n',
    })
    const file = path.join(directory, 'post', 'index.mdx')
    const first = await compileMdx(file, { cacheDirectory })
    expect(await compileMdx(file, { cacheDirectory })).toEqual(first)
    expect(readdirSync(cacheDirectory)).toHaveLength(1)

    writeFileSync(path.join(directory, 'post', 'bench', 'results.txt'), 'BenchmarkA-2  100  13 ns/op\n')
    const second = await compileMdx(file, { cacheDirectory })
    expect(second).not.toEqual(first)
    expect(second.code).toContain('13 ns/op')
    expect(readdirSync(cacheDirectory)).toHaveLength(1)
  })
})

describe('what compiling a post checks', () => {
  it('reports every image without alt text and every unknown component, each at its line and column', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          "import Chart from './chart.js'",
          '',
          '![](./diagram.png)',
          '',
          '<img src="./photo.png" />',
          '',
          '<Callot type="tip">Misspelled.</Callot>',
          '',
          '<Chart />',
          '',
          '<Callout type="note">Fine.</Callout>',
        ].join('\n'),
      ),
      'post/chart.js': 'export default function Chart() { return null }',
    })
    const file = path.join(directory, 'post', 'index.mdx')
    expect((await compileError(directory)).problems).toEqual([
      {
        file,
        line: 10,
        column: 1,
        message: 'the image ./diagram.png has no alt text: write ![what the image shows](./diagram.png)',
      },
      { file, line: 12, column: 1, message: '<img> has no alt attribute: add alt="what the image shows"' },
      {
        file,
        line: 14,
        column: 1,
        message:
          "<Callot> is not a component posts can use: the journal's components are Callout, BenchmarkTable, FlameGraph (or import one from the post's folder)",
      },
      // The files are missing too, and said in the same round (lib/mdx/images.ts).
      {
        file,
        line: 10,
        column: 1,
        message: `the image ./diagram.png does not exist: there is no file ${path.join(directory, 'post', 'diagram.png')}`,
      },
      {
        file,
        line: 12,
        column: 1,
        message: `the image ./photo.png does not exist: there is no file ${path.join(directory, 'post', 'photo.png')}`,
      },
    ])
  })
})

describe('components checked where they are written', () => {
  const results = (go: string) =>
    [`go: ${go}`, 'cpu: AMD EPYC', 'BenchmarkScan/a-2  100  12 ns/op', 'BenchmarkScan/b-2  100  6 ns/op'].join('\n')

  it('fails a wrong <Callout type> and a <BenchmarkTable> that does not fit its results, each at its line', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          "import results from './bench/results.txt'",
          '',
          '<Callout type="hint">Not a kind.</Callout>',
          '',
          '<BenchmarkTable results={results} caption="Scans" baseline="Scan/c" />',
          '',
          '<BenchmarkTable results={results} caption="Units" units={["MB/s"]} />',
          '',
          '<BenchmarkTable results={results} caption="Fine" labels={{ "Scan/a": "first" }} />',
        ].join('\n'),
      ),
      'post/bench/results.txt': results('go1.26.8'),
    })
    const file = path.join(directory, 'post', 'index.mdx')
    expect((await compileError(directory)).problems).toEqual([
      {
        file,
        line: 10,
        column: 1,
        message:
          '<Callout type="hint"> is not a kind of callout: use type="note", type="tip", type="warning", type="danger"',
      },
      {
        file,
        line: 12,
        column: 1,
        message: '<BenchmarkTable caption="Scans">: baseline="Scan/c" is not one of the rows: Scan/a, Scan/b',
      },
      {
        file,
        line: 14,
        column: 1,
        message: '<BenchmarkTable caption="Units">: units MB/s are not in the output, which has ns/op',
      },
    ])
  })

  it('says once, before the first table, how the figures were measured, and marks a table measured otherwise', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          "import now from './bench/results.txt'",
          "import then from './bench/results-go1.19.txt'",
          '',
          'Text.',
          '',
          '<BenchmarkTable results={now} caption="Now" />',
          '',
          '<BenchmarkTable results={then} caption="Then" />',
          '',
          '<BenchmarkTable results={now} before={then} caption="Both" />',
        ].join('\n'),
      ),
      'post/bench/results.txt': results('go1.26.8'),
      'post/bench/results-go1.19.txt': results('go1.19.8'),
    })
    const { code } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    // The compiled code is minified: the panel is the one element given entries, before the first table.
    const panel = code.indexOf('{entries:[["Go","1.26.8"],["CPU","AMD EPYC"]],runs:1}')
    expect(panel).toBeGreaterThan(-1)
    expect(panel).toBeLessThan(code.indexOf('caption:"Now"'))
    expect(code.match(/entries:/g)).toHaveLength(1)
    expect(code).toMatch(/caption:"Then",source:"[^"]+:15",differs:\[\["Go","1\.19\.8"\]\]/)
    expect(code).toMatch(/caption:"Both",source:"[^"]+:17",beforeDiffers:\[\["Go","1\.19\.8"\]\]/)
  })
})

describe('diagrams as code', () => {
  it('draws a ```dot block as themed inline SVG with its title, and keeps the source for readers', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          '```dot title="The pipeline" alt="Couchbase feeds Kafka."',
          'digraph {',
          '  couchbase [fillcolor=orange style=filled]',
          '  couchbase -> kafka',
          '}',
          '```',
        ].join('\n'),
      ),
    })
    const { code, markdown } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    expect(code).toContain('title:"The pipeline"')
    expect(code).toContain('<svg viewBox=')
    expect(code).toContain('fill:var(--accent-soft)')
    expect(code).not.toMatch(/font-family="Times|<\?xml| id="node1"/)
    expect(markdown).toContain('**The pipeline**\n\n```dot\ndigraph {')
  })

  it('lets a diagram shrink only while its smallest label stays 12 px', () => {
    // 300 pt wide is 400 px; a 10 pt label is 13.3 px there, and 12 px at 9/10 of that width.
    const drawn = themeSvg(
      '<svg width="300pt" height="60pt" viewBox="0 0 300 60"><text font-size="13.00">a</text>' +
        '<text font-size="10.00">b</text></svg>',
    )
    expect(drawn).toMatchObject({ width: 400, height: 80, legibleWidth: 360 })
  })

  it('fails a diagram that does not parse at its line in the post, and one without a title', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        ['```dot title="Broken"', 'digraph {', '  a -> ', '}', '```', '', '```dot', 'digraph { a }', '```'].join('\n'),
      ),
    })
    const problems = (await compileError(directory)).problems.map(({ line, message }) => `${line}: ${message}`)
    expect(problems).toEqual([
      expect.stringMatching(/^11: the diagram "Broken" does not parse: syntax error in line 3 near '}'/),
      '14: a diagram needs a title: ```dot title="What it shows"',
    ])
  })
})

describe("the Markdown copy's headings", () => {
  it("end in the page's ids, unescaped, inside an element written as it was, and beside GFM's footnotes", async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          '## `__slots__` and memory',
          '',
          'A claim.[^1]',
          '',
          '<details>',
          '<summary>More</summary>',
          '',
          '## Hidden heading',
          '',
          'Inside.',
          '',
          '</details>',
          '',
          '## Footnote label',
          '',
          '[^1]: The source.',
        ].join('\n'),
      ),
    })
    const { code, markdown } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    const ids = [...code.matchAll(/id:"([^"]+)"/g)].map(([, id]) => id)
    // The page's own id for the heading, whatever it is (GFM's footnotes heading takes the same one).
    expect(ids).toEqual(expect.arrayContaining(['__slots__-and-memory', 'hidden-heading', 'footnote-label']))
    expect(markdown).toMatch(/^## `__slots__` and memory \{#__slots__-and-memory\}$/m)
    expect(markdown).toMatch(/^ *## Hidden heading \{#hidden-heading\}$/m)
    expect(markdown).toMatch(/^## Footnote label \{#footnote-label\}$/m)
    expect(markdown.match(/\{#/g)).toHaveLength(3)
  })
})
