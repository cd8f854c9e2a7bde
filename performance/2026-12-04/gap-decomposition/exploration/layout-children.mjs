// What the Layout events of one page load hold: the events nested in them, summed by name (wall time and count), for
// each URL. One traced load each (../../layout-passes/traced-load.mjs, phone size, 4x CPU slowdown) with every
// default category and Blink's font and layout debug categories; the extra tracing slows the load, so only the
// shares mean anything. Usage, from this folder: npx tsx layout-children.mjs <url> …
import { tracedLoad } from '../../layout-passes/traced-load.mjs'

const { chromium } = await import('@playwright/test')
const { browserLaunchOptions } = await import('../../../../scripts/test/browser.ts')
const browser = await chromium.launch(browserLaunchOptions())
for (const url of process.argv.slice(2)) {
  const events = await tracedLoad(browser, url, {
    categories: ['*', 'fonts', 'disabled-by-default-fonts', 'disabled-by-default-blink.debug.layout'],
    after: 1500,
  })
  const layouts = events.filter((e) => e.name === 'Layout')
  const byName = new Map()
  for (const layout of layouts)
    for (const e of events.filter((k) => k !== layout && k.ts >= layout.ts && k.ts + k.dur <= layout.ts + layout.dur)) {
      const row = byName.get(e.name) ?? [0, 0]
      row[0] += e.dur / 1000
      row[1]++
      byName.set(e.name, row)
    }
  console.log(
    `${url}: ${layouts.length} Layout events, ${layouts.reduce((ms, e) => ms + e.dur / 1000, 0).toFixed(1)} ms`,
  )
  for (const [name, [ms, count]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  x${String(count).padEnd(4)} ${name}`)
}
await browser.close()
