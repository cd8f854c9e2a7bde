import { markdownResponse } from '@/lib/markdown-copy'
import { getAllPosts, getPostMarkdown } from '@/lib/posts'

// Serves /posts/<slug>.md, through the rewrite in next.config.mjs (app/posts/[slug] owns /posts/<slug>, and a
// route folder cannot be named `[slug].md`). A static export moves these files to out/posts/<slug>.md.
//
// The folder is named so that it sorts after app/posts. `next build` hands its workers the pages to prerender in
// the order of their routes' paths, one contiguous share each: with the copies after the articles, the articles
// straddle the split and both workers render half of them. Named markdown/, the copies and the link-preview cards
// came first and one worker rendered every article while the other sat idle (README, Performance).
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return (await getAllPosts()).map(({ slug }) => ({ file: `${slug}.md` }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const copy = await getPostMarkdown((await params).file.replace(/\.md$/, ''))
  if (!copy) return new Response('Not Found', { status: 404 })
  return markdownResponse(copy.post, copy.markdown)
}
