// An A/B of page loads by the main thread's CPU time rather than its wall time: loads each <name>=<url> <runs>
// times, interleaved, in one headless Chromium (a new context per load) at Lighthouse's phone size with Chrome's 4x
// CPU slowdown (../remaining-gap/exploration/throttled-page.mjs), traces the load and 3 s after it, and prints per
// page the medians and ranges of the main thread's busy time (wall) and its thread time (the CPU time its tasks
// used, trace events' tdur: less moved by other work on the host), and of the thread time in style, layout, HTML
// parsing and paint. Usage, from the project root:
//   npx tsx performance/2026-12-04/layout-passes/ab-thread-time.mjs <runs> <name>=<url> …
import { compareLoads, sumOf } from './traced-load.mjs'

await compareLoads(
  process.argv.slice(2),
  { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'], after: 3000 },
  (main) => {
    const sum = (names, key) => sumOf(main, names, key)
    return {
      'busy, wall': sum(['RunTask'], 'dur'),
      'busy, thread': sum(['RunTask'], 'tdur'),
      'style, thread': sum(['UpdateLayoutTree'], 'tdur'),
      'layout, thread': sum(['Layout'], 'tdur'),
      'HTML parsing, thread': sum(['ParseHTML'], 'tdur'),
      'paint, thread': sum(['Paint'], 'tdur'),
    }
  },
)
