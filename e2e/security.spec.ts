import { benchmarkArticle, expect, test } from './fixtures'

const pages = ['/', benchmarkArticle.path, '/search', '/posts/no-such-article']

for (const path of pages) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const response = await request.get(path)
    const headers = response.headers()
    const policy = headers['content-security-policy'] ?? ''
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/)
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toMatch(/https?:\/\//)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['strict-transport-security']).toContain('max-age=')
    expect(headers['x-powered-by']).toBeUndefined()
  })
}

test('the index, an article, the archive and search run under the policy without a single violation', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { cspViolations: violations })
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`),
    )
  })
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text())
  })
  // Search fetches its index and imports MiniSearch once the page has loaded.
  // The index and the article run the site's inline script (and the article prefetches a page on intent), the archive
  // Next's runtime.
  for (const path of ['/', benchmarkArticle.path, '/archive', '/search?q=cache']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    if (path === benchmarkArticle.path) {
      const prefetched = page.waitForResponse((response) => response.url().endsWith('/tags'))
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Tags' }).hover()
      await prefetched
    }
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  }
  expect(consoleErrors).toEqual([])
})
