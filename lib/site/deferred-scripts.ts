// A prerendered page's Next.js scripts, fetched after the page's first paint instead of alongside it.
//
// Next writes every script of an App Router page into <head> as `<script src async>` (and preloads its entry
// with `<link rel="preload" as="script">`), so a phone on a slow connection starts on about 150 KB gzip of framework
// code while it is still waiting for the HTML and the stylesheet that hold back the first frame, and for the text
// font. The pages are readable without that code (the article body is static HTML, links are plain anchors, the
// theme and search shortcut are inline scripts): it adds the copy buttons, the contents marker, client navigation and
// prefetching. So the rewritten page names its scripts on one inline script, the last element of <body>, which adds
// them after the first frame. They stay async scripts, which Next's runtime already expects to run in any order; the
// noModule polyfill stays as it was, since modern browsers never fetch it.

/** Next's script tags and its entry's preload, exactly as Next 16 writes them into a prerendered page. */
const asyncScript = /^<script src="(\/_next\/static\/[^"\s]+)" async=""><\/script>$/
const noModuleScript = /^<script src="\/_next\/static\/[^"]+" noModule=""><\/script>$/
const scriptPreload = /^<link rel="preload" as="script" fetchPriority="low" href="([^"]+)"\/>$/

/** The loader's attribute: the deferred scripts' URLs, in document order, separated by spaces. */
export const deferredScriptsAttribute = 'data-deferred-scripts'
/** Set on the loader once every script it added has run or failed. */
export const settledAttribute = 'data-settled'
const loaderStart = `<script ${deferredScriptsAttribute}="`

/**
 * The loader, run as the last element of <body>. requestAnimationFrame's callback runs just before the first frame
 * is painted and the timeout just after it. A page that is hidden (opened in a background tab, prerendered, or left
 * before its first frame) paints no frame until it is shown, so it loads its scripts at once, as the page would
 * without this. The load event no longer waits for the scripts: the `data-settled` mark is what whatever must not
 * act before them (the end-to-end tests) waits for.
 */
const loader = [
  '(function(m){var s=m.dataset.deferredScripts.split(" "),n=s.length,d=0;',
  `function f(){if(--n===0)m.setAttribute("${settledAttribute}","")}`,
  'function l(){if(d)return;d=1;s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;e.onload=e.onerror=f;document.head.appendChild(e)})}',
  'if(document.visibilityState==="visible"&&self.requestAnimationFrame){requestAnimationFrame(function(){setTimeout(l)});document.addEventListener("visibilitychange",l)}else l()',
  '})(document.currentScript)',
].join('')

/**
 * The page with Next's async script tags and their preload replaced by the loader; unchanged when it has been
 * rewritten already or is not an App Router page (no inline router payload and no Next scripts). Throws, naming the
 * file, on a script tag or a script preload of a shape this does not know, and on an App Router page without Next's
 * script tags, so that a Next.js upgrade that changes them fails the build instead of shipping a page that loads the
 * wrong scripts.
 */
export function deferScripts(page: string, file = 'page'): string {
  if (page.includes(loaderStart)) return page
  const sources: string[] = []
  let html = page.replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, (tag) => {
    const source = asyncScript.exec(tag)?.[1]
    if (source) {
      // Each URL once: the loader adds one script element per URL it lists.
      if (!sources.includes(source)) sources.push(source)
      return ''
    }
    if (noModuleScript.test(tag)) return tag
    throw new Error(`${file}: a script tag the build does not know how to defer: ${tag}`)
  })
  if (sources.length === 0) {
    if (page.includes('self.__next_f')) throw new Error(`${file}: an App Router page without Next's async script tags`)
    return page
  }
  html = html.replace(/<link\b[^>]*\bas="script"[^>]*>/g, (tag) => {
    const preloaded = scriptPreload.exec(tag)?.[1]
    if (preloaded && sources.includes(preloaded)) return ''
    throw new Error(`${file}: a script preload the build does not know how to defer: ${tag}`)
  })
  const end = html.lastIndexOf('</body>')
  if (end < 0) throw new Error(`${file}: no </body> to put the script loader before`)
  return `${html.slice(0, end)}${loaderStart}${sources.join(' ')}">${loader}</script>${html.slice(end)}`
}

/** The URLs a rewritten page's loader adds, in order ([] for a page that was not rewritten). */
export function deferredScriptSources(page: string): string[] {
  const listed = new RegExp(`${loaderStart}([^"]*)">`).exec(page)?.[1]
  return listed ? listed.split(' ').map((source) => source.replace(/&amp;/g, '&')) : []
}
