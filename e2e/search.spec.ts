import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { benchmarkArticle, expect, horizontalOverflow, publishedArticlePaths, test } from './fixtures'

const indexPath = '/search-data/catalog.json'
// Text from MiniSearch's own error messages: string literals survive minification, and no other code has it.
const miniSearchMarker = 'MiniSearch: duplicate ID'
// "distroless" appears in the body of one article only: not in any title, heading, summary or tag.
const bodyOnlyWord = { query: 'distroless', title: 'Stop Rebuilding Docker Images on Every Code Change' }
const headingMatch = {
  query: 'trailing padding',
  href: `${benchmarkArticle.path}#trailing-padding-exists-because-of-arrays`,
  heading: 'Trailing padding exists because of arrays',
}

const searchField = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' })
const results = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('listitem')

/** Every request a page makes and the source of every script it loads, from the first byte on. */
function recordTraffic(page: Page) {
  const requests: string[] = []
  const scripts = new Map<string, Promise<string>>()
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.set(
        response.url(),
        response.text().catch(() => ''),
      )
  })
  return {
    requests,
    async scriptsContaining(marker: string) {
      const sources = await Promise.all([...scripts].map(async ([url, text]) => [url, await text] as const))
      return sources.filter(([, text]) => text.includes(marker)).map(([url]) => url)
    },
  }
}

test('pressing / on an article opens search with the field focused', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  await page.keyboard.press('/')
  await expect(page).toHaveURL(/\/search$/)
  await expect(searchField(page)).toBeFocused()
})

test('Control+K opens search from any page, and / typed into the search field stays text', async ({ page }) => {
  await page.goto('/archive')
  await page.keyboard.press('Control+k')
  await expect(page).toHaveURL(/\/search$/)
  await expect(searchField(page)).toBeFocused()
  await page.keyboard.type('a/b')
  await expect(searchField(page)).toHaveValue('a/b')
})

test('the header links to search and names its shortcut', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const link = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' })
  await expect(link).toHaveAttribute('aria-keyshortcuts', /(^|\s)\/(\s|$)/)
  await expect(link.locator('kbd')).toHaveText('/')
  await link.click()
  await expect(page).toHaveURL(/\/search$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the journal')
})

test('a word only in one article’s body finds that article, and the URL follows the query', async ({ page }) => {
  await page.goto('/search')
  await searchField(page).pressSequentially(bodyOnlyWord.query)
  await expect(page.getByRole('status')).toHaveText(`1 result for “${bodyOnlyWord.query}”`)
  await expect(results(page)).toHaveCount(1)
  await expect(results(page).getByRole('link', { name: bodyOnlyWord.title })).toBeVisible()
  await expect(results(page).locator('mark').first()).toHaveText(new RegExp(bodyOnlyWord.query, 'i'))
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${bodyOnlyWord.query}$`))
})

test('a match in a heading links to that section', async ({ page }) => {
  await page.goto('/search')
  await searchField(page).fill(headingMatch.query)
  const link = results(page).first().getByRole('link')
  await expect(link).toHaveAttribute('href', headingMatch.href)
  await expect(link).toContainText(headingMatch.heading)
  await link.click()
  await expect(page).toHaveURL(new RegExp(`${headingMatch.href}$`))
  await expect(page.getByRole('heading', { name: headingMatch.heading })).toBeInViewport()
})

test('a search that finds nothing says so and offers the archive and tags', async ({ page }) => {
  await page.goto('/search')
  await searchField(page).fill('qwertyuiop')
  await expect(page.getByRole('status')).toHaveText('No results for “qwertyuiop”')
  await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0)
  const browse = page.getByRole('main').getByRole('list', { name: 'Browse instead' })
  await expect(browse.getByRole('link', { name: 'Archive, by date' })).toHaveAttribute('href', '/archive')
  await expect(browse.getByRole('link', { name: 'All tags' })).toHaveAttribute('href', '/tags')
})

test('?q= in the URL fills the field and runs the search', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(headingMatch.query)}`)
  await expect(searchField(page)).toHaveValue(headingMatch.query)
  await expect(page.getByRole('status')).toHaveText(`1 result for “${headingMatch.query}”`)
  await expect(results(page).getByRole('link')).toHaveAttribute('href', headingMatch.href)
})

test('a misspelt word still finds its article, marked as a close match', async ({ page }) => {
  await page.goto('/search?q=distorless')
  await expect(page.getByRole('status')).toHaveText('No exact match for “distorless”: 1 close match')
  await expect(results(page).getByRole('link', { name: bodyOnlyWord.title })).toBeVisible()
})

test('Enter opens the first result; the arrow keys move through the results and back to the field', async ({
  page,
}) => {
  await page.goto('/search?q=garbage+collector')
  const links = results(page).getByRole('link')
  await expect(links.nth(1)).toBeVisible()
  await searchField(page).focus()
  await page.keyboard.press('ArrowDown')
  await expect(links.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(links.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(searchField(page)).toBeFocused()

  const first = await links.first().getAttribute('href')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${first}$`))
})

test('articles and listing pages load neither the index nor MiniSearch, even when Search is hovered', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const traffic = recordTraffic(page)
  for (const path of [...publishedArticlePaths(), '/', '/archive', '/tags']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  await page.getByRole('link', { name: 'Search' }).hover()
  await page.waitForLoadState('networkidle')
  expect(traffic.requests.filter((path) => path.startsWith('/search'))).toEqual([])
  expect(await traffic.scriptsContaining(miniSearchMarker)).toEqual([])

  // The marker is MiniSearch's: the search page does load it, and the index.
  const before = traffic.requests.length
  await page.goto('/search?q=cache')
  await expect(results(page).first()).toBeVisible()
  expect(traffic.requests).toContain(indexPath)
  // The index's part for "c", and no other part.
  expect(traffic.requests.filter((path) => path.startsWith('/search-data/shard-'))).toEqual([
    '/search-data/shard-c.json',
  ])
  expect(await traffic.scriptsContaining(miniSearchMarker)).toHaveLength(1)
  // Each result's text comes from its post's Markdown copy, and only the results' copies load.
  const shown = await results(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
  const copies = traffic.requests.slice(before).filter((path) => path.endsWith('.md'))
  expect(copies.sort()).toEqual(
    [...new Set(shown.filter((path) => path.startsWith('/posts/')))].map((path) => `${path}.md`).sort(),
  )
})

test('without JavaScript the search page says so and links to the archive and tags', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/search?q=cache')
  // Playwright's text engine skips <noscript>, which a browser without JavaScript shows.
  await expect(
    page.getByRole('paragraph').filter({ hasText: 'Search runs in your browser, and JavaScript is turned off.' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Archive, by date' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'All tags' })).toBeVisible()
  await expect(page.getByRole('search')).toHaveAttribute('action', '/search')
  await context.close()
})

test('results fit a 360 px screen without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/search?q=cache')
  await expect(results(page).first()).toBeVisible()
  expect(await horizontalOverflow(page)).toBe(0)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the search page with results has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('/search?q=cache+line')
    await expect(results(page).first()).toBeVisible()
    await expect(results(page).locator('mark').first()).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(
      violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`),
    ).toEqual([])
  })
}
