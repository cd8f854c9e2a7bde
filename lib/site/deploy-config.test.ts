import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { immutableAssets, postMediaAssets, responseHeaders, revalidatedContent } from './response-headers.mjs'

// deploy/nginx.conf is a host's own config format, so it repeats lib/site/response-headers.mjs's values by hand: this
// keeps the two from drifting apart.
const nginx = readFileSync(path.join(__dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8')

describe('deploy/nginx.conf', () => {
  it('sends exactly the production security headers, on every status', () => {
    const added = [...nginx.matchAll(/^\s*add_header ([\w-]+) "(.*)" always;$/gm)].map(([, key, value]) => ({
      key,
      value,
    }))
    expect(added).toEqual(responseHeaders('production'))
  })

  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(nginx).toContain(`~^/_next/static/  "${immutableAssets.cacheControl}";`)
    expect(nginx).toContain(`~^/_posts-media/  "${postMediaAssets.cacheControl}";`)
    expect(nginx).toContain(`default           "${revalidatedContent.cacheControl}";`)
    expect(nginx).toMatch(/^\s*add_header Cache-Control \$playbook_cache_control;$/m)
  })

  it('keeps the two lines the benchmark script substitutes', () => {
    expect(nginx).toMatch(/^\s*listen .*# bench: listen$/m)
    expect(nginx).toMatch(/^\s*root .*# bench: root$/m)
  })
})
