import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="font-mono text-sm font-semibold text-accent-text">404</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink">This page does not exist</h1>
      <p className="mt-4 text-lg leading-relaxed text-body">
        The address may be mistyped, or the article may have moved. Every article the journal has published is listed on
        the front page.
      </p>
      <p className="mt-8">
        <Link
          href="/"
          className="inline-flex items-center rounded-md bg-accent px-4 py-2 font-semibold text-accent-contrast hover:opacity-90"
        >
          Browse all articles
        </Link>
      </p>
    </div>
  )
}
