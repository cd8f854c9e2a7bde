// Where a page load's JavaScript time goes: loads each <name>=<url> <runs> times, interleaved, as trace-self-time.mjs
// does (4x CPU slowdown, 150 ms latency, 412 px), with V8's sampling profiler on from before the navigation to 3 s after
// the load, and prints per page the mean self time by script (the URL, query cut) and by function. Usage, from the
// project root:
//   npx tsx performance/2026-12-04/remaining-gap/exploration/cpu-profile.mjs <runs> <name>=<url> …
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from '../../../../scripts/test/browser.ts'
import { throttledPage } from './throttled-page.mjs'
const [runs, ...arms] = process.argv.slice(2)
const browser = await chromium.launch(browserLaunchOptions())
const agg = {}
for (let r = 0; r < Number(runs); r++)
  for (const arm of arms) {
    const [name, url] = arm.split('=')
    const { context, page, cdp } = await throttledPage(browser)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const { profile } = await cdp.send('Profiler.stop')
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const self = new Map()
    const dts = profile.timeDeltas
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dts[i] ?? 0)))
    const a = (agg[name] ??= { runs: 0, url: {}, fn: {} })
    a.runs++
    for (const [id, us] of self) {
      const n = byId.get(id)
      const cf = n.callFrame
      if (['(idle)', '(program)'].includes(cf.functionName)) continue
      const u = (cf.url || cf.functionName || '?').replace(/^https?:\/\/[^/]+/, '').replace(/\?.*/, '')
      a.url[u] = (a.url[u] ?? 0) + us / 1000
      const f = `${cf.functionName || '(anon)'} ${u.split('/').pop()}:${cf.lineNumber}:${cf.columnNumber}`
      a.fn[f] = (a.fn[f] ?? 0) + us / 1000
    }
    await context.close()
  }
for (const [name, a] of Object.entries(agg)) {
  const tot = Object.values(a.url).reduce((x, y) => x + y, 0) / a.runs
  console.log(`\n== ${name}: ${a.runs} runs, JS+GC self time mean ${tot.toFixed(0)} ms`)
  for (const [u, ms] of Object.entries(a.url)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 12))
    console.log(`  ${(ms / a.runs).toFixed(1).padStart(7)} ms  ${u}`)
  console.log('  -- functions')
  for (const [f, ms] of Object.entries(a.fn)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 25))
    console.log(`  ${(ms / a.runs).toFixed(1).padStart(7)} ms  ${f}`)
}
await browser.close()
