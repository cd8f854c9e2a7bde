// After `next build` with output: 'export', writes out/_headers (the format Netlify and Cloudflare Pages read) with
// the headers `next start` sends: security headers on every path, noindex on a preview, and immutable caching for
// hashed build assets.
import { writeFileSync } from 'node:fs'
import { immutableAssets, responseHeaders } from '../lib/response-headers.mjs'
import { siteEnvironment } from '../lib/site-env.mjs'

// This runs after the build, outside Next: NODE_ENV is unset here, and a build is production unless SITE_ENV
// (or the host) says otherwise.
const environment = siteEnvironment({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' })

const lines = [
  '# Written by scripts/write-static-headers.mjs from lib/response-headers.mjs: edit that module, not this file.',
  '/*',
  ...responseHeaders(environment).map(({ key, value }) => `  ${key}: ${value}`),
  immutableAssets.source.replace(':path*', '*'),
  `  Cache-Control: ${immutableAssets.cacheControl}`,
]
writeFileSync('out/_headers', `${lines.join('\n')}\n`)
console.log(`wrote out/_headers: the ${environment} headers on every path`)
