// What a page load spends asking the system for fonts: loads each <name>=<url> <runs> times, interleaved, at
// Lighthouse's phone size with Chrome's 4x CPU slowdown (../remaining-gap/exploration/throttled-page.mjs), traces
// the load and 2 s after it with Chromium's font categories, and prints per page the medians and ranges of: the main thread's
// busy time, the time in Layout events (which hold the text's font matching), and the calls and time of each font
// lookup event (matching a family by name, a local() face by name, opening its file). Usage, from the project root:
//   npx tsx performance/2026-12-04/layout-passes/font-lookups.mjs <runs> <name>=<url> …
import { compareLoads } from './traced-load.mjs'

const LOOKUPS = [
  'FontDataManager::onMatchFamilyStyle',
  'WebSandboxSupportLinux::MatchFontByPostscriptNameOrFullFontName',
  'FontLoader::openStream',
  'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike',
  'FontCache::GetFontPlatformData',
]

await compareLoads(
  process.argv.slice(2),
  { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'fonts'], after: 2000 },
  (main) => {
    const sum = (eventName) => main.filter((e) => e.name === eventName).reduce((ms, e) => ms + e.dur / 1000, 0)
    const row = { busy: sum('RunTask'), layout: sum('Layout') }
    for (const lookup of LOOKUPS) {
      row[`${lookup} calls`] = main.filter((e) => e.name === lookup).length
      row[`${lookup} ms`] = sum(lookup)
    }
    return row
  },
)
