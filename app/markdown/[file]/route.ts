import { getAllPosts, getPostSource } from '@/lib/posts'
import { markdownResponse } from '@/lib/markdown-copy'

// Serves /posts/<slug>.md, through the rewrite in next.config.mjs (app/posts/[slug] owns /posts/<slug>, and a
// route folder cannot be named `[slug].md`). A static export moves these files to out/posts/<slug>.md.
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return (await getAllPosts()).map(({ slug }) => ({ file: `${slug}.md` }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const source = await getPostSource((await params).file.replace(/\.md$/, ''))
  if (!source) return new Response('Not Found', { status: 404 })
  return markdownResponse(source)
}
