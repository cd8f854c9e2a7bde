// For each Lighthouse report in lighthouse-reports/ (runs 1 to 3 of the last `npm run lighthouse`): the largest
// paint's time in the unthrottled load, and how many of the page's scripts had finished loading by then. A script
// that had is counted in both halves of Lighthouse's simulated LCP (README.md says when it is not).
//   node performance/2026-12-03/lantern/scripts-before-paint.mjs
import fs from 'node:fs'

const dir = 'lighthouse-reports'
for (const file of fs
  .readdirSync(dir)
  .filter((name) => /-[123]\.report\.json$/.test(name))
  .sort()) {
  const report = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'))
  const metrics = report.audits.metrics.details.items[0]
  const scripts = report.audits['network-requests'].details.items.filter((request) => request.resourceType === 'Script')
  const loaded = scripts.filter((request) => request.networkEndTime <= metrics.observedLargestContentfulPaint).length
  console.log(
    `${file.replace('.report.json', '')}: paint at ${metrics.observedLargestContentfulPaint} ms unthrottled, ` +
      `${loaded} of ${scripts.length} scripts loaded by then; simulated LCP ${Math.round(metrics.largestContentfulPaint)} ms`,
  )
}
