// An A/B of page loads by main-thread wall and thread time and by the time spent asking the browser process for fonts:
// ../layout-passes/traced-load.mjs's compareLoads, with Chromium's font categories. Usage, from this folder:
//   npx tsx ab-fonts.mjs <runs> <name>=<url> …
import { compareLoads, sumOf } from '../layout-passes/traced-load.mjs'

await compareLoads(
  process.argv.slice(2),
  { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'fonts'], after: 2000 },
  (main) => ({
    'busy, wall': sumOf(main, ['RunTask']),
    'busy, thread': sumOf(main, ['RunTask'], 'tdur'),
    'layout, wall': sumOf(main, ['Layout']),
    'style, wall': sumOf(main, ['UpdateLayoutTree']),
    'family lookups': main.filter((e) => e.name === 'FontDataManager::onMatchFamilyStyle').length,
    'family lookups, wall': sumOf(main, ['FontDataManager::onMatchFamilyStyle']),
    'font platform data, wall': sumOf(main, ['FontCache::GetFontPlatformData']),
  }),
)
