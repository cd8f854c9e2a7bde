import type { MetadataRoute } from 'next'
import { getAllPosts, summarizeTags } from '@/lib/posts'
import { sitemapEntries } from '@/lib/seo'

export const dynamic = 'force-static'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const posts = await getAllPosts()
  return sitemapEntries(posts, summarizeTags(posts))
}
