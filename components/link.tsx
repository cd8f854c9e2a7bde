import NextLink from 'next/link'
import type { ComponentProps } from 'react'
import { noPrefetchAttribute } from '@/lib/browser/prefetch'

/**
 * The site's internal link: next/link with its own prefetching off, for server and client components alike. Next
 * prefetches every link as it scrolls into view, which on an article meant some twenty payload requests parsed on
 * the main thread while the reader was reading; lib/browser/prefetch.ts prefetches a link when the reader points at
 * it, focuses it or touches it instead, which still lands before the click (through the router where it runs,
 * components/intent-prefetch.tsx, or as a document on the pages without it, lib/browser/page-script.ts).
 * `prefetch={false}` keeps a link from being prefetched at all. This module is not a client component on purpose: a
 * client wrapper would carry next/link's code into the site's own chunk on every page that loads the runtime.
 */
export function Link({ prefetch, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink {...props} prefetch={false} {...(prefetch === false ? { [noPrefetchAttribute]: '' } : {})} />
}
