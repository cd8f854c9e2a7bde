// Lighthouse (mobile preset, DevTools throttling, performance only) on pages served through
// ../../system-text-skipped-blocks/exploration/proxy.mjs, so that every arm, the floor included, is served the same
// way: buffered, gzipped, with a transform of the HTML or none. Runs each arm RUNS times in one headless Chromium,
// the arms' order rotated by one each run, and prints a header (command, time, commit, machine, versions), every
// run, the CPU benchmark index, and each arm's medians with their ratio to the first arm's. Reports stay in
// lighthouse-reports/through-proxies/ (git-ignored), named so that ../../../2026-12-03/main-thread/breakdown.mjs reads
// them. Usage, from the project root, with the site on :3300 and the floor on :3301:
//   npx tsx performance/2026-12-04/night-set/without-the-runtime/lighthouse-through-proxies.mts RUNS name=port/path[@transform.mjs] …
import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startChromium } from '../../../../scripts/perf/machine.ts'

const [runs, ...armArgs] = process.argv.slice(2)
if (!(Number(runs) > 0) || armArgs.length === 0) {
  console.error('usage: npx tsx lighthouse-through-proxies.mts RUNS name=port/path[@transform.mjs] …')
  process.exit(2)
}
const proxyScript = 'performance/2026-12-04/system-text-skipped-blocks/exploration/proxy.mjs'
const reportDir = 'lighthouse-reports/through-proxies'
const children: ChildProcess[] = []
const stop = () => children.forEach((child) => child.kill())
process.on('exit', stop)

const shell = (command: string) => execSync(command, { encoding: 'utf8' }).trim()
console.log(`# npx tsx ${path.relative(process.cwd(), process.argv[1])} ${process.argv.slice(2).join(' ')}`)
console.log(
  `# started ${new Date().toISOString()}, commit ${shell('git rev-parse --short HEAD')}${shell('git status --porcelain') ? ' (with uncommitted changes)' : ''}; ` +
    `${shell(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version 2>/dev/null`)}; Lighthouse ${JSON.parse(fs.readFileSync('node_modules/lighthouse/package.json', 'utf8')).version}; ` +
    `${os.cpus().length}-core ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${os.release()}, Node ${process.version}`,
)

// One proxy per upstream and transform, from port 3420 on.
type Run = { lcp: number; tbt: number; mainThread: number; cpu: number }
const proxies = new Map<string, number>()
const arms = armArgs.map((arg) => {
  const [name, target] = arg.split(/=(.*)/s)
  const [address, transform = ''] = target.split('@')
  const slash = address.indexOf('/')
  const upstream = slash < 0 ? address : address.slice(0, slash)
  const urlPath = slash < 0 ? '/' : address.slice(slash)
  const key = `${upstream} ${transform}`
  if (!proxies.has(key)) {
    const port = 3420 + proxies.size
    const child = spawn(process.execPath, [proxyScript, String(port), upstream, ...(transform ? [transform] : [])], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    children.push(child)
    proxies.set(key, port)
  }
  return { name, url: `http://127.0.0.1:${proxies.get(key)}${urlPath}`, runs: [] as Run[] }
})

async function answers(url: string) {
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} does not answer 200`)
}
for (const arm of arms) await answers(arm.url)

const chromium = await startChromium()
fs.rmSync(reportDir, { recursive: true, force: true })
fs.mkdirSync(reportDir, { recursive: true })

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
for (let run = 1; run <= Number(runs); run++) {
  for (let i = 0; i < arms.length; i++) {
    const arm = arms[(i + run - 1) % arms.length]
    const output = path.join(reportDir, `${arm.name}-devtools-${run}`)
    const lighthouse = spawnSync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        arm.url,
        `--port=${chromium.port}`,
        '--throttling-method=devtools',
        '--only-categories=performance',
        '--output=json',
        `--output-path=${output}.report.json`,
        '--quiet',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    )
    if (lighthouse.status !== 0) throw new Error(`Lighthouse failed on ${arm.url} (exit ${lighthouse.status})`)
    const report = JSON.parse(fs.readFileSync(`${output}.report.json`, 'utf8'))
    if (report.runtimeError) throw new Error(`${arm.url}: ${report.runtimeError.code}: ${report.runtimeError.message}`)
    const { audits } = report
    const result: Run = {
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      mainThread: audits['mainthread-work-breakdown'].numericValue,
      cpu: report.environment.benchmarkIndex,
    }
    arm.runs.push(result)
    console.log(
      `${arm.name} run ${run}: LCP ${(result.lcp / 1000).toFixed(2)} s, TBT ${Math.round(result.tbt)} ms, main thread ` +
        `${(result.mainThread / 1000).toFixed(3)} s, benchmark index ${result.cpu}, ${arm.url}`,
    )
  }
}
const indices = arms.flatMap((arm) => arm.runs.map((run) => run.cpu))
console.log(
  `CPU benchmark index ${Math.min(...indices)}-${Math.max(...indices)}, median ${median(indices)}; finished ${new Date().toISOString()}`,
)
const medians = arms.map((arm) => ({
  name: arm.name,
  lcp: median(arm.runs.map((run) => run.lcp)),
  tbt: median(arm.runs.map((run) => run.tbt)),
  mainThread: median(arm.runs.map((run) => run.mainThread)),
}))
const [base] = medians
const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}x` : 'n/a')
console.log(`medians of ${runs} runs, ratio to ${base.name}:`)
for (const m of medians)
  console.log(
    `${m.name} | LCP ${(m.lcp / 1000).toFixed(2)} s (${ratio(m.lcp, base.lcp)}) | TBT ${Math.round(m.tbt)} ms ` +
      `(${ratio(m.tbt, base.tbt)}) | main thread ${(m.mainThread / 1000).toFixed(3)} s (${ratio(m.mainThread, base.mainThread)})`,
  )
stop()
await chromium.stop()
