// After `next build` with output: 'export', writes out/_headers (the format Netlify and Cloudflare Pages read) with
// the headers `next start` sends: security headers on every path, noindex on a preview, immutable caching for
// hashed build assets, and the types of the feeds and text files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { immutableAssets, markdownContentType, responseHeaders, siteFiles } from '../lib/response-headers.mjs'
import { siteEnvironment } from '../lib/site-env.mjs'

// This runs after the build, outside Next: NODE_ENV is unset here, and a build is production unless SITE_ENV
// (or the host) says otherwise.
const environment = siteEnvironment({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' })

// A static host types files by their extension (text/xml for the RSS feed, nothing at all for .md), so the feeds,
// llms.txt and the posts' Markdown copies get theirs here, and each copy names its article as the canonical URL, as
// `next start` does (read back from the copy's header, which lib/markdown-copy.ts writes).
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
  '# Written by scripts/write-static-headers.mjs from lib/response-headers.mjs: edit that module, not this file.',
  '/*',
  ...responseHeaders(environment).map(({ key, value }) => `  ${key}: ${value}`),
  immutableAssets.source.replace(':path*', '*'),
  `  Cache-Control: ${immutableAssets.cacheControl}`,
  ...fileTypes.flat(),
]
writeFileSync('out/_headers', `${lines.join('\n')}\n`)
console.log(
  `wrote out/_headers: the ${environment} headers on every path, the types of ${fileTypes.length} feeds and text files`,
)
