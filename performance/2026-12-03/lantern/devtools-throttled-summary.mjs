// Prints devtools-throttled.txt's lines from the reports devtools-throttled.sh saved (/tmp/lcp/devtools-<before|after>-
// <run>): each run's paint and interactivity, and when the document and the stylesheet finished and the first script
// was requested, from Lighthouse's network-requests audit.
//   node performance/2026-12-03/lantern/devtools-throttled-summary.mjs
import fs from 'node:fs'

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
for (const run of [1, 2, 3]) {
  for (const build of ['before', 'after']) {
    const report = JSON.parse(fs.readFileSync(`/tmp/lcp/devtools-${build}-${run}`, 'utf8'))
    const audits = report.audits
    const requests = audits['network-requests'].details.items
    const scripts = requests.filter((request) => request.resourceType === 'Script')
    const documentEnd = requests.find((request) => request.resourceType === 'Document').networkEndTime
    const stylesheetEnd = requests.find((request) => request.resourceType === 'Stylesheet').networkEndTime
    const firstScript = Math.min(...scripts.map((request) => request.networkRequestTime))
    console.log(
      `${build} run ${run}: FCP ${seconds(audits['first-contentful-paint'].numericValue)} ` +
        `LCP ${seconds(audits['largest-contentful-paint'].numericValue)} TTI ${seconds(audits.interactive.numericValue)} ` +
        `TBT ${audits['total-blocking-time'].numericValue.toFixed(0)} ms; document done at ${seconds(documentEnd)}, ` +
        `stylesheet done at ${seconds(stylesheetEnd)}, ${scripts.length} scripts, the first requested at ` +
        `${seconds(firstScript)}; benchmark index ${report.environment.benchmarkIndex.toFixed(0)}; throttling ` +
        `${report.configSettings.throttlingMethod}`,
    )
  }
}
