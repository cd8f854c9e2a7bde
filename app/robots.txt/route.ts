import { robotsTxt } from '@/lib/seo'
import { siteEnvironment } from '@/lib/site-env.mjs'
import { staticResponse } from '@/lib/static-response'

// Written once at build time, also into a static export. Previews are for reviewers, never for search engines.
export const dynamic = 'force-static'

export function GET() {
  return staticResponse(robotsTxt(siteEnvironment() === 'preview'), 'text/plain; charset=utf-8')
}
