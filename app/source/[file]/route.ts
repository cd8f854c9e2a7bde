import { getAllPosts, getPost } from '@/lib/content/posts'
import { markdownResponse, postMarkdown } from '@/lib/site/markdown-copy'

// Serves /posts/<slug>.md, through the rewrite in next.config.mjs (app/posts/[slug] owns /posts/<slug>, and a
// route folder cannot be named `[slug].md`). A static export moves these files to out/posts/<slug>.md. The search
// page reads its results' text from these copies too (lib/search/markdown-text.ts).
// Where this folder sorts decides which build worker prerenders the copies; how the workers' shares are cut, and
// why no folder name splits the articles between them, is by experimental.cpus in next.config.mjs.
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
