'use client'

import { useLayoutEffect, useRef } from 'react'

/** The server's article HTML, kept from the page the reader opened (see ArticleBody). */
let openedArticleHtml: string | undefined

/**
 * An article's static body: HTML that hydration never walks (it has nothing to hydrate; the code toolbars work
 * through one listener, components/article-behaviour.tsx).
 *
 * The build takes this HTML out of the router payload inlined in each prerendered article, where it was a second
 * copy of the body the page already holds (lib/site/article-payload.ts), so the article a reader opens hydrates with
 * an empty string. React leaves a server-rendered innerHTML alone when hydrating, and this component keeps that HTML:
 * if the router later renders the opened page again from its payload (the reader comes back to it), the body comes
 * from the page instead of the emptied payload. Articles reached by client navigation arrive with their HTML.
 */
// The build finds the HTML by this prop's name, `articleHtml` (lib/site/article-payload.ts).
export function ArticleBody({ articleHtml: html, className }: { articleHtml: string; className: string }) {
  const body = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (html === '' && openedArticleHtml === undefined && body.current) openedArticleHtml = body.current.innerHTML
  }, [html])
  return <div ref={body} className={className} dangerouslySetInnerHTML={{ __html: html || openedArticleHtml || '' }} />
}
