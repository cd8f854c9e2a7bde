import { benchmarkArticle, expect, publishedArticlePaths, test } from './fixtures'

for (const path of ['/posts/no-such-article', '/no/such/page', '/posts/go-struct-field-alignment/extra']) {
  test(`${path} answers 404 with the journal's own page`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: "The Backend Engineer's Playbook" })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Recent articles' })).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: 'archive' }).click()
    await expect(page).toHaveURL('/archive')
  })
}

test('a mistyped article address suggests the closest titles', async ({ page }) => {
  await page.goto('/posts/go-struct-feild-alignmnet')
  const suggestions = page.getByRole('region', { name: 'Did you mean' })
  await expect(suggestions.getByRole('link').first()).toHaveText('Go Struct Field Alignment')
  await suggestions.getByRole('link').first().click()
  await expect(page).toHaveURL('/posts/go-struct-field-alignment')
})

test('words of a title find it too, and an address like no title suggests nothing', async ({ page }) => {
  await page.goto('/posts/cpu-caches')
  await expect(page.getByRole('region', { name: 'Did you mean' }).getByRole('link').first()).toHaveText(
    'Understanding CPU Caches in Go',
  )
  await page.goto('/wp-login.php')
  await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Did you mean' })).toHaveCount(0)
})

test('only the 404 page fetches the titles it suggests from; an article does not carry them', async ({
  page,
  request,
}) => {
  const requests: string[] = []
  page.on('request', (sent) => requests.push(new URL(sent.url()).pathname))
  await page.goto(benchmarkArticle.path)
  await page.waitForLoadState('networkidle')
  expect(requests).not.toContain('/post-titles.json')

  // The article links a few other posts (series, related, older and newer), never the whole list.
  const titles = (await (await request.get('/post-titles.json')).json()) as { slug: string; title: string }[]
  expect(titles.map(({ slug }) => `/posts/${slug}`).sort()).toEqual(publishedArticlePaths().sort())
  const html = await (await request.get(benchmarkArticle.path)).text()
  const carried = titles.filter(({ slug }) => html.includes(`/posts/${slug}`))
  expect(carried.length).toBeLessThan(titles.length)

  await page.goto('/posts/go-struct-feild-alignmnet')
  await expect(page.getByRole('region', { name: 'Did you mean' })).toBeVisible()
  expect(requests).toContain('/post-titles.json')
})
