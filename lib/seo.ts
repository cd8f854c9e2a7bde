// What search engines and link previews read: absolute URLs, the sitemap's entries and JSON-LD, all derived
// from the site facts and the posts, never written by hand per page.
import type { MetadataRoute } from 'next'
import type { PostMeta, TagSummary } from './posts'
import { site } from './site'

export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`
}

export function sitemapEntries(posts: PostMeta[], tags: TagSummary[]): MetadataRoute.Sitemap {
  const newest = posts
    .map((post) => post.updated ?? post.date)
    .sort()
    .at(-1)
  const listing = (path: string) => ({ url: absoluteUrl(path), lastModified: newest })
  return [
    listing('/'),
    listing('/archive'),
    listing('/tags'),
    ...posts.map((post) => ({ url: absoluteUrl(`/posts/${post.slug}`), lastModified: post.updated ?? post.date })),
    ...tags.map(({ tag, posts: tagged }) => ({
      url: absoluteUrl(`/tags/${tag}`),
      lastModified: tagged
        .map((post) => post.updated ?? post.date)
        .sort()
        .at(-1),
    })),
  ]
}

export function blogPostingJsonLd(post: PostMeta) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    keywords: post.tags.join(', '),
    wordCount: post.wordCount,
    url: absoluteUrl(`/posts/${post.slug}`),
    mainEntityOfPage: absoluteUrl(`/posts/${post.slug}`),
    author: { '@type': 'Organization', name: site.author },
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    isPartOf: { '@type': 'Blog', name: site.name, url: site.url },
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
      url: absoluteUrl(`/posts/${post.slug}`),
    })),
  }
}

/** JSON for a <script type="application/ld+json">: `<` is escaped so no text in a post can close the tag. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
