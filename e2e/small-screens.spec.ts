import { benchmarkArticle, expect, horizontalOverflow, publishedArticlePaths, test } from './fixtures'

test.use({ viewport: { width: 360, height: 740 } })

for (const path of ['/', ...publishedArticlePaths(), '/archive', '/tags', '/tags/go']) {
  test(`${path} fits a 360 px screen without scrolling sideways`, async ({ page }) => {
    await page.goto(path)
    expect(await horizontalOverflow(page)).toBe(0)
  })
}

test('wide tables and code scroll inside themselves and can be reached by keyboard', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const region = page
    .getByRole('region')
    .filter({ has: page.getByRole('table') })
    .first()
  await expect(region).toHaveAttribute('tabindex', '0')
})
