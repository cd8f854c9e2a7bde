// A post's text for the search page's results, read from its Markdown copy (/posts/<slug>.md, written by
// lib/site/markdown-copy.ts and lib/mdx/markdown.ts) rather than from a file of its own: one file per post fewer
// for the build to prerender (how that splits the articles between the build workers: experimental.cpus in
// next.config.mjs). The search index itself is still built from the compiled page's text (lib/mdx/text.ts); this
// text only places a result in its section and cuts its snippet, so Markdown's punctuation is taken out and what
// differs from the page (a callout's "Note:", a diagram's source instead of its labels) changes no ranking.
import type { PostSection } from '../mdx/text'
import type { DocumentText } from './engine'

const headingLine = /^#{1,6} +(.*) \{#([^\s}]+)\}$/
const fenceLine = /^(`{3,}|~{3,})/
const tableDelimiterRow = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/
const thematicBreak = /^([-*_] *){3,}$/
// The section GFM's footnotes make on the page (remark-rehype's defaults).
const footnotes = { id: 'footnote-label', heading: 'Footnotes' }
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Markdown's inline syntax taken out of one line of prose: what a reader of the page sees as its words. */
function inlineText(line: string): string {
  // Code spans first: what is inside them is literal.
  return line
    .split(/(`+)([^`]|[^`].*?[^`])\1(?!`)/)
    .map((piece, position) => {
      if (position % 3 === 1) return ''
      if (position % 3 === 2) return piece.trim()
      return (
        piece
          .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/\[\^[^\]]+\]:?/g, '')
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/<(https?:[^>\s]+)>/g, '$1')
          .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
          // The copy writes emphasis with asterisks and escapes a literal one; underscores stay (snake_case).
          .replace(/(?<!\\)(\*+|~~)/g, '')
          .replace(/\\([!-/:-@[-`{-~])/g, '$1')
          .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
            name.startsWith('#')
              ? String.fromCodePoint(Number(name.startsWith('#x') ? `0${name.slice(1)}` : name.slice(1)))
              : (entities[name.toLowerCase()] ?? entity),
          )
      )
    })
    .join('')
}

/** A line inside a blockquote (a callout), without its markers. */
function withoutQuotes(line: string): string {
  return line.replace(/^(\s*>\s?)+/, '')
}

/** A line of prose inside a blockquote or a list, without the markers around it. */
function withoutContainers(line: string): string {
  return withoutQuotes(line).replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
}

/**
 * A post's summary, tags and sections (text under each heading, with the heading's id as the page has it) from its
 * Markdown copy: the copy's header, then its body, every heading ending in `{#id}`.
 */
export function markdownDocumentText(markdown: string): DocumentText {
  const lines = markdown.split('\n')
  const headerEnd = lines.indexOf('---')
  const header = lines.slice(0, headerEnd)
  const summary = inlineText(header.find((line) => line.startsWith('> '))?.slice(2) ?? '')
  const tags = header
    .find((line) => line.startsWith('- Tags:'))
    ?.slice('- Tags:'.length)
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)

  const sections: PostSection[] = []
  let current: PostSection = { text: '' }
  const words: string[] = []
  const close = () => {
    current.text = words.join(' ').replace(/\s+/g, ' ').trim()
    words.length = 0
    if (current.text !== '' || current.id !== undefined) sections.push(current)
  }
  let fence: string | undefined
  for (const raw of lines.slice(headerEnd + 1)) {
    if (fence) {
      const code = withoutQuotes(raw)
      if (code.trim().startsWith(fence) && code.trim().replace(/[`~]/g, '') === '') fence = undefined
      // Code is text too, as on the page: identifiers are what engineers search for.
      else words.push(code)
      continue
    }
    const line = withoutContainers(raw)
    const trimmed = line.trim()
    const opening = fenceLine.exec(trimmed)
    if (opening) {
      fence = opening[1]
      continue
    }
    const heading = headingLine.exec(trimmed)
    if (heading) {
      close()
      current = { id: heading[2], heading: inlineText(heading[1]).replace(/\s+/g, ' ').trim(), text: '' }
      continue
    }
    // GFM's footnotes are one section at the end of the page, under a heading of its own.
    if (/^\[\^[^\]]+\]:/.test(trimmed) && current.id !== footnotes.id) {
      close()
      current = { ...footnotes, text: '' }
    }
    if (tableDelimiterRow.test(trimmed) && trimmed.includes('-') && trimmed.includes('|')) continue
    if (thematicBreak.test(trimmed)) continue
    // A table row's cells, each its own words.
    words.push(inlineText(trimmed.startsWith('|') ? trimmed.replace(/(?<!\\)\|/g, ' ') : trimmed))
  }
  close()
  return { summary, tags: tags ?? [], sections }
}
