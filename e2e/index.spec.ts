import { expect, newestArticle, test } from './fixtures'

const monthLabel = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) '\d\d$/
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const monthKey = (label: string) =>
  `20${label.slice(5)}-${String(months.indexOf(label.slice(0, 3)) + 1).padStart(2, '0')}`

test('the index names the journal and lists posts under month headings, newest first', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: "The Backend Engineer's Playbook" })).toBeVisible()

  const sections = page.getByRole('main').getByRole('region', { name: monthLabel })
  const labels = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()
  expect(labels.length).toBeGreaterThanOrEqual(2)
  for (const label of labels) expect(label).toMatch(monthLabel)
  const keys = labels.map(monthKey)
  expect(keys).toEqual([...keys].sort().reverse())
  expect(new Set(keys).size).toBe(keys.length)
  expect(labels[0]).toBe("May '26")

  for (const [index, label] of labels.entries()) {
    const section = sections.nth(index)
    await expect(section).toHaveAccessibleName(label)
    const dates = await section
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''))
    expect(dates.length).toBeGreaterThan(0)
    for (const date of dates) expect(date.slice(0, 7)).toBe(monthKey(label))
    expect(dates).toEqual([...dates].sort().reverse())
  }
})

test('each entry links its title and shows its summary and date', async ({ page }) => {
  await page.goto('/')
  const newest = page.getByRole('main').getByRole('article').first()
  await expect(newest.getByRole('heading', { level: 3, name: newestArticle.title })).toBeVisible()
  await expect(newest.locator('time')).toHaveAttribute('datetime', /^2026-05-\d\d$/)
  await expect(newest.getByRole('paragraph').first()).not.toBeEmpty()
  await newest.getByRole('link', { name: newestArticle.title }).click()
  await expect(page).toHaveURL(newestArticle.path)
  await expect(page.getByRole('heading', { level: 1, name: newestArticle.title })).toBeVisible()
})

test('the header links home and a keyboard user can skip to the content', async ({ page }) => {
  await page.goto(newestArticle.path)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('banner').getByRole('link', { name: "The Backend Engineer's Playbook" })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/')
})
