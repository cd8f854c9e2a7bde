'use client'

import { useLayoutEffect, useRef } from 'react'

/** The element holding the article of each page the reader opened, by path (see ArticleBody). */
const openedArticleBody = new Map<string, Element>()

/** The opened page's article element: the server's the first time, the one that last showed it after that. */
function openedArticleBodyOf(path: string): Element | undefined {
  let body = openedArticleBody.get(path)
  if (!body) {
    body = document.querySelector('[data-article-body]') ?? undefined
    if (body) openedArticleBody.set(path, body)
  }
  return body
}

/**
 * An article's static body: HTML that hydration never walks (it has nothing to hydrate; the code toolbars work
 * through one listener, components/article-behaviour.tsx).
 *
 * The build takes this HTML out of the router payload inlined in each prerendered article, where it was a second
 * copy of the body the page already holds (lib/site/article-payload.ts), so the article a reader opens arrives here
 * as an empty string. Hydration leaves a server-rendered innerHTML alone, so the server's element keeps its nodes.
 * Where React makes a new element for the opened page instead (a render from scratch after a hydration error, or the
 * reader coming back to the page, rendered again from its payload), the nodes move into it from the element that
 * last held them, before the browser paints; that element is off the page by then, and keeps its nodes until they
 * move. Nothing serializes or parses the article again. Articles reached by client navigation arrive with their
 * HTML. The build finds the HTML by this prop's name, `articleHtml`.
 */
export function ArticleBody({ articleHtml, className }: { articleHtml: string; className: string }) {
  const element = useRef<HTMLDivElement>(null)
  // Found in the render, not the effect: a render from scratch replaces the server's element before effects run.
  if (!articleHtml && typeof window !== 'undefined') openedArticleBodyOf(window.location.pathname)
  useLayoutEffect(() => {
    const body = element.current
    if (articleHtml || !body) return
    const path = window.location.pathname
    const opened = openedArticleBodyOf(path)
    if (opened && opened !== body && !body.hasChildNodes()) body.replaceChildren(...opened.childNodes)
    openedArticleBody.set(path, body)
  }, [articleHtml])
  return (
    <div ref={element} data-article-body="" className={className} dangerouslySetInnerHTML={{ __html: articleHtml }} />
  )
}
