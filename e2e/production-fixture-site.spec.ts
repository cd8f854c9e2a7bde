import { expect, test } from './fixtures'

test('production leaves drafts and future-dated posts out of every list', async ({ page }) => {
  const response = await page.goto('/')
  const main = page.getByRole('main')
  await expect(main.getByRole('link', { name: 'Fixture: A Published Post' })).toBeVisible()
  await expect(main.getByRole('article')).toHaveCount(1)
  await expect(page.getByText(/Draft|Post From the Future/)).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Preview build' })).toHaveCount(0)
  expect(response?.headers()['x-robots-tag']).toBeUndefined()
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0)
})

for (const slug of ['a-draft-fixture', 'a-future-fixture']) {
  test(`production answers 404 for /posts/${slug}`, async ({ page }) => {
    const response = await page.goto(`/posts/${slug}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
  })
}

test('production robots.txt lets search engines in', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/Allow: \//)
  expect(robots).not.toMatch(/Disallow/)
})

test('production feeds, llms.txt and Markdown copies leave drafts and future-dated posts out', async ({ request }) => {
  for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/llms.txt']) {
    const text = await (await request.get(path)).text()
    expect(text, path).toContain('/posts/a-published-fixture')
    expect(text, path).not.toMatch(/a-draft-fixture|a-future-fixture/)
  }
  for (const slug of ['a-draft-fixture', 'a-future-fixture']) {
    expect((await request.get(`/posts/${slug}.md`)).status(), slug).toBe(404)
  }
})
