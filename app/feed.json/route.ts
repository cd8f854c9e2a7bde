import { renderPublishedPosts } from '@/components/mdx/article-html'
import { feedResponse } from '@/lib/site/feeds'

export const dynamic = 'force-static'

export async function GET() {
  return feedResponse('jsonFeed', await renderPublishedPosts())
}
