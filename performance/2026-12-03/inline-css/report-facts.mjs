// Prints, from the Lighthouse reports ab.mjs saved for inline-css/simulate.txt (its first line names the folder),
// what the README says of the load the simulation started from: when each page painted in that unthrottled load,
// how many of its scripts had finished before, and the document's transferred bytes.
//   node performance/2026-12-03/inline-css/report-facts.mjs /tmp/font-ab-uogBvq
import fs from 'node:fs'
import path from 'node:path'

const folder = process.argv[2]
for (const name of fs
  .readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'))
  const audits = report.audits
  const observed = audits.metrics.details.items[0].observedLargestContentfulPaint
  const requests = audits['network-requests'].details.items
  const scripts = requests.filter((request) => request.resourceType === 'Script')
  const done = scripts.filter((request) => request.networkEndTime < observed)
  const document = requests.find((request) => request.resourceType === 'Document')
  console.log(
    `${name.replace('.json', '')}: painted at ${observed.toFixed(0)} ms unthrottled, ${done.length} of ` +
      `${scripts.length} scripts finished before it; document ${document.transferSize} bytes transferred; simulated ` +
      `LCP ${(audits['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s`,
  )
}
