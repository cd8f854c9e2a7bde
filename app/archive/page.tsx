import type { Metadata } from 'next'
import { Link } from '@/components/link'
import { FormattedDate } from '@/components/formatted-date'
import { PageHeading } from '@/components/page-heading'
import { getAllPosts, groupPostsByYear } from '@/lib/content/posts'
import { pageAlternates } from '@/lib/site/seo'
import { countArticles } from '@/lib/utils'
import { postPath } from '@/lib/site/paths'

export const metadata: Metadata = {
  title: 'Archive',
  description: 'Every article the journal has published, by year and month.',
  alternates: pageAlternates('/archive'),
}

export default async function ArchivePage() {
  const posts = await getAllPosts()
  const years = groupPostsByYear(posts)
  return (
    <>
      <PageHeading eyebrow="Archive" title="Every article, by year and month">
        {countArticles(posts.length)} so far.
      </PageHeading>
      <div className="space-y-14">
        {years.map(({ year, months, count }) => (
          <section key={year} aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`} className="border-b border-rule pb-2 text-2xl font-bold text-ink">
              {year} <span className="text-base font-normal text-muted">· {countArticles(count)}</span>
            </h2>
            {months.map((group) => (
              <section key={group.month} aria-labelledby={`archive-${group.month}`} className="mt-6">
                <h3 id={`archive-${group.month}`} className="font-mono text-sm font-semibold text-accent-text">
                  {group.label}{' '}
                  <span className="font-sans font-normal text-muted">· {countArticles(group.posts.length)}</span>
                </h3>
                <ul className="mt-3 space-y-2">
                  {group.posts.map((post) => (
                    <li key={post.slug} className="flex flex-col gap-x-4 sm:flex-row sm:items-baseline">
                      <FormattedDate date={post.date} className="w-36 shrink-0 text-sm text-muted" />
                      <Link
                        href={postPath(post.slug)}
                        className="font-medium text-ink underline-offset-4 hover:underline"
                      >
                        {post.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
      </div>
    </>
  )
}
