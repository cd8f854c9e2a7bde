import { robotsTxt } from '@/lib/site/seo'
import { siteEnvironment } from '@/lib/environment.mjs'
import { staticResponse } from '@/lib/site/static-response'

// Written once at build time, also into a static export. Previews are for reviewers, never for search engines.
export const dynamic = 'force-static'

export function GET() {
  return staticResponse(robotsTxt(siteEnvironment() === 'preview'), 'text/plain; charset=utf-8')
}
