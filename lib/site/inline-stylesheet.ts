// The site's stylesheet inline in each prerendered page, so that the first paint waits for the HTML alone.
//
// Next links the site's one stylesheet from <head>, and a browser paints nothing until it has fetched it: on a slow
// connection that is a whole round trip after the HTML (performance/2026-12-03/inline-css/). After `next build`,
// scripts/build/inline-stylesheets.ts puts the CSS into each prerendered page in a <style> where the link was. The
// link stays, disabled: a disabled stylesheet is neither fetched nor applied, and React, which rendered the link,
// finds it (by rel and href) when the page hydrates and when the router renders another page with the same
// stylesheet, so it never adds a second one (the index and the articles carry no React, lib/site/without-runtime.ts,
// and keep the disabled link all the same: it costs nothing). The font URLs in the CSS are relative to the CSS file
// and become absolute. Next's `experimental.inlineCss` inlines the CSS too, but also copies it into the page's router
// payload.
// Pages rendered at request time (a 404 for an unknown slug) keep the linked stylesheet.

const stylesheetLink = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)" data-precedence="next"\/>/g

export type InlinedPage = { html: string; inlinedBytes: number }

/**
 * The page with each of its stylesheet links preceded by the stylesheet itself, read by `readCss` from the link's
 * href, and the link disabled. Null when the page links no stylesheet. Throws when a stylesheet cannot be inlined
 * as it is (a `</style` in it would end the element early) and when the page links a stylesheet in a form this does
 * not know, which would otherwise go on blocking the first paint unnoticed (a Next.js upgrade that changes the tag).
 */
export function inlineStylesheets(page: string, readCss: (href: string) => string, file = 'page'): InlinedPage | null {
  let inlinedBytes = 0
  const html = page.replace(stylesheetLink, (link, href: string) => {
    // A relative url() is resolved against the stylesheet's own URL, as the browser would have.
    const css = readCss(href).replace(
      /url\((["']?)(?!data:|[a-z][a-z0-9+.-]*:|\/|#)([^"')]+)\1\)/gi,
      (_, quote: string, url: string) => {
        const resolved = new URL(url, `https://site${href}`)
        return `url(${quote}${resolved.pathname}${resolved.search}${resolved.hash}${quote})`
      },
    )
    if (/<\/style/i.test(css)) throw new Error(`${file}: ${href} contains "</style", so it cannot be inlined`)
    inlinedBytes += Buffer.byteLength(css)
    return `<style>${css}</style>${link.replace('/>', ' disabled=""/>')}`
  })
  const blocking = /<link rel="stylesheet"(?![^>]* disabled="")[^>]*>/.exec(html)
  if (blocking) throw new Error(`${file}: a stylesheet link this cannot inline: ${blocking[0]}`)
  return inlinedBytes === 0 ? null : { html, inlinedBytes }
}
