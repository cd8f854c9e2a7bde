import { getAllPosts, getPost } from '@/lib/content/posts'
import { markdownResponse, postMarkdown } from '@/lib/site/markdown-copy'

// Serves /posts/<slug>.md, through the rewrite in next.config.mjs (app/posts/[slug] owns /posts/<slug>, and a
// route folder cannot be named `[slug].md`). A static export moves these files to out/posts/<slug>.md.
//
// The folder is named so that it sorts after app/posts. `next build` hands its workers the pages to prerender in
// the order of their routes' paths, one contiguous share each: with the copies after the articles, the articles
// straddle the split and both workers render half of them (README, Performance; npm run build:scale checks it).
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return (await getAllPosts()).map(({ slug }) => ({ file: `${slug}.md` }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const post = await getPost((await params).file.replace(/\.md$/, ''))
  if (!post) return new Response('Not Found', { status: 404 })
  return markdownResponse(post, postMarkdown(post, post.markdown))
}
