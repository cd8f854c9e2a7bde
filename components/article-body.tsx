'use client'

import { useLayoutEffect, useRef } from 'react'
import { refreshCodeToolbars } from '@/lib/browser/code-toolbar'

/** The element holding the article of each post the reader opened, by slug (see ArticleBody). */
const openedArticleBody = new Map<string, Element>()

/** The opened post's article element: the server's the first time, then the element that last held its nodes. */
function openedArticleBodyOf(slug: string): Element | undefined {
  let body = openedArticleBody.get(slug)
  if (!body) {
    body = document.querySelector(`[data-article-body="${CSS.escape(slug)}"]`) ?? undefined
    if (body) openedArticleBody.set(slug, body)
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
 * Where React makes a new element for the opened post instead (a render from scratch after a hydration error, or the
 * reader coming back to the post, rendered again from its payload), the nodes move into it from the element that
 * last held them, before the browser paints; that element is off the page by then, and keeps its nodes until they
 * move. They come back as the reader left them, so their code toolbars are brought up to date. Nothing serializes or
 * parses the article again. The element is found by the post's slug, not the address: while React renders the post
 * the reader is going back to, the address and the page still show the one they are leaving. Articles reached by
 * client navigation arrive with their HTML. The build finds the HTML by this prop's name, `articleHtml`.
 */
export function ArticleBody({
  articleHtml,
  slug,
  className,
}: {
  articleHtml: string
  slug: string
  className: string
}) {
  const element = useRef<HTMLDivElement>(null)
  // Found in the render, not the effect: a render from scratch replaces the server's element before effects run.
  if (!articleHtml && typeof window !== 'undefined') openedArticleBodyOf(slug)
  useLayoutEffect(() => {
    const body = element.current
    if (articleHtml || !body) return
    const opened = openedArticleBodyOf(slug)
    if (opened && opened !== body && !body.hasChildNodes()) {
      body.replaceChildren(...opened.childNodes)
      refreshCodeToolbars(body)
    }
    openedArticleBody.set(slug, body)
  }, [articleHtml, slug])
  return (
    <div
      ref={element}
      data-article-body={slug}
      className={className}
      dangerouslySetInnerHTML={{ __html: articleHtml }}
    />
  )
}
