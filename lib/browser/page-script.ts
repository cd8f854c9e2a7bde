// The one script of a page served without Next's runtime (lib/site/without-runtime.ts: the index and the articles). It
// does what the page's React components do where React runs: the code toolbars (components/article-behaviour.tsx),
// the contents' marker of the current section (components/current-section.tsx) and prefetching on intent
// (components/intent-prefetch.tsx), through the same functions. Links load their page in full; what the reader
// points at, focuses or touches is prefetched first. The build bundles this file and puts it at the end of each such
// page's body (scripts/build/without-runtime.ts), so the document is parsed when it runs. `next dev` does not run
// that step: there every page keeps the router, and links navigate without a page load.
import { codeStatusAttribute, listenForCodeToolbars } from './code-toolbar'
import { tableOfContentsIds, watchCurrentSection } from './current-section'
import { listenForIntent, prefetchDocument } from './prefetch'

const regions = document.querySelectorAll(`[${codeStatusAttribute}]`)
if (regions.length === 2) {
  listenForCodeToolbars(({ message, region }) => {
    regions[region].textContent = message
    regions[1 - region].textContent = ''
  })
}
const sections = tableOfContentsIds()
if (sections.length > 0) watchCurrentSection(sections)
listenForIntent(prefetchDocument)
