import { allSeries, getAllAuthors, getAllPosts, summarizeTags } from '@/lib/content/posts'
import { sitemapEntries, sitemapXml } from '@/lib/site/seo'
import { staticResponse } from '@/lib/site/static-response'

export const dynamic = 'force-static'

export async function GET() {
  const posts = await getAllPosts()
  const entries = sitemapEntries(posts, summarizeTags(posts), {
    authors: await getAllAuthors(),
    series: allSeries(posts),
  })
  return staticResponse(sitemapXml(entries), 'application/xml; charset=utf-8')
}
