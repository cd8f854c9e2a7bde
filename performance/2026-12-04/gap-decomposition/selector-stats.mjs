// Which of the site's CSS selectors cost the style recalculations of one page load: Chromium's selector statistics
// (the trace category disabled-by-default-blink.debug, as DevTools' "Enable CSS selector stats" records them), summed
// over every recalculation of the load, at Lighthouse's phone size with Chrome's 4x CPU slowdown.
// Usage: node selector-stats.mjs <url> [runs=3] [top=40]
// Prints the total style recalculation time, then the selectors with the most time summed over the runs: elapsed
// time, match attempts, fast rejects and matches (each a sum over the runs, divided by the runs).
import { tracedLoad } from '../layout-passes/traced-load.mjs'

const [url, runs = '3', top = '40'] = process.argv.slice(2)
const { chromium } = await import('@playwright/test')
const { browserLaunchOptions } = await import('../../../scripts/test/browser.ts')
const browser = await chromium.launch(browserLaunchOptions())
const bySelector = new Map()
let recalcTotal = 0
let statsTotal = 0
for (let run = 1; run <= Number(runs); run++) {
  const events = await tracedLoad(browser, url, {
    categories: ['devtools.timeline', 'disabled-by-default-blink.debug'],
    after: 1000,
  })
  const recalc = events.filter((e) => e.name === 'UpdateLayoutTree').reduce((sum, e) => sum + e.dur / 1000, 0)
  recalcTotal += recalc
  let runStats = 0
  for (const event of events.filter((e) => e.name === 'SelectorStats')) {
    for (const timing of event.args.selector_stats?.selector_timings ?? []) {
      const row = bySelector.get(timing.selector) ?? { elapsed: 0, attempts: 0, fastRejects: 0, matches: 0 }
      row.elapsed += timing['elapsed (us)'] / 1000
      row.attempts += timing.match_attempts
      row.fastRejects += timing.fast_reject_count
      row.matches += timing.match_count
      bySelector.set(timing.selector, row)
      runStats += timing['elapsed (us)'] / 1000
    }
  }
  statsTotal += runStats
  console.log(`run ${run}: UpdateLayoutTree ${recalc.toFixed(1)} ms, selector matching ${runStats.toFixed(1)} ms`)
}
await browser.close()
const n = Number(runs)
console.log(
  `\n${url}: per run, UpdateLayoutTree ${(recalcTotal / n).toFixed(1)} ms, of which selector matching ${(statsTotal / n).toFixed(1)} ms, ${bySelector.size} selectors`,
)
console.log('elapsed ms  attempts  fast-rejects  matches  selector')
for (const [selector, row] of [...bySelector].sort((a, b) => b[1].elapsed - a[1].elapsed).slice(0, Number(top)))
  console.log(
    `${(row.elapsed / n).toFixed(2).padStart(10)}  ${String(Math.round(row.attempts / n)).padStart(8)}  ${String(Math.round(row.fastRejects / n)).padStart(12)}  ${String(Math.round(row.matches / n)).padStart(7)}  ${selector.slice(0, 160)}`,
  )
