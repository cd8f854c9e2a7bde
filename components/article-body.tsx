'use client'

/** The server's article HTML of each page the reader opened, by path (see ArticleBody). */
const openedArticleHtml = new Map<string, string>()

/** The opened page's article HTML: from the page itself the first time, from memory after that. */
function htmlOfOpenedArticle(): string {
  const path = window.location.pathname
  let html = openedArticleHtml.get(path)
  if (html === undefined) {
    html = document.querySelector('[data-article-body]')?.innerHTML ?? ''
    if (html) openedArticleHtml.set(path, html)
  }
  return html
}

/**
 * An article's static body: HTML that hydration never walks (it has nothing to hydrate; the code toolbars work
 * through one listener, components/article-behaviour.tsx).
 *
 * The build takes this HTML out of the router payload inlined in each prerendered article, where it was a second
 * copy of the body the page already holds (lib/site/article-payload.ts), so the article a reader opens arrives here
 * as an empty string. The body is then read from the page, before React commits anything: hydration leaves a
 * server-rendered innerHTML alone, a render from scratch after a hydration error gets the same HTML, and so does a
 * later render of the opened page from its payload (the reader comes back to it). Articles reached by client
 * navigation arrive with their HTML. The build finds the HTML by this prop's name, `articleHtml`.
 */
export function ArticleBody({ articleHtml, className }: { articleHtml: string; className: string }) {
  const html = articleHtml || (typeof window === 'undefined' ? '' : htmlOfOpenedArticle())
  return <div data-article-body="" className={className} dangerouslySetInnerHTML={{ __html: html }} />
}
