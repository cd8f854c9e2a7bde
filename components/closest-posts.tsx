'use client'

import { Link } from '@/components/link'
import { useEffect, useState } from 'react'
import { closestPosts, type Suggestible } from '@/lib/search/suggest'
import { postPath } from '@/lib/site/paths'

/** Where the published posts' slugs and titles are (app/post-titles.json). */
const titlesUrl = '/post-titles.json'

/**
 * On the 404 page: the posts whose titles are closest to the address the reader typed. The page is the same
 * static file for every unknown address, so the address is only known in the browser; the titles are fetched
 * then too, since anything given to this component as props would travel in every page's payload.
 */
export function ClosestPosts() {
  const [suggestions, setSuggestions] = useState<Suggestible[]>([])
  useEffect(() => {
    const controller = new AbortController()
    fetch(titlesUrl, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Suggestible[]>) : []))
      .then((posts) => setSuggestions(closestPosts(window.location.pathname, posts)))
      // Without the titles the page still links the recent articles, the archive and the tags.
      .catch(() => {})
    return () => controller.abort()
  }, [])
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
              href={postPath(post.slug)}
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
