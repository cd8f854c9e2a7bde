// The bound of hydrating every next/link instance: components/link.tsx replaced by this file for a build into
// .next-links, so that every internal link outside the article body is a plain anchor (full page loads, no
// prefetching). Measured against the unchanged build with trace-self-time.mjs (links-bound.txt).
import type NextLink from 'next/link'
import type { ComponentProps } from 'react'

// prefetch is taken out so that it does not reach the anchor.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function Link({ prefetch: _prefetch, href, ...props }: ComponentProps<typeof NextLink>) {
  return <a href={String(href)} {...(props as ComponentProps<'a'>)} />
}
