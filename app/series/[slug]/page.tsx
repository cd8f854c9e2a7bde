import type { Metadata } from 'next'
import { Link } from '@/components/link'
import { notFound } from 'next/navigation'
import { FormattedDate } from '@/components/formatted-date'
import { PageHeading } from '@/components/page-heading'
import { allSeries, getAllPosts } from '@/lib/content/posts'
import { postPath, seriesPath } from '@/lib/site/paths'
import { pageAlternates } from '@/lib/site/seo'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = false

async function findSeries(slug: string) {
  return allSeries(await getAllPosts()).find((series) => series.slug === slug)
}

export async function generateStaticParams() {
  return allSeries(await getAllPosts()).map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = await findSeries((await params).slug)
  if (!series) return {}
  return {
    title: series.name,
    description: `A series of ${series.parts.length} articles, in reading order.`,
    alternates: pageAlternates(seriesPath(series.slug)),
  }
}

export default async function SeriesPage({ params }: Props) {
  const series = await findSeries((await params).slug)
  if (!series) notFound()
  return (
    <>
      <PageHeading eyebrow="Series" title={series.name}>
        {series.parts.length} articles, in the order they are meant to be read.
      </PageHeading>
      <ol className="max-w-[44rem] space-y-8">
        {series.parts.map((post, index) => (
          <li key={post.slug} className="flex gap-5">
            <span aria-hidden="true" className="font-mono text-2xl leading-none font-bold text-accent-text">
              {index + 1}
            </span>
            <article>
              <h2 className="text-xl font-semibold text-ink">
                <Link href={postPath(post.slug)} className="hover:underline hover:decoration-accent underline-offset-4">
                  <span className="sr-only">Part {index + 1}: </span>
                  {post.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-muted">
                <FormattedDate date={post.date} /> · {post.readingMinutes} min read
              </p>
              <p className="mt-2 text-body">{post.summary}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  )
}
