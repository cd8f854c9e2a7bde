// What an article's own scripts do to the page while it loads, counted: loads <name>=<url> at Lighthouse's phone size
// with Chrome's 4x CPU slowdown (../remaining-gap/exploration/throttled-page.mjs), with the innerHTML getter and
// setAttribute wrapped before any script runs, and prints how often the page's scripts serialized an element's HTML
// (how many characters, and the milliseconds the getter took) and set an attribute on an element (by attribute), up
// to 3 s after the load. Usage, from the project root:
//   npx tsx performance/2026-12-04/article-scripts/dom-calls.mjs <name>=<url> …
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from '../../../scripts/test/browser.ts'
import { throttledPage } from '../remaining-gap/exploration/throttled-page.mjs'

const browser = await chromium.launch(browserLaunchOptions())
for (const arm of process.argv.slice(2)) {
  const [name, url] = arm.split('=')
  const { context, page } = await throttledPage(browser)
  await page.addInitScript(() => {
    const counts = (window.__domCalls = { innerHTML: 0, characters: 0, ms: 0, setAttribute: {} })
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')
    Object.defineProperty(Element.prototype, 'innerHTML', {
      ...innerHTML,
      get() {
        const start = performance.now()
        const html = innerHTML.get.call(this)
        counts.ms += performance.now() - start
        counts.innerHTML++
        counts.characters += html.length
        return html
      },
    })
    const setAttribute = Element.prototype.setAttribute
    Element.prototype.setAttribute = function (attribute, value) {
      counts.setAttribute[attribute] = (counts.setAttribute[attribute] ?? 0) + 1
      return setAttribute.call(this, attribute, value)
    }
  })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(3000)
  console.log(name, url, JSON.stringify(await page.evaluate(() => window.__domCalls)))
  await context.close()
}
await browser.close()
