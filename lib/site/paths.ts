// The site's URL paths, in one place. Plain functions of a slug or a tag, with nothing server-only, so the
// browser's components (the search results, the 404 page's suggestions) use them as well.

/** An article: /posts/<slug>. */
export function postPath(slug: string): string {
  return `/posts/${slug}`
}

/** An article's plain-Markdown copy (app/source/[file]/route.ts, rewritten from this path). */
export function markdownCopyPath(slug: string): string {
  return `${postPath(slug)}.md`
}

/** A tag's page. */
export function tagPath(tag: string): string {
  return `/tags/${tag}`
}

/** An author's page. */
export function authorPath(id: string): string {
  return `/authors/${id}`
}

/** A series' page. */
export function seriesPath(slug: string): string {
  return `/series/${slug}`
}

/** The XSLT stylesheet the RSS and Atom feeds name. */
export const feedStylesheetPath = '/feed.xsl'
