// The response headers the site sends, in one place: next.config.mjs sends them from `next start`, and
// scripts/build/write-static-headers.mjs writes them into out/_headers for static hosts (Netlify's and Cloudflare
// Pages' format), so a CDN-served site and the Node server answer alike.
import { newsletterForm, siteEnvironment } from '../environment.mjs'

/**
 * Scripts come from this origin only, plus inline scripts: the App Router bootstraps every statically rendered
 * page that keeps it with inline <script> tags whose contents differ per page (and the index and the articles carry
 * the theme, search-shortcut and page scripts inline), and nonces would force every page to render per request.
 * No 'unsafe-eval' outside `next dev` (React's dev build needs it for stack traces).
 * @param {'production' | 'preview' | 'development'} environment
 */
function contentSecurityPolicy(environment) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${environment === 'development' ? " 'unsafe-eval'" : ''}`,
    // Highlighted code carries its two themes' colours in style attributes, and every prerendered page carries the
    // stylesheet in a <style> (lib/site/inline-stylesheet.ts).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // A newsletter sign-up form posts to its provider, when the site has one.
    `form-action 'self'${newsletterForm() ? ` ${newsletterForm().origin}` : ''}`,
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Every response's security headers, and noindex on a preview.
 * @param {'production' | 'preview' | 'development'} [environment]
 * @returns {{ key: string, value: string }[]}
 */
export function responseHeaders(environment = siteEnvironment()) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(environment) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value:
        'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    },
    ...(environment === 'production'
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' }]
      : []),
    ...(environment === 'preview' ? [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] : []),
  ]
}

/** Build assets carry a content hash in their names and never change. */
export const immutableAssets = { source: '/_next/static/:path*', cacheControl: 'public, max-age=31536000, immutable' }

/** Post images, written at build time under content-hashed names (lib/mdx/images.ts): they never change either. */
export const postMediaAssets = { source: '/_posts-media/:path*', cacheControl: immutableAssets.cacheControl }

/**
 * Everything else (pages, feeds, the sitemap, robots.txt, link-preview images, RSC payloads) keeps its URL across deploys, so
 * caches must check back: a browser revalidates on every visit (max-age=0; a 304 against the ETag or Last-Modified
 * costs a round trip and no body), and a CDN serves its copy for 5 minutes (s-maxage), then serves it stale for up
 * to a day while it refetches in the background (stale-while-revalidate). A deploy reaches every reader within
 * 5 minutes on any CDN, at once on hosts that purge on deploy, and the origin sees about one request per URL per
 * edge every 5 minutes however busy the site is. Next's own default for prerendered pages, s-maxage=31536000,
 * would let a CDN that is not purged on deploy serve last year's index.
 */
export const revalidatedContent = {
  source: '/:path((?!_next/static/|_posts-media/).*)',
  cacheControl: 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400',
}

/**
 * The files the site serves besides pages, at fixed paths, with their types. Route handlers send the type, and
 * out/_headers repeats it: a static host guesses from the extension (text/xml, application/json).
 *
 * RSS and Atom are served as application/xml, and their own media types name them where feeds are discovered (the
 * pages' <link rel="alternate">): a browser shows an application/rss+xml document as raw text and applies its
 * stylesheet (/feed.xsl) only to XML it renders, while feed readers read the document whatever its type.
 */
export const siteFiles = {
  rss: { path: '/feed.xml', contentType: 'application/xml; charset=utf-8', mediaType: 'application/rss+xml' },
  atom: { path: '/atom.xml', contentType: 'application/xml; charset=utf-8', mediaType: 'application/atom+xml' },
  jsonFeed: { path: '/feed.json', contentType: 'application/feed+json; charset=utf-8' },
  llmsTxt: { path: '/llms.txt', contentType: 'text/plain; charset=utf-8' },
}

/** The Markdown copy of a post, /posts/<slug>.md: a static host knows no type for .md. */
export const markdownContentType = 'text/markdown; charset=utf-8'
