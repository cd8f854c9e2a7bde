'use client'

import { Link } from '@/components/link'
import { usePathname } from 'next/navigation'
import type { ComponentProps } from 'react'

/**
 * A link of the site's navigation that marks where the reader is: `aria-current="page"` on its own page, and
 * `aria-current="true"` anywhere below it (a tag's page under Tags), which the styles show too.
 */
export function NavLink({ href, ...props }: ComponentProps<typeof Link> & { href: string }) {
  const pathname = usePathname()
  const current = pathname === href ? 'page' : pathname.startsWith(`${href}/`) ? 'true' : undefined
  return <Link href={href} aria-current={current} {...props} />
}
