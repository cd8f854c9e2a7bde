import { getAllPosts, summarizeTags } from '@/lib/posts'
import { sitemapEntries, sitemapXml } from '@/lib/seo'
import { staticResponse } from '@/lib/static-response'

export const dynamic = 'force-static'

export async function GET() {
  const posts = await getAllPosts()
  return staticResponse(sitemapXml(sitemapEntries(posts, summarizeTags(posts))), 'application/xml; charset=utf-8')
}
