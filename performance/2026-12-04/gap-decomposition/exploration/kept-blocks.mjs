// Per article, at Lighthouse's phone size (412 x 823; not throttled, counts only): how many of the page's elements are
// in the article body, in its first six blocks (never skipped), in later blocks the skipping rule keeps laid out (for
// their targets: app/globals.css), and in skipped blocks; which blocks are kept; and how far down the sixth block
// ends. Usage, from this folder: npx tsx kept-blocks.mjs <origin> <slug> …
const { chromium } = await import('@playwright/test')
const { browserLaunchOptions } = await import('../../../../scripts/test/browser.ts')
const browser = await chromium.launch(browserLaunchOptions())
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true })
const page = await context.newPage()
const [origin, ...slugs] = process.argv.slice(2)
for (const slug of slugs) {
  await page.goto(`${origin}/posts/${slug}`, { waitUntil: 'load' })
  const row = await page.evaluate(() => {
    const body = document.querySelector('[data-article-body]')
    const count = (element) => element.getElementsByTagName('*').length + 1
    const blocks = [...body.children]
    const later = blocks.slice(6)
    const kept = later.filter((block) => getComputedStyle(block).contentVisibility !== 'auto')
    return {
      page: document.getElementsByTagName('*').length,
      body: count(body),
      'first six': blocks.slice(0, 6).reduce((n, block) => n + count(block), 0),
      kept: kept.reduce((n, block) => n + count(block), 0),
      skipped: later.filter((block) => !kept.includes(block)).reduce((n, block) => n + count(block), 0),
      'kept blocks': kept
        .map(
          (block) =>
            `${block.tagName.toLowerCase()}${block.className ? '.' + block.className.split(' ')[0] : ''} (${count(block)})`,
        )
        .join(', '),
      'sixth block ends at (px)': Math.round(blocks[5].getBoundingClientRect().bottom + scrollY),
    }
  })
  console.log(slug, JSON.stringify(row))
}
await browser.close()
