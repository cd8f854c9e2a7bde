import { benchmarkArticle, expect, test } from './fixtures'

test('printing an article leaves out navigation and writes link targets out', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('contentinfo')).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'More articles' })).toBeHidden()
  await expect(page.getByRole('region', { name: 'Related articles' })).toBeHidden()
  await expect(page.getByRole('button', { name: /^Copy/ }).first()).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: benchmarkArticle.title })).toBeVisible()
  const link = page.getByRole('article').locator('a[href^="http"]').first()
  const after = await link.evaluate((element) => getComputedStyle(element, '::after').content)
  expect(after).toContain(await link.getAttribute('href'))
})

test('printing a dark-themed page prints it light', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('playbook-theme', 'dark'))
  await page.goto(benchmarkArticle.path)
  await page.emulateMedia({ media: 'print' })
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)')
  // The light scheme's body text, not the dark one's.
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(48, 52, 60)')
})
