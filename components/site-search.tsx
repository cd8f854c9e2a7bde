'use client'

import { Link } from '@/components/link'
import { useRouter } from 'next/navigation'
import {
  Fragment,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { DraftBadge } from '@/components/draft-badge'
import type { AsPlainObject } from 'minisearch'
import type { CatalogEntry, Highlighted, SearchResults } from '@/lib/search/engine'
import { markdownCopyPath } from '@/lib/site/paths'
import { searchFieldId } from '@/lib/browser/search-shortcut'

type Search = (query: string) => Promise<SearchResults>
type Engine = { status: 'loading' } | { status: 'ready'; search: Search } | { status: 'failed' }

// How long typing must pause before the URL and the announced count follow the query.
const settleMs = 250

async function fetchFile(url: string): Promise<Response | undefined> {
  const response = await fetch(url)
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return response
}

async function fetchJson<T>(url: string): Promise<T | undefined> {
  return (await (await fetchFile(url))?.json()) as T | undefined
}

/**
 * MiniSearch and the index's catalog load only here, when a reader opens search: no other page carries them. The
 * rest of the index (a part per first letter) loads as queries need it (lib/search/engine.ts), and a result's text
 * comes from its post's Markdown copy (lib/search/markdown-text.ts).
 */
async function loadSearch(): Promise<Search> {
  const [{ createSearch }, { markdownDocumentText }, catalog] = await Promise.all([
    import('@/lib/search/engine'),
    import('@/lib/search/markdown-text'),
    fetchJson<CatalogEntry[]>('/search-data/catalog.json'),
  ])
  if (!catalog) throw new Error('/search-data/catalog.json is missing')
  return createSearch({
    catalog,
    shard: (name) => fetchJson<AsPlainObject>(`/search-data/shard-${name}.json`),
    document: async (slug) => {
      const copy = await fetchFile(markdownCopyPath(slug))
      if (!copy) throw new Error(`${markdownCopyPath(slug)} is missing`)
      return markdownDocumentText(await copy.text())
    },
  })
}

const noSubscription = () => () => {}
const queryInUrl = () => new URLSearchParams(window.location.search).get('q') ?? ''

function Marked({ text }: { text: Highlighted }) {
  return text.map((piece, index) =>
    piece.marked ? (
      <mark key={index} className="rounded-sm bg-accent/15 px-0.5 text-ink">
        {piece.text}
      </mark>
    ) : (
      <Fragment key={index}>{piece.text}</Fragment>
    ),
  )
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

function statusText(engine: Engine, query: string, results: SearchResults | undefined): string {
  if (engine.status === 'failed') return 'Search could not load its index. Reload the page to try again.'
  if (!query.trim()) return ''
  if (!results) return 'Loading the search index…'
  const { hits, approximate } = results
  if (hits.length === 0) return `No results for “${query.trim()}”`
  if (approximate)
    return `No exact match for “${query.trim()}”: ${counted(hits.length, 'close match', 'close matches')}`
  return `${counted(hits.length, 'result', 'results')} for “${query.trim()}”`
}

/**
 * The search form and its results. The form works as a plain GET to /search?q= before this code runs; then the
 * query is read from and written back to the URL, results follow typing, Enter opens the first one and the arrow
 * keys move through them.
 */
export function SiteSearch({ browse }: { browse: ReactNode }) {
  const router = useRouter()
  const [engine, setEngine] = useState<Engine>({ status: 'loading' })
  // The URL's ?q= until the reader types; the server renders an empty field, as it cannot see the query.
  const urlQuery = useSyncExternalStore(noSubscription, queryInUrl, () => '')
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [typed, setTyped] = useState<string>()
  const [settled, setSettled] = useState<string>()
  const query = typed ?? urlQuery
  const activeQuery = settled ?? urlQuery
  const field = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const leaving = useRef(false)

  useEffect(() => {
    field.current?.focus()
    let current = true
    loadSearch().then(
      (search) => current && setEngine({ status: 'ready', search }),
      (error: unknown) => {
        console.error(error)
        if (current) setEngine({ status: 'failed' })
      },
    )
    return () => {
      current = false
    }
  }, [])

  useEffect(() => {
    if (typed === undefined) return
    const timer = setTimeout(() => setSettled(typed), settleMs)
    return () => clearTimeout(timer)
  }, [typed])

  useEffect(() => {
    if (settled === undefined || leaving.current) return
    const trimmed = settled.trim()
    window.history.replaceState(
      null,
      '',
      trimmed ? `?${new URLSearchParams({ q: trimmed })}` : window.location.pathname,
    )
  }, [settled])

  const [found, setFound] = useState<{ query: string; results: SearchResults }>()
  useEffect(() => {
    if (engine.status !== 'ready' || !activeQuery.trim()) return
    let current = true
    engine.search(activeQuery).then(
      (results) => current && setFound({ query: activeQuery, results }),
      (error: unknown) => {
        console.error(error)
        if (current) setEngine({ status: 'failed' })
      },
    )
    return () => {
      current = false
    }
  }, [engine, activeQuery])
  // Results of an earlier query are not shown for this one: the status says the search is still loading.
  const results = activeQuery.trim() && found?.query === activeQuery ? found.results : undefined

  async function openFirstResult(event: FormEvent) {
    event.preventDefault()
    const first = engine.status === 'ready' && query.trim() ? (await engine.search(query)).hits[0] : undefined
    if (!first) return setSettled(query)
    // Rewriting this page's URL now would cancel the navigation.
    leaving.current = true
    router.push(first.href)
  }

  function moveThroughResults(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? [])]
    const at = links.findIndex((link) => link === document.activeElement)
    const next = event.key === 'ArrowDown' ? links[at + 1] : at > 0 ? links[at - 1] : at === 0 ? field.current : null
    if (!next) return
    event.preventDefault()
    next.focus()
  }

  const status = statusText(engine, activeQuery, results)
  return (
    <div onKeyDown={moveThroughResults}>
      <form role="search" action="/search" method="get" onSubmit={(event) => void openFirstResult(event)}>
        <label htmlFor={searchFieldId} className="block font-semibold text-ink">
          Search articles
        </label>
        <input
          ref={field}
          id={searchFieldId}
          name="q"
          type="search"
          value={query}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby={hydrated ? 'search-tips' : undefined}
          className="mt-2 w-full rounded-lg border border-rule bg-surface px-4 py-3 text-lg text-ink placeholder:text-muted focus:border-accent"
        />
        {hydrated && (
          <p id="search-tips" className="mt-2 text-sm text-muted">
            Enter opens the first result; the arrow keys move through them. Press <kbd className="font-mono">/</kbd> on
            any page to come back here.
          </p>
        )}
      </form>

      <p role="status" className="mt-8 font-medium text-ink">
        {status}
      </p>

      {results && results.hits.length === 0 && (
        <div className="mt-4 text-body">
          <p>Try fewer words or another spelling, or browse every article by date or by topic:</p>
          {browse}
        </div>
      )}
      {engine.status === 'failed' && <div className="mt-4">{browse}</div>}

      {results && results.hits.length > 0 && (
        <ol ref={list} aria-label="Search results" className="mt-6 space-y-8">
          {results.hits.map((hit) => (
            <li key={hit.slug}>
              <h2 className="text-xl leading-snug font-semibold tracking-tight text-balance text-ink">
                <Link
                  href={hit.href}
                  prefetch={false}
                  data-result=""
                  className="rounded-sm decoration-accent decoration-2 underline-offset-4 hover:underline"
                >
                  <Marked text={hit.title} />
                  {hit.section && (
                    <span className="mt-1 block text-base font-medium text-body">
                      <span aria-hidden="true">§ </span>
                      <span className="sr-only">, section </span>
                      <Marked text={hit.section} />
                    </span>
                  )}
                </Link>
                {hit.draft && (
                  <>
                    {' '}
                    <DraftBadge />
                  </>
                )}
              </h2>
              <p className="mt-1 text-sm text-muted">
                <time dateTime={hit.date}>{hit.formattedDate}</time>
              </p>
              <p className="mt-2 leading-relaxed break-words text-body">
                <Marked text={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
