'use client'

import Link from 'next/link'
import { useSyncExternalStore } from 'react'
import { closestPosts, type Suggestible } from '@/lib/suggest'

const noSubscription = () => () => {}

/** On the 404 page: the posts whose titles are closest to the address the reader typed. */
export function ClosestPosts({ posts }: { posts: Suggestible[] }) {
  // The page is the same static file for every unknown address: the address is only known in the browser.
  const pathname = useSyncExternalStore(
    noSubscription,
    () => window.location.pathname,
    () => null,
  )
  const suggestions = pathname === null ? [] : closestPosts(pathname, posts)
  if (suggestions.length === 0) return null
  return (
    <section aria-labelledby="suggestions-heading" className="mt-8">
      <h2 id="suggestions-heading" className="text-lg font-semibold text-ink">
        Did you mean
      </h2>
      <ul className="mt-3 space-y-2">
        {suggestions.map((post) => (
          <li key={post.slug}>
            <Link
              href={`/posts/${post.slug}`}
              className="text-lg font-medium text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent"
            >
              {post.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
