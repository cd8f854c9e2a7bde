import type { Metadata } from 'next'
import { Link } from '@/components/link'
import { ClosestPosts } from '@/components/closest-posts'
import { FormattedDate } from '@/components/formatted-date'
import { getAllPosts } from '@/lib/content/posts'
import { postPath } from '@/lib/site/paths'

export const metadata: Metadata = { title: 'Page not found' }

const linkClass = 'font-medium text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent'

export default async function NotFound() {
  const posts = await getAllPosts()
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="font-mono text-sm font-semibold text-accent-text">404</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink">This page does not exist</h1>
      <p className="mt-4 text-lg leading-relaxed text-body">
        The address may be mistyped, or the article may have moved.
      </p>
      <ClosestPosts />
      <section aria-labelledby="recent-heading" className="mt-10">
        <h2 id="recent-heading" className="text-lg font-semibold text-ink">
          Recent articles
        </h2>
        <ul className="mt-3 space-y-2">
          {posts.slice(0, 5).map((post) => (
            <li key={post.slug} className="flex flex-wrap items-baseline justify-between gap-x-4">
              <Link href={postPath(post.slug)} className={linkClass}>
                {post.title}
              </Link>
              <FormattedDate date={post.date} className="text-sm text-muted" />
            </li>
          ))}
        </ul>
        <p className="mt-6 text-body">
          Every article is in the{' '}
          <Link href="/archive" className={linkClass}>
            archive
          </Link>
          , by month, and under its{' '}
          <Link href="/tags" className={linkClass}>
            tags
          </Link>
          .
        </p>
      </section>
    </div>
  )
}
