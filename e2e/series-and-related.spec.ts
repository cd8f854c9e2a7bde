import { expect, test } from './fixtures'

test('an article in a series shows its place and links to the other parts', async ({ page }) => {
  await page.goto('/posts/go-memory-stack-vs-heap')
  const series = page.getByRole('navigation', { name: /Part 2 of 3 in the series Go Memory in Practice/ })
  await expect(series).toBeVisible()
  await expect(series.getByRole('listitem')).toHaveCount(3)
  await expect(series.getByText('Memory Mechanics In Go - Stack vs Heap')).toHaveAttribute('aria-current', 'page')
  await series.getByRole('link', { name: 'Go Struct Field Alignment' }).click()
  await expect(page).toHaveURL('/posts/go-struct-field-alignment')
  await expect(page.getByRole('navigation', { name: /Part 1 of 3/ })).toBeVisible()
})

test('an article outside a series has no series box', async ({ page }) => {
  await page.goto('/posts/oltp-vs-olap')
  await expect(page.getByRole('navigation', { name: /in the series/ })).toHaveCount(0)
})

test('related articles share a tag with the article, and previous/next remain', async ({ page }) => {
  await page.goto('/posts/understanding-cpu-caches-in-go')
  const ownTags = await page.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts()
  const related = page.getByRole('region', { name: 'Related articles' })
  const links = related.getByRole('link')
  expect(await links.count()).toBeGreaterThan(0)
  for (const href of await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')))) {
    await page.goto(href!)
    const tags = await page.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts()
    expect(tags.some((tag) => ownTags.includes(tag))).toBe(true)
  }
  await page.goto('/posts/understanding-cpu-caches-in-go')
  await expect(page.getByRole('navigation', { name: 'More articles' })).toBeVisible()
})
