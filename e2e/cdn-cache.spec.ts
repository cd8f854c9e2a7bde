import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { request as apiRequest, type APIRequestContext } from '@playwright/test'
import { findNginx } from '../scripts/test/nginx'
import { benchmarkArticle, expect, test } from './fixtures'

// A real caching proxy in front of `npm start`: nginx from Debian with proxy_cache, in two configurations a CDN may
// have. One keys its cache by URL and keeps a variant per Vary (what HTTP asks of a shared cache). The other keys by
// URL alone and ignores Vary, as some CDNs do by default; it asks the origin for uncompressed answers, so that
// encodings cannot mix. Through each, the requests a browser, a crawler and an attacker might send come first; then
// a plain reader must get the page itself, never a variant meant for someone else.
//
// Each scenario sends an X-Scenario header that nginx puts into its cache key, so every scenario starts with an
// empty cache without restarting nginx.

const reader = {
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Encoding': 'gzip, deflate, br',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
}

/** What may reach the cache first: a router, a crawler, an attacker's request with headers the page ignores. */
const variants: { name: string; method?: 'GET' | 'HEAD'; headers: Record<string, string> }[] = [
  { name: 'the router asks for the payload', headers: { RSC: '1' } },
  { name: 'the router prefetches', headers: { RSC: '1', 'Next-Router-Prefetch': '1' } },
  { name: 'the router prefetches a segment', headers: { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
  {
    name: 'a router state tree',
    headers: { RSC: '1', 'Next-Router-State-Tree': encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null]') },
  },
  { name: 'a router header alone', headers: { 'Next-Router-State-Tree': 'garbage', 'Next-Url': '/elsewhere' } },
  { name: 'a server action', headers: { 'Next-Action': '0123456789abcdef' } },
  { name: 'a crawler without compression', headers: { 'Accept-Encoding': 'identity', 'User-Agent': 'Googlebot/2.1' } },
  { name: 'brotli only', headers: { 'Accept-Encoding': 'br' } },
  { name: 'a HEAD request', method: 'HEAD', headers: {} },
  { name: 'a range of bytes', headers: { Range: 'bytes=0-99' } },
  {
    name: 'forwarding headers',
    headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http', 'X-Original-URL': '/posts/x' },
  },
  {
    name: "Next's internal headers",
    headers: {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
      'x-now-route-matches': '1',
      'x-invoke-path': '/_not-found',
      'x-nextjs-data': '1',
    },
  },
  { name: 'a conditional request', headers: { 'If-None-Match': '*' } },
  { name: 'a request for Markdown', headers: { Accept: 'text/markdown' } },
  { name: 'preview cookies', headers: { Cookie: '__prerender_bypass=x; __next_preview_data=y' } },
]

/** What the plain reader must get at each URL. */
const pages = [
  { path: '/', status: 200, type: 'text/html', shows: 'Backend Engineer' },
  { path: benchmarkArticle.path, status: 200, type: 'text/html', shows: benchmarkArticle.title },
  { path: '/tags', status: 200, type: 'text/html', shows: '<h1' },
  { path: `${benchmarkArticle.path}.md`, status: 200, type: 'text/markdown', shows: `# ${benchmarkArticle.title}` },
  { path: '/feed.xml', status: 200, type: 'application/xml', shows: '<rss' },
  { path: '/sitemap.xml', status: 200, type: 'application/xml', shows: '<urlset' },
  { path: `${benchmarkArticle.path}/opengraph-image`, status: 200, type: 'image/png' },
  { path: '/posts/no-such-article', status: 404, type: 'text/html', shows: '<h1' },
]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function nginxConfig(folder: string, origin: string, ports: { honoursVary: number; urlOnly: number }): string {
  const cached = (name: string, extra: string) => `
    location / {
      proxy_pass ${origin};
      proxy_http_version 1.1;
      proxy_cache ${name};
      proxy_cache_key "$http_x_scenario$request_uri";
      add_header X-Cache $upstream_cache_status always;
      ${extra}
    }`
  // Started by root (CI, a container), nginx runs its workers as nobody, who cannot write to this user's temporary
  // folder: the workers then answer 500 for every page they try to cache. They run as the user who started them.
  const user = process.getuid?.() === 0 ? 'user root root;' : ''
  return `
daemon off;
${user}
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${folder}/client-body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  proxy_cache_path ${folder}/vary keys_zone=vary:4m;
  proxy_cache_path ${folder}/url keys_zone=url:4m;
  server {
    listen 127.0.0.1:${ports.honoursVary};
    ${cached('vary', '')}
  }
  server {
    listen 127.0.0.1:${ports.urlOnly};
    ${cached('url', 'proxy_ignore_headers Vary;\n      proxy_set_header Accept-Encoding "";')}
  }
}
`
}

test.describe('a shared cache in front of npm start', () => {
  test.describe.configure({ mode: 'serial' })
  let nginx: ChildProcess | undefined
  let folder: string
  const caches: { name: string; context: APIRequestContext }[] = []
  let scenario = 0

  test.beforeAll(async ({ baseURL }) => {
    const binary = findNginx()
    if (!binary)
      throw new Error('nginx is needed for this test: run `npm run test:e2e`, which installs it, or install nginx')
    folder = mkdtempSync(path.join(os.tmpdir(), 'playbook-nginx-'))
    for (const name of ['client-body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(folder, name))
    const ports = { honoursVary: await freePort(), urlOnly: await freePort() }
    writeFileSync(path.join(folder, 'nginx.conf'), nginxConfig(folder, baseURL!, ports))
    nginx = spawn(binary, ['-p', folder, '-c', path.join(folder, 'nginx.conf')], { stdio: 'ignore' })
    for (const [name, port] of Object.entries(ports)) {
      const context = await apiRequest.newContext({ baseURL: `http://127.0.0.1:${port}` })
      for (let attempt = 0; ; attempt++) {
        try {
          await context.get('/robots.txt')
          break
        } catch (error) {
          if (attempt > 100)
            throw new Error(`nginx did not answer: ${readFileSync(path.join(folder, 'error.log'), 'utf8')}`, {
              cause: error,
            })
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      caches.push({ name, context })
    }
  })

  test.afterAll(async () => {
    for (const { context } of caches) await context.dispose()
    nginx?.kill('SIGTERM')
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  test('keeps the pages it may keep: the second reader is served from the cache', async () => {
    for (const { name, context } of caches) {
      const headers = { ...reader, 'X-Scenario': `warm-${++scenario}` }
      const first = await context.get(benchmarkArticle.path, { headers })
      expect(first.headers()['x-cache'], name).toBe('MISS')
      // nginx files the answer once its upstream is done, which can be a moment after the client has it all.
      let second = await context.get(benchmarkArticle.path, { headers })
      for (let attempt = 0; attempt < 20 && second.headers()['x-cache'] === 'MISS'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        second = await context.get(benchmarkArticle.path, { headers })
      }
      const seen = ['status', 'cache-control', 'vary', 'content-length', 'transfer-encoding']
        .map((header) => `${header}: ${header === 'status' ? first.status() : first.headers()[header]}`)
        .join('; ')
      expect(second.headers()['x-cache'], `${name}, after an answer with ${seen}`).toBe('HIT')
      expect(await second.text(), name).toContain(benchmarkArticle.title)
    }
  })

  for (const page of pages) {
    test(`a plain reader of ${page.path} gets it, whatever came before`, async () => {
      for (const { name, context } of caches) {
        for (const variant of variants) {
          const key = { 'X-Scenario': `s${++scenario}` }
          const readerGets = async (when: string) => {
            const answer = await context.get(page.path, { headers: { ...reader, ...key }, maxRedirects: 0 })
            const where = `${name} cache, ${variant.name}, then a reader (${when})`
            expect(answer.status(), where).toBe(page.status)
            expect(answer.headers()['content-type'], where).toContain(page.type)
            if (page.shows) expect(await answer.text(), where).toContain(page.shows)
          }
          const send = () =>
            context.fetch(page.path, {
              method: variant.method ?? 'GET',
              headers: { ...variant.headers, ...key },
              maxRedirects: 0,
            })
          await send()
          await readerGets('after the variant came first')
          await send()
          await readerGets('after the variant came again')
        }
      }
    })
  }
})
