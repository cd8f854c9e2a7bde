import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleHeader } from '@/components/article-header'
import { JsonLd } from '@/components/json-ld'
import { MDXContent } from '@/components/mdx/mdx-content'
import { PostNavigation } from '@/components/post-navigation'
import { getAdjacentPosts, getAllPosts, getPost, validatePosts } from '@/lib/posts'
import { blogPostingJsonLd, pageAlternates } from '@/lib/seo'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = false

export async function generateStaticParams() {
  const posts = await getAllPosts()
  // Runs once per build: a post that fails to compile, or links to a post or heading that is not there, fails it.
  await validatePosts(posts)
  return posts.map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await getPost((await params).slug)
  if (!post) return {}
  const path = `/posts/${post.slug}`
  return {
    title: post.title,
    description: post.summary,
    alternates: pageAlternates(path, post),
    openGraph: {
      type: 'article',
      url: path,
      title: post.title,
      description: post.summary,
      publishedTime: post.date,
      modifiedTime: post.updated ?? post.date,
      tags: post.tags,
    },
    twitter: { card: 'summary', title: post.title, description: post.summary },
  }
}

export default async function PostPage({ params }: Props) {
  const { slug } = await params
  const post = await getPost(slug)
  if (!post) notFound()
  const { older, newer } = await getAdjacentPosts(slug)
  return (
    <article className="mx-auto max-w-[44rem]">
      <JsonLd data={blogPostingJsonLd(post)} />
      <ArticleHeader post={post} />
      <div className="prose prose-playbook mt-10">
        <MDXContent code={post.code} source={post.file} />
      </div>
      <PostNavigation older={older} newer={newer} />
    </article>
  )
}
