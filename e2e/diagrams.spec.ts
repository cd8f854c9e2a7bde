import { articleSource, expect, horizontalOverflow, publishedArticlePaths, test } from './fixtures'

// Diagrams drawn from ```dot blocks, as a reader meets them: an image named by its title, whose source opens under
// it, and on a phone labels that stay readable (the diagram scrolls inside its canvas rather than shrink them).

/** Each published article with ```dot blocks, and the titles of its diagrams. */
function articlesWithDiagrams(): { articlePath: string; titles: string[] }[] {
  return publishedArticlePaths().flatMap((articlePath) => {
    const titles = [...articleSource(articlePath).matchAll(/^```dot\b.*\btitle="([^"]+)"/gm)].map((match) => match[1])
    return titles.length > 0 ? [{ articlePath, titles }] : []
  })
}

const withDiagrams = articlesWithDiagrams()

test('the articles have diagrams to test', () => {
  expect(withDiagrams.length).toBeGreaterThan(0)
})

for (const { articlePath, titles } of withDiagrams) {
  test(`${articlePath}: each diagram is an image named by its title, with its source one click away`, async ({
    page,
  }) => {
    await page.goto(articlePath)
    for (const title of titles) {
      const figure = page.getByRole('figure').filter({ has: page.getByRole('img', { name: title, exact: true }) })
      await expect(figure).toBeVisible()
      const source = figure.getByText('Diagram source (Graphviz)')
      await source.click()
      await expect(figure.getByRole('code')).toContainText('digraph')
    }
  })

  test(`${articlePath}: on a 360 px phone diagrams keep labels of at least 12 px and never widen the page`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(articlePath)
    expect(await horizontalOverflow(page)).toBe(0)
    for (const title of titles) {
      const image = page.getByRole('img', { name: title, exact: true })
      const smallest = await image.evaluate((svg) =>
        Math.min(
          ...[...svg.querySelectorAll('text')].map(
            (text) => parseFloat(getComputedStyle(text).fontSize) * ((text as SVGTextElement).getScreenCTM()?.a ?? 1),
          ),
        ),
      )
      expect(smallest, title).toBeGreaterThanOrEqual(11.9)
    }
  })
}
