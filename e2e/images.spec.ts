import type { APIRequestContext, Page } from '@playwright/test'
import { expect, publishedArticlePaths, test } from './fixtures'

/** The article with a figure from its folder: pprof's flame graph, drawn by posts/go-gc-deep-dive/figures/make.sh. */
const figureArticle = {
  path: '/posts/go-gc-deep-dive',
  alt: /^pprof's flame graph of an alloc_space profile/,
  caption: /^The allocation profile in pprof's flame graph/,
}

/** A PNG's size from its IHDR chunk, which always follows the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function metaContent(page: Page, selector: string): Promise<string> {
  const content = await page.locator(`meta[${selector}]`).getAttribute('content')
  expect(content, selector).toBeTruthy()
  return content!
}

/**
 * A link-preview image as a crawler fetches it: the meta tag holds the production URL (metadataBase), so the test
 * asks this server for the same path.
 */
async function expectLinkPreviewImage(request: APIRequestContext, url: string) {
  expect(url).toMatch(/^https?:\/\//)
  const { pathname, search } = new URL(url)
  const response = await request.get(pathname + search)
  expect(response.status(), url).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 })
}

test('every article has its own 1200×630 link-preview image, for Open Graph and Twitter', async ({ page, request }) => {
  const seen = new Set<string>()
  for (const path of publishedArticlePaths()) {
    await page.goto(path)
    const openGraph = await metaContent(page, 'property="og:image"')
    expect(new URL(openGraph).pathname).toBe(`${path}/opengraph-image`)
    expect(await metaContent(page, 'name="twitter:image"')).toBe(openGraph)
    expect(await metaContent(page, 'name="twitter:card"')).toBe('summary_large_image')
    expect(await metaContent(page, 'property="og:image:width"')).toBe('1200')
    expect(await metaContent(page, 'property="og:image:height"')).toBe('630')
    expect(await metaContent(page, 'property="og:image:alt"')).not.toBe('')
    await expectLinkPreviewImage(request, openGraph)
    seen.add(openGraph)
  }
  expect(seen.size).toBe(publishedArticlePaths().length)
})

test('the index and the listing pages share the journal’s own link-preview image', async ({ page, request }) => {
  await page.goto('/')
  const openGraph = await metaContent(page, 'property="og:image"')
  expect(new URL(openGraph).pathname).toBe('/opengraph-image')
  expect(await metaContent(page, 'name="twitter:image"')).toBe(openGraph)
  expect(await metaContent(page, 'name="twitter:card"')).toBe('summary_large_image')
  await expectLinkPreviewImage(request, openGraph)
  await page.goto('/archive')
  expect(await metaContent(page, 'property="og:image"')).toBe(openGraph)
})

test('a figure from the post’s folder is responsive, lazy, described and captioned', async ({ page, request }) => {
  await page.goto(figureArticle.path)
  const figure = page.getByRole('figure', { name: figureArticle.caption })
  const image = figure.getByRole('img', { name: figureArticle.alt })
  await expect(image).toHaveCount(1)
  await expect(image).toHaveAttribute('loading', 'lazy')
  await expect(image).toHaveAttribute('decoding', 'async')
  await expect(image).toHaveAttribute('sizes', /44rem/)
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
