import { benchmarkArticle, expect, test } from './fixtures'

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor)
const lightPaper = 'rgb(251, 250, 247)'
const darkPaper = 'rgb(19, 21, 25)'

test.describe('theme toggle', () => {
  test('follows the system until the reader chooses, then remembers the choice', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/')
    expect(await background(page)).toBe(darkPaper)

    const toggle = page.getByRole('button', { name: /^Theme: system/ })
    await expect(toggle).toHaveAccessibleName('Theme: system. Switch to light theme')
    await toggle.click()
    await expect(page.getByRole('button', { name: /^Theme: light/ })).toBeVisible()
    expect(await background(page)).toBe(lightPaper)

    // Another page, and a reload, keep the choice.
    await page.goto(benchmarkArticle.path)
    expect(await background(page)).toBe(lightPaper)
    await expect(page.getByRole('button', { name: 'Theme: light. Switch to dark theme' })).toBeVisible()

    await page.getByRole('button', { name: /^Theme: light/ }).click()
    expect(await background(page)).toBe(darkPaper)
    await page.emulateMedia({ colorScheme: 'light' })
    await page.reload()
    expect(await background(page)).toBe(darkPaper)

    // Back to following the system.
    await page.getByRole('button', { name: /^Theme: dark/ }).click()
    expect(await background(page)).toBe(lightPaper)
    expect(await page.evaluate(() => localStorage.getItem('playbook-theme'))).toBeNull()
  })

  test('a remembered theme is there on first paint, before any script of the app runs', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('playbook-theme', 'dark'))
    await page.emulateMedia({ colorScheme: 'light' })
    // Stop every script file: only the inline head script runs, as on a page whose bundle has not loaded yet. The
    // archive keeps Next's runtime (an article loads no script file, and its own script is at the end of the body).
    await page.route('**/_next/static/**/*.js', (route) => route.abort())
    await page.goto('/archive')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await background(page)).toBe(darkPaper)
  })

  test('is reachable and usable from the keyboard', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/')
    const toggle = page.getByRole('button', { name: /^Theme:/ })
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect(toggle).toHaveAccessibleName('Theme: light. Switch to dark theme')
    await page.keyboard.press('Space')
    expect(await background(page)).toBe(darkPaper)
  })

  test('is not offered without JavaScript, where it could not work', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page.getByRole('button', { name: /^Theme:/ })).toBeHidden()
    await context.close()
  })
})
