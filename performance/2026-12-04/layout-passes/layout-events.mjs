// Each style recalculation and layout in a page load, in order: loads <url> once at Lighthouse's phone size with
// Chrome's 4x CPU slowdown (traced-load.mjs), traces the load and 3 s after it, and prints every
// UpdateLayoutTree (style) and Layout event on the main thread with its start (ms after navigation), its duration,
// the objects it touched and the JavaScript that forced it, if any. Usage, from the project root:
//   npx tsx performance/2026-12-04/layout-passes/layout-events.mjs <url>
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from '../../../scripts/test/browser.ts'
import { tracedLoad } from './traced-load.mjs'

const [url] = process.argv.slice(2)
const browser = await chromium.launch(browserLaunchOptions())
const main = await tracedLoad(browser, url, {
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.stack',
    'blink',
  ],
  after: 3000,
})
const totals = {}
for (const e of main) {
  if (
    ![
      'UpdateLayoutTree',
      'Layout',
      'ParseHTML',
      'Paint',
      'HitTest',
      'IntersectionObserverController::computeIntersections',
    ].includes(e.name)
  )
    continue
  totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000
  const at = e.at.toFixed(0)
  const d = e.args?.beginData ?? e.args?.data ?? {}
  const stack = (d.stackTrace ?? e.args?.data?.stackTrace ?? [])
    .slice(0, 2)
    .map((f) => `${f.functionName}@${f.url?.split('/').pop()}:${f.lineNumber}`)
  const detail =
    e.name === 'Layout'
      ? `dirty ${d.dirtyObjects}/${d.totalObjects} partial ${d.partialLayout}`
      : e.name === 'UpdateLayoutTree'
        ? `elements ${e.args?.elementCount ?? d.elementCount ?? '?'}`
        : e.name === 'ParseHTML'
          ? `lines ${d.startLine}-${e.args?.endData?.endLine}`
          : ''
  if (e.dur >= 1000 || e.name !== 'ParseHTML')
    console.log(
      `${at.padStart(6)} ms ${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${detail} ${stack.join(' < ')}`,
    )
}
console.log(totals)
await browser.close()
