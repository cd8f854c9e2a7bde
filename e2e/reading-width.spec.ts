import { expect, horizontalOverflow, publishedArticlePaths, test } from './fixtures'

// Evidence a reader can read at any width: every article at a desktop's 1440 px and a phone's 375 px, in both
// schemes. On a desktop no benchmark table scrolls and no code block hides lines without a visible cue (the
// scroll shadow); on a phone nothing widens the page, and the article's first paragraph is on the first screen.

type Overflow = { what: string; hidden: number; cue: boolean }

for (const path of publishedArticlePaths()) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${path} fits a 1440 px screen (${scheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(path)
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.benchmark-scroll, .prose-playbook pre')]
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element): Overflow => ({
            what: element.matches('pre')
              ? `code: ${element.textContent?.trim().slice(0, 40)}`
              : `table: ${element.getAttribute('aria-label')}`,
            hidden: element.scrollWidth - element.clientWidth,
            cue: getComputedStyle(element).backgroundImage.includes('gradient'),
          })),
      )
      expect(
        overflowing.filter(({ what }) => what.startsWith('table')),
        'tables that scroll on a desktop',
      ).toEqual([])
      expect(
        overflowing.filter(({ cue }) => !cue),
        'code that hides lines without a cue',
      ).toEqual([])
      expect(await horizontalOverflow(page)).toBe(0)
    })

    test(`${path} reads on a 375 px phone (${scheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 })
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(path)
      expect(await horizontalOverflow(page)).toBe(0)
      const firstParagraph = page.locator('.prose-playbook > p').first()
      const box = await firstParagraph.boundingBox()
      expect(box?.y, 'the first paragraph starts on the first screen').toBeLessThan(812)
      // A benchmark table on a phone is a block per row: its rows never scroll sideways.
      const scrolling = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('.benchmark-scroll')].filter(
            (element) => element.scrollWidth > element.clientWidth + 1,
          ).length,
      )
      expect(scrolling).toBe(0)
    })
  }
}
