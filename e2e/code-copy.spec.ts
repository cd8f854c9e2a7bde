import type { Locator, Page } from '@playwright/test'
import { copiedMessageMs } from '../lib/browser/code-toolbar'
import { codeWrapStorageKey } from '../lib/browser/theme'
import { browserLaunchOptions } from '../scripts/test/browser'
import { benchmarkArticle, expect, test } from './fixtures'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

/**
 * Presses a Copy button until the page says what the press did. A press that lands before the page's script runs
 * does nothing, and the clipboard, which the browser keeps across tests, would still hold what an earlier test copied.
 */
async function copyUntilAnnounced(page: Page, press: () => Promise<void>) {
  const said = page.getByRole('status').filter({ hasText: /Copied to the clipboard|Could not copy/ })
  await expect(async () => {
    await press()
    await expect(said).toHaveCount(1, { timeout: 1000 })
  }).toPass()
}

test('copies a code block, says so to screen readers, and reaches it from the keyboard', async ({ page }) => {
  await page.goto('/posts/go-struct-field-alignment')
  const button = page.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
  await expect(button).toBeVisible()
  await copyUntilAnnounced(page, async () => {
    await button.focus()
    await page.keyboard.press('Enter')
  })
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard' })).toHaveCount(1)
  await expect(button).toHaveAccessibleName('Copied go code')
  const code = await button.locator('xpath=ancestor::figure[1]').locator('pre').innerText()
  expect(await clipboard(page)).toBe(code.replace(/\n$/, ''))
  expect(await clipboard(page)).toContain('type ')
})

test('a second copy while the first is still announced is announced again', async ({ page }) => {
  await page.goto('/posts/go-struct-field-alignment')
  const button = page.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
  const regions = page.getByRole('status')
  await copyUntilAnnounced(page, () => button.click())
  await expect(regions.filter({ hasText: 'Copied to the clipboard' })).toHaveCount(1)
  // Screen readers speak text added to a live region, so the same text set again where it is still shown would go
  // unheard: the message comes back in the other region, which was empty, and the first one empties.
  const shown = await regions.allTextContents()
  expect(shown).toHaveLength(2)
  await button.click()
  await expect.poll(() => regions.allTextContents()).toEqual([...shown].reverse())
})

test('a shell session copies its commands without the $ prompts or the output', async ({ page }) => {
  await page.goto('/posts/go-memory-stack-vs-heap')
  const figure = page.getByRole('figure').filter({ hasText: '$ go build -gcflags=-m ./...' })
  const button = figure.getByRole('button', { name: /^Cop(y|ied) bash code$/ })
  await copyUntilAnnounced(page, () => button.click())
  await expect(button).toHaveAccessibleName('Copied bash code')
  const copied = await clipboard(page)
  expect(copied.split('\n')[0]).toBe('go build -gcflags=-m ./...')
  expect(copied).not.toMatch(/^\$ /m)
})

test('touch readers see the button without hovering', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 800 } })
  const page = await context.newPage()
  await page.goto('/posts/go-struct-field-alignment')
  const button = page.getByRole('button', { name: /^Cop(y|ied) .*code$/ }).first()
  await button.scrollIntoViewIfNeeded()
  await expect(button).toBeVisible()
  await copyUntilAnnounced(page, () => button.tap())
  await context.close()
})

/** Presses a toggle until it reads `pressed`: a press that lands before the page's script runs does nothing. */
async function pressUntil(button: Locator, pressed: 'true' | 'false') {
  await expect(async () => {
    if ((await button.getAttribute('aria-pressed')) !== pressed) await button.click()
    await expect(button).toHaveAttribute('aria-pressed', pressed, { timeout: 1000 })
  }).toPass()
}

test('wrapping long lines is one choice for every code block, kept when the reader comes back', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto('/posts/go-struct-field-alignment')
  const wrap = page.getByRole('button', { name: 'Wrap lines' })
  const overflows = () =>
    page
      .locator('[data-article-body] pre[data-language]')
      .evaluateAll((pres) => pres.filter((pre) => pre.scrollWidth > pre.clientWidth).length)
  expect(await overflows()).toBeGreaterThan(0)
  await pressUntil(wrap.first(), 'true')
  // Every toolbar says so, not only the one pressed, and no block scrolls sideways any more.
  for (const button of await wrap.all()) await expect(button).toHaveAttribute('aria-pressed', 'true')
  expect(await overflows()).toBe(0)
  // The choice is restored before the page paints, and the buttons say so once the page runs (the server wrote
  // "false" in each).
  await page.reload()
  expect(await overflows()).toBe(0)
  for (const button of await wrap.all()) await expect(button).toHaveAttribute('aria-pressed', 'true')
  await pressUntil(wrap.last(), 'false')
  for (const button of await wrap.all()) await expect(button).toHaveAttribute('aria-pressed', 'false')
  expect(await overflows()).toBeGreaterThan(0)
  // Turned off, it stays off.
  await page.reload()
  expect(await overflows()).toBeGreaterThan(0)
})

test('an article shown again as it was left tells its toolbars the choices made since', async ({ page }) => {
  // The Copy message's expiry never comes in this test, so a button left saying "Copied" can say "Copy" again only
  // because the page brings the toolbars up to date as it is shown again.
  await page.addInitScript((expiryMs) => {
    const setTimeoutAsBuilt = window.setTimeout
    const stubbed = Object.assign(window, { expiriesStubbed: 0 })
    window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
      if (timeout !== expiryMs) return setTimeoutAsBuilt(handler, timeout, ...rest)
      stubbed.expiriesStubbed++
      return 0
    }) as typeof window.setTimeout
  }, copiedMessageMs)
  await page.goto(benchmarkArticle.path)
  const article = page.getByRole('article')
  const wrap = article.getByRole('button', { name: 'Wrap lines' })
  const copy = article.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
  await pressUntil(wrap.first(), 'true')
  await copy.click()
  await expect(copy).toHaveText('Copied')
  // The stub caught the message's expiry, and only it: otherwise the checks below prove nothing.
  expect(await page.evaluate(() => (window as unknown as { expiriesStubbed: number }).expiriesStubbed)).toBe(1)
  // A browser that shows a page again from its back-forward cache says so with a persisted pageshow (the next test
  // has Chromium do it): here, as if another page had turned wrapping off meanwhile.
  await page.evaluate((wrapKey) => {
    localStorage.removeItem(wrapKey)
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
  }, codeWrapStorageKey)
  await expect(page.locator('html')).not.toHaveAttribute('data-code-wrap')
  for (const button of await wrap.all()) await expect(button).toHaveAttribute('aria-pressed', 'false')
  await expect(copy).toHaveText('Copy')
  await expect(copy).toHaveAccessibleName('Copy go code')
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0)
})

test("the back-forward cache: going back shows the article as the reader left it, with the next page's choices", async ({
  playwright,
  baseURL,
}) => {
  // Playwright starts Chromium with the back-forward cache off (--disable-back-forward-cache); this browser has it.
  const browser = await playwright.chromium.launch({
    ...browserLaunchOptions(),
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  })
  try {
    const context = await browser.newContext({
      baseURL,
      colorScheme: 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    // The Copy message's expiry never comes, so only the return can make the button say "Copy" again.
    await context.addInitScript((expiryMs) => {
      const setTimeoutAsBuilt = window.setTimeout
      window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
        timeout === expiryMs ? 0 : setTimeoutAsBuilt(handler, timeout, ...rest)) as typeof window.setTimeout
    }, copiedMessageMs)
    const page = await context.newPage()
    await page.goto(benchmarkArticle.path)
    const article = page.getByRole('article')
    const title = page.getByRole('heading', { level: 1 })
    const wrap = article.getByRole('button', { name: 'Wrap lines' })
    const copy = article.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
    const theme = page.getByRole('button', { name: /^Theme:/ })
    await page.evaluate(() => Object.assign(window, { keptByTheBrowser: true }))
    await pressUntil(wrap.first(), 'true')
    await copy.click()
    await expect(copy).toHaveText('Copied')
    // Leave once the next page's prefetch has finished, so that nothing in flight keeps this page out of the cache.
    const next = page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: /Next article/ })
    const prefetched = page.waitForResponse((response) => response.request().headers()['sec-purpose'] !== undefined)
    await next.hover()
    await prefetched
    await next.click()
    await expect(title).not.toHaveText(benchmarkArticle.title)
    // On the next article: wrapping off, and the dark theme chosen.
    await pressUntil(wrap.first(), 'false')
    await theme.click()
    await theme.click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.goBack({ waitUntil: 'commit' })
    await expect(title).toHaveText(benchmarkArticle.title)
    expect(await page.evaluate(() => 'keptByTheBrowser' in window), 'the page came back from the cache').toBe(true)
    await expect(page.locator('html')).not.toHaveAttribute('data-code-wrap')
    for (const button of await wrap.all()) await expect(button).toHaveAttribute('aria-pressed', 'false')
    await expect(copy).toHaveText('Copy')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await expect(theme).toHaveAccessibleName(/^Theme: dark/)
  } finally {
    await browser.close()
  }
})
