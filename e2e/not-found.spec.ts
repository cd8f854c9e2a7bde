import { expect, test } from './fixtures'

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
