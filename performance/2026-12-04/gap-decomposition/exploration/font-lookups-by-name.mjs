// Which font families one page load asks the browser process for, in order, with each lookup's wall time: one traced
// load per URL (../../layout-passes/traced-load.mjs, phone size, 4x CPU slowdown) with Chromium's font categories.
// Usage, from this folder: npx tsx font-lookups-by-name.mjs <url> …
import { tracedLoad } from '../../layout-passes/traced-load.mjs'

const { chromium } = await import('@playwright/test')
const { browserLaunchOptions } = await import('../../../../scripts/test/browser.ts')
const browser = await chromium.launch(browserLaunchOptions())
for (const url of process.argv.slice(2)) {
  const events = await tracedLoad(browser, url, { categories: ['fonts', 'disabled-by-default-fonts'], after: 1500 })
  console.log(url)
  for (const e of events.filter((e) =>
    /onMatchFamilyStyle|MatchFontByPostscript|GetWebFontRenderStyleForStrike/.test(e.name),
  ))
    console.log(
      `  at ${e.at.toFixed(0).padStart(5)} ms  ${(e.dur / 1000).toFixed(2).padStart(6)} ms  ${e.name} ${e.args?.family_name ?? ''}`,
    )
}
await browser.close()
