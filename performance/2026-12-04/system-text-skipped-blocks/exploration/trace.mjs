// Usage, from the project root (tsx, for the browser launch options of scripts/test/browser.ts):
//   npx tsx performance/2026-12-04/system-text-skipped-blocks/exploration/trace.mjs <runs> <path> <name>=<origin> …
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from '../../../../scripts/test/browser.ts'
import { throttledPage } from '../../remaining-gap/exploration/throttled-page.mjs'
const [runs, path, ...arms] = process.argv.slice(2)
const browser = await chromium.launch(browserLaunchOptions())
const med = (a) => {
  const s = [...a].sort((x, y) => x - y)
  return s[Math.floor(s.length / 2)]
}
const results = {}
for (let r = 0; r < Number(runs); r++)
  for (const arm of arms) {
    const [name, origin] = arm.split('=')
    const { context, page } = await throttledPage(browser)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing'],
    })
    await page.goto(origin + path, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const buf = await browser.stopTracing()
    const events = JSON.parse(buf.toString()).traceEvents
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))
    const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts)
    const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid)
    const fcpMs = fcp ? (fcp.ts - nav.ts) / 1000 : NaN
    const sum = (n) => main.filter((e) => e.name === n && e.ph === 'X').reduce((a, e) => a + e.dur, 0) / 1000
    const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X')
    const busy = tasks.reduce((a, e) => a + e.dur, 0) / 1000
    const tbt = tasks
      .filter((e) => (e.ts - nav.ts) / 1000 > fcpMs)
      .reduce((a, e) => a + Math.max(0, e.dur / 1000 - 50), 0)
    const row = {
      fcp: fcpMs,
      busy,
      tbt,
      layout: sum('Layout'),
      style: sum('UpdateLayoutTree'),
      parse: sum('ParseHTML'),
      paint: sum('Paint') + sum('PrePaint') + sum('Layerize'),
      script: sum('FunctionCall') + sum('EvaluateScript') + sum('v8.compile'),
    }
    ;(results[name] ??= []).push(row)
    console.log(
      name,
      'run',
      r + 1,
      Object.entries(row)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(' '),
    )
    await context.close()
  }
for (const [name, rows] of Object.entries(results))
  console.log(
    'MEDIAN',
    name.padEnd(12),
    Object.keys(rows[0])
      .map((k) => `${k} ${med(rows.map((x) => x[k])).toFixed(0)}`)
      .join('  '),
  )
await browser.close()
