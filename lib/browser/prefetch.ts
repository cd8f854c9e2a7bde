/**
 * The attribute that keeps a link from being prefetched on intent: components/link.tsx sets it for
 * `prefetch={false}`, on links whose page should not load before the reader asks for it.
 */
export const noPrefetchAttribute = 'data-no-prefetch'

const intents = ['mouseover', 'focusin', 'touchstart'] as const

/**
 * Calls `prefetch` with the address of an internal link when the reader shows intent: the pointer enters it, it
 * takes focus, or a finger touches it. One set of listeners serves the whole page; each address is prefetched once
 * per page load; links to other origins, links that open elsewhere or download, links to this page, links to files
 * rather than pages (a last segment with an extension: the feeds, the Markdown copies) and links marked with
 * `noPrefetchAttribute` are left alone. Returns what stops it.
 */
export function listenForIntent(prefetch: (address: string) => void): () => void {
  const done = new Set<string>()
  const onIntent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (!(link instanceof HTMLAnchorElement) || link.hasAttribute(noPrefetchAttribute)) return
    if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return
    const url = new URL(link.href)
    if (url.origin !== location.origin) return
    if (/\.[a-z0-9]+$/i.test(url.pathname)) return
    const address = url.pathname + url.search
    if (done.has(address) || address === location.pathname + location.search) return
    done.add(address)
    prefetch(address)
  }
  const options = { passive: true, capture: true }
  for (const type of intents) document.addEventListener(type, onIntent, options)
  return () => {
    for (const type of intents) document.removeEventListener(type, onIntent, options)
  }
}

/**
 * Fetches a page ahead of a full page load, for pages that carry no router (lib/browser/page-script.ts). Chromium
 * keeps a prefetched document for a navigation within five minutes, whatever its Cache-Control (pages are sent with
 * max-age=0); Firefox fetches it but asks the server again on the click, which answers 304 to its validator; Safari
 * does not prefetch at all, and loads the page on the click.
 */
export function prefetchDocument(address: string) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href: address }))
}
