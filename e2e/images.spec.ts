import type { APIRequestContext, Page } from '@playwright/test'
import { expect, publishedArticlePaths, test } from './fixtures'

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
