'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { listenForIntent } from '@/lib/browser/prefetch'

/**
 * Has the router prefetch an internal link's page when the reader shows intent (lib/browser/prefetch.ts): links are
 * rendered by components/link.tsx with next/link's own prefetching, on view, off.
 */
export function IntentPrefetch() {
  const router = useRouter()
  useEffect(() => listenForIntent((address) => router.prefetch(address)), [router])
  return null
}
