import { Link } from '@/components/link'
import { FormattedDate } from '@/components/formatted-date'
import { JsonLd } from '@/components/json-ld'
import { PostList } from '@/components/post-list'
import { allSeries, featuredPost, getAllPosts, groupPostsByMonth } from '@/lib/content/posts'
import { site } from '@/lib/site/config'
import { postPath, seriesPath } from '@/lib/site/paths'
import { blogJsonLd } from '@/lib/site/seo'

const linkClass = 'text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent'

export default async function HomePage() {
  const posts = await getAllPosts()
  const featured = featuredPost(posts)
  const series = allSeries(posts)
  return (
    <>
      <JsonLd data={blogJsonLd(posts)} />
      <header className="mb-10 max-w-2xl sm:mb-12">
        <p className="font-mono text-xs font-semibold tracking-[0.2em] text-accent-text uppercase">Technical journal</p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink text-balance sm:text-4xl">{site.name}</h1>
        <p className="mt-4 text-lg leading-relaxed text-body">{site.description}</p>
        <p className="mt-3 leading-relaxed text-body">
          Every figure in an article comes from a program in the repository, with its raw output beside it.{' '}
          <Link href="/about" className={linkClass}>
            How the journal works
          </Link>{' '}
          ·{' '}
          <Link href="/subscribe" className={linkClass}>
            Subscribe
          </Link>
        </p>
      </header>
      {(featured || series.length > 0) && (
        <section aria-label="Where to start" className="mb-14 grid gap-4 sm:grid-cols-2">
          {featured && (
            <Link
              href={postPath(featured.slug)}
              className="block rounded-lg border border-rule p-5 transition-colors hover:border-accent hover:bg-surface"
            >
              <span className="text-xs font-semibold tracking-wide text-accent-text uppercase">Start here</span>
              <span className="mt-2 block text-lg leading-snug font-semibold text-ink">{featured.title}</span>
              <span className="mt-2 block text-sm text-body">{featured.summary}</span>
              <span className="mt-3 block text-xs text-muted">
                <FormattedDate date={featured.date} /> · {featured.readingMinutes} min read
              </span>
            </Link>
          )}
          {series.map(({ name, slug, parts }) => (
            <Link
              key={slug}
              href={seriesPath(slug)}
              className="block rounded-lg border border-rule p-5 transition-colors hover:border-accent hover:bg-surface"
            >
              <span className="text-xs font-semibold tracking-wide text-accent-text uppercase">
                Series · {parts.length} parts
              </span>
              <span className="mt-2 block text-lg leading-snug font-semibold text-ink">{name}</span>
              <span className="mt-2 block text-sm text-body">{parts.map((part) => part.title).join(' → ')}</span>
            </Link>
          ))}
        </section>
      )}
      <PostList groups={groupPostsByMonth(posts)} />
    </>
  )
}
