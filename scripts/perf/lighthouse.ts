// `npm run lighthouse -- [--runs 3] [--throttling simulate|devtools] [path …]`: Lighthouse's mobile preset (its
// default: a mid-range phone, simulated slow 4G and 4x CPU slowdown; `--throttling devtools` has Chrome slow the load
// itself instead) on pages served the way production serves them: `npm start` over the production build (built
// first if .next has none), side by side with the floor: the cheapest page the same Next.js serves
// (scripts/perf/floor/, one heading and one paragraph, built beside the site). Lighthouse's absolute figures move
// with the machine (its CPU benchmark index, printed, ranged from 1,059 to 2,794 on one host on 2026-12-03); the
// ratio of a page to the floor measured in the same run does much less. It runs the floor and each page --runs times
// (default 3), interleaved, in Debian's Chromium (or whichever scripts/test/browser.ts finds), and prints every run,
// each page's medians of LCP, total blocking time, main-thread work, time to interactive and HTML bytes, their ratios
// to the floor's, and the category scores. Reports (HTML and JSON) go to lighthouse-reports/, which git ignores.
// Default pages: the index and the benchmark article. Not part of `npm test` (a few minutes); on a shared machine,
// run it alone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Result as LighthouseResult } from 'lighthouse'
import { freePort, machineDescription, startChromium, startProductionServer, waitForServer } from './machine'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    // simulate (Lighthouse's default) loads the page at full speed and models the slow phone from that trace;
    // devtools has Chrome slow the network and CPU while it loads. They can disagree: performance/2026-12-03/.
    throttling: { type: 'string', default: 'simulate' },
    help: { type: 'boolean', short: 'h' },
  },
})
if (options.help) {
  console.log(
    'usage: npm run lighthouse -- [--runs 3] [--throttling simulate|devtools] [path …]   (default paths: / and /posts/go-struct-field-alignment)',
  )
  process.exit(0)
}
const throttling = options.throttling
if (throttling !== 'simulate' && throttling !== 'devtools') {
  console.error(`--throttling is simulate or devtools, not ${throttling}`)
  process.exit(2)
}
const runs = Number(options.runs)
const pages = positionals.length > 0 ? positionals : ['/', '/posts/go-struct-field-alignment']
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const reportDir = 'lighthouse-reports'

type Run = {
  scores: Record<(typeof categories)[number], number>
  lcpMs: number
  /** Lighthouse's time to interactive: when the page's scripts have run and its main thread has gone quiet. */
  ttiMs: number
  tbtMs: number
  mainThreadMs: number
  htmlBytes: number
  benchmarkIndex: number
  cls: number
  /** Audits that lost points, with what Lighthouse says they cost. */
  losses: string[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Lighthouse's CLI in plain Node: under tsx, the functions Lighthouse serialises into the page carry esbuild's
 * __name helper, which the page does not have.
 */
function audit(url: string, port: number, name: string): Run {
  const cli = path.join('node_modules', 'lighthouse', 'cli', 'index.js')
  const outputPath = path.join(reportDir, name)
  const result = spawnSync(
    process.execPath,
    [
      cli,
      url,
      `--port=${port}`,
      `--throttling-method=${throttling}`,
      '--output=json',
      '--output=html',
      `--output-path=${outputPath}`,
      `--only-categories=${categories.join(',')}`,
      '--quiet',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (result.status !== 0) throw new Error(`Lighthouse failed on ${url} (exit ${result.status})`)
  const lhr = JSON.parse(readFileSync(`${outputPath}.report.json`, 'utf8')) as LighthouseResult
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)
  const scores = Object.fromEntries(
    categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
  ) as Run['scores']
  const losses: string[] = []
  for (const category of categories) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id]
      if (ref.weight > 0 && result.score !== null && result.score < 1)
        losses.push(
          `${category}: ${result.title} (score ${result.score.toFixed(2)}${result.displayValue ? `, ${result.displayValue}` : ''})`,
        )
    }
  }
  const requests =
    (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; resourceSize?: number }[] })
      ?.items ?? []
  return {
    scores,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    ttiMs: lhr.audits.interactive?.numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    mainThreadMs: lhr.audits['mainthread-work-breakdown']?.numericValue ?? NaN,
    // The page's HTML as the browser received it, uncompressed.
    htmlBytes: requests.find((request) => request.resourceType === 'Document')?.resourceSize ?? NaN,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    losses,
  }
}

const floorDir = path.join('scripts', 'perf', 'floor')
const next = path.join('node_modules', '.bin', 'next')

/** `next start` over the floor's build, on a free port. */
async function startFloorServer(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort()
  const child = spawn(next, ['start', floorDir, '-p', String(port), '-H', '127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
  })
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', stop)
  const url = `http://127.0.0.1:${port}`
  await waitForServer(url)
  return { url, stop }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(2)}×` : '–')

function describeRun(run: Run): string {
  return (
    `LCP ${seconds(run.lcpMs)}, TBT ${run.tbtMs.toFixed(0)} ms, main thread ${seconds(run.mainThreadMs)}, ` +
    `TTI ${seconds(run.ttiMs)}, ` +
    `HTML ${kib(run.htmlBytes)}, CLS ${run.cls.toFixed(3)}; ` +
    `${categories.map((category) => `${category} ${run.scores[category]}`).join(', ')}; benchmark index ${run.benchmarkIndex.toFixed(0)}`
  )
}

async function main() {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('No production build in .next: running npm run build')
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1)
  }
  if (!existsSync(path.join(floorDir, '.next', 'BUILD_ID'))) {
    console.log(`Building the floor (${floorDir})`)
    const built = spawnSync(next, ['build', floorDir], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (built.status !== 0) process.exit(1)
  }
  mkdirSync(reportDir, { recursive: true })
  console.log(`Lighthouse (mobile preset, throttling ${throttling}, ${runs} runs per page) on ${machineDescription()}`)
  const server = await startProductionServer()
  const floor = await startFloorServer()
  const chromium = await startChromium()
  const measured = new Map<string, Run[]>([['floor', []], ...pages.map((page): [string, Run[]] => [page, []])])
  const name = (page: string, run: number) =>
    `${page === 'floor' ? 'floor' : page === '/' ? 'index' : page.replace(/^\//, '').replace(/[^a-z0-9-]+/gi, '_')}-${throttling}-${run}`
  try {
    // Interleaved, run by run, so that a slower spell of the machine falls on the floor and the pages alike.
    for (let run = 1; run <= runs; run++) {
      for (const [page, results] of measured) {
        const url = page === 'floor' ? `${floor.url}/` : server.url + page
        const result = audit(url, chromium.port, name(page, run))
        results.push(result)
        console.log(`${page} run ${run}: ${describeRun(result)}`)
      }
    }
  } finally {
    await chromium.stop()
    server.stop()
    floor.stop()
  }

  const medianOf = (results: Run[], key: 'lcpMs' | 'tbtMs' | 'mainThreadMs' | 'ttiMs' | 'htmlBytes') =>
    median(results.map((result) => result[key]))
  const mediansOf = (results: Run[]) => ({
    lcp: medianOf(results, 'lcpMs'),
    tbt: medianOf(results, 'tbtMs'),
    main: medianOf(results, 'mainThreadMs'),
    tti: medianOf(results, 'ttiMs'),
    html: medianOf(results, 'htmlBytes'),
  })
  const floorMedians = mediansOf(measured.get('floor')!)
  console.log(`\nMedians of ${runs} runs, and each page's ratio to the floor measured in the same run`)
  console.log(
    `Lighthouse CPU benchmark index: ${[...measured.values()]
      .flat()
      .map((result) => result.benchmarkIndex.toFixed(0))
      .join(', ')}`,
  )
  console.log('page | LCP | TBT | main-thread work | time to interactive | HTML | scores')
  for (const [page, results] of measured) {
    const { lcp, tbt, main, tti, html } = mediansOf(results)
    const scores = categories.map((category) => median(results.map((result) => result.scores[category]))).join('/')
    console.log(
      page === 'floor'
        ? `floor (empty Next page) | ${seconds(lcp)} | ${tbt.toFixed(0)} ms | ${seconds(main)} | ${seconds(tti)} | ${kib(html)} | ${scores}`
        : `${page} | ${seconds(lcp)} (${ratio(lcp, floorMedians.lcp)}) | ${tbt.toFixed(0)} ms (${ratio(tbt, floorMedians.tbt)}) | ` +
            `${seconds(main)} (${ratio(main, floorMedians.main)}) | ${seconds(tti)} (${ratio(tti, floorMedians.tti)}) | ${kib(html)} | ${scores}`,
    )
    const losses = new Set(results.flatMap((result) => result.losses))
    if (page !== 'floor' && losses.size > 0) for (const loss of losses) console.log(`    - ${loss}`)
  }
  console.log(`\nReports: ${reportDir}/ (HTML and JSON per run).`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
