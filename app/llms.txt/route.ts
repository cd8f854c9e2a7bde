import { llmsTxtResponse } from '@/lib/markdown-copy'
import { getAllPosts } from '@/lib/posts'

export const dynamic = 'force-static'

export async function GET() {
  return llmsTxtResponse(await getAllPosts())
}
