// One traced page load for the scripts beside this file: a new context at Lighthouse's phone size with Chrome's 4x
// CPU slowdown (../remaining-gap/exploration/throttled-page.mjs), traced with the given categories from before the
// navigation to `after` ms past the load event. Returns the main thread's complete events (and, with `marks`, its
// instant events too: the load event, the contentful paints) from the navigation on, in order.
import { throttledPage } from '../remaining-gap/exploration/throttled-page.mjs'

/** The summed `key` ('dur': wall, 'tdur': thread time) of the events named, in ms. */
export const sumOf = (events, names, key = 'dur') =>
  events.filter((e) => names.includes(e.name)).reduce((ms, e) => ms + (e[key] ?? 0) / 1000, 0)

export async function tracedLoad(browser, url, { categories, after, marks = false }) {
  const { context, page } = await throttledPage(browser)
  await browser.startTracing(page, { categories: [...categories, 'blink.user_timing', 'toplevel', 'loading'] })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(after)
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
  await context.close()
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))
  return events
    .filter(
      (e) =>
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts >= start.ts &&
        (e.ph === 'X' || (marks && /^[IRn]$/.test(e.ph))),
    )
    .map((e) => ({ ...e, at: (e.ts - start.ts) / 1000 }))
    .sort((a, b) => a.ts - b.ts)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Loads each `<name>=<url>` of `arms` `runs` times, interleaved, in one headless Chromium, measures each load's main
 * thread with `measure(events)` (an object of figures by name), and prints each run's figures, then per page each
 * figure's median and range.
 */
export async function compareLoads([runs, ...arms], options, measure) {
  const { chromium } = await import('@playwright/test')
  const { browserLaunchOptions } = await import('../../../scripts/test/browser.ts')
  const browser = await chromium.launch(browserLaunchOptions())
  const results = {}
  for (let run = 1; run <= Number(runs); run++)
    for (const arm of arms) {
      const [name, url] = arm.split('=')
      const row = measure(await tracedLoad(browser, url, options))
      const result = (results[name] ??= {})
      for (const [key, value] of Object.entries(row)) (result[key] ??= []).push(value)
      console.log(
        `${name} run ${run}: ${Object.entries(row)
          .map(([key, value]) => `${key} ${value.toFixed(0)}`)
          .join(', ')}`,
      )
    }
  await browser.close()
  for (const [name, result] of Object.entries(results)) {
    console.log(`\n${name}, medians of ${runs} (range):`)
    for (const [key, values] of Object.entries(result))
      console.log(
        `  ${key.padEnd(72)} ${median(values).toFixed(1).padStart(8)} (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`,
      )
  }
}
