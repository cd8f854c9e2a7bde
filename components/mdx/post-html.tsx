import 'server-only'
import type { ComponentProps } from 'react'
// Next refuses `react-dom/server` in the React Server layer that route handlers run in ("You're importing a
// component that imports react-dom/server"), but allows its explicit edge entry point there, as its own tests of
// react-dom/server in React Server environments show (vercel/next.js, test/development/app-dir/ssr-in-rsc).
import { renderToStaticMarkup } from 'react-dom/server.edge'
import type { FeedEntry } from '@/lib/site/feeds'
import { getAllPosts, getPost, type Post } from '@/lib/content/posts'
import { MDXContent } from './mdx-content'

// Client components cannot be rendered as static markup, and outside the site have nothing to do: next/link
// becomes a plain anchor (a feed reader decides itself how links open), and code blocks lose their copy button.
const outsideTheSite = {
  a: (props: ComponentProps<'a'>) => <a {...props} />,
  figure: (props: ComponentProps<'figure'>) => <figure {...props} />,
}

/** An article's content as HTML, the markup its page shows (callouts, benchmark tables, highlighted code). */
export function renderPostHtml(post: Post): string {
  return renderToStaticMarkup(<MDXContent code={post.code} components={outsideTheSite} />)
}

/**
 * How many posts a feed carries, newest first. Readers poll feeds for what is new; every post in full would make each
 * feed grow without bound (10 launch articles already make 0.74 MB, most of it highlighted code) and have every build
 * render the whole journal three more times. The archive and the sitemap list everything.
 */
export const feedLength = 20

/** The newest published posts with their rendered articles, for the feeds. */
export async function renderPublishedPosts(): Promise<FeedEntry[]> {
  const published = (await getAllPosts()).slice(0, feedLength)
  return Promise.all(
    published.map(async ({ slug }) => {
      const post = await getPost(slug)
      if (!post) throw new Error(`posts/${slug}: published, yet getPost found nothing to render`)
      return { post, html: renderPostHtml(post) }
    }),
  )
}
