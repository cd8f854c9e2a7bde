import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { postMeta } from '../__fixtures__/temporary-posts'
import { absoluteHtml, atomFeed, feedResponse, jsonFeed, rssFeed, type FeedEntry } from './feeds'
import { site } from './config'

const trickyTitle = 'Go & "C" <caches>'
const html = [
  '<h2 id="why"><a class="heading-anchor" href="#why">Why</a></h2>',
  '<p>See <a href="/posts/older">the older post</a>, <a href="/search?q=a&amp;b=&quot;c&quot;">a query</a>',
  ' and <a href="https://go.dev/doc/" rel="noopener noreferrer">Go&#x27;s docs</a>.</p>',
  '<p><img alt="A diagram" src="./diagram.png"/> <img alt="A chart" src="/images/chart.png"/></p>',
  '<p>Text that shows markup: href=&quot;/not-a-link&quot;</p>',
].join('')

const entries: FeedEntry[] = [
  { post: postMeta('older', '2026-01-06', { title: 'Older', tags: ['databases'] }), html: '<p>Older.</p>' },
  {
    post: postMeta('caches', '2026-03-10', {
      title: trickyTitle,
      summary: 'Lines & <sets>, measured.',
      tags: ['go', 'performance'],
      updated: '2026-04-02',
    }),
    html,
  },
]

const article = `${site.url}/posts/caches`
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false })
const decodeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!,
  )

function expectAbsoluteContent(content: string) {
  expect(content).toContain(`href="${article}#why"`)
  expect(content).toContain(`href="${site.url}/posts/older"`)
  expect(content).toContain(`href="${site.url}/search?q=a&amp;b=%22c%22"`)
  expect(content).toContain('href="https://go.dev/doc/" rel="noopener noreferrer"')
  expect(content).toContain(`src="${site.url}/posts/diagram.png"`)
  expect(content).toContain(`src="${site.url}/images/chart.png"`)
  expect(content).toContain('href=&quot;/not-a-link&quot;')
  expect(content).not.toMatch(/(href|src)="[./#]/)
}

describe('absoluteHtml', () => {
  it('resolves relative hrefs and srcs against the article, as the browser on its page would', () => {
    expectAbsoluteContent(absoluteHtml(html, article))
  })

  it('leaves absolute URLs and other schemes alone', () => {
    const links = '<a href="mailto:ed@example.com">mail</a><a href="https://example.com">x</a>'
    expect(absoluteHtml(links, article)).toBe(links)
  })
})

describe('rssFeed', () => {
  const xml = rssFeed(entries)
  const { rss } = parser.parse(xml)
  const items = rss.channel.item

  it('is well-formed RSS 2.0 with the channel, its self link and the namespaces it uses', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(rss['@_version']).toBe('2.0')
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/')
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
    expect(rss.channel.title).toBe(site.name)
    expect(rss.channel.link).toBe(`${site.url}/`)
    expect(rss.channel.description).toBe(site.description)
    expect(rss.channel['atom:link']).toMatchObject({
      '@_href': `${site.url}/feed.xml`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    })
    expect(rss.channel.lastBuildDate).toBe('Thu, 02 Apr 2026 00:00:00 GMT')
  })

  it('lists posts newest first, each with a permalink guid, the date, tags, author and the full article', () => {
    expect(items.map((item: { link: string }) => item.link)).toEqual([article, `${site.url}/posts/older`])
    const [caches] = items
    expect(caches.title).toBe(trickyTitle)
    expect(caches.guid).toEqual({ '#text': article, '@_isPermaLink': 'true' })
    expect(caches.pubDate).toBe('Tue, 10 Mar 2026 00:00:00 GMT')
    expect(decodeHtml(caches.description)).toBe('Lines & <sets>, measured.')
    expect(caches.category).toEqual(['go', 'performance'])
    expect(caches['dc:creator']).toBe(site.author)
    expectAbsoluteContent(caches['content:encoded'])
  })
})

describe('atomFeed', () => {
  const xml = atomFeed(entries)
  const { feed } = parser.parse(xml)
  const [caches, older] = feed.entry

  it('is well-formed Atom with an id, an updated date, an author and a self link', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe(`${site.url}/`)
    expect(feed.updated).toBe('2026-04-02T00:00:00.000Z')
    expect(feed.author.name).toBe(site.author)
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': `${site.url}/atom.xml` })
    expect(feed.link).toContainEqual({ '@_rel': 'alternate', '@_href': `${site.url}/` })
  })

  it('gives each entry its URL as id, published and updated instants, categories and the article as HTML', () => {
    expect(caches.id).toBe(article)
    expect(caches.link['@_href']).toBe(article)
    expect(caches.published).toBe('2026-03-10T00:00:00.000Z')
    expect(caches.updated).toBe('2026-04-02T00:00:00.000Z')
    expect(older.updated).toBe('2026-01-06T00:00:00.000Z')
    expect(caches.category).toEqual([
      { '@_term': 'go', '@_label': 'go' },
      { '@_term': 'performance', '@_label': 'performance' },
    ])
    expect(caches.content['@_type']).toBe('html')
    expectAbsoluteContent(caches.content['#text'])
  })

  it('escapes a title and summary marked type="html", so readers show them as text', () => {
    expect(caches.title['@_type']).toBe('html')
    expect(decodeHtml(caches.title['#text'])).toBe(trickyTitle)
    expect(caches.title['#text']).not.toContain('<caches>')
    expect(decodeHtml(caches.summary['#text'])).toBe('Lines & <sets>, measured.')
  })
})

describe('jsonFeed', () => {
  const feed = JSON.parse(jsonFeed(entries))

  it('is JSON Feed 1.1 with the home page, its own URL and authors', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: site.name,
      home_page_url: `${site.url}/`,
      feed_url: `${site.url}/feed.json`,
      authors: [{ name: site.author }],
    })
  })

  it('gives each item its URL as id, RFC 3339 dates, tags and the article as content_html', () => {
    const [caches, older] = feed.items
    expect(caches).toMatchObject({
      id: article,
      url: article,
      title: trickyTitle,
      summary: 'Lines & <sets>, measured.',
      date_published: '2026-03-10T00:00:00.000Z',
      date_modified: '2026-04-02T00:00:00.000Z',
      tags: ['go', 'performance'],
    })
    expect(caches.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
    expect(older.id).toBe(`${site.url}/posts/older`)
    expectAbsoluteContent(caches.content_html)
  })
})

describe('feedResponse', () => {
  it('answers RSS and Atom as XML a browser renders with the stylesheet, and JSON Feed with its type', async () => {
    expect(feedResponse('rss', entries).headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(feedResponse('atom', entries).headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const json = feedResponse('jsonFeed', entries)
    expect(json.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8')
    expect(JSON.parse(await json.text()).items).toHaveLength(2)
  })

  it('writes an empty feed when nothing is published yet', () => {
    expect(XMLValidator.validate(rssFeed([]))).toBe(true)
    expect(JSON.parse(jsonFeed([])).items).toEqual([])
  })
})
