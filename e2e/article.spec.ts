import { gzipSync } from 'node:zlib'
import { siteScriptAttribute } from '../lib/site/without-runtime'
import { textFaces } from '../scripts/fonts/text-faces'
import type { Page } from '@playwright/test'
import { benchmarkArticle, expect, expectOneH1, openFromArchiveByRouter, test } from './fixtures'

/** Words of the article's first paragraph, to find it by again. */
async function firstWords(page: Page): Promise<string> {
  const text = await page.getByRole('article').locator('[data-article-body] > p').first().textContent()
  return (text ?? '').match(/[A-Za-z ,]{30,}/)![0]
}

test('an article shows its title, dates, reading time and tags', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  await expectOneH1(page, benchmarkArticle.title)
  await expect(page).toHaveTitle(new RegExp(`^${benchmarkArticle.title}`))
  const header = page.getByRole('article').getByRole('banner').or(page.locator('article > header'))
  await expect(header.locator('time').first()).toHaveAttribute('datetime', '2026-01-27')
  await expect(header.getByText(/\d+ min read/)).toBeVisible()
  await expect(header.getByRole('list', { name: 'Tags' }).getByRole('listitem').first()).toBeVisible()
  const description = await page.locator('meta[name="description"]').getAttribute('content')
  expect(description?.length).toBeGreaterThan(20)
})

test('callouts are labelled asides that name their type in words', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const callouts = page.getByRole('complementary', { name: /^(Note|Tip|Warning|Danger)\b/ })
  expect(await callouts.count()).toBeGreaterThan(0)
  const first = callouts.first()
  const name = (await first.getAttribute('aria-label')) ?? ''
  await expect(first.getByText(name.split(':')[0], { exact: true })).toBeVisible()
})

test('benchmark tables are named by their caption, with header cells, right-aligned numbers and a baseline', async ({
  page,
}) => {
  await page.goto(benchmarkArticle.path)
  const table = page
    .getByRole('main')
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'ns/op' }) })
    .first()
  await expect(table).toBeVisible()
  const caption = (await table.getAttribute('aria-label'))!
  expect(caption.length).toBeGreaterThan(10)
  const figure = page.getByRole('figure').filter({ has: page.getByRole('table', { name: caption, exact: true }) })
  await expect(figure.getByText(caption, { exact: true })).toBeVisible()
  await expect(table.getByRole('rowheader').first()).toBeVisible()
  const cell = table.getByRole('cell').first()
  await expect(cell).toHaveCSS('text-align', 'right')
  await expect(cell).toContainText(/^[\d,.]+/)
  await expect(table.getByRole('cell', { name: 'baseline' })).toHaveCount(1)
  await expect(page.getByText(/Median of \d+ runs/).first()).toBeVisible()
})

test('code blocks are highlighted at build time', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const code = page.locator('figure[data-rehype-pretty-code-figure] pre').first()
  await expect(code).toBeVisible()
  const colors = await code
    .locator('span[data-line] span')
    .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size)
  expect(colors).toBeGreaterThan(1)
})

test('headings carry anchor links', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  // The article's section headings, not the boxes around it (the series box's heading links to the series).
  const headings = page
    .getByRole('article')
    .getByRole('heading', { level: 2 })
    .filter({ has: page.getByRole('link') })
  let anchored = 0
  for (const heading of await headings.all()) {
    const href = await heading.getByRole('link').getAttribute('href')
    if (!href?.startsWith('#')) continue
    expect(href).toBe(`#${await heading.getAttribute('id')}`)
    anchored++
  }
  expect(anchored).toBeGreaterThan(2)
})

test('previous and next links walk through the journal in order', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const words = await firstWords(page)
  const navigation = page.getByRole('navigation', { name: 'More articles' })
  const next = navigation.getByRole('link', { name: /Next article/ })
  const nextTitle = (await next.textContent())!.replace(/^Next article →/, '')
  await next.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle)
  await navigation.getByRole('link', { name: /Previous article/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(benchmarkArticle.title)
  await expect(page.getByRole('article').getByText(words)).toBeVisible()
})

test("an article loaded as a page carries its text once and none of Next's runtime", async ({ page, request }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await page.goto(benchmarkArticle.path)
  const words = await firstWords(page)
  // No router payload repeats the article, and no script file loads (lib/site/without-runtime.ts): the page's own
  // script, inline, does what React would.
  const html = await (await request.get(benchmarkArticle.path)).text()
  expect(html.split(words).length - 1).toBe(1)
  expect(html).not.toContain('self.__next_f')
  await page.waitForLoadState('networkidle')
  expect(scripts).toEqual([])
  // Going back after following a link shows the article again (a page load here: Playwright's Chromium keeps no
  // back-forward cache; e2e/code-copy.spec.ts has a browser that does).
  await page
    .getByRole('navigation', { name: 'More articles' })
    .getByRole('link', { name: /Next article/ })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(benchmarkArticle.title)
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(benchmarkArticle.title)
  await expect(page.getByRole('article').getByText(words)).toBeVisible()
})

test('an article reached by the router from a page that keeps it shows its text and contents', async ({ page }) => {
  await openFromArchiveByRouter(page, benchmarkArticle.title)
  const body = page.getByRole('article').locator('[data-article-body]')
  await expect(body.getByRole('heading', { level: 2 }).first()).toBeVisible()
  expect(await body.evaluate((element) => element.innerHTML.length)).toBeGreaterThan(50_000)
  // Its code toolbars work through React's listener (components/article-behaviour.tsx), not the page's own script.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const copy = body.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
  await expect(async () => {
    await copy.click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard' })).toHaveCount(1, {
      timeout: 1000,
    })
  }).toPass()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('type ')
})

test('an article is complete without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(benchmarkArticle.path)
  await expectOneH1(page, benchmarkArticle.title)
  await expect(page.getByRole('table').first()).toBeVisible()
  await expect(page.getByRole('complementary').first()).toBeVisible()
  await context.close()
})

test("an article runs under 4 KB gzip of JavaScript, all of it the site's own", async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  // No script file: Next's runtime is not on the page (lib/site/without-runtime.ts), and the site's script is inline.
  await expect(page.locator('script[src]')).toHaveCount(0)
  const own = await page.locator(`script[${siteScriptAttribute}]`).textContent()
  // The copy buttons, the table of contents' marker and prefetching on intent: the issue's budget for an article.
  expect(gzipSync(own ?? '').length).toBeGreaterThan(500)
  expect(gzipSync(own ?? '').length).toBeLessThan(4096)
})

test('pages load nothing from other origins, and no web font: text and code are in the system faces', async ({
  page,
  baseURL,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  // The archive keeps Next's runtime, so its script files are among the requests; the article prefetches a page.
  for (const path of ['/', benchmarkArticle.path, '/archive']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    if (path !== benchmarkArticle.path) continue
    const prefetched = page.waitForRequest((request) => request.url().endsWith('/tags'))
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' }).hover()
    await prefetched
  }
  expect(requests.filter((url) => /\/_next\/static\/.+\.js$/.test(url)).length).toBeGreaterThan(2)
  expect(requests.filter((url) => !url.startsWith(`${baseURL}/`) && !url.startsWith('data:'))).toEqual([])
  expect(requests.filter((url) => /\.(?:woff2?|ttf|otf)(?:\?|$)/.test(url))).toEqual([])
})

test('bold and italic text are drawn in the system’s bold and italic fonts, not made from the regular one', async ({
  page,
}) => {
  await page.goto(benchmarkArticle.path)
  // Chromium names the font (its PostScript name) that drew a node's text. A face declared for one weight draws
  // every weight with the regular font, and a face whose local() fonts are all missing gives way to the next family.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const fontOf = async (selector: string) => {
    // Blocks below the first screen are not laid out until they near it (content-visibility), and unlaid text has no font.
    await page.locator(selector).first().scrollIntoViewIfNeeded()
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    expect(nodeId, selector).toBeTruthy()
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    const font = fonts.sort((a, b) => b.glyphCount - a.glyphCount)[0]?.postScriptName
    expect(font, selector).toBeTruthy()
    return font
  }
  const playbookSans = (weight: number, style: 'normal' | 'italic') =>
    textFaces.find((face) => face.weight === weight && face.style === style)?.local ?? []
  const regular = await fontOf('[data-article-body] > p')
  test.skip(!playbookSans(400, 'normal').includes(regular), `text is in this system's own face (${regular})`)
  const expected = {
    h1: playbookSans(700, 'normal'),
    'header a[href="/"] span:last-child': playbookSans(600, 'normal'),
    '[data-article-body] strong': playbookSans(600, 'normal'),
    '[data-article-body] p em': playbookSans(400, 'italic'),
  }
  for (const [selector, fonts] of Object.entries(expected)) expect(fonts, selector).toContain(await fontOf(selector))
})
