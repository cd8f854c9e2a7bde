// `npm run serve-bench -- [--reuse] [--connections 32] [--duration 20]`: the same pages served two ways, measured
// with the same load.
//   1. `npm start` (the Node server) over the production build (.next);
//   2. nginx (Debian's, installed with apt-get if missing) over the static export (out/), with deploy/nginx.conf,
//      the config the README tells a host to use.
// It builds both first (`npm run build:static`, then `npm run build`, in that order because both use .next), or
// with --reuse serves the builds that are there. It checks every URL on both servers (status, Cache-Control, a
// validator, compression) and then drives each with wrk over loopback: fixed connections and duration, one
// thread, round-robin over the same URLs (the index, archive and tags, articles, a tag page, the sitemap,
// robots.txt, feeds if the build has any, and an unknown URL that must answer 404), with Accept-Encoding: gzip as a
// browser sends. It prints requests per second, p50/p99/max latency, errors, statuses and bytes for each server.
//
// wrk, not autocannon: on a 2-core machine the load generator shares the CPU with the server, and wrk (C, one
// thread) takes a fraction of what a Node load generator takes, so the figures say more about the server. nginx
// runs one worker process, so each server has one core for its event loop. Not part of `npm test`: run it on a
// quiet machine (on a shared one, under the CPU lock).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { aptInstall } from '../apt-install.mjs'
import { freePort, machineDescription, mib, sampleTreeMemory, startProductionServer, waitForServer } from './machine'

const { values: options } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '20' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (options.help) {
  console.log('usage: npm run serve-bench -- [--reuse] [--connections 32] [--duration 20]')
  process.exit(0)
}
const connections = Number(options.connections)
const durationS = Number(options.duration)
const warmupS = 3

function fail(message: string): never {
  console.error(`serve-bench: ${message}`)
  process.exit(1)
}

function need(command: string, pkg: string) {
  const found = () => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
  if (!found()) aptInstall(pkg, `No ${command} for the serving benchmark`)
  if (!found()) fail(`${command} is not installed: apt-get install ${pkg} (Debian), or your system's package`)
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed`)
}

/** The URLs both servers answer, found in the static export: the same pages a reader and a crawler fetch. */
function benchmarkPaths(): { path: string; expect: number }[] {
  const articles = readdirSync(path.join('out', 'posts'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => `/posts/${name.slice(0, -5)}`)
    .sort()
    .slice(0, 5)
  const tags = readdirSync(path.join('out', 'tags'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => `/tags/${name.slice(0, -5)}`)
    .sort()
    .slice(0, 1)
  // Feeds and other generated files at the top level (sitemap.xml, robots.txt, feeds other branches add); a .txt
  // beside a page's .html is that page's RSC payload, not a URL of its own.
  const top = readdirSync('out')
  const files = top
    .filter((name) => /\.(xml|txt|json)$/.test(name) && !/^(index|_|404)/.test(name))
    .filter((name) => !(name.endsWith('.txt') && top.includes(name.replace(/\.txt$/, '.html'))))
    .map((name) => `/${name}`)
  return [
    ...['/', '/archive', '/tags', ...articles, ...tags, ...files].map((url) => ({ path: url, expect: 200 })),
    { path: '/no/such/page', expect: 404 },
  ]
}

type Check = {
  path: string
  status: number
  cacheControl: string
  validator: string
  encoding: string
  /** Status, security headers and Cache-Control as required; a missing validator is reported, not failed. */
  ok: boolean
}

/** Fetches each URL once, as a browser would, and reports what a CDN needs from it. */
async function checkHeaders(base: string, paths: { path: string; expect: number }[]): Promise<Check[]> {
  const checks: Check[] = []
  for (const { path: url, expect } of paths) {
    const response = await fetch(base + url, { headers: { 'Accept-Encoding': 'gzip' } })
    await response.arrayBuffer()
    const validator = response.headers.get('etag')
      ? 'ETag'
      : response.headers.get('last-modified')
        ? 'Last-Modified'
        : '-'
    const cacheControl = response.headers.get('cache-control') ?? '-'
    const hasSecurity = response.headers.get('content-security-policy') !== null
    const ok = response.status === expect && hasSecurity && (expect !== 200 || cacheControl !== '-')
    checks.push({
      path: url,
      status: response.status,
      cacheControl,
      validator,
      encoding: response.headers.get('content-encoding') ?? '-',
      ok,
    })
  }
  return checks
}

/** wrk's Lua: round-robin over the URLs, counting statuses, reporting one JSON line when done. */
function wrkScript(paths: string[]): string {
  return `
local paths = { ${paths.map((url) => JSON.stringify(url)).join(', ')} }
local i = 0
local counts = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "gzip" })
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  local parts = {}
  for code, n in pairs(counts) do table.insert(parts, code .. ":" .. n) end
  statuses = table.concat(parts, ",")
end

function done(summary, latency, requests)
  local statuses = {}
  for _, thread in ipairs(threads) do
    local text = thread:get("statuses") or ""
    for code, n in string.gmatch(text, "(%d+):(%d+)") do
      statuses[code] = (statuses[code] or 0) + tonumber(n)
    end
  end
  local parts = {}
  for code, n in pairs(statuses) do table.insert(parts, string.format('"%s":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"statuses":{%s}}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), latency.max,
    latency.mean, e.connect, e.read, e.write, e.status, e.timeout, table.concat(parts, ",")))
end
`
}

type WrkResult = {
  requests: number
  duration_us: number
  bytes: number
  p50_us: number
  p99_us: number
  max_us: number
  mean_us: number
  errors: Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>
  statuses: Record<string, number>
}

function wrk(base: string, script: string, seconds: number): Promise<WrkResult> {
  const child = spawn('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, base], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) =>
    child.on('close', (status) => {
      const line = /^WRK_JSON (.*)$/m.exec(output)?.[1]
      if (status !== 0 || !line) reject(new Error(`wrk failed (exit ${status}):\n${output}`))
      else resolve(JSON.parse(line) as WrkResult)
    }),
  )
}

/**
 * Writes a .gz beside every compressible file of out/, as README's deployment section recommends, so nginx's
 * gzip_static sends it instead of compressing each response again (the feeds are 0.7 MB each).
 */
function precompress() {
  const compressible = /\.(html|js|css|txt|xml|json|svg|md)$/
  let count = 0
  for (const name of readdirSync('out', { recursive: true, encoding: 'utf8' })) {
    const file = path.join('out', name)
    if (!compressible.test(name) || !statSync(file).isFile()) continue
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }))
    count += 1
  }
  console.log(`pre-compressed ${count} files of out/ for gzip_static`)
}

/** nginx in the foreground under a temporary prefix, with deploy/nginx.conf serving out/ on a free port. */
async function startNginx(): Promise<{ url: string; pid: number; stop: () => void }> {
  precompress()
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'playbook-nginx-'))
  const port = await freePort()
  const site = readFileSync(path.join('deploy', 'nginx.conf'), 'utf8')
    .replace(/^(\s*)listen .*# bench: listen$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root .*# bench: root$/m, `$1root ${path.resolve('out')};`)
  writeFileSync(path.join(prefix, 'playbook.conf'), site)
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      // The workers must read out/; as root, nginx would otherwise run them as an unprivileged user.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${path.join(prefix, 'nginx.pid')};`,
      `error_log ${path.join(prefix, 'error.log')} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      '  sendfile on;',
      '  tcp_nopush on;',
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      `  include ${path.join(prefix, 'playbook.conf')};`,
      '}',
      '',
    ].join('\n'),
  )
  const child = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'inherit' })
  const url = `http://127.0.0.1:${port}`
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGQUIT')
    rmSync(prefix, { recursive: true, force: true })
  }
  process.once('exit', stop)
  await waitForServer(url, 15_000)
  return { url, pid: child.pid!, stop }
}

function printChecks(checks: Check[]) {
  const width = Math.max(...checks.map((check) => check.path.length))
  for (const check of checks)
    console.log(
      `  ${!check.ok ? 'BAD ' : check.status === 200 && check.validator === '-' ? 'note' : 'ok  '} ${check.path.padEnd(width)}  ${check.status}  ${check.encoding.padEnd(4)}  ` +
        `${check.validator.padEnd(13)}  ${check.cacheControl}`,
    )
}

async function measure(
  name: string,
  base: string,
  pid: number,
  paths: { path: string; expect: number }[],
  script: string,
) {
  console.log(`\n${name} at ${base}`)
  const checks = await checkHeaders(base, paths)
  printChecks(checks)
  const unvalidated = checks.filter((check) => check.status === 200 && check.validator === '-')
  if (unvalidated.length > 0)
    console.log(
      `  note: no ETag or Last-Modified on ${unvalidated.map((check) => check.path).join(', ')}: a CDN refetches them in full`,
    )
  await wrk(base, script, warmupS)
  const memory = sampleTreeMemory(pid, 500)
  const result = await wrk(base, script, durationS)
  const peak = memory.stop()
  const seconds = result.duration_us / 1e6
  const errors = Object.entries(result.errors).filter(([, count]) => count > 0)
  const expected404 = Math.round(result.requests / paths.length)
  const statuses = Object.entries(result.statuses)
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ')
  console.log(
    [
      `  requests      ${result.requests} in ${seconds.toFixed(1)} s`,
      `  req/s         ${(result.requests / seconds).toFixed(0)}`,
      `  latency       p50 ${(result.p50_us / 1000).toFixed(2)} ms, p99 ${(result.p99_us / 1000).toFixed(2)} ms, max ${(result.max_us / 1000).toFixed(1)} ms`,
      `  statuses      ${statuses} (1 URL in ${paths.length} is the unknown one: about ${expected404} 404s expected)`,
      `  errors        ${errors.length === 0 ? 'none' : errors.map(([kind, count]) => `${kind} ${count}`).join(', ')}` +
        (result.errors.status > 0 ? ' (wrk counts every 4xx/5xx as a status error, the expected 404s included)' : ''),
      `  transferred   ${(result.bytes / 2 ** 20).toFixed(1)} MiB (${(result.bytes / result.requests / 1024).toFixed(1)} KiB per response, gzip)`,
      `  server memory peak ${mib(peak.pssKiB)} PSS, summed over its ${peak.processes} processes (for npm start: npm, sh and the server; the server alone: ${mib(peak.each[0]?.pssKiB ?? 0)})`,
    ].join('\n'),
  )
  return { name, result, seconds, checksOk: checks.every((check) => check.ok) }
}

async function main() {
  need('wrk', 'wrk')
  need('nginx', 'nginx')
  const buildStatic = !options.reuse || !existsSync(path.join('out', 'index.html'))
  if (buildStatic) run('npm', ['run', 'build:static'])
  // The static export leaves an export-mode .next behind (with a BUILD_ID), which `npm start` would serve without
  // the config's headers: after it, the server build always runs.
  if (buildStatic || !existsSync(path.join('.next', 'BUILD_ID'))) run('npm', ['run', 'build'])

  const paths = benchmarkPaths()
  const scriptDir = mkdtempSync(path.join(os.tmpdir(), 'playbook-wrk-'))
  const script = path.join(scriptDir, 'rotate.lua')
  writeFileSync(script, wrkScript(paths.map(({ path: url }) => url)))
  console.log(`Serving benchmark on ${machineDescription()}`)
  console.log(
    `wrk: 1 thread, ${connections} connections, ${durationS} s (after ${warmupS} s of warm-up), loopback, ` +
      `round-robin over ${paths.length} URLs: ${paths.map(({ path: url }) => url).join(' ')}`,
  )
  console.log('Checks: status, Content-Encoding, validator, Cache-Control (every response also needs the CSP)')

  const results = []
  const next = await startProductionServer()
  try {
    results.push(await measure('npm start (.next)', next.url, next.child.pid!, paths, script))
  } finally {
    next.stop()
  }
  const nginx = await startNginx()
  try {
    results.push(await measure('nginx (out/, deploy/nginx.conf)', nginx.url, nginx.pid, paths, script))
  } finally {
    nginx.stop()
    rmSync(scriptDir, { recursive: true, force: true })
  }

  console.log('\nserver                            req/s   p50 ms   p99 ms  MiB sent')
  for (const { name, result, seconds } of results)
    console.log(
      `${name.padEnd(32)} ${(result.requests / seconds).toFixed(0).padStart(6)}  ${(result.p50_us / 1000).toFixed(2).padStart(7)}  ` +
        `${(result.p99_us / 1000).toFixed(2).padStart(7)}  ${(result.bytes / 2 ** 20).toFixed(1).padStart(8)}`,
    )
  const failed = results.filter(
    ({ result, checksOk }) =>
      !checksOk || result.errors.connect + result.errors.read + result.errors.write + result.errors.timeout > 0,
  )
  if (failed.length > 0) fail(`failed checks or connection errors on: ${failed.map(({ name }) => name).join(', ')}`)
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)))
