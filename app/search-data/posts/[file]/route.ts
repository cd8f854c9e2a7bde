import { getSearchFiles } from '@/lib/search/documents'
import { staticResponse } from '@/lib/site/static-response'

// One post's text for the search page's snippets, fetched for the posts a search shows (lib/search/engine.ts).
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return [...(await getSearchFiles()).documents.keys()].map((slug) => ({ file: `${slug}.json` }))
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const text = (await getSearchFiles()).documents.get((await params).file.replace(/\.json$/, ''))
  if (!text) return new Response('Not Found', { status: 404 })
  return staticResponse(JSON.stringify(text), 'application/json')
}
