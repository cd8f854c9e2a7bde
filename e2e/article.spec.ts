import { gzipSync } from 'node:zlib'
import { textFaces } from '../scripts/fonts/text-faces'
import { benchmarkArticle, expect, expectOneH1, isMarkedNode, markNode, test, untilHydrated } from './fixtures'

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
  const firstParagraph = page.getByRole('article').locator('[data-article-body] > p').first()
  const words = ((await firstParagraph.textContent()) ?? '').match(/[A-Za-z ,]{30,}/)![0]
  // Marked, so that the paragraph shown on the way back can be told from one rendered afresh, and the document, so
  // that a navigation by the router can be told from a page load.
  await markNode(firstParagraph)
  await page.evaluate(() => Object.assign(window, { openedByTheTest: true }))
  const navigation = page.getByRole('navigation', { name: 'More articles' })
  const next = navigation.getByRole('link', { name: /Next article/ })
  const nextTitle = (await next.textContent())!.replace(/^Next article →/, '')
  await untilHydrated(next)
  await next.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle)
  const previous = navigation.getByRole('link', { name: /Previous article/ })
  await untilHydrated(previous)
  await previous.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(benchmarkArticle.title)
  // The opened article, reached again by a link rather than by going back, shows its own text. The router fetches
  // its payload, HTML included, and renders it afresh; going back moves the nodes the reader left instead (the next
  // test).
  await expect(page.getByRole('article').getByText(words)).toBeVisible()
  expect(await page.evaluate(() => 'openedByTheTest' in window), 'the router navigated, in the same document').toBe(
    true,
  )
  expect(await isMarkedNode(firstParagraph), 'rendered afresh').toBe(false)
})

test('an opened article carries its text once, and shows it again when the reader comes back to it', async ({
  page,
  request,
}) => {
  await page.goto(benchmarkArticle.path)
  const firstParagraph = page.getByRole('article').locator('[data-article-body] > p').first()
  const words = ((await firstParagraph.textContent()) ?? '').match(/[A-Za-z ,]{30,}/)![0]
  // Marked, so that the paragraph shown on the way back can be told from one parsed again.
  await markNode(firstParagraph)
  // The page's router payload does not repeat the article (scripts/build/hollow-article-payloads.ts).
  const html = await (await request.get(benchmarkArticle.path)).text()
  expect(html.split(words).length - 1).toBe(1)
  // Clicked before the page has hydrated, the link would load the next page in full, and going back would load this
  // one again (Playwright's Chromium keeps no back-forward cache).
  const next = page.getByRole('navigation', { name: 'More articles' }).getByRole('link', { name: /Next article/ })
  await untilHydrated(next)
  await next.click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(benchmarkArticle.title)
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(benchmarkArticle.title)
  await expect(page.getByRole('article').getByText(words)).toBeVisible()
  // Its payload has no HTML to render: the nodes the reader left move back in (components/article-body.tsx).
  expect(await isMarkedNode(firstParagraph)).toBe(true)
  await page.goForward()
  await page.goBack()
  await expect(page.getByRole('article').getByText(words)).toBeVisible()
  expect(await isMarkedNode(firstParagraph)).toBe(true)
})

test('an opened article keeps its text when hydration fails and React renders the page afresh', async ({ page }) => {
  // An extension (or a proxy) that rewrites the page before React hydrates it: React then renders the whole page
  // on the client, and the article, whose HTML the page's payload no longer carries, must come from the page.
  await page.addInitScript(() => {
    new MutationObserver((_changes, observer) => {
      const heading = document.querySelector('h1')
      if (!heading) return
      heading.append(' (rewritten)')
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto(benchmarkArticle.path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(benchmarkArticle.title)
  const body = page.getByRole('article').locator('[data-article-body]')
  await expect(body.getByRole('heading', { level: 2 }).first()).toBeVisible()
  expect(await body.evaluate((element) => element.innerHTML.length)).toBeGreaterThan(50_000)
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

test('an article adds under 4 KB gzip of JavaScript to what the home page loads', async ({ page, request }) => {
  const scriptsOf = async (path: string) => {
    await page.goto(path)
    return page.locator('script[src]').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')!))
  }
  const shared = new Set(await scriptsOf('/'))
  const added = (await scriptsOf(benchmarkArticle.path)).filter((src) => !shared.has(src))
  let gzipped = 0
  for (const src of added) gzipped += gzipSync(await (await request.get(src)).body()).length
  // The copy buttons and the table of contents' marker: the issue's budget for what an article adds.
  expect(gzipped).toBeLessThan(4096)
})

test('pages load nothing from other origins, and no web font: text and code are in the system faces', async ({
  page,
  baseURL,
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  for (const path of ['/', benchmarkArticle.path]) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  expect(requests.length).toBeGreaterThan(2)
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
