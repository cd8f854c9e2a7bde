// Plain Markdown for tools and language models: a post's source as its author wrote it, with a short header in
// place of the frontmatter and the journal's components turned into Markdown (a Callout into a blockquote, a
// BenchmarkTable into a table of the same numbers the page shows), and /llms.txt, the index that links them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Nodes, Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { z } from 'zod'
import {
  benchmarkTableModel,
  compareTableBenchmarks,
  describeEnvironment,
  type BenchmarkSelection,
  type TableCell,
} from './benchmarks'
import type { PostMeta } from './posts'
import { markdownContentType, siteFiles } from './response-headers.mjs'
import { absoluteUrl, feedLinks, markdownCopyPath } from './seo'
import { site } from './site'
import { staticResponse } from './static-response'

/** Reads a file a post imports, by the specifier its import names (`./bench/results.txt`). */
export type ImportReader = (specifier: string) => string

/** The ImportReader of a post's folder: nothing outside it. */
export function postFileReader(folder: string, file: string): ImportReader {
  return (specifier: string) => {
    const resolved = path.resolve(folder, specifier)
    if (!resolved.startsWith(folder + path.sep)) throw new Error(`${file}: "${specifier}" is outside the post's folder`)
    return readFileSync(resolved, 'utf8')
  }
}

type Program = NonNullable<NonNullable<MdxjsEsm['data']>['estree']>
type Expression = Extract<Program['body'][number], { type: 'ExpressionStatement' }>['expression']
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement
type Edit = { start: number; end: number; text: string }

type Conversion = {
  /** The post's file, named in the errors a conversion throws. */
  file: string
  url: string
  source: string
  /** What each imported name refers to: `results` → `./bench/results.txt`. */
  imports: Map<string, string>
  readImport: ImportReader
}

/** A prop the copy cannot know without running the post's code; the copy then points at the page instead. */
class NotLiteral extends Error {}

const benchmarkProps = z.object({
  caption: z.string(),
  results: z.string().optional(),
  rows: z
    .array(z.object({ name: z.string(), values: z.record(z.string(), z.union([z.number(), z.array(z.number())])) }))
    .optional(),
  filter: z.string().optional(),
  baseline: z.string().optional(),
  metric: z.string().optional(),
  better: z.enum(['lower', 'higher']).optional(),
  units: z.array(z.string()).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  before: z.string().optional(),
  beforeLabel: z.string().optional(),
  label: z.string().optional(),
})

/** Backslash-escapes what Markdown would read as markup in a line of plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\s+/g, ' ')
}

function offsets(node: Nodes): { start: number; end: number } {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) throw new Error('the MDX parser gave a node no position')
  return { start, end }
}

function applyEdits(source: string, start: number, end: number, edits: Edit[]): string {
  let text = ''
  let at = start
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    text += source.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return text + source.slice(at, end)
}

/** Removes a node with the line breaks after it, so no run of blank lines is left behind. */
function removal(node: Nodes, source: string): Edit {
  const { start, end } = offsets(node)
  let after = end
  if (node.type !== 'mdxTextExpression') while (source[after] === '\n' || source[after] === '\r') after++
  return { start, end: after, text: '' }
}

function evaluate(expression: Expression, conversion: Conversion): unknown {
  switch (expression.type) {
    case 'Literal':
      if (!(expression.value instanceof RegExp)) return expression.value
      break
    case 'TemplateLiteral':
      if (expression.expressions.length === 0) return expression.quasis.map((quasi) => quasi.value.cooked).join('')
      break
    case 'UnaryExpression': {
      const value = expression.operator === '-' ? evaluate(expression.argument, conversion) : undefined
      if (typeof value === 'number') return -value
      break
    }
    case 'ArrayExpression':
      return expression.elements.map((element) => {
        if (!element || element.type === 'SpreadElement') throw new NotLiteral()
        return evaluate(element, conversion)
      })
    case 'ObjectExpression':
      return Object.fromEntries(
        expression.properties.map((property) => {
          if (property.type !== 'Property' || property.computed || property.kind !== 'init') throw new NotLiteral()
          const key = property.key.type === 'Identifier' ? property.key.name : evaluate(property.key, conversion)
          if (property.value.type === 'ObjectPattern' || property.value.type === 'ArrayPattern') throw new NotLiteral()
          if (property.value.type === 'AssignmentPattern' || property.value.type === 'RestElement')
            throw new NotLiteral()
          return [String(key), evaluate(property.value, conversion)]
        }),
      )
    case 'Identifier': {
      // Imported text files (benchmark output) are strings, as esbuild's text loader makes them for the page.
      const specifier = conversion.imports.get(expression.name)
      if (specifier?.endsWith('.txt')) return conversion.readImport(specifier)
      break
    }
  }
  throw new NotLiteral()
}

/** An attribute's value: a string as written, true for a bare name, or a literal expression evaluated. */
function attributes(element: JsxElement, conversion: Conversion): Record<string, unknown> {
  return Object.fromEntries(
    element.attributes.map((attribute) => {
      if (attribute.type !== 'mdxJsxAttribute') throw new NotLiteral()
      const { name, value } = attribute
      if (value === null || value === undefined) return [name, true]
      if (typeof value === 'string') return [name, value]
      const statement = value.data?.estree?.body[0]
      if (statement?.type !== 'ExpressionStatement') throw new NotLiteral()
      return [name, evaluate(statement.expression, conversion)]
    }),
  )
}

/** A benchmark table as Markdown: the caption and its notes, then the same rows and figures the page shows. */
export function benchmarkTableMarkdown({
  caption,
  source,
  ...selection
}: BenchmarkSelection & { caption: string; source: string }): string {
  const comparison = compareTableBenchmarks(selection, source, caption)
  const model = benchmarkTableModel(comparison, selection.beforeLabel, selection.label)
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`
  const cellText = (cell: TableCell): string => {
    switch (cell.kind) {
      case 'missing':
        return '–'
      case 'relative':
        return cell.text
      case 'value':
        return cell.interval ? `${cell.median} ${cell.interval}` : cell.median
      case 'change':
        return `${cell.text} (${cell.p})`
    }
  }
  const same = model.sameInEveryRow.length ? [`Every row: ${model.sameInEveryRow.join(', ')}.`] : []
  const environment = describeEnvironment(comparison.environment)
    .map(([label, value]) => `${label} ${value}`)
    .join(', ')
  const notes = [...model.notes, ...same, ...(environment ? [`Measured on: ${environment}.`] : [])].join(' ')
  return [
    `**${escapeMarkdown(caption)}**`,
    '',
    row([model.nameHeader, ...model.columns.map(({ header, unit }) => (unit ? `${header} (${unit})` : header))]),
    `| --- |${' ---: |'.repeat(model.columns.length)}`,
    ...model.rows.map((benchmark) => row([benchmark.name, ...benchmark.cells.map(cellText)])),
    ...(notes ? ['', escapeMarkdown(notes)] : []),
  ].join('\n')
}

function benchmarkMarkdown(element: JsxElement, conversion: Conversion): string {
  let props: z.infer<typeof benchmarkProps> | undefined
  try {
    props = benchmarkProps.safeParse(attributes(element, conversion)).data
  } catch (error) {
    if (!(error instanceof NotLiteral)) throw error
  }
  if (!props) {
    const caption = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'caption')?.value
    const name = typeof caption === 'string' ? `The table "${escapeMarkdown(caption)}"` : 'A benchmark table'
    return `*${name} is on the article's page: <${conversion.url}>*`
  }
  return benchmarkTableMarkdown({ ...props, source: conversion.file })
}

/** Removes the indentation every non-blank line shares, as MDX does for content nested in a component. */
function dedent(text: string): string {
  const lines = text.split('\n')
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length)
  const common = Math.min(...indents)
  return lines.map((line) => line.slice(Math.min(common, line.length))).join('\n')
}

/** The source of a component's children, converted, from the start of the first child's line when it starts one. */
function childrenMarkdown(element: JsxElement, conversion: Conversion): string {
  if (element.children.length === 0) return ''
  const { source } = conversion
  const start = offsets(element.children[0]).start
  const end = offsets(element.children.at(-1)!).end
  const lineStart = source.lastIndexOf('\n', start - 1) + 1
  const from = source.slice(lineStart, start).trim() ? start : lineStart
  const edits = element.children.flatMap((child) => editsFor(child, conversion))
  return dedent(applyEdits(source, from, end, edits)).trim()
}

function calloutMarkdown(element: JsxElement, conversion: Conversion, block: boolean): string {
  const { type = 'note', title } = attributes(element, conversion)
  const label = String(type).charAt(0).toUpperCase() + String(type).slice(1)
  const heading = `**${escapeMarkdown(typeof title === 'string' ? `${label}: ${title}` : label)}**`
  const body = childrenMarkdown(element, conversion)
  if (!block) return body ? `${heading} ${body}` : heading
  return [heading, ...(body ? ['', ...body.split('\n')] : [])].map((line) => (line ? `> ${line}` : '>')).join('\n')
}

function componentMarkdown(
  element: JsxElement,
  conversion: Conversion,
  block = element.type === 'mdxJsxFlowElement',
): string | undefined {
  try {
    if (element.name === 'Callout') return calloutMarkdown(element, conversion, block)
  } catch (error) {
    if (!(error instanceof NotLiteral)) throw error
    return childrenMarkdown(element, conversion)
  }
  if (element.name === 'BenchmarkTable') return benchmarkMarkdown(element, conversion)
  // A component the post imports from its folder runs only on the page.
  if (element.name && /^[A-Z]/.test(element.name))
    return `*This part of the article is on its page: <${conversion.url}>*`
  return undefined
}

function editsFor(node: Nodes, conversion: Conversion): Edit[] {
  switch (node.type) {
    case 'paragraph': {
      // `<Callout>One line.</Callout>` alone on its line is parsed as inline, yet reads as a block.
      const [only] = node.children
      if (node.children.length === 1 && only.type === 'mdxJsxTextElement' && only.name === 'Callout') {
        return [{ ...offsets(node), text: componentMarkdown(only, conversion, true)! }]
      }
      break
    }
    case 'mdxjsEsm':
      return [removal(node, conversion.source)]
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const statement = node.data?.estree?.body[0]
      // {/* a comment */} has no statement; {'{'} is text the author escaped this way.
      if (!statement) return [removal(node, conversion.source)]
      if (statement.type === 'ExpressionStatement' && statement.expression.type === 'Literal') {
        return [{ ...offsets(node), text: String(statement.expression.value) }]
      }
      return []
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const text = componentMarkdown(node, conversion)
      if (text !== undefined) return [{ ...offsets(node), text }]
      break
    }
  }
  return 'children' in node ? node.children.flatMap((child) => editsFor(child, conversion)) : []
}

function importedFiles(tree: Root): Map<string, string> {
  const imports = new Map<string, string>()
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue
    for (const statement of node.data?.estree?.body ?? []) {
      if (statement.type !== 'ImportDeclaration') continue
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier')
          imports.set(specifier.local.name, String(statement.source.value))
      }
    }
  }
  return imports
}

/**
 * Where the copy links the article's page (for what only the page can show). The body is converted while the post
 * compiles and is cached by the post's content alone, so the site's address, which differs between production and
 * each preview, is filled in when the copy is served.
 */
const pageUrlPlaceholder = '\u0000page-url\u0000'

/** The body's conversion: imports removed, the journal's components written out, from `from` to the end. */
function convertBody(
  tree: Root,
  source: string,
  from: number,
  context: Pick<Conversion, 'file' | 'url' | 'readImport'>,
): string {
  const conversion: Conversion = { ...context, source, imports: importedFiles(tree) }
  return applyEdits(source, from, source.length, editsFor(tree, conversion)).trim()
}

function markdownHeader(post: PostMeta, url: string): string {
  return [
    `# ${escapeMarkdown(post.title)}`,
    '',
    `> ${escapeMarkdown(post.summary)}`,
    '',
    `- Published: ${post.date}`,
    ...(post.updated ? [`- Updated: ${post.updated}`] : []),
    `- Tags: ${post.tags.join(', ')}`,
    `- Canonical URL: <${url}>`,
    '',
    '---',
  ].join('\n')
}

/**
 * A post as Markdown: a header with the title, summary, dates, tags and canonical URL, then the body (the MDX after
 * the frontmatter) with imports removed and the journal's components written out as Markdown.
 */
export function postMarkdown(post: PostMeta, body: string, readImport: ImportReader): string {
  // MDX's syntax, as the compile parses it, without @mdx-js/mdx's compiler: the build's tsx scripts load this module
  // (through lib/compile-mdx.ts), and parts of that compiler cannot be required there.
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body)
  const url = absoluteUrl(`/posts/${post.slug}`)
  return `${markdownHeader(post, url)}\n\n${convertBody(tree, body, 0, { file: post.file, url, readImport })}\n`
}

/** A post's Markdown copy from the body its compile converted (remarkMarkdownCopy). */
export function completeMarkdown(post: PostMeta, convertedBody: string): string {
  const url = absoluteUrl(`/posts/${post.slug}`)
  return `${markdownHeader(post, url)}\n\n${convertedBody.replaceAll(pageUrlPlaceholder, url)}\n`
}

/**
 * Converts the body while the post compiles (lib/compile-mdx.ts), from the syntax tree the compile parsed anyway:
 * parsing every post a second time for its copy cost a thousand-post build about 20 s of one worker. The tree is
 * the whole file's, frontmatter included, so the body starts where the frontmatter ends; the nodes the frontmatter
 * plugins added have no place in the source and are left out. A post whose copy cannot be converted (a benchmark
 * selection that does not fit its results) gets none here: its page fails the build with the reason.
 */
export function remarkMarkdownCopy(options: {
  file: string
  readImport: ImportReader
  onConverted: (body: string) => void
}) {
  return () => (tree: Root, vfile: { value: unknown }) => {
    const source = String(vfile.value)
    const frontmatter = tree.children.find((node) => node.type === 'yaml')
    const body: Root = {
      ...tree,
      children: tree.children.filter((node) => node.type !== 'yaml' && node.position !== undefined),
    }
    try {
      options.onConverted(
        convertBody(body, source, frontmatter?.position?.end.offset ?? 0, {
          file: options.file,
          url: pageUrlPlaceholder,
          readImport: options.readImport,
        }),
      )
    } catch {
      // Left for the page, as above.
    }
  }
}

/** /llms.txt (https://llmstxt.org): the journal in a sentence, then every post's Markdown copy, newest first. */
export function llmsTxt(posts: PostMeta[]): string {
  return [
    `# ${site.name}`,
    '',
    `> ${escapeMarkdown(site.description)}`,
    '',
    'Each link below is a plain-Markdown copy of an article; the article itself is the same URL without `.md`.',
    'Every benchmark figure in the articles comes from a program committed next to the article, with its raw output.',
    '',
    '## Posts',
    '',
    ...posts.map(
      (post) =>
        `- [${escapeMarkdown(post.title)}](${absoluteUrl(markdownCopyPath(post.slug))}): ${escapeMarkdown(post.summary)}`,
    ),
    '',
    '## Optional',
    '',
    ...feedLinks.map(({ label, path }) => `- [${label}](${absoluteUrl(path)}): a feed with every article in full`),
    '',
  ].join('\n')
}

/** A post's Markdown copy as its route answers it, naming the article as the canonical version for crawlers. */
export function markdownResponse(post: PostMeta, markdown: string): Response {
  return staticResponse(markdown, markdownContentType, {
    Link: `<${absoluteUrl(`/posts/${post.slug}`)}>; rel="canonical"`,
  })
}

export function llmsTxtResponse(posts: PostMeta[]): Response {
  return staticResponse(llmsTxt(posts), siteFiles.llmsTxt.contentType)
}
