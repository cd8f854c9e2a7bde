import { benchmarkArticle, expect, openFromArchiveByRouter, test } from './fixtures'

const article = '/posts/go-memory-stack-vs-heap'

// An article loaded as a page marks the section with its own script (lib/browser/page-script.ts); one reached by the
// router from a page that keeps it, with React (components/current-section.tsx). Both are checked.
for (const arrival of ['loaded as a page', 'reached by the router'] as const) {
  test(`on a wide screen, a sticky sidebar lists the sections and marks the one being read (${arrival})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    if (arrival === 'loaded as a page') await page.goto(article)
    else {
      await openFromArchiveByRouter(page, 'Memory Mechanics In Go - Stack vs Heap')
      await expect(page).toHaveURL(article)
    }
    const toc = page.getByRole('navigation', { name: 'On this page' })
    await expect(toc).toBeVisible()
    await expect(page.getByRole('group').filter({ hasText: 'Contents' })).toBeHidden()
    const links = toc.getByRole('link')
    expect(await links.count()).toBeGreaterThan(5)
    const heading = page.getByRole('heading', { level: 2, name: 'The pointer myth' })
    await toc.getByRole('link', { name: 'The pointer myth' }).click()
    await expect(page).toHaveURL(/#the-pointer-myth$/)
    await expect(heading).toBeInViewport()
    await expect(toc.getByRole('link', { name: 'The pointer myth' })).toHaveAttribute('aria-current', 'location')
    // Still in view after scrolling far down the article.
    await page.getByRole('heading', { level: 2, name: 'Takeaways' }).evaluate((heading) => heading.scrollIntoView())
    await expect(toc).toBeInViewport()
    await expect(toc.getByRole('link', { name: 'Takeaways' })).toHaveAttribute('aria-current', 'location')
    await expect(toc.getByRole('link', { name: 'The pointer myth' })).not.toHaveAttribute('aria-current')
  })
}

test('on a phone, the contents sit collapsed above the article and work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(article)
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden()
  await page.getByText('Contents', { exact: true }).click()
  const toc = page.getByRole('navigation', { name: 'Table of contents' })
  await toc.getByRole('link', { name: 'Takeaways' }).click()
  await expect(page).toHaveURL(/#takeaways$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Takeaways' })).toBeInViewport()
  await context.close()
})

test('lists h2 and h3 sections, in order, with working anchors', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(benchmarkArticle.path)
  const toc = page.getByRole('navigation', { name: 'On this page' })
  const hrefs = await toc.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  const headingIds = await page
    .locator('article')
    .getByRole('heading')
    .evaluateAll((headings) =>
      headings
        .filter((h) => ['H2', 'H3'].includes(h.tagName) && !h.classList.contains('sr-only'))
        .map((h) => `#${h.id}`),
    )
  expect(hrefs).toEqual(headingIds.filter((id) => hrefs.includes(id)))
  expect(hrefs.length).toBeGreaterThan(3)
})
