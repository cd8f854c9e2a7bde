// The body of a post's Markdown copy (served as /posts/<slug>.md by lib/site/markdown-copy.ts), made while the post
// compiles from the syntax tree the compile parses anyway, and written out by the unified ecosystem's own serializer
// (mdast-util-to-markdown with its GFM extension). Imports and comments go; a <Callout> becomes a
// blockquote headed by its kind and title; a <BenchmarkTable> becomes a GFM table of the same rows and figures as
// the page (worked out by lib/mdx/component-props.ts, which runs first); everything else stays as written.
import type { BlockContent, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mdxToMarkdown } from 'mdast-util-mdx'
import { toMarkdown, type Options } from 'mdast-util-to-markdown'
import { SKIP, visit } from 'unist-util-visit'
import type { TableCell } from '../benchmarks'
import type { ComponentFacts } from './component-props'

// The journal's own style, so that what the serializer writes reads like what its authors write.
const style: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
}

/** MDX that stays (an HTML element, an expression that needs the page to be worked out), written as it was. */
function asWritten(node: RootContent): RootContent {
  return { type: 'html', value: toMarkdown(node as Root['children'][number], { extensions: [mdxToMarkdown()] }).trim() }
}

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children })

function cellText(cell: TableCell): string {
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

function benchmarkTable(caption: string, { model, notes }: NonNullable<ComponentFacts['table']>): BlockContent[] {
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: [text(cell)] })),
  })
  const table: Table = {
    type: 'table',
    align: [null, ...model.columns.map(() => 'right' as const)],
    children: [
      row([model.nameHeader, ...model.columns.map(({ header, unit }) => (unit ? `${header} (${unit})` : header))]),
      ...model.rows.map((benchmark) => row([benchmark.name, ...benchmark.cells.map(cellText)])),
    ],
  }
  return [
    paragraph([{ type: 'strong', children: [text(caption)] }]),
    table,
    ...(notes.length ? [paragraph([text(notes.join(' '))])] : []),
  ]
}

/** A string attribute as written (or as the compile wrote it). */
function attribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const found = node.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === name)
  return found?.type === 'mdxJsxAttribute' && typeof found.value === 'string' ? found.value : undefined
}

/** What a journal component becomes in Markdown; undefined for an element that stays as written. */
function componentMarkdown(node: MdxJsxFlowElement | MdxJsxTextElement): RootContent[] | undefined {
  const facts = node.data?.playbook
  const values = facts?.values ?? {}
  const flow = node.type === 'mdxJsxFlowElement'
  switch (node.name) {
    case 'Callout': {
      const kind = typeof values.type === 'string' ? values.type : 'note'
      const label = kind.charAt(0).toUpperCase() + kind.slice(1)
      const heading: PhrasingContent = {
        type: 'strong',
        children: [text(typeof values.title === 'string' ? `${label}: ${values.title}` : label)],
      }
      if (!flow) return [heading, ...(node.children.length ? [text(' ')] : []), ...(node.children as PhrasingContent[])]
      return [{ type: 'blockquote', children: [paragraph([heading]), ...(node.children as BlockContent[])] }]
    }
    case 'BenchmarkTable': {
      const caption = typeof values.caption === 'string' ? values.caption : 'A benchmark table'
      if (facts?.table) return benchmarkTable(caption, facts.table)
      const pointer: PhrasingContent = {
        type: 'emphasis',
        children: [text(`The table "${caption}" is on the article's page.`)],
      }
      return [flow ? paragraph([pointer]) : pointer]
    }
    case 'Diagram':
      return [
        paragraph([{ type: 'strong', children: [text(attribute(node, 'title') ?? 'A diagram')] }]),
        { type: 'code', lang: 'dot', value: attribute(node, 'source') ?? '' },
      ]
    case 'FlameGraph': {
      const rows = facts?.flame ?? []
      const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`
      return [
        paragraph([
          { type: 'strong', children: [text(typeof values.title === 'string' ? values.title : 'A flame graph')] },
        ]),
        {
          type: 'table',
          align: [null, 'right', 'right'],
          children: [
            ['Function', 'Itself', 'With what it calls'],
            ...rows.map(({ name, flat, cumulative }) => [name, percent(flat), percent(cumulative)]),
          ].map((cells) => ({
            type: 'tableRow',
            children: cells.map((cell) => ({ type: 'tableCell', children: [text(cell)] })),
          })),
        },
      ]
    }
    case 'BenchmarkEnvironment':
      // Each table says where it was measured in its own notes.
      return []
    default:
      // A component from the post's folder leaves its children; HTML elements (<kbd>, <img>) stay as written.
      return node.name && /^[A-Z]/.test(node.name) ? (node.children as RootContent[]) : undefined
  }
}

/** The Markdown body's tree: the compiled post's tree (a copy of it) with its components turned into Markdown. */
function markdownTree(copy: Root): Root {
  visit(copy, (node, index, parent) => {
    if (!parent || index === undefined) return
    const replaceWith = (nodes: RootContent[]): [typeof SKIP, number] => {
      parent.children.splice(index, 1, ...(nodes as never[]))
      // Visit what took the node's place: a callout's content may hold components too.
      return [SKIP, index]
    }
    // Imports and exports, and the frontmatter, which the copy's header restates.
    if (node.type === 'mdxjsEsm' || node.type === 'yaml') return replaceWith([])
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const body = node.data?.estree?.body ?? []
      if (body.length === 0) return replaceWith([]) // a {/* comment */}
      const statement = body[0]
      const literal =
        statement.type === 'ExpressionStatement' && statement.expression.type === 'Literal'
          ? statement.expression.value
          : undefined
      if (typeof literal === 'string' || typeof literal === 'number') {
        const value = text(String(literal))
        return replaceWith([node.type === 'mdxTextExpression' ? value : paragraph([value])])
      }
      return replaceWith([asWritten(node)])
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
      return replaceWith(componentMarkdown(node) ?? [asWritten(node)])
    return undefined
  })
  return copy
}

/**
 * Writes the Markdown body, each heading ending in its id on the page (`## Why it matters {#why-it-matters}`, the
 * header-attribute syntax of Pandoc's Markdown, kramdown and markdown-it-attrs; GitHub shows it as text), so that a
 * reader of the copy, and the search page that reads it (lib/search/markdown-text.ts), can link to the same section
 * of the article. `headingIds` maps where a heading starts in the post's source to the id the page gave it
 * (`rehypeCollectHeadings` in lib/mdx/inspect.ts): the copy's headings are the same nodes, so each finds its own,
 * and one the page shows without an id (none does today) is written without one. `copy` is the tree
 * `remarkMarkdownBody` handed over, changed in place.
 */
export function writeMarkdownBody(copy: Root, headingIds: Map<number, string>): string {
  // Before any element is written out as it was: a heading inside <details> keeps its id too.
  visit(copy, 'heading', (heading) => {
    const id = headingIds.get(heading.position?.start.offset ?? -1)
    // Raw, so that the serializer does not escape an id's underscores into `\_`.
    if (id) heading.children.push({ type: 'html', value: ` {#${id}}` })
  })
  return toMarkdown(markdownTree(copy), style).trim() + '\n'
}

/**
 * A remark plugin that hands over a copy of each compiled post's tree as it stands here (its components' props
 * worked out), for `writeMarkdownBody` once the page's heading ids are known.
 */
export function remarkMarkdownBody(onConverted: (tree: Root) => void) {
  return () => (tree: Root) => {
    onConverted(structuredClone(tree))
  }
}
