import { expect, test } from './fixtures'

/** The fixture post with a raster figure from its folder (figures/make.mjs draws it): no article has one now. */
const figureArticle = {
  path: '/posts/a-published-fixture',
  alt: /^Three boxes side by side, labelled production, preview and e2e/,
  caption: /^The same fixture posts feed three builds/,
}

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

test('a figure from the post’s folder is responsive, lazy, described, captioned and opens full size', async ({
  page,
  request,
}) => {
  await page.goto(figureArticle.path)
  const figure = page.getByRole('figure', { name: figureArticle.caption })
  const image = figure.getByRole('img', { name: figureArticle.alt })
  await expect(image).toHaveCount(1)
  await expect(image).toHaveAttribute('loading', 'lazy')
  await expect(image).toHaveAttribute('decoding', 'async')
  await expect(image).toHaveAttribute('sizes', /44rem/)
  // A reader can open the figure full size: the image links to its largest file.
  const fullSize = await figure.getByRole('link', { name: figureArticle.alt }).getAttribute('href')
  const full = await request.get(fullSize!)
  expect(full.status(), fullSize!).toBe(200)
  expect(full.headers()['content-type']).toMatch(/^image\//)
  const width = Number(await image.getAttribute('width'))
  const height = Number(await image.getAttribute('height'))
  expect(width).toBeGreaterThan(0)
  expect(height).toBeGreaterThan(0)

  const candidates = ((await image.getAttribute('srcset')) ?? '').split(', ').map((candidate) => {
    const [url, descriptor] = candidate.split(' ')
    return { url, width: Number(descriptor.replace(/w$/, '')) }
  })
  expect(candidates.length).toBeGreaterThan(1)
  expect(candidates.map((candidate) => candidate.width)).toEqual(
    [...candidates.map((candidate) => candidate.width)].sort((a, b) => a - b),
  )
  expect(Math.max(...candidates.map((candidate) => candidate.width))).toBe(width)
  for (const candidate of candidates) {
    const response = await request.get(candidate.url)
    expect(response.status(), candidate.url).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^image\//)
    // Hashed names never change content, so browsers and CDNs may keep them for good.
    expect(response.headers()['cache-control']).toContain('immutable')
  }

  // The space is reserved before the image loads (it is lazy and below the fold), at the file's proportions...
  const reserved = await image.boundingBox()
  expect(reserved!.height).toBeGreaterThan(0)
  expect(reserved!.width / reserved!.height).toBeCloseTo(width / height, 1)
  // ...and loading it moves nothing.
  await image.scrollIntoViewIfNeeded()
  await expect(image).toHaveJSProperty('complete', true)
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
  expect(candidates.map((candidate) => new URL(candidate.url, page.url()).href)).toContain(
    await image.evaluate((element: HTMLImageElement) => element.currentSrc),
  )
  const loaded = await image.boundingBox()
  expect(loaded!.width).toBeCloseTo(reserved!.width, 0)
  expect(loaded!.height).toBeCloseTo(reserved!.height, 0)
})
