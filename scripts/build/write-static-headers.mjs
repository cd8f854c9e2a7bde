// After `next build` with output: 'export', writes out/_headers (the format Netlify and Cloudflare Pages read) with
// the headers `next start` sends: security headers on every path, noindex on a preview, immutable caching for
// hashed build assets and post images, revalidated caching for everything else (lib/site/response-headers.mjs says
// why), and the types of the feeds, text files and link-preview images.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import {
  immutableAssets,
  markdownContentType,
  postMediaAssets,
  responseHeaders,
  revalidatedContent,
  siteFiles,
} from '../../lib/site/response-headers.mjs'
import { siteEnvironment } from '../../lib/environment.mjs'

// This runs after the build, outside Next: NODE_ENV is unset here, and a build is production unless SITE_ENV
// (or the host) says otherwise.
const environment = siteEnvironment({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' })

/**
 * Both hosts join the values of a header that several matching rules set, so Cache-Control cannot sit on `/*`
 * beside the immutable rule for `/_next/static/*`: each top-level page, file and folder of the export gets its
 * own rule instead (a page `archive.html` is served as `/archive`), which covers new routes without editing this.
 */
function revalidatedPaths() {
  const paths = ['/']
  for (const entry of readdirSync('out', { withFileTypes: true })) {
    // Hashed files with their own immutable rule: a second Cache-Control would be joined to it.
    if (entry.name === '_next' || entry.name === '_posts-media' || entry.name === '_headers') continue
    if (entry.isDirectory()) paths.push(`/${entry.name}/*`)
    else if (entry.name.endsWith('.html') && entry.name !== 'index.html') paths.push(`/${entry.name.slice(0, -5)}`)
    else if (entry.name !== 'index.html') paths.push(`/${entry.name}`)
  }
  return paths
}

// A static host types files by their extension (text/xml for the RSS feed, nothing at all for .md), so the feeds,
// llms.txt and the posts' Markdown copies get theirs here, and each copy names its article as the canonical URL, as
// `next start` does (read back from the copy's header, which lib/site/markdown-copy.ts writes).
const markdownCopies = readdirSync('out/posts').filter((file) => file.endsWith('.md'))
const fileTypes = [
  ...Object.values(siteFiles).map(({ path, contentType }) => [path, `  Content-Type: ${contentType}`]),
  ...markdownCopies.map((file) => {
    const canonical = /^- Canonical URL: <(.+)>$/m.exec(readFileSync(`out/posts/${file}`, 'utf8'))?.[1]
    if (!canonical) throw new Error(`out/posts/${file} has no "- Canonical URL: <…>" line in its header`)
    return [`/posts/${file}`, `  Content-Type: ${markdownContentType}`, `  Link: <${canonical}>; rel="canonical"`]
  }),
]

const lines = [
  '# Written by scripts/build/write-static-headers.mjs from lib/site/response-headers.mjs: edit that module, not this file.',
  '/*',
  ...responseHeaders(environment).map(({ key, value }) => `  ${key}: ${value}`),
  ...[immutableAssets, postMediaAssets].flatMap(({ source, cacheControl }) => [
    source.replace(':path*', '*'),
    `  Cache-Control: ${cacheControl}`,
  ]),
  ...revalidatedPaths().flatMap((path) => [path, `  Cache-Control: ${revalidatedContent.cacheControl}`]),
  // The export writes the link-preview images (app/opengraph-image.tsx and the articles') as files without an
  // extension, from which a host cannot guess their type; with nosniff, a wrong type would stick.
  ...['/opengraph-image', '/posts/*/opengraph-image'].flatMap((source) => [source, '  Content-Type: image/png']),
  ...fileTypes.flat(),
]
writeFileSync('out/_headers', `${lines.join('\n')}\n`)
console.log(
  `wrote out/_headers: the ${environment} headers on every path, the types of ${fileTypes.length} feeds and text files`,
)
