import { getSearchFiles } from '@/lib/search/documents'
import { staticResponse } from '@/lib/site/static-response'

// The search index's catalog and its parts, one per first letter (lib/search/engine.ts): written once at build
// time, also into a static export; only the /search page fetches them, each when a query needs it.
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  const { shards } = await getSearchFiles()
  return ['catalog.json', ...[...shards.keys()].map((name) => `shard-${name}.json`)].map((file) => ({ file }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params
  const { catalog, shards } = await getSearchFiles()
  const body = file === 'catalog.json' ? catalog : shards.get(/^shard-(.+)\.json$/.exec(file)?.[1] ?? '')
  if (!body) return new Response('Not Found', { status: 404 })
  return staticResponse(JSON.stringify(body), 'application/json')
}
