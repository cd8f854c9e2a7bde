import 'server-only'
import type { ComponentProps } from 'react'
// Next refuses `react-dom/server` in the React Server layer that route handlers run in ("You're importing a
// component that imports react-dom/server"), but allows its explicit edge entry point there, as its own tests of
// react-dom/server in React Server environments show (vercel/next.js, test/development/app-dir/ssr-in-rsc).
import { renderToStaticMarkup } from 'react-dom/server.edge'
import type { FeedEntry } from '@/lib/site/feeds'
import { getAllPosts, getPost, type Post } from '@/lib/content/posts'
import { externalRel, linkKind } from '@/components/smart-link'
import { MDXContent } from './mdx-content'

// Static markup holds no client component: next/link becomes a plain anchor (the article's links are read, not
// prefetched), links to other origins keep their rel, and a feed reader, which decides itself how links open, gets
// code blocks without their toolbar.
const plainLinks = {
  a: ({ href = '', ...props }: ComponentProps<'a'>) => (
    <a href={href} {...(linkKind(href) === 'external' ? { rel: externalRel } : {})} {...props} />
  ),
}
type CodeProps = ComponentProps<'code'> & { 'data-code-html'?: string; 'data-language'?: string }

// In a feed, a code block is plain <pre><code> with its language: feed readers bring their own styles, and the
// highlighting's markup (a span per token, two themes' colours on each) made most of a feed's bytes.
const inFeeds = {
  ...plainLinks,
  figure: (props: ComponentProps<'figure'>) => <figure {...props} />,
  pre: ({ children }: ComponentProps<'pre'>) => <pre>{children}</pre>,
  code: ({ children, 'data-code-html': highlighted, 'data-language': language }: CodeProps) => {
    const className = language && language !== 'text' ? `language-${language}` : undefined
    // The highlighted HTML less its tags is the code's text, still escaped as HTML.
    return highlighted !== undefined && typeof children === 'string' ? (
      <code className={className} dangerouslySetInnerHTML={{ __html: children.replace(/<[^>]*>/g, '') }} />
    ) : (
      <code className={className}>{children}</code>
    )
  },
}

/**
 * An article's content as HTML: callouts, benchmark tables, diagrams and highlighted code. The page inserts it as
 * one element, so React never walks the article where it runs (it has nothing to hydrate: the code toolbars work
 * through one listener, lib/browser/code-toolbar.ts), and the feeds carry the same markup.
 */
export function renderArticleHtml(post: Post, { forFeed = false } = {}): string {
  return renderToStaticMarkup(<MDXContent code={post.code} components={forFeed ? inFeeds : plainLinks} />)
}

/**
 * How many posts a feed carries, newest first. Readers poll feeds for what is new; every post in full would make each
 * feed grow without bound (10 launch articles already make 0.74 MB, most of it highlighted code) and have every build
 * render the whole journal three more times. The archive and the sitemap list everything.
 */
const feedLength = 20

/** The newest published posts with their rendered articles, for the feeds. */
export async function renderPublishedPosts(): Promise<FeedEntry[]> {
  const published = (await getAllPosts()).slice(0, feedLength)
  return Promise.all(
    published.map(async ({ slug }) => {
      const post = await getPost(slug)
      if (!post) throw new Error(`posts/${slug}: published, yet getPost found nothing to render`)
      return { post, html: renderArticleHtml(post, { forFeed: true }) }
    }),
  )
}
