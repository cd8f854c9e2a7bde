import type { MetadataRoute } from 'next'
import { siteEnvironment } from '@/lib/site-env.mjs'

export default function robots(): MetadataRoute.Robots {
  // Previews are for reviewers, never for search engines.
  if (siteEnvironment() === 'preview') return { rules: { userAgent: '*', disallow: '/' } }
  return { rules: { userAgent: '*', allow: '/' } }
}
