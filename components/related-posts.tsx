import { Link } from '@/components/link'
import type { PostMeta } from '@/lib/content/posts'
import { FormattedDate } from './formatted-date'
import { postPath } from '@/lib/site/paths'

/** Articles that share tags with this one, to read next. */
export function RelatedPosts({ posts }: { posts: PostMeta[] }) {
  if (posts.length === 0) return null
  return (
    <section aria-labelledby="related-heading" className="mt-16 border-t border-rule pt-8 print:hidden">
      <h2 id="related-heading" className="text-lg font-semibold text-ink">
        Related articles
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-3">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link
              href={postPath(post.slug)}
              className="block h-full rounded-lg border border-rule p-4 transition-colors hover:border-accent hover:bg-surface"
            >
              <span className="block font-semibold leading-snug text-ink">{post.title}</span>
              <span className="mt-2 block text-xs text-muted">
                <FormattedDate date={post.date} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
