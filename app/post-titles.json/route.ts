import { getAllPosts } from '@/lib/content/posts'
import { staticResponse } from '@/lib/site/static-response'
import type { Suggestible } from '@/lib/search/suggest'

// Every published post's slug and title, for the 404 page's suggestions, which fetch it only when a reader lands
// there. Passing the list to the 404 page as props put it into every page's payload instead: the not-found
// boundary travels with each page, so a 1,000-post site carried 1,000 titles in every article.
export const dynamic = 'force-static'

export async function GET() {
  const titles: Suggestible[] = (await getAllPosts()).map(({ slug, title }) => ({ slug, title }))
  return staticResponse(JSON.stringify(titles), 'application/json')
}
