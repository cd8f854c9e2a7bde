import { getSearchIndex } from '@/lib/search/documents'
import { staticResponse } from '@/lib/site/static-response'

// Written once at build time, also into a static export; only the /search page fetches it.
export const dynamic = 'force-static'

export async function GET() {
  return staticResponse(JSON.stringify(await getSearchIndex()), 'application/json')
}
