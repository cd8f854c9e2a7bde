// After `next build` with output: 'export', writes out/_headers (the format Netlify and Cloudflare Pages read) with
// the headers `next start` sends: security headers on every path, noindex on a preview, and immutable caching for
// hashed build assets and post images.
import { writeFileSync } from 'node:fs'
import { immutableAssets, postMediaAssets, responseHeaders } from '../lib/response-headers.mjs'
import { siteEnvironment } from '../lib/site-env.mjs'

// This runs after the build, outside Next: NODE_ENV is unset here, and a build is production unless SITE_ENV
// (or the host) says otherwise.
const environment = siteEnvironment({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' })

const lines = [
  '# Written by scripts/write-static-headers.mjs from lib/response-headers.mjs: edit that module, not this file.',
  '/*',
  ...responseHeaders(environment).map(({ key, value }) => `  ${key}: ${value}`),
  ...[immutableAssets, postMediaAssets].flatMap(({ source, cacheControl }) => [
    source.replace(':path*', '*'),
    `  Cache-Control: ${cacheControl}`,
  ]),
  // The export writes the link-preview images (app/opengraph-image.tsx and the articles') as files without an
  // extension, from which a host cannot guess their type; with nosniff, a wrong type would stick.
  ...['/opengraph-image', '/posts/*/opengraph-image'].flatMap((source) => [source, '  Content-Type: image/png']),
]
writeFileSync('out/_headers', `${lines.join('\n')}\n`)
console.log(`wrote out/_headers: the ${environment} headers on every path`)
