import { describe, expect, it } from 'vitest'
import {
  createSearch,
  excerpt,
  highlight,
  shardDocuments,
  shardIndex,
  type Highlighted,
  type IndexParts,
  type SearchDocument,
} from './engine'

function document(slug: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    slug,
    title: `Title of ${slug}`,
    summary: 'A summary.',
    date: '2026-05-01',
    formattedDate: 'May 1, 2026',
    tags: ['go'],
    draft: false,
    sections: [{ text: 'Plain words.' }],
    ...fields,
  }
}

const documents = [
  document('struct-layout', {
    title: 'Go Struct Field Alignment',
    summary: 'Why field order changes the size of a struct.',
    tags: ['go', 'performance'],
    sections: [
      { text: 'Here is a struct that could sit in any event pipeline. Its fields add up to 25 bytes.' },
      {
        id: 'trailing-padding-exists-because-of-arrays',
        heading: 'Trailing padding exists because of arrays',
        text: 'Rule three looks wasteful for a single value; it exists for arrays and slices.',
      },
      { id: 'tools', heading: 'Tools', text: 'The fieldalignment analyzer proposes the order.' },
    ],
  }),
  document('cpu-caches', {
    title: 'Understanding CPU Caches in Go',
    sections: [
      { text: 'A cache line is 64 bytes. Padding keeps two counters on separate lines. Alignment is another story.' },
      { id: 'false-sharing', heading: 'False sharing', text: 'Two goroutines write to one cache line.' },
    ],
  }),
  document('workers', {
    title: 'Background Workers in Python',
    sections: [{ id: 'idempotency-keys', heading: 'Idempotency keys', text: 'Remember the key before the call.' }],
  }),
]

/** The parts of the index as the build writes them, read from memory; `loaded` records what a search fetched. */
function inMemory(all: SearchDocument[]) {
  const shards = new Map([...shardDocuments(all)].map(([name, shard]) => [name, shardIndex(shard)]))
  const loaded: string[] = []
  const parts: IndexParts = {
    catalog: all.map(({ slug, title, date, formattedDate, draft }) => ({ slug, title, date, formattedDate, draft })),
    shard: async (name) => {
      loaded.push(`shard ${name}`)
      return shards.get(name)
    },
    document: async (slug) => {
      loaded.push(slug)
      const { summary, tags, sections } = all.find((each) => each.slug === slug)!
      return { summary, tags, sections }
    },
  }
  return { parts, loaded }
}

const search = createSearch(inMemory(documents).parts)
const hrefs = async (query: string) => (await search(query)).hits.map((hit) => hit.href)
const plain = (text: Highlighted) => text.map((piece) => (piece.marked ? `[${piece.text}]` : piece.text)).join('')

describe('createSearch', () => {
  it('finds a post by a word that is only in its body', async () => {
    expect(await hrefs('pipeline')).toEqual(['/posts/struct-layout'])
    expect(await hrefs('fieldalignment')).toEqual(['/posts/struct-layout'])
  })

  it('links a heading match to its section and names the section', async () => {
    const [hit] = (await search('trailing padding')).hits
    expect(hit.href).toBe('/posts/struct-layout#trailing-padding-exists-because-of-arrays')
    expect(plain(hit.section!)).toBe('[Trailing] [padding] exists because of arrays')
    expect(plain(hit.snippet)).toBe('Rule three looks wasteful for a single value; it exists for arrays and slices.')
  })

  it('ranks a title match above a body match', async () => {
    expect(await hrefs('alignment')).toEqual(['/posts/struct-layout', '/posts/cpu-caches'])
  })

  it('matches the start of a word, so results follow typing', async () => {
    expect(await hrefs('idempot')).toEqual(['/posts/workers#idempotency-keys'])
  })

  it('needs every word of the query', async () => {
    expect(await hrefs('cache padding')).toEqual(['/posts/cpu-caches'])
  })

  it('forgives typos only when nothing matches as typed, and says so', async () => {
    expect(await search('cahce')).toMatchObject({ approximate: true, hits: [{ slug: 'cpu-caches' }] })
    expect(await search('gorutines')).toMatchObject({ approximate: true, hits: [{ slug: 'cpu-caches' }] })
    expect((await search('cache')).approximate).toBe(false)
    expect(await search('xyzzy')).toEqual({ hits: [], approximate: false })
  })

  it('marks the matched words in the title and the snippet', async () => {
    const [hit] = (await search('caches')).hits
    expect(plain(hit.title)).toBe('Understanding CPU [Caches] in Go')
    const [line] = (await search('line')).hits
    expect(plain(line.snippet)).toBe(
      'A cache [line] is 64 bytes. Padding keeps two counters on separate [lines]. Alignment is another story.',
    )
  })

  it('falls back to the summary when only the title or tags matched', async () => {
    const [hit] = (await search('performance')).hits
    expect(plain(hit.snippet)).toBe('Why field order changes the size of a struct.')
  })

  it('loads only the parts of the index a query needs, and the text of the posts it shows', async () => {
    const { parts, loaded } = inMemory(documents)
    await createSearch(parts)('idempotency keys')
    expect(loaded.sort()).toEqual(['shard i', 'shard k', 'workers'])
  })

  it('finds nothing for a query without words', async () => {
    expect((await search('   ')).hits).toEqual([])
    expect((await search('?!')).hits).toEqual([])
  })
})

describe('excerpt', () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')

  it('keeps short text whole', async () => {
    expect(excerpt('A short text.', new Set(['short']))).toBe('A short text.')
  })

  it('cuts long text at spaces around the first match, with ellipses', async () => {
    const text = excerpt(words, new Set(['word40']))
    expect(text).toMatch(/^…word3\d .* word40 .*…$/)
    expect(text.length).toBeLessThanOrEqual(182)
  })

  it('starts at the beginning when the match is near it', async () => {
    expect(excerpt(words, new Set(['word2']))).toMatch(/^word0 word1 word2 .*…$/)
  })
})

describe('highlight', () => {
  it('marks whole words in any case, not parts of other words', async () => {
    expect(plain(highlight('Cache, caches and cached: CACHE.', new Set(['cache'])))).toBe(
      '[Cache], caches and cached: [CACHE].',
    )
  })
})
