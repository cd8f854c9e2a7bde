import { expect, test } from './fixtures'

for (const path of ['/posts/no-such-article', '/no/such/page', '/posts/go-struct-field-alignment/extra']) {
  test(`${path} answers 404 with the journal's own page`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: "The Backend Engineer's Playbook" })).toBeVisible()
    await page.getByRole('link', { name: 'Browse all articles' }).click()
    await expect(page).toHaveURL('/')
  })
}
