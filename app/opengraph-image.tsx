import { ogImageContentType, ogImageSize, siteOgImage } from '@/components/og-card'
import { getAllPosts, summarizeTags } from '@/lib/content/posts'
import { site } from '@/lib/site/config'

// The journal's link-preview card: the index and every page without a card of its own share it.
export const alt = `${site.name}: ${site.tagline}`
export const size = ogImageSize
export const contentType = ogImageContentType
export const dynamic = 'force-static'

export default async function Image() {
  return siteOgImage(summarizeTags(await getAllPosts()))
}
