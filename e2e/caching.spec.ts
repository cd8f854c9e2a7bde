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

// The routes written once per build carry their content's hash as an ETag, and `npm start` answers 304 to it.
for (const path of [
  '/sitemap.xml',
  '/robots.txt',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/llms.txt',
  `${benchmarkArticle.path}.md`,
  '/search-data/catalog.json',
  '/search-data/shard-c.json',
  `${benchmarkArticle.path}/opengraph-image`,
]) {
  test(`${path} may be cached by a CDN and is revalidated with its ETag`, async ({ request }) => {
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe(revalidated)
    const etag = response.headers()['etag']
    expect(etag).toMatch(/^W\/"[^"]+"$/)
    const again = await request.get(path, { headers: { 'If-None-Match': etag } })
    expect(again.status()).toBe(304)
    expect(again.headers()['etag']).toBe(etag)
    expect(await again.body()).toHaveLength(0)
    expect((await request.get(path, { headers: { 'If-None-Match': 'W/"something-else"' } })).status()).toBe(200)
  })
}

test("the router's requests never carry a page's shared Cache-Control unless their _rsc names them", async ({
  request,
}) => {
  const redirect = await request.get(benchmarkArticle.path, { headers: { RSC: '1' }, maxRedirects: 0 })
  expect(redirect.status()).toBe(307)
  expect(redirect.headers()['cache-control']).toBe('private, no-store')
  const location = redirect.headers()['location']
  // Next names the variant by a hash of the router's headers, or by an empty _rsc when only RSC: 1 came.
  expect(location).toMatch(/[?&]_rsc(=|&|$)/)
  const payload = await request.get(location, { headers: { RSC: '1' } })
  expect(payload.status()).toBe(200)
  expect(payload.headers()['content-type']).toContain('text/x-component')
  expect(payload.headers()['vary']).toContain('rsc')
  const htmlAtPayloadUrl = await request.get(location)
  expect(htmlAtPayloadUrl.headers()['cache-control']).toBe('private, no-store')
})

test('hashed scripts and styles are cached for a year, immutable', async ({ page, request }) => {
  // The archive keeps Next's runtime (the index and the articles do not: lib/site/without-runtime.ts).
  await page.goto('/archive')
  const assets = await page.evaluate(() =>
    [
      ...[...document.querySelectorAll('script[src]')].map((element) => element.getAttribute('src')),
      ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((element) => element.getAttribute('href')),
    ].filter((url): url is string => url?.startsWith('/_next/static/') ?? false),
  )
  expect(assets.some((url) => url.endsWith('.js'))).toBe(true)
  expect(assets.some((url) => url.endsWith('.css'))).toBe(true)
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
