import { Link } from './link'
import type { ComponentProps } from 'react'

/**
 * The one link component: client-side navigation for pages of this site, a plain anchor for in-page fragments,
 * and rel="noopener noreferrer" for other origins.
 */
export function SmartLink({ href = '', ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/') && !href.startsWith('//')) return <Link href={href} {...props} />
  if (href.startsWith('#')) return <a href={href} {...props} />
  return <a href={href} rel="noopener noreferrer" {...props} />
}
