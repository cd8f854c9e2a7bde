// What search engines and link previews read: absolute URLs, the sitemap's entries and JSON-LD, all derived
// from the site facts and the posts, never written by hand per page.
import type { Metadata } from 'next'
import type { Author } from '../content/authors'
import { lastChanged, type PostMeta, type Series, type TagSummary } from '../content/posts'
import { markdownContentType, siteFiles } from './response-headers.mjs'
import { site } from './config'
import { authorPath, markdownCopyPath, postPath, seriesPath, tagPath } from './paths'

/** A Content-Type without its parameters, as a link's `type` names it. */
const mediaType = (contentType: string) => contentType.split(';')[0]

/** The journal's feeds (lib/site/feeds.ts), as every page's <head>, the footer and llms.txt name them. */
export const feedLinks = (
  [
    { format: 'rss', label: 'RSS', ...siteFiles.rss },
    { format: 'atom', label: 'Atom', ...siteFiles.atom },
    { format: 'jsonFeed', label: 'JSON Feed', ...siteFiles.jsonFeed },
  ] as const
).map((feed) => ({ ...feed, mediaType: 'mediaType' in feed ? feed.mediaType : mediaType(feed.contentType) }))

export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`
}

/**
 * A page's `alternates`: its canonical path and the feeds every page advertises, plus any other versions of the
 * page. Next replaces the layout's `alternates` with a page's rather than merging them, so every page sets it here.
 */
export function pageAlternates(canonical: string, post?: PostMeta): Metadata['alternates'] {
  const feeds = feedLinks.map(({ label, mediaType, path }) => [
    mediaType,
    [{ url: path, title: `${site.name} (${label})` }],
  ])
  const markdown = post
    ? [[mediaType(markdownContentType), [{ url: markdownCopyPath(post.slug), title: post.title }]]]
    : []
  return { canonical, types: Object.fromEntries([...feeds, ...markdown]) }
}

export type SitemapEntry = { url: string; lastModified?: string }

export function sitemapEntries(
  posts: PostMeta[],
  tags: TagSummary[],
  { authors = [], series = [] }: { authors?: { id: string }[]; series?: Series[] } = {},
): SitemapEntry[] {
  const newestOf = (some: PostMeta[]) => some.map(lastChanged).sort().at(-1)
  const listing = (path: string) => ({ url: absoluteUrl(path), lastModified: newestOf(posts) })
  return [
    listing('/'),
    listing('/archive'),
    listing('/tags'),
    listing('/about'),
    listing('/subscribe'),
    ...posts.map((post) => ({ url: absoluteUrl(postPath(post.slug)), lastModified: lastChanged(post) })),
    ...tags.map(({ tag, posts: tagged }) => ({ url: absoluteUrl(tagPath(tag)), lastModified: newestOf(tagged) })),
    ...series.map(({ slug, parts }) => ({ url: absoluteUrl(seriesPath(slug)), lastModified: newestOf(parts) })),
    ...authors.map(({ id }) => ({
      url: absoluteUrl(authorPath(id)),
      lastModified: newestOf(posts.filter((post) => post.authors.some((author) => author.id === id))),
    })),
  ]
}

/** Text as XML character data or a quoted attribute value. */
export const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`)

/** The sitemap protocol's XML (sitemaps.org/protocol.html): each page's URL and the day it last changed. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map(({ url, lastModified }) =>
    [
      '<url>',
      `<loc>${escapeXml(url)}</loc>`,
      ...(lastModified ? [`<lastmod>${lastModified}</lastmod>`] : []),
      '</url>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

/** robots.txt: everything open, with the sitemap, or, on a preview, everything closed. */
export function robotsTxt(isPreview: boolean): string {
  return isPreview
    ? 'User-Agent: *\nDisallow: /\n'
    : `User-Agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`
}

export function blogPostingJsonLd(post: PostMeta) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    datePublished: post.date,
    dateModified: lastChanged(post),
    keywords: post.tags.join(', '),
    wordCount: post.wordCount,
    url: absoluteUrl(postPath(post.slug)),
    mainEntityOfPage: absoluteUrl(postPath(post.slug)),
    author: post.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(authorPath(author.id)),
    })),
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    isPartOf: { '@type': 'Blog', name: site.name, url: site.url },
  }
}

/** An author's page: a Person, with the pages about them elsewhere. */
export function personJsonLd(author: Author) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: author.name,
    description: author.bio,
    url: absoluteUrl(authorPath(author.id)),
    ...(author.links.length > 0 ? { sameAs: author.links.map((link) => link.url) } : {}),
  }
}

export function blogJsonLd(posts: PostMeta[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Blog',
    name: site.name,
    description: site.description,
    url: site.url,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    blogPost: posts.map((post) => ({
      '@type': 'BlogPosting',
      headline: post.title,
      datePublished: post.date,
      url: absoluteUrl(postPath(post.slug)),
    })),
  }
}

/** JSON for a <script type="application/ld+json">: `<` is escaped so no text in a post can close the tag. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
