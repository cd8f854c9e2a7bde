// `npm run lighthouse -- [--runs 3] [path …]`: Lighthouse's mobile preset (its default: a mid-range phone,
// simulated slow 4G and 4x CPU slowdown) on pages served the way production serves them: `npm start` over the
// production build (built first if .next has none). It runs each page --runs times (default 3) in Debian's
// Chromium (or whichever scripts/test/browser.ts finds), prints every run and the median of each category's score and of
// LCP, TBT and CLS, and, for a median below the targets (performance 95, the rest 100), the audits that cost points.
// Reports (HTML and JSON) go to lighthouse-reports/, which git ignores. Default pages: the index and the benchmark
// article. Not part of `npm test` (a few minutes); on a shared machine, run it alone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Result as LighthouseResult } from 'lighthouse'
import { findChromium } from '../test/browser'
import { freePort, machineDescription, startProductionServer, waitForServer } from './machine'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, help: { type: 'boolean', short: 'h' } },
})
if (options.help) {
  console.log(
    'usage: npm run lighthouse -- [--runs 3] [path …]   (default paths: / and /posts/go-struct-field-alignment)',
  )
  process.exit(0)
}
const runs = Number(options.runs)
const pages = positionals.length > 0 ? positionals : ['/', '/posts/go-struct-field-alignment']
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const targets: Record<(typeof categories)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}
const reportDir = 'lighthouse-reports'

type Run = {
  scores: Record<(typeof categories)[number], number>
  lcpMs: number
  tbtMs: number
  cls: number
  /** Audits that lost points, with what Lighthouse says they cost. */
  losses: string[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Headless Chromium with a DevTools port for Lighthouse, in a throwaway profile. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const found = findChromium({ install: true })
  if (!found?.executablePath) throw new Error('no Chromium: install Debian chromium or set CHROMIUM_PATH')
  const port = await freePort()
  const profile = mkdtempSync(path.join(os.tmpdir(), 'playbook-lighthouse-'))
  const child = spawn(
    found.executablePath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 })
  }
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'))
  await waitForServer(`http://127.0.0.1:${port}/json/version`, 20_000)
  return { port, stop }
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
  return {
    scores,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    losses,
  }
}

async function main() {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('No production build in .next: running npm run build')
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1)
  }
  mkdirSync(reportDir, { recursive: true })
  console.log(`Lighthouse (mobile preset, ${runs} runs per page) on ${machineDescription()}`)
  const server = await startProductionServer()
  const chromium = await startChromium()
  let belowTarget = false
  try {
    for (const page of pages) {
      console.log(`\n${page}  (npm start at ${server.url})`)
      const results: Run[] = []
      for (let run = 1; run <= runs; run++) {
        const name = `${page === '/' ? 'index' : page.replace(/^\//, '').replace(/[^a-z0-9-]+/gi, '_')}-${run}`
        const result = audit(server.url + page, chromium.port, name)
        results.push(result)
        console.log(
          `  run ${run}: ${categories.map((category) => `${category} ${result.scores[category]}`).join(', ')}; ` +
            `LCP ${(result.lcpMs / 1000).toFixed(2)} s, TBT ${result.tbtMs.toFixed(0)} ms, CLS ${result.cls.toFixed(3)}`,
        )
      }
      const medians = Object.fromEntries(
        categories.map((category) => [category, median(results.map((result) => result.scores[category]))]),
      ) as Run['scores']
      console.log(
        `  median: ${categories.map((category) => `${category} ${medians[category]}`).join(', ')}; ` +
          `LCP ${(median(results.map((r) => r.lcpMs)) / 1000).toFixed(2)} s, TBT ${median(results.map((r) => r.tbtMs)).toFixed(0)} ms, ` +
          `CLS ${median(results.map((r) => r.cls)).toFixed(3)}`,
      )
      const missed = categories.filter((category) => medians[category] < targets[category])
      if (missed.length > 0) {
        belowTarget = true
        console.log(
          `  below target: ${missed.map((category) => `${category} (${medians[category]} < ${targets[category]})`).join(', ')}`,
        )
        for (const loss of new Set(results.flatMap((result) => result.losses))) console.log(`    - ${loss}`)
      }
    }
  } finally {
    await chromium.stop()
    server.stop()
  }
  console.log(`\nReports: ${reportDir}/ (HTML and JSON per run). Targets: ${belowTarget ? 'NOT all met' : 'all met'}.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
