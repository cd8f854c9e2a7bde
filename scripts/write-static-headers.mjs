// After `next build` with output: 'export', writes out/_headers (the format Netlify and Cloudflare Pages read) with
// the headers `next start` sends: security headers on every path, noindex on a preview, and immutable caching for
// hashed build assets.
import { writeFileSync } from 'node:fs'
import { immutableAssets, responseHeaders } from '../lib/response-headers.mjs'

const lines = [
  '# Written by scripts/write-static-headers.mjs from lib/response-headers.mjs: edit that module, not this file.',
  '/*',
  ...responseHeaders().map(({ key, value }) => `  ${key}: ${value}`),
  immutableAssets.source.replace(':path*', '*'),
  `  Cache-Control: ${immutableAssets.cacheControl}`,
]
writeFileSync('out/_headers', `${lines.join('\n')}\n`)
console.log(`wrote out/_headers (${responseHeaders().length} headers on every path)`)
