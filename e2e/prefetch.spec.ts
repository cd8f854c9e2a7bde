import type { Request } from '@playwright/test'
import { benchmarkArticle, expect, test } from './fixtures'

// Links prefetch the page they lead to when the reader shows intent, never merely because they scrolled into view:
// an article has some twenty internal links, and each prefetch is a payload the main thread parses.
test('an article prefetches nothing on load, and the page behind a link once the pointer or focus reaches it', async ({
  page,
}) => {
  // The router asks for a page's payload (or one of its segments) with an RSC header.
  const forPage = (request: Request, path: string) =>
    request.headers()['rsc'] === '1' && new URL(request.url()).pathname.startsWith(path)
  const prefetched: string[] = []
  page.on('request', (request) => {
    if (request.headers()['rsc'] === '1') prefetched.push(new URL(request.url()).pathname)
  })
  await page.goto(benchmarkArticle.path)
  await page.waitForLoadState('networkidle')
  await page.mouse.wheel(0, 20_000)
  await page.waitForTimeout(500)
  expect(prefetched, 'requests for other pages while the reader only read').toEqual([])

  const archive = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Archive' })
  const archiveRequest = page.waitForRequest((request) => forPage(request, '/archive'))
  await archive.hover()
  await archiveRequest

  const tags = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' })
  const tagsRequest = page.waitForRequest((request) => forPage(request, '/tags'))
  await tags.focus()
  await tagsRequest

  // The search page's code loads only when the reader asks for search.
  await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: /Search/ })
    .hover()
  await page.waitForTimeout(500)
  expect(prefetched.filter((path) => path.startsWith('/search'))).toEqual([])

  await archive.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every article, by year and month')
})
