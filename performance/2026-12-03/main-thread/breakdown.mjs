// Where each page's main-thread work goes, from the reports `npm run lighthouse -- --throttling devtools` left in
// lighthouse-reports/: Lighthouse's own breakdown by category, median of the runs and every run, and the page's
// element count. A category that appears in fewer runs than the page has is marked so; its median is of those runs.
// Usage: node performance/2026-12-03/main-thread/breakdown.mjs [reports folder]
import fs from 'node:fs'
import path from 'node:path'

const dir = process.argv[2] ?? 'lighthouse-reports'
const pattern = /^(.+)-devtools-(\d+)\.report\.json$/
const pages = new Map()
for (const file of fs.readdirSync(dir).sort()) {
  const match = pattern.exec(file)
  if (!match) continue
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  const runs = pages.get(match[1]) ?? []
  runs.push(report)
  pages.set(match[1], runs)
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const fetchTimes = [...pages.values()].flat().map((report) => report.fetchTime)
console.log(
  `Lighthouse ${[...pages.values()][0]?.[0]?.lighthouseVersion}, DevTools throttling, reports in ${dir} fetched ` +
    `${fetchTimes.sort()[0]} to ${fetchTimes.at(-1)}; main-thread work by category, median of the runs (each run)`,
)
for (const [page, reports] of pages) {
  const byGroup = new Map()
  for (const report of reports) {
    for (const item of report.audits['mainthread-work-breakdown'].details.items) {
      byGroup.set(item.groupLabel, [...(byGroup.get(item.groupLabel) ?? []), item.duration])
    }
  }
  const elements = reports.map((report) => report.audits['dom-size']?.numericValue).filter(Number.isFinite)
  const fetched = reports.map((report) => report.fetchTime).join(', ')
  const elementCount = elements.length ? `${median(elements)} elements` : 'element count not in the reports'
  console.log(`${page}: ${reports.length} runs (${fetched}), ${elementCount}`)
  const rows = [...byGroup].sort((a, b) => median(b[1]) - median(a[1]))
  for (const [group, durations] of rows) {
    const runs = durations.length < reports.length ? `, in ${durations.length} of ${reports.length} runs` : ''
    console.log(
      `  ${group}: median ${Math.round(median(durations))} ms (${durations.map(Math.round).join(', ')}${runs})`,
    )
  }
}
