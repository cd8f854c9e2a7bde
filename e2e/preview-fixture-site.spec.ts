import { expect, test } from './fixtures'

const draft = 'Fixture: A Draft Post'
const future = 'Fixture: A Post From the Future'

test('a preview shows drafts and future posts, with a Draft badge', async ({ page }) => {
  await page.goto('/')
  const main = page.getByRole('main')
  await expect(main.getByRole('link', { name: draft })).toBeVisible()
  await expect(main.getByRole('link', { name: future })).toBeVisible()
  await expect(main.getByRole('article').filter({ hasText: draft }).getByText('Draft', { exact: true })).toBeVisible()

  await main.getByRole('link', { name: draft }).click()
  await expect(page.getByRole('heading', { level: 1, name: draft })).toBeVisible()
  await expect(page.getByRole('main').getByText('Draft', { exact: true })).toBeVisible()
})

test('a preview says what it is, lists the posts the pull request changed, and is never indexed', async ({
  page,
  request,
}) => {
  const response = await page.goto('/')
  const banner = page.getByRole('region', { name: 'Preview build' })
  await expect(banner).toContainText('Preview build of pull request #1, branch e2e-fixtures, commit')
  await expect(banner.getByRole('link', { name: 'Fixture: A Published Post' })).toBeVisible()
  await expect(banner.getByRole('link', { name: draft })).toBeVisible()
  await banner.getByRole('link', { name: draft }).click()
  await expect(page.getByRole('heading', { level: 1, name: draft })).toBeVisible()

  expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  const robots = await request.get('/robots.txt')
  expect(await robots.text()).toMatch(/User-Agent: \*\s+Disallow: \//)
})
