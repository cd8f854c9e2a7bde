import { Link } from './link'
import type { ComponentProps } from 'react'

/** Where a link's href leads: a page of this site, a fragment of this page, or another origin. */
export function linkKind(href: string): 'internal' | 'fragment' | 'external' {
  if (href.startsWith('/') && !href.startsWith('//')) return 'internal'
  if (href.startsWith('#')) return 'fragment'
  return 'external'
}

/** rel="noopener noreferrer" on links to other origins: the page they open gets neither a handle on this one nor its URL. */
export const externalRel = 'noopener noreferrer'

/**
 * The one link component: client-side navigation for pages of this site, a plain anchor for in-page fragments,
 * and rel="noopener noreferrer" for other origins.
 */
export function SmartLink({ href = '', ...props }: ComponentProps<'a'>) {
  const kind = linkKind(href)
  if (kind === 'internal') return <Link href={href} {...props} />
  if (kind === 'fragment') return <a href={href} {...props} />
  return <a href={href} rel={externalRel} {...props} />
}
