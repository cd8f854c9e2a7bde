// Takes full-page screenshots of a running site at desktop and phone widths, in light and dark, for a person
// to look at. Usage: npx tsx scripts/screenshots.ts [baseURL] [path ...]   (writes screenshots/ , ignored by git)
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { browserLaunchOptions } from './test/browser'

const [baseURL = 'http://localhost:3000', ...paths] = process.argv.slice(2)
const pages = paths.length > 0 ? paths : ['/']
mkdirSync('screenshots', { recursive: true })
async function main() {
  const browser = await chromium.launch(browserLaunchOptions())
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme })
      const page = await context.newPage()
      for (const route of pages) {
        await page.goto(baseURL + route)
        const name = `${route === '/' ? 'index' : route.replace(/^\//, '').replace(/[^a-z0-9-]+/gi, '_')}-${width}-${colorScheme}.png`
        await page.screenshot({ path: `screenshots/${name}`, fullPage: true })
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        console.log(`screenshots/${name}${overflow > 0 ? `  (scrolls horizontally by ${overflow}px)` : ''}`)
      }
      await context.close()
    }
  }
  await browser.close()
}

void main()
