import { expect, publishedArticlePaths, test } from './fixtures'

test('the archive lists every article by year and month, with counts', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Archive' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Every article, by year and month' })).toBeVisible()
  const articleCount = publishedArticlePaths().length
  await expect(page.getByText(`${articleCount} articles so far.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: `2026 · ${articleCount} articles` })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: /^May '26 · \d+ articles?$/ })).toBeVisible()
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(articleCount)
})

test('tags: an index with counts, a page per tag, and tags linked from articles', async ({ page }) => {
  await page.goto('/posts/go-struct-field-alignment')
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: '#go' }).click()
  await expect(page).toHaveURL('/tags/go')
  await expect(page.getByRole('heading', { level: 1, name: '#go' })).toBeVisible()
  const tagged = await page.getByRole('main').getByRole('article').count()
  expect(tagged).toBeGreaterThan(2)
  await expect(page.getByRole('main').getByRole('link', { name: 'Go Struct Field Alignment' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible()
  // Read aloud as "#go, 6 articles" (Chromium puts a space between the link's flex items before the comma).
  await expect(page.getByRole('link', { name: new RegExp(`^#go ?, ${tagged} articles$`) })).toBeVisible()
  expect((await page.goto('/tags/no-such-tag'))?.status()).toBe(404)
})

test('search engines get a sitemap, canonical URLs, social cards and structured data', async ({ page, request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname)
  expect(urls).toEqual(expect.arrayContaining(['/', '/archive', '/tags', ...publishedArticlePaths(), '/tags/go']))
  expect(sitemap.match(/<lastmod>/g)?.length).toBe(urls.length)
  expect(await (await request.get('/robots.txt')).text()).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/)

  await page.goto('/posts/go-struct-field-alignment')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/posts\/go-struct-field-alignment$/)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Go Struct Field Alignment')
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
  const article = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(article).toMatchObject({
    '@type': 'BlogPosting',
    headline: 'Go Struct Field Alignment',
    datePublished: '2026-01-27',
  })

  await page.goto('/')
  const blog = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(blog['@type']).toBe('Blog')
  expect(blog.blogPost).toHaveLength(publishedArticlePaths().length)
})
