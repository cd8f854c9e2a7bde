// The journal's feeds, from the published posts and each article's rendered HTML: RSS 2.0 and Atom 1.0 written by
// the `feed` library, JSON Feed 1.1 as plain JSON. Pure functions; the route handlers in app/ serve them.
import { Feed, type Item } from 'feed'
import { byNewestFirst, lastChanged, type PostMeta } from '../content/posts'
import { siteFiles } from './response-headers.mjs'
import { feedStylesheetPath } from './paths'
import { withFeedStylesheet } from './feed-stylesheet'
import { staticResponse } from './static-response'
import { absoluteUrl } from './seo'
import { site } from './config'
import { authorPath, postPath } from './paths'

/** A published post and its article's HTML as the page renders it (relative links allowed). */
export type FeedEntry = { post: PostMeta; html: string }

export type FeedFormat = 'rss' | 'atom' | 'jsonFeed'

/** A calendar day of the frontmatter (or git's last change) as the instant it begins in UTC. */
function startOfDayUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Plain text as HTML text content (not an attribute value, where quotes would need escaping too). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (character) => htmlEntities[character])
}

const entityCharacters: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" }
const hasScheme = /^[a-z][a-z\d+.-]*:/i

/**
 * The article's HTML with every relative href and src resolved against the article's URL, as a browser on the page
 * resolves them: feed readers show the content elsewhere, where `/posts/x` or `#section` would point nowhere.
 * The HTML is React's static markup, whose attribute values are always double-quoted and whose text escapes every
 * `"`, so a double-quoted href or src can only be an attribute.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  return html.replace(/(\s(?:href|src)=")([^"]*)"/g, (attribute, prefix: string, escaped: string) => {
    const value = escaped.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => entityCharacters[name])
    if (hasScheme.test(value)) return attribute
    return `${prefix}${new URL(value, pageUrl).href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`
  })
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => byNewestFirst(a.post, b.post))
}

/** The last day anything in the feed changed: a feed's date follows its posts, never the time of the build. */
function lastChange(entries: FeedEntry[]): Date | undefined {
  const newest = entries
    .map(({ post }) => lastChanged(post))
    .sort()
    .at(-1)
  return newest ? startOfDayUtc(newest) : undefined
}

type Article = {
  url: string
  title: string
  summary: string
  content: string
  published: Date
  updated: Date
  tags: string[]
  /** Each author's name and page. */
  authors: { name: string; url: string }[]
}

function articles(entries: FeedEntry[]): Article[] {
  return newestFirst(entries).map(({ post, html }) => {
    const url = absoluteUrl(postPath(post.slug))
    return {
      url,
      title: post.title,
      summary: post.summary,
      content: absoluteHtml(html, url),
      published: startOfDayUtc(post.date),
      updated: startOfDayUtc(lastChanged(post)),
      tags: post.tags,
      authors: post.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.id)) })),
    }
  })
}

function createFeed(entries: FeedEntry[], toItem: (article: Article) => Item): Feed {
  const feed = new Feed({
    id: absoluteUrl('/'),
    title: site.name,
    description: site.description,
    link: absoluteUrl('/'),
    language: site.locale,
    updated: lastChange(entries),
    author: { name: site.author, link: absoluteUrl('/') },
    feedLinks: { rss: absoluteUrl(siteFiles.rss.path), atom: absoluteUrl(siteFiles.atom.path) },
  })
  for (const article of articles(entries)) feed.addItem(toItem(article))
  return feed
}

/**
 * RSS 2.0. The guid is the canonical URL (isPermaLink="true"); the full article is content:encoded, the summary
 * the description (HTML, so escaped), and the author dc:creator, because RSS's own <author> must be an email address.
 */
export function rssFeed(entries: FeedEntry[]): string {
  return createFeed(entries, (article) => ({
    title: article.title,
    link: article.url,
    date: article.updated,
    published: article.published,
    description: escapeHtml(article.summary),
    content: article.content,
    category: article.tags.map((tag) => ({ name: tag })),
    extensions: article.authors.map((author) => ({ name: 'dc:creator', objects: { _text: author.name } })),
  })).rss2()
}

/**
 * Atom 1.0. The library marks titles and summaries type="html", so their text is escaped once: a title such as
 * `Go & "C" <caches>` must reach the reader as text, not as a <caches> tag.
 */
export function atomFeed(entries: FeedEntry[]): string {
  return createFeed(entries, (article) => ({
    title: escapeHtml(article.title),
    link: article.url,
    date: article.updated,
    published: article.published,
    description: escapeHtml(article.summary),
    content: article.content,
    category: article.tags.map((tag) => ({ term: tag, name: tag })),
    author: article.authors.map((author) => ({ name: author.name, link: author.url })),
  })).atom1()
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The feed library writes version 1, hence plain JSON. */
export function jsonFeed(entries: FeedEntry[]): string {
  const author = { name: site.author, url: absoluteUrl('/') }
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.name,
      home_page_url: absoluteUrl('/'),
      feed_url: absoluteUrl(siteFiles.jsonFeed.path),
      description: site.description,
      language: site.locale,
      authors: [author],
      items: articles(entries).map((article) => ({
        id: article.url,
        url: article.url,
        title: article.title,
        summary: article.summary,
        content_html: article.content,
        date_published: article.published.toISOString(),
        date_modified: article.updated.toISOString(),
        tags: article.tags,
        authors: article.authors,
      })),
    },
    null,
    2,
  )
}

const writers: Record<FeedFormat, (entries: FeedEntry[]) => string> = {
  // A browser that opens the XML feeds shows them as a page through the stylesheet (lib/site/feed-stylesheet.ts).
  rss: (entries) => withFeedStylesheet(rssFeed(entries), feedStylesheetPath),
  atom: (entries) => withFeedStylesheet(atomFeed(entries), feedStylesheetPath),
  jsonFeed,
}

/** A feed as its route handler answers it. */
export function feedResponse(format: FeedFormat, entries: FeedEntry[]): Response {
  return staticResponse(writers[format](entries), siteFiles[format].contentType)
}
