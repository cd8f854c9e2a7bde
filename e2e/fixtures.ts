import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { deferredScriptsAttribute, settledAttribute } from '../lib/site/deferred-scripts'

export { expect }

/**
 * Resolves once the scripts a prerendered page adds after its first paint (lib/site/deferred-scripts.ts) have run or
 * failed. The load event, which `goto` waits for, does not wait for them, and a test that presses the page's buttons
 * needs them. A page without that loader (a feed, a page rendered on request) resolves at once. Polled on a timer,
 * since a hidden page runs no animation frames.
 */
export async function scriptsSettled(page: Page) {
  await page.waitForFunction(
    ([loaderSelector, settled]) => {
      const loader = document.querySelector(loaderSelector)
      return !loader || loader.hasAttribute(settled)
    },
    [`script[${deferredScriptsAttribute}]`, settledAttribute] as const,
    { polling: 100 },
  )
}

/**
 * Playwright's test, with a page whose goto and reload also wait for the page's scripts (scriptsSettled), so that a
 * test acts on a page whose scripts have run. Documents loaded any other way (goBack, goForward, a click that loads a
 * new document, a page the test opens itself) are not waited for: such a test calls scriptsSettled.
 */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, provide) => {
    // Without JavaScript the loader never runs, and the page is complete at its load event.
    if (javaScriptEnabled === false) return provide(page)
    const goto = page.goto.bind(page)
    const reload = page.reload.bind(page)
    const settled = async <T>(response: T, options?: { waitUntil?: string }) => {
      if (!options?.waitUntil || options.waitUntil === 'load' || options.waitUntil === 'networkidle')
        await scriptsSettled(page)
      return response
    }
    page.goto = async (url, options) => settled(await goto(url, options), options)
    page.reload = async (options) => settled(await reload(options), options)
    await provide(page)
  },
})

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
