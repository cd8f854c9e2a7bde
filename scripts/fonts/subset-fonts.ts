// `npm run fonts`: writes the web fonts' core and rest files and their fallback faces (scripts/fonts/font-subsets.ts)
// to fonts/ and prints the unicode-range app/fonts.ts must declare for each file. The preloaded text font shares a slow
// connection with the page itself before the first paint, so its size is on every page's critical path. Run it again
// after updating the @fontsource-variable package: scripts/fonts/font-subsets.test.ts fails until fonts/ and
// app/fonts.ts match what it makes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fallbacksFile, fontsDir, makeFallbacksCss, makeFontSubsets } from './font-subsets'

async function main() {
  mkdirSync(fontsDir, { recursive: true })
  for (const { file, bytes, unicodeRange } of await makeFontSubsets()) {
    writeFileSync(file, bytes)
    console.log(`${file}: ${bytes.length} bytes\n  unicode-range: ${unicodeRange}`)
  }
  writeFileSync(fallbacksFile, await makeFallbacksCss())
  console.log(`${fallbacksFile}: the fallback faces`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
