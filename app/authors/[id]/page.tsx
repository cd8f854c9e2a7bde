import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { JsonLd } from '@/components/json-ld'
import { MDXContent } from '@/components/mdx/mdx-content'
import { PageHeading } from '@/components/page-heading'
import { PostList } from '@/components/post-list'
import { SmartLink } from '@/components/smart-link'
import { getAllAuthors, getAllPosts, getAuthor, groupPostsByMonth, postsBy } from '@/lib/content/posts'
import { authorPath } from '@/lib/site/paths'
import { pageAlternates, personJsonLd } from '@/lib/site/seo'
import { countArticles } from '@/lib/utils'

type Props = { params: Promise<{ id: string }> }

export const dynamicParams = false

export async function generateStaticParams() {
  return (await getAllAuthors()).map(({ id }) => ({ id }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthor((await params).id)
  if (!author) return {}
  return { title: author.name, description: author.bio, alternates: pageAlternates(authorPath(author.id)) }
}

export default async function AuthorPage({ params }: Props) {
  const author = await getAuthor((await params).id)
  if (!author) notFound()
  const posts = postsBy(author.id, await getAllPosts())
  return (
    <>
      <JsonLd data={personJsonLd(author)} />
      <PageHeading eyebrow="Author" title={author.name}>
        {author.bio}
      </PageHeading>
      <div className="prose prose-playbook max-w-[44rem]">
        <MDXContent code={author.code} />
      </div>
      {author.links.length > 0 && (
        <ul aria-label="Elsewhere" className="mt-6 flex flex-wrap gap-4 text-sm">
          {author.links.map((link) => (
            <li key={link.url}>
              <SmartLink href={link.url} className="text-accent-text underline underline-offset-4">
                {link.label}
              </SmartLink>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-14 mb-6 text-xl font-semibold text-ink">{countArticles(posts.length)}</h2>
      <PostList groups={groupPostsByMonth(posts)} />
    </>
  )
}
