// An A/B of page loads by main-thread busy time (wall and thread), by the time in style and layout, and by when the
// first and largest contentful paints came: compareLoads (../layout-passes/traced-load.mjs) with the load's marks.
// Usage, from this folder: npx tsx paint-and-busy.mjs <runs> <name>=<url> …
import { compareLoads, sumOf } from '../layout-passes/traced-load.mjs'

await compareLoads(
  process.argv.slice(2),
  { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'], after: 3000, marks: true },
  (main) => ({
    'busy, wall': sumOf(main, ['RunTask']),
    'busy, thread': sumOf(main, ['RunTask'], 'tdur'),
    'style and layout, wall': sumOf(main, ['UpdateLayoutTree', 'Layout']),
    'first contentful paint': main.find((e) => e.name === 'firstContentfulPaint')?.at ?? NaN,
    'largest contentful paint': main.findLast((e) => e.name === 'largestContentfulPaint::Candidate')?.at ?? NaN,
  }),
)
