import type { MetadataRoute } from 'next'
import { absoluteUrl } from '@/lib/seo'
import { siteEnvironment } from '@/lib/site-env.mjs'

// Written once at build time, also into a static export.
export const dynamic = 'force-static'

export default function robots(): MetadataRoute.Robots {
  // Previews are for reviewers, never for search engines.
  if (siteEnvironment() === 'preview') return { rules: { userAgent: '*', disallow: '/' } }
  return { rules: { userAgent: '*', allow: '/' }, sitemap: absoluteUrl('/sitemap.xml') }
}
