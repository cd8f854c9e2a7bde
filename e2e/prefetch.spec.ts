import type { Page, Request } from '@playwright/test'
import { benchmarkArticle, expect, test, untilHydrated } from './fixtures'

// Links prefetch the page they lead to when the reader shows intent, never merely because they scrolled into view:
// an article has some twenty internal links. An article, loaded as a page, carries no router and prefetches the
// next document (lib/browser/page-script.ts); other pages have the router prefetch its payload.

/** The paths of the requests `isPrefetch` picks, as the page makes them from now on. */
function pageRequests(page: Page, isPrefetch: (request: Request) => boolean): string[] {
  const requested: string[] = []
  page.on('request', (request) => {
    if (isPrefetch(request)) requested.push(new URL(request.url()).pathname)
  })
  return requested
}

async function readWithoutIntent(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.mouse.wheel(0, 20_000)
  await page.waitForTimeout(500)
}

const site = (page: Page) => page.getByRole('navigation', { name: 'Site' })

// The index and the articles carry no router (lib/site/without-runtime.ts).
for (const [name, path] of [
  ['an article', benchmarkArticle.path],
  ['the index', '/'],
] as const) {
  test(`${name} prefetches nothing on load, and the page behind a link once the pointer or focus reaches it`, async ({
    page,
  }) => {
    // A prefetched document is requested with Sec-Purpose: prefetch, and never by the router (no RSC header).
    const isPrefetch = (request: Request) => request.headers()['sec-purpose']?.startsWith('prefetch') === true
    const prefetched = pageRequests(page, isPrefetch)
    const routerRequests = pageRequests(page, (request) => request.headers()['rsc'] === '1')
    const scriptFiles = pageRequests(page, (request) => request.resourceType() === 'script')
    await page.goto(path)
    await readWithoutIntent(page)
    expect(prefetched, 'requests for other pages while the reader only read').toEqual([])

    const archive = site(page).getByRole('link', { name: 'Archive' })
    const archiveRequest = page.waitForRequest((request) => isPrefetch(request) && request.url().endsWith('/archive'))
    await archive.hover()
    await archiveRequest
    const tagsRequest = page.waitForRequest((request) => isPrefetch(request) && request.url().endsWith('/tags'))
    await site(page).getByRole('link', { name: 'Tags' }).focus()
    await tagsRequest

    // The search page loads only when the reader asks for search, the feeds are files, not pages, and a page is
    // prefetched once. Then a link that is prefetched: its request comes after any the hovers before it started.
    await site(page)
      .getByRole('link', { name: /Search/ })
      .hover()
    await page.getByRole('contentinfo').getByRole('link', { name: /RSS/ }).first().hover()
    await archive.hover()
    const aboutRequest = page.waitForRequest((request) => isPrefetch(request) && request.url().endsWith('/about'))
    await site(page).getByRole('link', { name: 'About' }).hover()
    await aboutRequest
    expect(prefetched.filter((path) => path.startsWith('/search') || path.endsWith('.xml'))).toEqual([])
    expect(
      prefetched.filter((path) => path === '/archive'),
      'each page once',
    ).toHaveLength(1)
    expect(scriptFiles, 'no script file').toEqual([])

    await archive.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every article, by year and month')
    expect(routerRequests).toEqual([])
  })
}

test("a page that keeps the router has it prefetch a link's page on intent, not on view", async ({ page }) => {
  // The router asks for a page's payload (or one of its segments) with an RSC header.
  const prefetched = pageRequests(page, (request) => request.headers()['rsc'] === '1')
  const forPage = (request: Request, path: string) =>
    request.headers()['rsc'] === '1' && new URL(request.url()).pathname.startsWith(path)
  await page.goto('/archive')
  await readWithoutIntent(page)
  expect(prefetched, 'requests for other pages while the reader only read').toEqual([])

  const tags = site(page).getByRole('link', { name: 'Tags' })
  await untilHydrated(tags)
  const tagsRequest = page.waitForRequest((request) => forPage(request, '/tags'))
  await tags.hover()
  await tagsRequest
  const aboutRequest = page.waitForRequest((request) => forPage(request, '/about'))
  await site(page).getByRole('link', { name: 'About' }).focus()
  await aboutRequest

  await site(page)
    .getByRole('link', { name: /Search/ })
    .hover()
  await page.waitForTimeout(500)
  expect(prefetched.filter((path) => path.startsWith('/search'))).toEqual([])
})
