// The search engine the /search page loads on demand (components/site-search.tsx imports this module dynamically, so
// MiniSearch never reaches another page's JavaScript). It indexes the documents of /search-index.json in the browser
// and turns MiniSearch's matches into what a result shows: a link, the heading it matched and a snippet.
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch'
import type { PostSection } from '../mdx/text'
import { postPath } from '../site/paths'

/** One post as /search-index.json lists it. */
export type SearchDocument = {
  slug: string
  title: string
  summary: string
  /** YYYY-MM-DD, and as readers see it ("May 19, 2026"), formatted at build time. */
  date: string
  formattedDate: string
  tags: string[]
  draft: boolean
  sections: PostSection[]
}

export type SearchIndex = { documents: SearchDocument[] }

/** Text in pieces, the pieces that matched the query marked. */
export type Highlighted = { text: string; marked: boolean }[]

export type SearchHit = {
  slug: string
  /** The post, or the section whose heading matched. */
  href: string
  title: Highlighted
  /** The heading that matched, when one did. */
  section?: Highlighted
  snippet: Highlighted
  date: string
  formattedDate: string
  draft: boolean
}

export type SearchResults = {
  hits: SearchHit[]
  /** True when no post has every word as typed and the hits come from spelling-tolerant matching. */
  approximate: boolean
}

// A word is a run of letters and digits: `sync.Pool` is "sync" and "pool", `max_conns` is "max" and "conns".
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu

function tokenize(text: string): string[] {
  return text.match(wordPattern) ?? []
}

/** The words of a text or a document, lowercase, one space apart: a phrase is found with `includes`. */
function words(text: string | SearchDocument): string {
  const all =
    typeof text === 'string'
      ? text
      : [text.title, ...text.sections.flatMap((section) => [section.heading ?? '', section.text])].join(' ')
  return tokenize(all).join(' ').toLowerCase()
}

function fieldText(document: SearchDocument, field: string): string {
  switch (field) {
    case 'headings':
      return document.sections.map((section) => section.heading ?? '').join('\n')
    case 'body':
      return document.sections.map((section) => section.text).join('\n')
    case 'tags':
      return document.tags.join(' ')
    case 'slug':
    case 'title':
    case 'summary':
      return document[field]
    default:
      return ''
  }
}

// A match in the title counts most, then a heading, the summary and tags, then the text.
const boost = { title: 6, headings: 3, summary: 2, tags: 2, body: 1 }

// Words as typed first (the last one may be unfinished, so prefixes count): a correctly spelled query lists only
// posts that contain it. Only when that finds nothing are typos forgiven, which would otherwise add a tail of
// near-miss words to every search.
const exactSearch: SearchOptions = { boost, prefix: true, combineWith: 'AND' }

/** Every word with two neighbouring letters swapped: "cahce" is "cache" again, two edits away for MiniSearch. */
function transpositions(word: string): string[] {
  return Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
}

/**
 * Each word as typed with one letter wrong, missing or extra (two in words of seven letters or more), or with two
 * neighbouring letters swapped; every word must still match.
 */
function tolerantQuery(query: string): Query {
  return {
    combineWith: 'AND',
    queries: tokenize(query).map((word) => ({
      combineWith: 'OR',
      queries: [
        { queries: [word], fuzzy: word.length < 4 ? false : word.length < 7 ? 1 : 2 },
        { queries: transpositions(word), combineWith: 'OR' },
      ],
    })),
  }
}

const snippetLength = 180
const contextBefore = 60

function isMatch(word: string, terms: Set<string>): boolean {
  return terms.has(word.toLowerCase())
}

/** The text with each word the search matched marked. */
export function highlight(text: string, terms: Set<string>): Highlighted {
  const pieces: Highlighted = []
  let last = 0
  for (const word of text.matchAll(wordPattern)) {
    if (!isMatch(word[0], terms)) continue
    if (word.index > last) pieces.push({ text: text.slice(last, word.index), marked: false })
    pieces.push({ text: word[0], marked: true })
    last = word.index + word[0].length
  }
  if (last < text.length) pieces.push({ text: text.slice(last), marked: false })
  return pieces
}

function distinctMatches(text: string, terms: Set<string>): number {
  return new Set(
    tokenize(text)
      .filter((word) => isMatch(word, terms))
      .map((word) => word.toLowerCase()),
  ).size
}

/**
 * About `snippetLength` characters of the text, cut at spaces, around the matched word that starts the stretch with
 * the most of the matched words ("cache line" rather than a lone "line").
 */
export function excerpt(text: string, terms: Set<string>): string {
  if (text.length <= snippetLength) return text
  let first = 0
  let most = 0
  for (const word of text.matchAll(wordPattern)) {
    if (!isMatch(word[0], terms)) continue
    const count = distinctMatches(text.slice(word.index, word.index + snippetLength - contextBefore), terms)
    if (count > most) [first, most] = [word.index, count]
  }
  let start = Math.max(0, first - contextBefore)
  if (start > 0) start = Math.min(first, text.indexOf(' ', start) + 1)
  let end = Math.min(text.length, start + snippetLength)
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), first + 1)
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`
}

/**
 * Where a result points: the section whose heading has the most of the matched words, when it has more of them
 * than the title (a post titled with every word of the query is better met at its top). The snippet comes from
 * that section, else from the section with the most matched words, else from the summary.
 */
function locate(document: SearchDocument, terms: Set<string>) {
  const mostMatches = (textOf: (section: PostSection) => string, moreThan = 0) =>
    document.sections.reduce<{ section?: PostSection; count: number }>(
      (best, section) => {
        const count = distinctMatches(textOf(section), terms)
        return count > best.count ? { section, count } : best
      },
      { count: moreThan },
    ).section
  const heading = mostMatches((section) => section.heading ?? '', distinctMatches(document.title, terms))
  const text = heading ? heading.text : mostMatches((section) => section.text)?.text
  return { heading, text: text || document.summary }
}

function toHit(document: SearchDocument, result: SearchResult): SearchHit {
  const terms = new Set(result.terms)
  const { heading, text } = locate(document, terms)
  return {
    slug: document.slug,
    href: `${postPath(document.slug)}${heading?.id ? `#${heading.id}` : ''}`,
    title: highlight(document.title, terms),
    section: heading?.heading ? highlight(heading.heading, terms) : undefined,
    snippet: highlight(excerpt(text, terms), terms),
    date: document.date,
    formattedDate: document.formattedDate,
    draft: document.draft,
  }
}

/** Indexes the documents and returns the function that searches them, best match first. */
export function createSearch({ documents }: SearchIndex): (query: string) => SearchResults {
  const miniSearch = new MiniSearch<SearchDocument>({
    idField: 'slug',
    fields: Object.keys(boost),
    extractField: fieldText,
    tokenize,
  })
  miniSearch.addAll(documents)
  const bySlug = new Map(documents.map((document) => [document.slug, document]))
  const wordsOf = new Map(documents.map((document) => [document.slug, ` ${words(document)}`]))

  return (query) => {
    if (tokenize(query).length === 0) return { hits: [], approximate: false }
    let results = miniSearch.search(query, exactSearch)
    const approximate = results.length === 0
    if (approximate) results = miniSearch.search(tolerantQuery(query), exactSearch)
    // MiniSearch scores words, not their order: a post that has the words together, as typed, ranks higher.
    const phrase = words(query)
    if (phrase.includes(' '))
      results = results
        .map((result) => ({
          ...result,
          score: wordsOf.get(result.id)?.includes(` ${phrase}`) ? result.score * 2 : result.score,
        }))
        .sort((a, b) => b.score - a.score)
    const hits = results.flatMap((result) => {
      const document = bySlug.get(result.id as string)
      return document ? [toHit(document, result)] : []
    })
    return { hits, approximate: approximate && hits.length > 0 }
  }
}
