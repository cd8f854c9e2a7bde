import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleFooter } from '@/components/article-footer'
import { ArticleHeader } from '@/components/article-header'
import { JsonLd } from '@/components/json-ld'
import { ArticleBehaviour } from '@/components/article-behaviour'
import { renderArticleHtml } from '@/components/mdx/article-html'
import { ArticleBody } from '@/components/article-body'
import { PostNavigation } from '@/components/post-navigation'
import { RelatedPosts } from '@/components/related-posts'
import { SeriesBox } from '@/components/series-box'
import {
  hasTableOfContents,
  InlineTableOfContents,
  SidebarTableOfContents,
} from '@/components/table-of-contents'
import { ContentProblems } from '@/components/content-problems'
import {
  articleSlugs,
  getAdjacentPosts,
  getAllPosts,
  getPost,
  isPreviewServer,
  lastChanged,
  previewProblems,
  relatedPosts,
  seriesOf,
} from '@/lib/content/posts'
import { absoluteUrl, blogPostingJsonLd, pageAlternates } from '@/lib/site/seo'
import { authorPath, postPath } from '@/lib/site/paths'
import { recordEvent } from '@/lib/timing'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = false

export async function generateStaticParams() {
  return (await articleSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  if (isPreviewServer() && (await previewProblems(slug)).length > 0) return { title: `Problems in posts/${slug}` }
  const post = await getPost(slug)
  if (!post) return {}
  const path = postPath(post.slug)
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
      modifiedTime: lastChanged(post),
      authors: post.authors.map((author) => absoluteUrl(authorPath(author.id))),
      tags: post.tags,
    },
    twitter: { card: 'summary_large_image', title: post.title, description: post.summary },
  }
}

export default async function PostPage({ params }: Props) {
  const { slug } = await params
  const problems = isPreviewServer() ? await previewProblems(slug) : []
  if (problems.length > 0) return <ContentProblems slug={slug} problems={problems} />
  const post = await getPost(slug)
  if (!post) notFound()
  const posts = await getAllPosts()
  const { older, newer } = await getAdjacentPosts(slug)
  const series = seriesOf(post, posts)
  const withToc = hasTableOfContents(post.toc)
  // Which build worker rendered which article (npm run build:scale checks that the workers share them).
  recordEvent('render-article', { slug })
  return (
    // On wide screens the article sits in the middle of three columns, its table of contents in the right one.
    <div className={withToc ? 'has-toc xl:-mx-32 xl:grid xl:grid-cols-[14rem_44rem_14rem] xl:gap-x-8' : undefined}>
      <article className="mx-auto max-w-[44rem] min-w-0 xl:col-start-2 xl:mx-0">
        <JsonLd data={blogPostingJsonLd(post)} />
        <ArticleHeader post={post} series={series} />
        {withToc && <InlineTableOfContents toc={post.toc} />}
        {/* The article as HTML (it has nothing to hydrate), and the status regions its code toolbars speak through. */}
        <ArticleBody className="prose prose-playbook mt-8 sm:mt-10" articleHtml={renderArticleHtml(post)} />
        <ArticleBehaviour />
        {series && <SeriesBox series={series} slug={post.slug} />}
        <ArticleFooter post={post} />
        <RelatedPosts posts={relatedPosts(post, posts, { besides: [older, newer] })} />
        <PostNavigation older={older} newer={newer} />
      </article>
      {withToc && (
        <aside className="hidden xl:block print:hidden">
          <SidebarTableOfContents toc={post.toc} />
        </aside>
      )}
    </div>
  )
}
