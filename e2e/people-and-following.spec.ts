import { benchmarkArticle, expect, test } from './fixtures'

test('an article names its author, whose page lists what they wrote', async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const byline = page.getByRole('article').getByRole('link', { name: 'The Playbook editors' })
  await expect(byline).toBeVisible()
  await byline.click()
  await expect(page).toHaveURL(/\/authors\/editors$/)
  await expect(page.getByRole('heading', { level: 1, name: 'The Playbook editors' })).toBeVisible()
  await expect(page.getByRole('link', { name: benchmarkArticle.title })).toBeVisible()
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent()
  expect(JSON.parse(jsonLd!)['@type']).toBe('Person')
})

test("an article's structured data names its author as a Person with a page", async ({ page }) => {
  await page.goto(benchmarkArticle.path)
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!)
  expect(data.author).toEqual([
    { '@type': 'Person', name: 'The Playbook editors', url: expect.stringMatching(/\/authors\/editors$/) },
  ])
})

test('/about says how the numbers are made and reproduced, and who writes the journal', async ({ page }) => {
  await page.goto('/about')
  await expect(page.getByRole('heading', { level: 1, name: 'About the journal' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'How the numbers are made' })).toBeVisible()
  await expect(page.getByText('npm run bench -- go-struct-field-alignment')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Who writes it' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'The Playbook editors' })).toBeVisible()
})

test('/subscribe offers every feed, and no newsletter form unless one is configured', async ({ page }) => {
  await page.goto('/subscribe')
  await expect(page.getByRole('heading', { level: 1, name: 'Follow the journal' })).toBeVisible()
  for (const name of ['RSS', 'Atom', 'JSON Feed'])
    await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible()
  await expect(page.getByRole('form')).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveCount(0)
  // Every page offers it.
  await page.goto(benchmarkArticle.path)
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Subscribe' })).toBeVisible()
})

test('the RSS feed opened in a browser is a page that says what it is and how to subscribe', async ({ page }) => {
  await page.goto('/feed.xml')
  await expect(page.getByText('This is a web feed')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: "The Backend Engineer's Playbook" })).toBeVisible()
  await expect(page.getByRole('link', { name: benchmarkArticle.title })).toBeVisible()
  await page.goto('/atom.xml')
  await expect(page.getByRole('link', { name: benchmarkArticle.title })).toBeVisible()
})

test('a series page lists its parts in reading order, and each part links to it', async ({ page }) => {
  await page.goto('/series/go-memory-in-practice')
  await expect(page.getByRole('heading', { level: 1, name: 'Go Memory in Practice' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    /^Part 1:\s*Go Struct Field Alignment$/,
    /^Part 2:\s*Memory Mechanics/i,
    /^Part 3:\s*Go GC Deep Dive/,
  ])
  await page.goto(benchmarkArticle.path)
  await page
    .getByRole('navigation', { name: /Part 1 of 3/ })
    .getByRole('link', { name: 'Go Memory in Practice' })
    .click()
  await expect(page).toHaveURL(/\/series\/go-memory-in-practice$/)
})

test('the home page says what the journal is and where to start', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'How the journal works' })).toBeVisible()
  const start = page.getByRole('region', { name: 'Where to start' })
  await expect(start.getByRole('link', { name: /Series · 3 parts/ })).toBeVisible()
  await start.getByRole('link', { name: /^Start here OLTP vs OLAP/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^OLTP vs OLAP/)
})

test('the tag index tells topics several articles share from tags of one article', async ({ page }) => {
  await page.goto('/tags')
  await expect(page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: /^#go\b/ })).toBeVisible()
  const single = page.getByRole('list', { name: 'Tags of one article' }).getByRole('link')
  expect(await single.count()).toBeGreaterThan(0)
  for (const link of await single.all()) await expect(link).toHaveAccessibleName(/^#\S+ ?, 1 article$/)
})

test('the navigation marks the section the reader is in', async ({ page }) => {
  await page.goto('/tags/go')
  const nav = page.getByRole('navigation', { name: 'Site' })
  await expect(nav.getByRole('link', { name: 'Tags' })).toHaveAttribute('aria-current', 'true')
  await page.goto('/about')
  await expect(nav.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page')
  await expect(nav.getByRole('link', { name: 'Tags' })).not.toHaveAttribute('aria-current')
})

test('the sitemap lists the new pages', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  for (const path of ['/about', '/subscribe', '/authors/editors', '/series/go-memory-in-practice'])
    expect(sitemap).toContain(`${path}</loc>`)
})
