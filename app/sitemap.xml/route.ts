import { getAllPosts, summarizeTags } from '@/lib/content/posts'
import { sitemapEntries, sitemapXml } from '@/lib/site/seo'
import { staticResponse } from '@/lib/site/static-response'

export const dynamic = 'force-static'

export async function GET() {
  const posts = await getAllPosts()
  return staticResponse(sitemapXml(sitemapEntries(posts, summarizeTags(posts))), 'application/xml; charset=utf-8')
}
