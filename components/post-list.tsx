import { Link } from '@/components/link'
import { DraftBadge } from '@/components/draft-badge'
import { FormattedDate } from '@/components/formatted-date'
import type { MonthGroup } from '@/lib/content/posts'
import { postPath } from '@/lib/site/paths'

/** The index: posts under month headings, a month's label in the margin on wide screens. */
export function PostList({ groups }: { groups: MonthGroup[] }) {
  return (
    <div className="space-y-12">
      {groups.map((group) => (
        <section
          key={group.month}
          aria-labelledby={`month-${group.month}`}
          className="grid gap-4 md:grid-cols-[7.5rem_1fr] md:gap-8"
        >
          <h2
            id={`month-${group.month}`}
            className="font-mono text-sm font-semibold tracking-wide text-accent-text md:sticky md:top-6 md:self-start md:pt-1"
          >
            {group.label}
          </h2>
          <ol className="space-y-8">
            {group.posts.map((post) => (
              <li key={post.slug}>
                <article className="group relative">
                  <h3 className="text-xl font-semibold leading-snug tracking-tight text-ink text-balance">
                    <Link
                      href={postPath(post.slug)}
                      className="rounded-sm decoration-accent decoration-2 underline-offset-4 hover:underline"
                    >
                      {post.title}
                    </Link>
                    {post.draft && (
                      <>
                        {' '}
                        <DraftBadge />
                      </>
                    )}
                  </h3>
                  <p className="mt-2 leading-relaxed text-body">{post.summary}</p>
                  <p className="mt-2 text-sm text-muted">
                    <FormattedDate date={post.date} />
                    <span aria-hidden="true"> · </span>
                    {post.readingMinutes} min read
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
