import AxeBuilder from '@axe-core/playwright'
import { expect, publishedArticlePaths, test } from './fixtures'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} color scheme`, () => {
    test.use({ colorScheme })

    const articles = publishedArticlePaths()
    const pages = [
      '/',
      '/archive',
      '/tags',
      '/tags/go',
      '/about',
      '/subscribe',
      '/authors/editors',
      '/series/go-memory-in-practice',
      '/posts/no-such-article',
    ]
    for (const path of [...pages, ...articles]) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        // axe takes time in proportion to the page: a long article gets the time it needs on a busy machine, rather
        // than a margin that another process on the same cores can eat.
        if (articles.includes(path)) test.setTimeout(180_000)
        await page.goto(path)
        const { violations } = await new AxeBuilder({ page }).analyze()
        const summary = violations.map(
          ({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
        )
        expect(summary).toEqual([])
      })
    }
  })
}
