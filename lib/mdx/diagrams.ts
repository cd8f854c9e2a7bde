// Diagrams as code: a fenced ```dot block (Graphviz's DOT language) becomes an inline SVG while the post compiles.
// Graphviz runs as WebAssembly in the build's Node process (@hpcc-js/wasm-graphviz): no browser and no binary to
// install, a layout engine made for exactly these graphs (pipelines, state machines, records of fields), and plain
// SVG out. The SVG is then made to follow the site's theme: its colours become the site's tokens, so a diagram reads
// in light and dark alike, and it keeps no ids that could clash with the page's.
//
//   ```dot title="Padding in Event" alt="One sentence for readers who cannot see it"
//   digraph { … }
//   ```
//
// A block that does not parse fails the compile at its line.
import { Graphviz } from '@hpcc-js/wasm-graphviz'
import type { Code, Root } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import type { ContentProblem } from '../problems'

let graphviz: Promise<Graphviz> | undefined

/**
 * The colour names an author may use in DOT and the site's tokens they become. A fill takes the soft variant, so
 * text stays legible on it in both schemes; a stroke or a font colour takes the strong one.
 */
const palette: Record<string, { fill: string; stroke: string }> = {
  black: { fill: 'var(--ink)', stroke: 'var(--ink)' },
  white: { fill: 'var(--paper)', stroke: 'var(--paper)' },
  gray: { fill: 'var(--rule)', stroke: 'var(--muted)' },
  lightgray: { fill: 'var(--surface)', stroke: 'var(--rule)' },
  orange: { fill: 'var(--accent-soft)', stroke: 'var(--accent)' },
  blue: { fill: 'var(--note-soft)', stroke: 'var(--note)' },
  green: { fill: 'var(--tip-soft)', stroke: 'var(--tip)' },
  yellow: { fill: 'var(--warning-soft)', stroke: 'var(--warning)' },
  red: { fill: 'var(--danger-soft)', stroke: 'var(--danger)' },
}
palette.grey = palette.gray
palette.lightgrey = palette.lightgray

// Defaults put on the first line (after the graph's opening brace, so that error lines do not move): Helvetica,
// whose metrics Graphviz knows, sizes the boxes for the site's sans-serif; the author's own attributes come later
// and win.
const defaults =
  'graph [fontname="Helvetica" fontsize=13 bgcolor="transparent"] node [fontname="Helvetica" fontsize=13] edge [fontname="Helvetica" fontsize=12]; '

/** Graphviz's SVG, made to live in the page: no prolog, ids or fixed size, the site's colours and fonts. */
export function themeSvg(svg: string): { svg: string; width: number; height: number; legibleWidth: number } {
  const size = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg)
  if (!size) throw new Error('Graphviz wrote an SVG without a size')
  // Graphviz measures in points; the page in CSS pixels.
  const [width, height] = [Number(size[1]), Number(size[2])].map((points) => Math.round((points * 4) / 3))
  const body = svg
    .slice(svg.indexOf('<svg'))
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/<svg width="[\d.]+pt" height="[\d.]+pt"\s+/, '<svg ')
    // Graphviz names each node and edge in a <title>: tooltips of internal names, and noise to a screen reader.
    .replace(/<title>[^<]*<\/title>\n?/g, '')
    .replace(/\s(id|font-family)="[^"]*"/g, '')
    .replace(/\s(fill|stroke)="([a-z]+)"/g, (whole, attribute: 'fill' | 'stroke', colour: string) => {
      if (colour === 'none' || colour === 'transparent') return ` ${attribute}="none"`
      const token = palette[colour]
      if (!token) return whole
      return ` style="${attribute}:${token[attribute]}"`
    })
    // A text's fill is its colour: the strong token, not the soft one a shape's fill takes.
    .replace(/<text([^>]*) style="fill:var\(--([a-z]+)-soft\)"/g, '<text$1 style="fill:var(--$2)"')
    .replace(/ style="([^"]+)"([^>]*) style="([^"]+)"/g, ' style="$1;$3"$2')
  // The narrowest width at which the smallest label is still 12 px: a diagram shrinks to fit no further than this.
  const smallestPoints = Math.min(...[...body.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1])))
  const legibleWidth = Number.isFinite(smallestPoints) ? Math.round((width * 9) / smallestPoints) : width
  return { svg: body.trim(), width, height, legibleWidth }
}

function attributeOf(meta: string | null | undefined, name: string): string | undefined {
  return meta ? new RegExp(`\\b${name}="([^"]*)"`).exec(meta)?.[1] : undefined
}

/** A remark plugin: every ```dot block becomes a <Diagram> with its SVG, title, description and source. */
export function remarkDiagrams({ file, problems }: { file: string; problems: ContentProblem[] }) {
  return () => async (tree: Root) => {
    const blocks: { node: Code; index: number; parent: { children: unknown[] } }[] = []
    visit(tree, 'code', (node, index, parent) => {
      if ((node.lang === 'dot' || node.lang === 'graphviz') && parent && index !== undefined)
        blocks.push({ node, index, parent })
    })
    if (blocks.length === 0) return
    const engine = await (graphviz ??= Graphviz.load())
    for (const { node, index, parent } of blocks) {
      const line = node.position?.start.line ?? 1
      const title = attributeOf(node.meta, 'title')
      if (!title) {
        problems.push({ file, line, column: 1, message: 'a diagram needs a title: ```dot title="What it shows"' })
        continue
      }
      let rendered: ReturnType<typeof themeSvg>
      try {
        rendered = themeSvg(engine.dot(node.value.replace('{', `{ ${defaults}`)))
      } catch (error) {
        const message = String((error as Error).message ?? error).trim()
        const inBlock = /line (\d+)/.exec(message)
        problems.push({
          file,
          line: inBlock ? line + Number(inBlock[1]) : line,
          column: 1,
          message: `the diagram "${title}" does not parse: ${message}`,
        })
        continue
      }
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Diagram',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'svg', value: rendered.svg },
          { type: 'mdxJsxAttribute', name: 'width', value: String(rendered.width) },
          { type: 'mdxJsxAttribute', name: 'height', value: String(rendered.height) },
          { type: 'mdxJsxAttribute', name: 'legibleWidth', value: String(rendered.legibleWidth) },
          { type: 'mdxJsxAttribute', name: 'title', value: title },
          ...(attributeOf(node.meta, 'alt')
            ? [{ type: 'mdxJsxAttribute' as const, name: 'alt', value: attributeOf(node.meta, 'alt')! }]
            : []),
          { type: 'mdxJsxAttribute', name: 'source', value: node.value },
        ],
        children: [],
        position: node.position,
      }
      parent.children[index] = element
    }
  }
}
