import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'

export { expect, test } from '@playwright/test'

/** The article every engine test reads: it has callouts, highlighted code and benchmark tables. */
export const benchmarkArticle = {
  path: '/posts/go-struct-field-alignment',
  title: 'Go Struct Field Alignment',
}

export const newestArticle = {
  path: '/posts/why-explaining-technical-difficulty-is-hard',
  title: 'Why Explaining Technical Difficulty is Hard',
}

/** How far the page scrolls sideways: 0 when everything fits the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/**
 * Waits until React's hydration has reached an element: React 19 attaches the element's props to it as it hydrates
 * it (a key starting `__reactProps$`, an internal of React's, so a rename fails this wait loudly rather than passing).
 * A link clicked before React starts hydrating is an ordinary page load, not a navigation by the router; once it
 * has reached the link, the router takes the click. The wait is long: a loaded machine hydrates late.
 */
export async function untilHydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps$'))), {
      message: "React's hydration has reached the element",
      timeout: 15_000,
    })
    .toBe(true)
}

/**
 * Opens an article from the archive, a page that keeps Next's runtime (the index and the articles are served without
 * it, lib/site/without-runtime.ts), and checks that the router navigated, in the same document.
 */
export async function openFromArchiveByRouter(page: Page, title: string) {
  await page.goto('/archive')
  const link = page.getByRole('main').getByRole('link', { name: title })
  // Clicked before the archive has hydrated, the link would load the article in full instead.
  await untilHydrated(link)
  await page.evaluate(() => Object.assign(window, { openedByTheTest: true }))
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  expect(await page.evaluate(() => 'openedByTheTest' in window), 'the router navigated, in the same document').toBe(
    true,
  )
}

export async function expectOneH1(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

const postsDirectory = path.join(__dirname, '..', 'posts')

/** The MDX source of the article at /posts/<slug>. */
export function articleSource(articlePath: string): string {
  return readFileSync(path.join(postsDirectory, path.basename(articlePath), 'index.mdx'), 'utf8')
}

/** Every article a production build publishes: the post folders that are not drafts. */
export function publishedArticlePaths(): string[] {
  return readdirSync(postsDirectory)
    .filter((slug) => existsSync(path.join(postsDirectory, slug, 'index.mdx')))
    .map((slug) => `/posts/${slug}`)
    .filter((articlePath) => !/^draft:\s*true\s*$/m.test(articleSource(articlePath).split(/^---$/m)[1] ?? ''))
}
