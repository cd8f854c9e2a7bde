// Lighthouse (mobile preset) on two production builds served side by side, interleaved, printing one line per run:
// paints, interactivity, layout shift, main-thread work and its style and layout, when the document and the stylesheet
// (if the page requested one) finished, which font files loaded, how large and when, and each layout of 20 ms or more
// on the page's main thread (from the saved trace: when it started, how long it took, how many objects it laid out).
// Run from the project root with both servers up, for example the build before the change in .next-before and the
// one after it in .next:
//   NEXT_DIST_DIR=.next-before PORT=3301 node server.mjs -p 3301 -H 127.0.0.1 &
//   PORT=3300 node server.mjs -p 3300 -H 127.0.0.1 &
//   node performance/2026-12-03/font-subset/ab.mjs <simulate|devtools> <runs> http://127.0.0.1:3301 http://127.0.0.1:3300 <path …>
// Reports go to a temporary folder, named in the first line.
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const [method, runs, before, after, ...paths] = process.argv.slice(2)
if (!['simulate', 'devtools'].includes(method) || !Number(runs) || !after || paths.length === 0) {
  console.error('usage: ab.mjs <simulate|devtools> <runs> <before-origin> <after-origin> <path …>')
  process.exit(2)
}
const reports = mkdtempSync(path.join(os.tmpdir(), 'font-ab-'))
const profile = mkdtempSync(path.join(os.tmpdir(), 'font-ab-chromium-'))
const port = 9338
const chromium = spawn(
  '/usr/bin/chromium',
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
await new Promise((resolve) => setTimeout(resolve, 2000))

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

/** Each Layout of 20 ms or more on the page's main thread: "<ms> ms at <s> s (<objects> objects)", from navigation. */
function layouts(traceFile) {
  const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents
  const navigation = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.startsWith('http'),
  )
  return events
    .filter(
      (event) =>
        event.name === 'Layout' &&
        event.pid === navigation.pid &&
        event.tid === navigation.tid &&
        event.ts >= navigation.ts &&
        event.dur >= 20_000,
    )
    .map(
      (event) =>
        `${(event.dur / 1000).toFixed(0)} ms at ${seconds((event.ts - navigation.ts) / 1000)} ` +
        `(${event.args.beginData.dirtyObjects} objects)`,
    )
}
console.log(`throttling ${method}, ${runs} runs, reports in ${reports}`)
for (const page of paths) {
  for (let run = 1; run <= Number(runs); run++) {
    for (const [build, origin] of [
      ['before', before],
      ['after', after],
    ]) {
      const out = path.join(reports, `${page.replace(/\W+/g, '_')}-${build}-${run}.json`)
      const lighthouse = spawnSync(
        process.execPath,
        [
          'node_modules/lighthouse/cli/index.js',
          origin + page,
          `--port=${port}`,
          `--throttling-method=${method}`,
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance',
          '--quiet',
          '--save-assets',
        ],
        { stdio: 'inherit' },
      )
      if (lighthouse.status !== 0) process.exit(lighthouse.status ?? 1)
      const report = JSON.parse(readFileSync(out, 'utf8'))
      const audits = report.audits
      const requests = audits['network-requests'].details.items
      const document = requests.find((request) => request.resourceType === 'Document')
      const stylesheet = requests.find((request) => request.resourceType === 'Stylesheet')
      const fonts = requests
        .filter((request) => request.resourceType === 'Font')
        .map(
          (request) =>
            `${path.basename(request.url).split('.')[0]} ${(request.transferSize / 1024).toFixed(1)} KiB ` +
            `${seconds(request.networkRequestTime)}–${seconds(request.networkEndTime)}`,
        )
      const mainThread = audits['mainthread-work-breakdown']
      const styleLayout = mainThread.details.items.find((item) => item.group === 'styleLayout')?.duration ?? 0
      console.log(
        `${page} ${build} run ${run}: FCP ${seconds(audits['first-contentful-paint'].numericValue)} ` +
          `LCP ${seconds(audits['largest-contentful-paint'].numericValue)} ` +
          `TBT ${audits['total-blocking-time'].numericValue.toFixed(0)} ms ` +
          `TTI ${seconds(audits.interactive.numericValue)} ` +
          `CLS ${audits['cumulative-layout-shift'].numericValue.toFixed(3)} ` +
          `main thread ${seconds(mainThread.numericValue)} (style and layout ${styleLayout.toFixed(0)} ms); ` +
          `document done ${seconds(document.networkEndTime)}, ` +
          (stylesheet ? `stylesheet done ${seconds(stylesheet.networkEndTime)}; ` : 'no stylesheet request; ') +
          `fonts: ${fonts.join(', ')}; layouts: ${layouts(out.replace(/\.json$/, '-0.trace.json')).join(', ')}; ` +
          `benchmark index ${report.environment.benchmarkIndex.toFixed(0)}`,
      )
    }
  }
}
const exited = once(chromium, 'exit')
chromium.kill()
await exited
rmSync(profile, { recursive: true, force: true, maxRetries: 5 })
