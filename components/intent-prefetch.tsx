'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { noPrefetchAttribute } from '@/lib/browser/prefetch'

/**
 * Prefetches an internal link's page when the reader shows intent: the pointer enters it, it takes focus, or a
 * finger touches it. One set of listeners serves the whole site (links are rendered by components/link.tsx with
 * next/link's own prefetching off). Each address is prefetched once per page load; links to other origins, links
 * that open elsewhere or download, and links marked `prefetch={false}` are left alone.
 */
export function IntentPrefetch() {
  const router = useRouter()
  useEffect(() => {
    const done = new Set<string>()
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute(noPrefetchAttribute)) return
      if (link.hasAttribute('download') || (link.target && link.target !== '_self')) return
      const url = new URL(link.href)
      if (url.origin !== location.origin) return
      const address = url.pathname + url.search
      if (done.has(address) || address === location.pathname + location.search) return
      done.add(address)
      router.prefetch(address)
    }
    const options = { passive: true, capture: true }
    for (const type of ['mouseover', 'focusin', 'touchstart']) document.addEventListener(type, onIntent, options)
    return () => {
      for (const type of ['mouseover', 'focusin', 'touchstart']) document.removeEventListener(type, onIntent, options)
    }
  }, [router])
  return null
}
