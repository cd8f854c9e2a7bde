import { getSearchIndex } from '@/lib/search-index'

// Written once at build time, also into a static export; only the /search page fetches it.
export const dynamic = 'force-static'

export async function GET() {
  return Response.json(await getSearchIndex())
}
