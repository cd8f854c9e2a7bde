import { expect, test } from './fixtures'

// A link checker over the built site: every page reachable from the index, every internal link and anchor on it,
// every image's alt text, and rel="noopener noreferrer" on links that leave the site.
test('no broken internal link or anchor, every image has alt text, external links are isolated', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const origin = new URL(baseURL!).origin
  const queue = ['/']
  const visited = new Set<string>()
  const pageIds = new Map<string, Set<string>>()
  const problems: string[] = []
  const checkedTargets = new Map<string, number>()

  while (queue.length > 0) {
    const path = queue.shift()!
    if (visited.has(path)) continue
    visited.add(path)
    const response = await page.goto(path)
    if (response?.status() !== 200) {
      problems.push(`${path}: answered ${response?.status()}`)
      continue
    }
    const found = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
      links: [...document.querySelectorAll('a[href]')].map((anchor) => ({
        href: (anchor as HTMLAnchorElement).href,
        raw: anchor.getAttribute('href') ?? '',
        rel: anchor.getAttribute('rel') ?? '',
      })),
      images: [...document.querySelectorAll('img')].map((image) => ({
        src: image.getAttribute('src'),
        alt: image.getAttribute('alt'),
      })),
    }))
    pageIds.set(path, new Set(found.ids))
    for (const image of found.images) {
      if (!image.alt?.trim()) problems.push(`${path}: image ${image.src} has no alt text`)
    }
    for (const link of found.links) {
      const url = new URL(link.href)
      if (url.origin !== origin) {
        if (/^https?:$/.test(url.protocol) && !(/\bnoopener\b/.test(link.rel) && /\bnoreferrer\b/.test(link.rel))) {
          problems.push(`${path}: external link ${link.raw} lacks rel="noopener noreferrer"`)
        }
        continue
      }
      const target = url.pathname
      if (!checkedTargets.has(target)) checkedTargets.set(target, (await request.get(target)).status())
      if (checkedTargets.get(target) !== 200) {
        problems.push(`${path}: link ${link.raw} answers ${checkedTargets.get(target)}`)
        continue
      }
      if (!/\.[a-z0-9]+$/i.test(target) && !visited.has(target)) queue.push(target)
      if (url.hash) {
        if (!pageIds.has(target)) {
          await page.goto(target)
          pageIds.set(
            target,
            new Set(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id))),
          )
          await page.goto(path)
        }
        if (!pageIds.get(target)!.has(decodeURIComponent(url.hash.slice(1)))) {
          problems.push(`${path}: link ${link.raw} points to an anchor ${target} does not have`)
        }
      }
    }
  }
  // Read by tools rather than people, so no page links it (the feeds are linked from every footer).
  for (const file of ['/llms.txt']) {
    const status = (await request.get(file)).status()
    if (status !== 200) problems.push(`${file}: answered ${status}`)
  }
  expect(visited.size).toBeGreaterThan(10)
  expect(problems).toEqual([])
})
