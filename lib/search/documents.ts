import 'server-only'
import type { AsPlainObject } from 'minisearch'
import { formatLongDate } from '../content/dates'
import { getAllPostsWithText } from '../content/posts'
import type { CompileOptions } from '../mdx/compile'
import { shardDocuments, shardIndex, type CatalogEntry, type SearchDocument } from './engine'

/**
 * The parts of the search index the site serves (lib/search/engine.ts reads them in the browser). A result's text
 * is not among them: the search page reads it from the post's Markdown copy (lib/search/markdown-text.ts).
 */
export type SearchFiles = {
  catalog: CatalogEntry[]
  /** Each first letter's part of the index, by its name ("a" … "z", "0" … "9", "_"). */
  shards: Map<string, AsPlainObject>
}

let built: Promise<SearchFiles> | undefined

/** Every published post as search knows it, split into the parts the search page fetches; built once per process. */
export function getSearchFiles(options?: CompileOptions): Promise<SearchFiles> {
  return (built ??= buildSearchFiles(options))
}

/** Every published post as the index knows it: its text as the page shows it, section by section. */
export async function searchDocuments(options?: CompileOptions): Promise<SearchDocument[]> {
  return (await getAllPostsWithText(options)).map((post) => ({
    slug: post.slug,
    title: post.title,
    date: post.date,
    formattedDate: formatLongDate(post.date),
    draft: post.draft,
    summary: post.summary,
    tags: post.tags,
    sections: post.sections,
  }))
}

/** The parts, built anew from the posts of this build. */
export async function buildSearchFiles(options?: CompileOptions): Promise<SearchFiles> {
  const documents = await searchDocuments(options)
  return {
    catalog: documents.map(({ slug, title, date, formattedDate, draft }) => ({
      slug,
      title,
      date,
      formattedDate,
      draft,
    })),
    shards: new Map([...shardDocuments(documents)].map(([name, shard]) => [name, shardIndex(shard)])),
  }
}
