'use client'

import NextLink from 'next/link'
import { useState, type ComponentProps } from 'react'

/**
 * The site's internal link: next/link, prefetching on intent instead of on view. Next prefetches every link as it
 * scrolls into view, which on an article meant some twenty payload requests parsed on the main thread while the
 * reader was reading. This one prefetches when the reader points at it, focuses it or touches it, which still
 * lands before the click. `prefetch={false}` keeps a link from prefetching at all.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false)
  const allowed = prefetch !== false
  return (
    <NextLink
      {...props}
      prefetch={allowed && intent ? null : false}
      onMouseEnter={(event) => {
        if (allowed) setIntent(true)
        onMouseEnter?.(event)
      }}
      onFocus={(event) => {
        if (allowed) setIntent(true)
        onFocus?.(event)
      }}
      onTouchStart={(event) => {
        if (allowed) setIntent(true)
        onTouchStart?.(event)
      }}
    />
  )
}
