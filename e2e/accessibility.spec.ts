import AxeBuilder from '@axe-core/playwright'
import { expect, publishedArticlePaths, test } from './fixtures'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} color scheme`, () => {
    test.use({ colorScheme })

    for (const path of ['/', ...publishedArticlePaths(), '/archive', '/tags', '/tags/go', '/posts/no-such-article']) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
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
