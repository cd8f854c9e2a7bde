import type { Locator, Page } from '@playwright/test'
import { articleSource, benchmarkArticle, expect, horizontalOverflow, publishedArticlePaths, test } from './fixtures'

/** The benchmark article's first chart: its caption names the chart and the table after it. */
async function firstChart(page: Page) {
  const chart = charts(page).first()
  const caption = (await chart.getAttribute('aria-label'))!
  return { chart, caption, table: page.getByRole('table', { name: caption, exact: true }) }
}

/** A chart's bars as the reader sees them: each benchmark's name and the label of its value. */
async function barsOf(chart: Locator) {
  const names = await chart.locator('text.chart-name').allTextContents()
  const values = await chart.locator('text.chart-value').allTextContents()
  return names.map((name, index) => ({ name, value: values[index] }))
}

/** The articles with at least one <BenchmarkTable … chart>. */
function articlesWithCharts(): string[] {
  return publishedArticlePaths().filter((articlePath) =>
    /<BenchmarkTable\b[^>]*\schart[\s=/]/.test(articleSource(articlePath)),
  )
}

/** Every benchmark chart on the page: the SVG images a <BenchmarkTable … chart> draws (diagrams and flame graphs
 * are SVG images too, and have tests of their own). */
const charts = (page: Page) => page.getByRole('main').getByRole('img').and(page.locator('.benchmark-chart svg'))

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a chart is an image named by its caption, described as a chart, with its table right after it', async ({
    page,
  }) => {
    await page.goto(benchmarkArticle.path)
    const { chart, caption, table } = await firstChart(page)
    await expect(chart).toBeVisible()
    await expect(chart).toHaveAccessibleDescription(
      /^Bar chart of the median ns\/op of each benchmark, from zero; lower is better\..*The table below gives the same figures\.$/,
    )
    const figure = page.getByRole('figure').filter({ has: page.getByRole('img', { name: caption, exact: true }) })
    await expect(figure.getByText(caption, { exact: true })).toBeVisible()
    await expect(table).toBeVisible()
    const [chartBox, tableBox] = [await chart.boundingBox(), await table.boundingBox()]
    expect(chartBox!.y + chartBox!.height).toBeLessThanOrEqual(tableBox!.y)
    // Every bar is labelled with its value, unit and ratio to the baseline, in the table's words.
    const bars = await barsOf(chart)
    expect(bars.filter((bar) => bar.value.endsWith(' · baseline'))).toHaveLength(1)
    for (const { name, value } of bars) {
      const [figure, relative] = value.split(' · ')
      expect(figure).toMatch(/^[\d,.]+ ns\/op$/)
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
      await expect(row.getByRole('cell').first()).toContainText(figure.replace(/ ns\/op$/, ''))
      await expect(row.getByRole('cell').last()).toHaveText(relative)
    }
  })

  for (const articlePath of articlesWithCharts()) {
    test(`${articlePath}: every chart is a named image`, async ({ page }) => {
      await page.goto(articlePath)
      expect(await charts(page).count()).toBeGreaterThan(0)
      for (const chart of await charts(page).all()) {
        await expect(chart).toBeVisible()
        expect((await chart.getAttribute('aria-label'))?.length).toBeGreaterThan(10)
      }
    })
  }
})

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })

  for (const articlePath of articlesWithCharts()) {
    test(`${articlePath}: charts fit the screen, with text of at least 12 px`, async ({ page }) => {
      await page.goto(articlePath)
      expect(await horizontalOverflow(page)).toBe(0)
      for (const chart of await charts(page).all()) {
        const box = (await chart.boundingBox())!
        expect(box.x).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width).toBeLessThanOrEqual(360)
        const text = await chart.evaluate((svg) =>
          [...svg.querySelectorAll('text')].map((element) => {
            const { left, right } = element.getBoundingClientRect()
            return { left, right, size: parseFloat(getComputedStyle(element).fontSize) }
          }),
        )
        for (const { left, right, size } of text) {
          expect(size).toBeGreaterThanOrEqual(12)
          expect(left).toBeGreaterThanOrEqual(box.x)
          expect(right).toBeLessThanOrEqual(box.x + box.width)
        }
      }
    })
  }

  test('each value sits on its own line under the benchmark name', async ({ page }) => {
    await page.goto(benchmarkArticle.path)
    const { chart } = await firstChart(page)
    const name = (await chart.locator('text.chart-name').last().boundingBox())!
    const value = (await chart.locator('text.chart-value').last().boundingBox())!
    expect(value.y).toBeGreaterThanOrEqual(name.y + name.height - 1)
  })
})

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } })

  test('each value sits beside its benchmark name', async ({ page }) => {
    await page.goto(benchmarkArticle.path)
    const { chart } = await firstChart(page)
    const name = (await chart.locator('text.chart-name').last().boundingBox())!
    const value = (await chart.locator('text.chart-value').last().boundingBox())!
    expect(Math.abs(value.y + value.height - (name.y + name.height))).toBeLessThan(3)
    expect(value.x).toBeGreaterThan(name.x + name.width)
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} color scheme`, () => {
    test.use({ colorScheme })

    test('bars stand out from the page at 3:1 or more', async ({ page }) => {
      await page.goto(benchmarkArticle.path)
      const contrasts = await (
        await firstChart(page)
      ).chart.evaluate((svg) => {
        const channels = (color: string) =>
          color
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number)
        const luminance = (color: string) => {
          const [r, g, b] = channels(color).map((value) => {
            const c = value / 255
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
          })
          return 0.2126 * r + 0.7152 * g + 0.0722 * b
        }
        const page = luminance(getComputedStyle(document.body).backgroundColor)
        // A filled bar's edge is its fill; the baseline's is its outline.
        return [...svg.querySelectorAll('rect[width$="%"]')].map((bar) => {
          const style = getComputedStyle(bar)
          const edge = luminance(style.stroke === 'none' ? style.fill : style.stroke)
          return (Math.max(edge, page) + 0.05) / (Math.min(edge, page) + 0.05)
        })
      })
      expect(contrasts.length).toBeGreaterThanOrEqual(2)
      for (const contrast of contrasts) expect(contrast).toBeGreaterThanOrEqual(3)
    })
  })
}
