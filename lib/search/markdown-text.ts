// A post's text for the search page's results, read from its Markdown copy (/posts/<slug>.md, written by
// lib/site/markdown-copy.ts and lib/mdx/markdown.ts) rather than from a file of its own: one file per post fewer
// for the build to prerender (how that splits the articles between the build workers: experimental.cpus in
// next.config.mjs). The search index itself is built from the compiled page's text (lib/mdx/text.ts), so which
// posts match does not depend on this; this text places a result in its section, cuts its snippet and decides the
// bonus for the words typed as a phrase, so Markdown's punctuation is taken out of it. It still differs from the
// page's where the copy spells out a component: a callout's "Note:", a benchmark table's rows, a diagram's source.
import type { PostSection } from '../mdx/text'
import type { DocumentText } from './engine'

const headingLine = /^#{1,6} +(.*) \{#([^\s}]+)\}$/
const fenceLine = /^(`{3,}|~{3,})/
const tableDelimiterRow = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/
const thematicBreak = /^([-*_] *){3,}$/
const footnoteDefinition = /^\[\^[^\]]+\]:\s*/
const linkDefinition = /^\[[^\]^][^\]]*\]:\s*\S+/
// The section GFM's footnotes make at the end of the page (remark-rehype's defaults).
const footnotes = { id: 'footnote-label', heading: 'Footnotes' }
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * Markdown's inline syntax taken out of one line of prose: what a reader of the page sees as its words. Code spans
 * and backslash escapes are literal, so they are set aside first (as private-use placeholders) and put back last.
 */
function inlineText(line: string): string {
  const literal: string[] = []
  const setAside = (text: string) => `\uE000${literal.push(text) - 1}\uE001`
  const prose = line
    // A code span opens with a run of backticks that no backslash escapes and closes with a run as long.
    .replace(/(?<![\\`])(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, ticks: string, code: string) =>
      setAside(code.length > 1 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code),
    )
    .replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => setAside(character))
    // A hard line break.
    .replace(/\\$/, '')
    .replace(/!?\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<((?:https?:|mailto:)[^>\s]+|[^>\s@]+@[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    // The copy writes emphasis with asterisks and escapes a literal one; underscores stay (snake_case).
    .replace(/\*+|~~/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(Number(name.startsWith('#x') ? `0${name.slice(1)}` : name.slice(1)))
        : (entities[name.toLowerCase()] ?? entity),
    )
  return prose.replace(/\uE000(\d+)\uE001/g, (_, index: string) => literal[Number(index)])
}

/** A line inside a blockquote (a callout), without its markers. */
function withoutQuotes(line: string): string {
  return line.replace(/^(\s*>\s?)+/, '')
}

/** A line of prose inside a blockquote or a list, without the markers around it. */
function withoutContainers(line: string): string {
  return withoutQuotes(line).replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
}

/** A table row's cells, each its own words (`\|` is a pipe inside a cell, code included). */
function tableRowText(row: string): string {
  return inlineText(
    row
      .replace(/\\\|/g, '\uE002')
      .replace(/\|/g, ' ')
      .replace(/\uE002/g, '|'),
  )
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

  type Section = PostSection & { words: string[] }
  const sections: Section[] = []
  let current: Section = { text: '', words: [] }
  sections.push(current)
  // Footnote definitions are gathered into one section at the end, as on the page, wherever the copy has them.
  let notes: Section | undefined
  let beforeNotes: Section | undefined
  let fence: string | undefined
  for (const raw of lines.slice(headerEnd + 1)) {
    if (fence) {
      const code = withoutQuotes(raw)
      if (code.trim().startsWith(fence) && code.trim().replace(/[`~]/g, '') === '') fence = undefined
      // Code is text too, as on the page: identifiers are what engineers search for.
      else current.words.push(code)
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
      current = { id: heading[2], heading: inlineText(heading[1]).replace(/\s+/g, ' ').trim(), text: '', words: [] }
      sections.push(current)
      continue
    }
    if (footnoteDefinition.test(trimmed)) {
      if (current !== notes) beforeNotes = current
      current = notes ??= { ...footnotes, text: '', words: [] }
      current.words.push(inlineText(trimmed.replace(footnoteDefinition, '')))
      continue
    }
    // A footnote goes on while its lines are indented; the first line that is not goes back to the text.
    if (current === notes && trimmed !== '' && !/^\s/.test(raw) && beforeNotes) current = beforeNotes
    if (linkDefinition.test(trimmed)) continue
    if (tableDelimiterRow.test(trimmed) && trimmed.includes('-') && trimmed.includes('|')) continue
    if (thematicBreak.test(trimmed)) continue
    current.words.push(trimmed.startsWith('|') ? tableRowText(trimmed) : inlineText(trimmed))
  }
  if (notes) sections.push(notes)
  return {
    summary,
    tags: tags ?? [],
    sections: sections.flatMap(({ words, ...section }) => {
      const text = words.join(' ').replace(/\s+/g, ' ').trim()
      // A post that opens with a heading has no text before it.
      return text === '' && section.id === undefined ? [] : [{ ...section, text }]
    }),
  }
}
