import { feedStylesheet } from '@/lib/site/feed-stylesheet'
import { staticResponse } from '@/lib/site/static-response'

// The stylesheet the RSS and Atom feeds name, so that a browser shows them as a page (lib/site/feed-stylesheet.ts).
export const dynamic = 'force-static'

export function GET() {
  return staticResponse(feedStylesheet(), 'text/xsl; charset=utf-8')
}
