import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageHeading } from '@/components/page-heading'
import { PostList } from '@/components/post-list'
import { getAllPosts, groupPostsByMonth, summarizeTags } from '@/lib/content/posts'
import { pageAlternates } from '@/lib/site/seo'
import { countArticles } from '@/lib/utils'
import { tagPath } from '@/lib/site/paths'

type Props = { params: Promise<{ tag: string }> }

export const dynamicParams = false

async function findTag(tag: string) {
  return summarizeTags(await getAllPosts()).find((summary) => summary.tag === tag)
}

export async function generateStaticParams() {
  return summarizeTags(await getAllPosts()).map(({ tag }) => ({ tag }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag } = await params
  const summary = await findTag(tag)
  if (!summary) return {}
  return {
    title: `#${tag}`,
    description: `${countArticles(summary.posts.length)} tagged ${tag}.`,
    alternates: pageAlternates(tagPath(tag)),
  }
}

export default async function TagPage({ params }: Props) {
  const { tag } = await params
  const summary = await findTag(tag)
  if (!summary) notFound()
  return (
    <>
      <PageHeading eyebrow="Tag" title={`#${tag}`}>
        {countArticles(summary.posts.length)}, newest first.
      </PageHeading>
      <PostList groups={groupPostsByMonth(summary.posts)} />
    </>
  )
}
