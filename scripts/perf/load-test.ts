// Load test for a running server (`npm start`, or any `next start`): autocannon drives concurrent connections over a
// mix of the index, every published article, /robots.txt, a script and the stylesheet the archive references, and
// two unknown URLs, counts the answers by status against what each URL must answer, and samples the server's memory
// (RSS).
//
//   npm run load-test -- [url] [--pid <server pid>]      url defaults to http://127.0.0.1:3000
//   LOAD_CONNECTIONS=100 LOAD_DURATION=30                 the defaults
//
// The server's PID is found from the port with `fuser` (psmisc) unless --pid names it; RSS is read from /proc, so it
// is only sampled on Linux, for a server on this machine. Exits 1 on any connection error, timeout or unexpected
// status.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { parse as parseYaml } from 'yaml'

const SAMPLE_EVERY_S = 5
const SETTLE_S = 10

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { pid: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
})
if (options.help) {
  console.log('usage: npm run load-test -- [url] [--pid <server pid>]   (env: LOAD_CONNECTIONS, LOAD_DURATION)')
  process.exit(0)
}
const base = new URL(positionals[0] ?? 'http://127.0.0.1:3000')
const connections = positiveInteger('LOAD_CONNECTIONS', 100)
const durationS = positiveInteger('LOAD_DURATION', 30)

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0)
    fail(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`)
  return value
}

function fail(message: string): never {
  console.error(`load-test: ${message}`)
  process.exit(2)
}

/** The articles a production build publishes: not drafts, not dated after today (UTC). */
function publishedSlugs(): string[] {
  const postsDir = path.resolve(process.env.POSTS_DIR ?? 'posts')
  const today = new Date().toISOString().slice(0, 10)
  return readdirSync(postsDir)
    .filter((slug) => existsSync(path.join(postsDir, slug, 'index.mdx')))
    .filter((slug) => {
      const source = readFileSync(path.join(postsDir, slug, 'index.mdx'), 'utf8')
      const frontmatter = (parseYaml(source.split(/^---\s*$/m)[1] ?? '') ?? {}) as { draft?: unknown; date?: unknown }
      const date = frontmatter.date instanceof Date ? frontmatter.date.toISOString() : String(frontmatter.date)
      return frontmatter.draft !== true && date.slice(0, 10) <= today
    })
    .sort()
}

/**
 * One script and the stylesheet that the archive references: a page that keeps Next's runtime (the index and the
 * articles load no script file, lib/site/without-runtime.ts).
 */
async function pageAssets(): Promise<{ script: string; stylesheet: string }> {
  const response = await fetch(new URL('/archive', base)).catch((error: Error) =>
    fail(`cannot reach ${base.origin}: ${error.message} (is the server running?)`),
  )
  if (response.status !== 200) fail(`GET /archive answered ${response.status}, not 200`)
  const html = await response.text()
  const script = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(html)?.[0]
  const stylesheet = /\/_next\/static\/chunks\/[\w.-]+\.css/.exec(html)?.[0]
  if (!script || !stylesheet) fail('the archive references no /_next/static script or stylesheet')
  return { script, stylesheet }
}

/** The PID of the process listening on the server's port: --pid, or the one `fuser` names that is not us. */
function serverPid(): number | undefined {
  if (options.pid) {
    const pid = Number(options.pid)
    if (!Number.isInteger(pid) || !existsSync(`/proc/${pid}`)) fail(`--pid ${options.pid}: no such process`)
    return pid
  }
  if (!['localhost', '127.0.0.1', '[::1]'].includes(base.hostname)) return undefined
  const port = base.port || (base.protocol === 'https:' ? '443' : '80')
  let output = ''
  try {
    output = execFileSync('fuser', [`${port}/tcp`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined // no fuser, or nothing on the port
  }
  const pids = output
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
  return pids.find((pid) => commandOf(pid).includes('next')) ?? pids[0]
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
  } catch {
    return ''
  }
}

/** Resident memory in MiB, from /proc/<pid>/status. */
function rssMiB(pid: number): number | undefined {
  try {
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kib === undefined ? undefined : Number(kib) / 1024
  } catch {
    return undefined
  }
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))
const mib = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1))

async function main() {
  const slugs = publishedSlugs()
  if (slugs.length === 0) fail('no published posts found under posts/')
  const { script, stylesheet } = await pageAssets()
  const targets: { path: string; expect: number }[] = [
    { path: '/', expect: 200 },
    ...slugs.map((slug) => ({ path: `/posts/${slug}`, expect: 200 })),
    { path: '/robots.txt', expect: 200 },
    { path: script, expect: 200 },
    { path: stylesheet, expect: 200 },
    { path: '/posts/no-such-article', expect: 404 },
    { path: '/no/such/page', expect: 404 },
  ]

  const counts = new Map<string, Map<number, number>>(targets.map(({ path }) => [path, new Map()]))
  const requests: autocannon.Request[] = targets.map(({ path }) => ({
    method: 'GET',
    path,
    onResponse: (status: number) => {
      const byStatus = counts.get(path)!
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    },
  }))

  const pid = serverPid()
  const samples: number[] = []
  const sample = () => {
    const value = pid === undefined ? undefined : rssMiB(pid)
    if (value !== undefined) samples.push(value)
    return value
  }

  console.log(
    `Load test: ${base.origin}, ${connections} connections for ${durationS} s over ${targets.length} URLs ` +
      `(the index, ${slugs.length} articles, /robots.txt, a script, the stylesheet, 2 unknown URLs)`,
  )
  console.log(
    pid === undefined
      ? 'Server PID: not found (pass --pid <pid>); RSS is not sampled'
      : `Server PID: ${pid} (${commandOf(pid) || 'unknown command'})`,
  )

  const rssBefore = sample()
  const sampler = setInterval(sample, SAMPLE_EVERY_S * 1000)
  const errorMessages = new Map<string, number>()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: base.origin, connections, duration: durationS, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    instance.on('reqError', (error: Error) => {
      const message = error.message || String(error)
      errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1)
    })
  })
  clearInterval(sampler)
  sample()
  console.log(`Run finished; waiting ${SETTLE_S} s for the server to settle`)
  await sleep(SETTLE_S)
  const rssAfter = sample()
  const rssPeak = samples.length > 0 ? Math.max(...samples) : undefined

  const unexpected: string[] = []
  const statuses = new Map<number, number>()
  const rows: string[] = []
  const width = Math.max(...targets.map(({ path }) => path.length))
  for (const { path, expect } of targets) {
    const byStatus = counts.get(path)!
    const cells: string[] = []
    for (const [status, count] of [...byStatus].sort(([a], [b]) => a - b)) {
      statuses.set(status, (statuses.get(status) ?? 0) + count)
      cells.push(`${status}: ${count}`)
      if (status !== expect) unexpected.push(`${path} answered ${status} ${count} times (expected ${expect})`)
    }
    rows.push(`  ${path.padEnd(width)}  expect ${expect}  ${cells.join(', ') || 'no answers'}`)
    if (byStatus.size === 0) unexpected.push(`${path} got no answer`)
  }
  const statusSummary = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')

  console.log('\nBy URL:')
  console.log(rows.join('\n'))
  console.log('\nSummary')
  console.log(`  requests        ${result.requests.total} in ${result.duration.toFixed(1)} s`)
  console.log(`  req/s           ${result.requests.average.toFixed(1)} (mean of per-second counts)`)
  console.log(
    `  latency         p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  )
  console.log(`  statuses        ${statusSummary || 'none'}`)
  console.log(`  errors          ${result.errors} (${result.timeouts} timeouts)`)
  for (const [message, count] of errorMessages) console.log(`                  ${count} x ${message}`)
  console.log(`  unexpected      ${unexpected.length === 0 ? 'none' : unexpected.length}`)
  for (const line of unexpected) console.log(`                  ${line}`)
  console.log(
    `  RSS (MiB)       before ${mib(rssBefore)}, peak ${mib(rssPeak)}, after ${mib(rssAfter)} ` +
      `(${samples.length} samples: before, every ${SAMPLE_EVERY_S} s, ${SETTLE_S} s after)`,
  )

  const failed = result.errors > 0 || unexpected.length > 0 || result.requests.total === 0
  console.log(failed ? '\nFAILED' : '\nOK')
  process.exit(failed ? 1 : 0)
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)))
