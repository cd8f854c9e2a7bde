// Where a page load's main-thread time goes, by trace event: loads each <name>=<url> <runs> times, interleaved, in one
// headless Chromium (a new context per load) at Lighthouse's phone size with Chrome's 4x CPU slowdown and 150 ms of
// latency on a 1.6 Mbit/s link (not Lighthouse's exact settings), traces the load and 3 s after it, and prints per
// run the main thread's busy time (the sum of its tasks), then per page the medians of each event's self time (its
// duration less its children's). Usage, from the project root:
//   npx tsx performance/2026-12-04/remaining-gap/exploration/trace-self-time.mjs <runs> <name>=<url> …
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from '../../../../scripts/test/browser.ts'
import { throttledPage } from './throttled-page.mjs'

const [runs, ...arms] = process.argv.slice(2)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const browser = await chromium.launch(browserLaunchOptions())
const pages = {}
for (let run = 1; run <= Number(runs); run++)
  for (const arm of arms) {
    const [name, url] = arm.split('=')
    const { context, page } = await throttledPage(browser)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'v8', 'v8.execute'].concat([
        'blink',
        'toplevel',
        'blink.user_timing',
      ]),
    })
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
    const start = events.find(
      (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.startsWith('http'),
    )
    const main = events
      .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts && e.ph === 'X' && e.dur > 0)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur)
    const self = {}
    const stack = []
    for (const event of main) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop()
      const parent = stack.at(-1)
      if (parent) self[parent.name] = (self[parent.name] ?? 0) - Math.min(event.dur, parent.ts + parent.dur - event.ts)
      self[event.name] = (self[event.name] ?? 0) + event.dur
      stack.push(event)
    }
    const busy = main.filter((event) => event.name === 'RunTask').reduce((sum, event) => sum + event.dur, 0) / 1000
    const result = (pages[name] ??= { busy: [], self: {} })
    result.busy.push(busy)
    for (const [event, us] of Object.entries(self)) (result.self[event] ??= []).push(us / 1000)
    console.log(`${name} run ${run}: busy ${busy.toFixed(0)} ms`)
    await context.close()
  }
for (const [name, { busy, self }] of Object.entries(pages)) {
  console.log(`\n${name}: busy, median ${median(busy).toFixed(0)} ms; self time by event, medians`)
  const rows = Object.entries(self).map(([event, values]) => [
    event,
    median([...values, ...Array(busy.length - values.length).fill(0)]),
  ])
  for (const [event, ms] of rows.sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${event}`)
}
await browser.close()
