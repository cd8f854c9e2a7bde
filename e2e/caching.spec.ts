import { benchmarkArticle, expect, test } from './fixtures'

// What a CDN in front of `npm start` needs (README, Caching and CDNs): pages it may keep and must revalidate,
// with a validator that turns a revalidation into a 304, hashed assets it may keep for a year, and compression.
const revalidated = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400'

for (const path of ['/', benchmarkArticle.path, '/archive', '/tags']) {
  test(`${path} may be cached by a CDN and is revalidated with its ETag`, async ({ request }) => {
    const response = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(response.status()).toBe(200)
    const headers = response.headers()
    expect(headers['cache-control']).toBe(revalidated)
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers['vary']).toContain('Accept-Encoding')
    const etag = headers['etag']
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/)

    const again = await request.get(path, { headers: { 'If-None-Match': etag } })
    expect(again.status()).toBe(304)
    expect(await again.body()).toHaveLength(0)
  })
}

for (const path of ['/sitemap.xml', '/robots.txt']) {
  test(`${path} may be cached by a CDN and is revalidated`, async ({ request }) => {
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe(revalidated)
  })
}

test('hashed scripts, styles and fonts are cached for a year, immutable', async ({ page, request }) => {
  await page.goto('/')
  const assets = await page.evaluate(() =>
    [
      ...[...document.querySelectorAll('script[src]')].map((element) => element.getAttribute('src')),
      ...[...document.querySelectorAll('link[rel="stylesheet"], link[rel="preload"][as="font"]')].map((element) =>
        element.getAttribute('href'),
      ),
    ].filter((url): url is string => url?.startsWith('/_next/static/') ?? false),
  )
  expect(assets.some((url) => url.endsWith('.js'))).toBe(true)
  expect(assets.some((url) => url.endsWith('.css'))).toBe(true)
  expect(assets.some((url) => url.endsWith('.woff2'))).toBe(true)
  for (const url of assets) {
    const response = await request.get(url)
    expect(response.status(), url).toBe(200)
    expect(response.headers()['cache-control'], url).toBe('public, max-age=31536000, immutable')
  }
})

test('an unknown URL is a 404 that no cache keeps', async ({ request }) => {
  const response = await request.get('/posts/no-such-article')
  expect(response.status()).toBe(404)
  expect(response.headers()['cache-control']).toContain('no-store')
})
