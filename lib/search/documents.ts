import 'server-only'
import type { CompileOptions } from '../mdx/compile'
import { formatLongDate } from '../content/dates'
import { getAllPostsWithText } from '../content/posts'
import type { SearchIndex } from './engine'

/**
 * What /search-index.json serves: every published post's title, summary, date, tags and text by section. The page
 * builds its MiniSearch index from these documents when a reader opens it (lib/search/engine.ts); shipping MiniSearch's
 * serialised index instead would add its term tables to the same text, which the snippets need anyway.
 */
export async function getSearchIndex(options?: CompileOptions): Promise<SearchIndex> {
  const posts = await getAllPostsWithText(options)
  return {
    documents: posts.map((post) => ({
      slug: post.slug,
      title: post.title,
      summary: post.summary,
      date: post.date,
      formattedDate: formatLongDate(post.date),
      tags: post.tags,
      draft: post.draft,
      sections: post.sections,
    })),
  }
}
