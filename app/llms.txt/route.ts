import { llmsTxtResponse } from '@/lib/site/markdown-copy'
import { getAllPosts } from '@/lib/content/posts'

export const dynamic = 'force-static'

export async function GET() {
  return llmsTxtResponse(await getAllPosts())
}
