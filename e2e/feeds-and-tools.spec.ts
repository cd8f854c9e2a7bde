import { XMLParser } from 'fast-xml-parser'
import { benchmarkArticle, expect, publishedArticlePaths, test } from './fixtures'

// Feed readers, tools and language models read the journal without a browser: three feeds with every article in
// full, /llms.txt, and a Markdown copy of each article.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false })
const published = publishedArticlePaths().sort()
const pathOf = (url: string) => new URL(url).pathname
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value])

type Article = { url: string; content: string; date: string }

const feeds: { path: string; type: string; read: (body: string) => Article[] }[] = [
  {
    path: '/feed.xml',
    type: 'application/xml; charset=utf-8',
    read: (body) =>
      asList(parser.parse(body).rss.channel.item).map((item: Record<string, string>) => ({
        url: item.link,
        content: item['content:encoded'],
        date: new Date(item.pubDate).toISOString(),
      })),
  },
  {
    path: '/atom.xml',
    type: 'application/xml; charset=utf-8',
    read: (body) =>
      asList(parser.parse(body).feed.entry).map(
        (entry: { id: string; published: string; content: { '#text': string } }) => ({
          url: entry.id,
          content: entry.content['#text'],
          date: entry.published,
        }),
      ),
  },
  {
    path: '/feed.json',
    type: 'application/feed+json; charset=utf-8',
    read: (body) =>
      JSON.parse(body).items.map((item: { url: string; content_html: string; date_published: string }) => ({
        url: item.url,
        content: item.content_html,
        date: item.date_published,
      })),
  },
]

for (const feed of feeds) {
  test(`${feed.path} lists every published article (fewer than its 20) in full, newest first, with absolute links`, async ({
    request,
  }) => {
    const response = await request.get(feed.path)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe(feed.type)
    const articles = feed.read(await response.text())

    expect(articles.map(({ url }) => pathOf(url)).sort()).toEqual(published)
    const dates = articles.map(({ date }) => date)
    expect(dates).toEqual([...dates].sort().reverse())

    const benchmark = articles.find(({ url }) => pathOf(url) === benchmarkArticle.path)!
    expect(benchmark.content).toContain('<aside aria-label="Warning: ')
    expect(benchmark.content).toContain('<figure class="benchmark not-prose">')
    expect(benchmark.content).toContain('data-rehype-pretty-code-figure')
    for (const { content } of articles) {
      expect(content).not.toMatch(/\s(href|src)="(?![a-z][a-z\d+.-]*:)/)
      expect(content).toMatch(/\shref="https?:\/\/[^"]+\/posts\//)
    }
  })
}

test('every kind of page advertises the three feeds in its head and links them in its footer', async ({ page }) => {
  for (const path of ['/', '/archive', '/tags', '/tags/go', benchmarkArticle.path, '/no/such/page']) {
    await page.goto(path)
    for (const [type, file] of [
      ['application/rss+xml', '/feed.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ]) {
      const alternate = page.locator(`head link[rel="alternate"][type="${type}"]`)
      await expect(alternate, `${path}: ${type}`).toHaveCount(1)
      expect(pathOf((await alternate.getAttribute('href'))!)).toBe(file)
    }
    const footer = page.getByRole('contentinfo')
    await expect(footer.getByRole('link', { name: 'RSS feed' })).toHaveAttribute('href', '/feed.xml')
    await expect(footer.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/atom.xml')
    await expect(footer.getByRole('link', { name: 'JSON Feed' })).toHaveAttribute('href', '/feed.json')
  }
})

test('llms.txt lists every article, and each Markdown copy it links answers with the article', async ({ request }) => {
  const response = await request.get('/llms.txt')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8')
  const text = await response.text()
  expect(text).toMatch(/^# .+\n\n> .+\n/)

  const posts = [
    ...text
      .split('\n## Posts\n')[1]
      .split('\n## ')[0]
      .matchAll(/^- \[(.+)\]\((\S+)\): .+$/gm),
  ]
  expect(posts.map(([, , url]) => pathOf(url).replace(/\.md$/, '')).sort()).toEqual(published)
  for (const [, title, url] of posts) {
    const copy = await request.get(pathOf(url))
    expect(copy.status(), url).toBe(200)
    expect(copy.headers()['content-type']).toBe('text/markdown; charset=utf-8')
    const markdown = await copy.text()
    expect(markdown.split('\n')[0]).toBe(`# ${title}`)
    expect(markdown).toContain(`- Canonical URL: <${url.replace(/\.md$/, '')}>`)
    expect(markdown, 'MDX imports are removed').not.toMatch(/^import .+ from '\.\//m)
  }
})

test('an article links its Markdown copy, which turns callouts and benchmark tables into Markdown', async ({
  page,
  request,
}) => {
  await page.goto(benchmarkArticle.path)
  const markdownPath = `${benchmarkArticle.path}.md`
  await expect(page.getByRole('link', { name: 'View as Markdown' })).toHaveAttribute('href', markdownPath)
  const alternate = page.locator('head link[rel="alternate"][type="text/markdown"]')
  expect(pathOf((await alternate.getAttribute('href'))!)).toBe(markdownPath)

  const markdown = await (await request.get(markdownPath)).text()
  expect(markdown).toMatch(/^> \*\*Warning: .+\*\*$/m)
  // A table's first header names what its rows share (\`| Scan/n=1M | ns/op | … |\`).
  expect(markdown).toMatch(/^\| [^|]+ \| ns\/op \|.+\|$/m)
  expect(markdown).not.toContain('<BenchmarkTable')
  // Every h2 and h3 of the article's text (each links to itself) is a heading of the copy, with the same id.
  const anchors = await page
    .getByRole('article')
    .getByRole('heading', { level: 2 })
    .or(page.getByRole('article').getByRole('heading', { level: 3 }))
    .evaluateAll((headings) =>
      headings
        .filter((heading) => heading.id && heading.querySelector(`a[href="#${heading.id}"]`))
        .map((heading) => heading.id),
    )
  expect(anchors.length).toBeGreaterThan(3)
  const copied = [...markdown.matchAll(/^#{2,3} .+ \{#([^}]+)\}$/gm)].map(([, id]) => id)
  expect(copied).toEqual(anchors)
})

test('a Markdown copy of an article that does not exist answers 404 with the journal’s page', async ({ page }) => {
  for (const path of ['/posts/does-not-exist.md', '/source/does-not-exist.md']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'This page does not exist' })).toBeVisible()
  }
})
