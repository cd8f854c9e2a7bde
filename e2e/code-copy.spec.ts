import { expect, test } from './fixtures'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText())

test('copies a code block, says so to screen readers, and reaches it from the keyboard', async ({ page }) => {
  await page.goto('/posts/go-struct-field-alignment')
  const button = page.getByRole('button', { name: /^Cop(y|ied) go code$/ }).first()
  await button.focus()
  await expect(button).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard' })).toHaveCount(1)
  await expect(button).toHaveAccessibleName('Copied go code')
  const code = await button.locator('xpath=ancestor::figure[1]').locator('pre').innerText()
  expect(await clipboard(page)).toBe(code.replace(/\n$/, ''))
  expect(await clipboard(page)).toContain('type ')
})

test('a shell session copies its commands without the $ prompts or the output', async ({ page }) => {
  await page.goto('/posts/go-memory-stack-vs-heap')
  const figure = page.getByRole('figure').filter({ hasText: '$ go build -gcflags=-m ./...' })
  await figure.getByRole('button', { name: 'Copy bash code' }).click()
  const copied = await clipboard(page)
  expect(copied.split('\n')[0]).toBe('go build -gcflags=-m ./...')
  expect(copied).not.toMatch(/^\$ /m)
})

test('touch readers see the button without hovering', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 800 } })
  const page = await context.newPage()
  await page.goto('/posts/go-struct-field-alignment')
  const button = page.getByRole('button', { name: /^Copy .*code$/ }).first()
  await button.scrollIntoViewIfNeeded()
  await expect(button).toBeVisible()
  await button.tap()
  await expect(page.getByRole('status').filter({ hasText: /Copied to the clipboard|Could not copy/ })).toHaveCount(1)
  await context.close()
})
