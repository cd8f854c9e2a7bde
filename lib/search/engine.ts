// The search engine the /search page loads on demand (components/site-search.tsx imports this module dynamically, so
// MiniSearch never reaches another page's JavaScript). The index is split so that a search loads a small part of
// it, however large the journal grows: a catalog of every post's title and date, one MiniSearch index per first
// letter of a word (a post's words that start with that letter), fetched only for the letters a query's words start
// with, and each post's text, fetched only for the posts a search shows (from its Markdown copy, read by
// lib/search/markdown-text.ts). lib/search/documents.ts writes the index's parts at build time; this module
// searches them and turns MiniSearch's matches into what a result shows: a link, the heading it matched and a
// snippet.
import MiniSearch, { type AsPlainObject, type Query, type SearchOptions, type SearchResult } from 'minisearch'
import type { PostSection } from '../mdx/text'
import { postPath } from '../site/paths'

/** One post as the catalog lists it: what a result shows besides its snippet. */
export type CatalogEntry = {
  slug: string
  title: string
  /** YYYY-MM-DD, and as readers see it ("May 19, 2026"), formatted at build time. */
  date: string
  formattedDate: string
  draft: boolean
}

/** One post's text, fetched for the posts a search shows. */
export type DocumentText = { summary: string; tags: string[]; sections: PostSection[] }

/** One post whole, as the build knows it. */
export type SearchDocument = CatalogEntry & DocumentText

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

/** The words of a text, lowercase, one space apart: a phrase is found with `includes`. */
function words(text: string): string {
  return tokenize(text).join(' ').toLowerCase()
}

/** The part of the index a word is in: its first letter or digit, or `_` for any other. */
function shardOf(word: string): string {
  const first = word.charAt(0).toLowerCase()
  return /[a-z0-9]/.test(first) ? first : '_'
}

const fields = ['title', 'headings', 'summary', 'tags', 'body'] as const
type ShardDocument = { slug: string } & Record<(typeof fields)[number], string>

const indexOptions = { idField: 'slug', fields: [...fields], tokenize }

/**
 * The documents of each part of the index: every post's fields, each keeping only the words of that part, so that
 * a word is found in the part its first letter names and nowhere else.
 */
export function shardDocuments(documents: SearchDocument[]): Map<string, ShardDocument[]> {
  const shards = new Map<string, ShardDocument[]>()
  for (const document of documents) {
    const text: Record<(typeof fields)[number], string> = {
      title: document.title,
      headings: document.sections.map((section) => section.heading ?? '').join('\n'),
      summary: document.summary,
      tags: document.tags.join(' '),
      body: document.sections.map((section) => section.text).join('\n'),
    }
    const byShard = new Map<string, ShardDocument>()
    for (const field of fields) {
      for (const word of tokenize(text[field])) {
        const shard = shardOf(word)
        const entry = byShard.get(shard) ?? {
          slug: document.slug,
          title: '',
          headings: '',
          summary: '',
          tags: '',
          body: '',
        }
        entry[field] += ` ${word}`
        byShard.set(shard, entry)
      }
    }
    for (const [shard, entry] of byShard) shards.set(shard, [...(shards.get(shard) ?? []), entry])
  }
  return shards
}

/** A part of the index as the build writes it (MiniSearch's own serialization). */
export function shardIndex(documents: ShardDocument[]): AsPlainObject {
  const index = new MiniSearch<ShardDocument>(indexOptions)
  index.addAll(documents)
  return index.toJSON()
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
 * A word as typed with one letter wrong, missing or extra (two in words of seven letters or more), or with two
 * neighbouring letters swapped. A typo in a word's first letter is not forgiven: the word is looked for in the part
 * of the index its first letter names.
 */
function tolerantQuery(word: string): Query {
  return {
    combineWith: 'OR',
    queries: [
      { queries: [word], fuzzy: word.length < 4 ? false : word.length < 7 ? 1 : 2 },
      { queries: transpositions(word), combineWith: 'OR' },
    ],
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
function locate(title: string, text: DocumentText, terms: Set<string>) {
  const mostMatches = (textOf: (section: PostSection) => string, moreThan = 0) =>
    text.sections.reduce<{ section?: PostSection; count: number }>(
      (best, section) => {
        const count = distinctMatches(textOf(section), terms)
        return count > best.count ? { section, count } : best
      },
      { count: moreThan },
    ).section
  const heading = mostMatches((section) => section.heading ?? '', distinctMatches(title, terms))
  const found = heading ? heading.text : mostMatches((section) => section.text)?.text
  return { heading, text: found || text.summary }
}

function toHit(entry: CatalogEntry, text: DocumentText, terms: Set<string>): SearchHit {
  const { heading, text: found } = locate(entry.title, text, terms)
  return {
    slug: entry.slug,
    href: `${postPath(entry.slug)}${heading?.id ? `#${heading.id}` : ''}`,
    title: highlight(entry.title, terms),
    section: heading?.heading ? highlight(heading.heading, terms) : undefined,
    snippet: highlight(excerpt(found, terms), terms),
    date: entry.date,
    formattedDate: entry.formattedDate,
    draft: entry.draft,
  }
}

/** Where the parts of the index come from: fetched by the page, read from memory by the tests. */
export type IndexParts = {
  catalog: CatalogEntry[]
  shard: (name: string) => Promise<AsPlainObject | undefined>
  document: (slug: string) => Promise<DocumentText>
}

/** How many results a search shows: each one's text is fetched, so a search costs at most this many documents. */
const resultsShown = 20

/** Matches for every word, as MiniSearch scores them, each word in its own part of the index; AND across words. */
async function match(
  words: string[],
  parts: IndexParts,
  shards: Map<string, Promise<MiniSearch<ShardDocument> | undefined>>,
  queryOf: (word: string) => Query,
) {
  const perWord = await Promise.all(
    words.map(async (word) => {
      const name = shardOf(word)
      if (!shards.has(name))
        shards.set(
          name,
          parts.shard(name).then((json) => json && MiniSearch.loadJS<ShardDocument>(json, indexOptions)),
        )
      const index = await shards.get(name)
      return index ? index.search(queryOf(word), exactSearch) : []
    }),
  )
  const scores = new Map<string, { score: number; terms: Set<string> }>()
  perWord.forEach((results: SearchResult[], position) => {
    const seen = new Set<string>()
    for (const result of results) {
      const slug = String(result.id)
      const previous = scores.get(slug)
      if (position > 0 && !previous) continue
      seen.add(slug)
      scores.set(slug, {
        score: (previous?.score ?? 0) + result.score,
        terms: new Set([...(previous?.terms ?? []), ...result.terms]),
      })
    }
    // Every word must match: a post without this one drops out.
    for (const slug of scores.keys()) if (!seen.has(slug)) scores.delete(slug)
  })
  return [...scores].sort(([, a], [, b]) => b.score - a.score)
}

/** The search over the parts of the index: best match first, loading what it needs as it goes. */
export function createSearch(parts: IndexParts): (query: string) => Promise<SearchResults> {
  const bySlug = new Map(parts.catalog.map((entry) => [entry.slug, entry]))
  const shards = new Map<string, Promise<MiniSearch<ShardDocument> | undefined>>()
  const documents = new Map<string, Promise<DocumentText>>()
  const documentText = (slug: string) => {
    if (!documents.has(slug)) documents.set(slug, parts.document(slug))
    return documents.get(slug)!
  }

  return async (query) => {
    const typed = tokenize(query)
    if (typed.length === 0) return { hits: [], approximate: false }
    let matches = await match(typed, parts, shards, (word) => word)
    const approximate = matches.length === 0
    if (approximate) matches = await match(typed, parts, shards, tolerantQuery)
    const shown = await Promise.all(
      matches
        .filter(([slug]) => bySlug.has(slug))
        .slice(0, resultsShown)
        .map(async ([slug, { score, terms }]) => ({ slug, score, terms, text: await documentText(slug) })),
    )
    // MiniSearch scores words, not their order: a post that has the words together, as typed, ranks higher.
    const phrase = words(query)
    if (phrase.includes(' '))
      for (const result of shown) {
        const all = [
          bySlug.get(result.slug)!.title,
          ...result.text.sections.flatMap((section) => [section.heading ?? '', section.text]),
        ]
        if (` ${words(all.join(' '))}`.includes(` ${phrase}`)) result.score *= 2
      }
    shown.sort((a, b) => b.score - a.score)
    const hits = shown.map((result) => toHit(bySlug.get(result.slug)!, result.text, result.terms))
    return { hits, approximate: approximate && hits.length > 0 }
  }
}
