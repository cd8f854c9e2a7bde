// The index and the articles, served without Next's client runtime.
//
// An article is a static document: its only interactive parts are the code toolbars, the contents' marker of the
// current section and prefetching on intent, and the index has only the last. Yet each prerendered page loaded
// Next's runtime and React (about 140 KiB gzip) and hydrated, which cost a phone's main thread about as much as
// everything else on the page did (performance/2026-12-04/night-set/without-the-runtime/). After `next build`,
// scripts/build/without-runtime.ts removes from those pages Next's script files, their preloads, the inline router
// payload (`self.__next_f`) and Turbopack's chunk list, and puts one small script of the site's own
// (lib/browser/page-script.ts) at the end of the body. The page's own inline scripts stay: the theme script in
// <head> (which also drives the theme switch), the search shortcut and the JSON-LD. Links from such a page load
// their page in full. The pages that keep the runtime, and the payload files the router fetches for them (`.rsc`),
// are left as they were, so a reader who goes from one of those to an article still gets it from the router.

/** The attribute on the site's own inline script, which the JavaScript budget counts (scripts/perf/budget.ts). */
export const siteScriptAttribute = 'data-site-script'

const nextScriptFile = /<script\b[^>]*\bsrc="\/_next\/[^"]*"[^>]*><\/script>/g
const nextInlineScript =
  /<script\b[^>]*>(?:self\.__next_f|\(self\.__next_f|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g
const nextScriptPreload = /<link\b[^>]*\b(?:rel="modulepreload"|as="script")[^>]*\/?>/g

export type StaticPage = { html: string; removedBytes: number }

/**
 * The prerendered page without Next's client runtime, with `script` (the site's, already bundled) before `</body>`.
 * Throws when the page does not look as this expects, so that a Next.js upgrade that changes its tags fails the
 * build instead of shipping pages that load half a runtime: no router payload to remove, or a reference to Next's
 * scripts left after the removal.
 */
export function withoutFrameworkRuntime(page: string, script: string, file = 'page'): StaticPage {
  // Either would end the inline element early or keep it open past its end tag.
  if (/<\/script|<!--/i.test(script)) throw new Error(`${file}: the site's script contains "</script" or "<!--"`)
  if (!/<script>\(?self\.__next_f\b/.test(page))
    throw new Error(`${file}: no inline router payload (self.__next_f) to remove`)
  const stripped = page.replace(nextScriptFile, '').replace(nextInlineScript, '').replace(nextScriptPreload, '')
  // What a browser would still run or fetch of Next's. Data blocks (JSON-LD, which carries titles and summaries that
  // may well name these things) are not scripts.
  const left = [...stripped.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>|<link\b[^>]*>/g)].find(
    ([tag, attributes, contents]) =>
      tag.startsWith('<link')
        ? /\bhref="\/_next\/static\/[^"]+\.js"/.test(tag)
        : !/\btype="application\/(?:ld\+)?json"/.test(attributes) &&
          (/\bsrc="\/_next\//.test(attributes) || /__next_f|TURBOPACK/.test(contents)),
  )
  if (left) throw new Error(`${file}: Next's runtime is still referenced after its removal: ${left[0].slice(0, 120)}`)
  const end = stripped.lastIndexOf('</body>')
  if (end === -1) throw new Error(`${file}: no </body>`)
  const html = `${stripped.slice(0, end)}<script ${siteScriptAttribute}="">${script}</script>${stripped.slice(end)}`
  return { html, removedBytes: Buffer.byteLength(page) - Buffer.byteLength(stripped) }
}
