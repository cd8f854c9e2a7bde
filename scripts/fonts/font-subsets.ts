// Each web font's Latin file (from its @fontsource-variable package) split in two: a core file with the characters of
// almost every page (ASCII, the typographic quotes, dashes and ellipsis the posts' typography produces, and the few
// symbols the articles use: · µ ± × and the like), which the pages preload, and a rest file with the remaining Latin
// characters, which a browser fetches only for a page that uses one. app/fonts.ts declares each file's unicode-range,
// which must be exactly the characters the file holds: otherwise a browser would fetch a file for characters it cannot
// draw, or draw characters in a fallback face. `npm run fonts` (scripts/fonts/subset-fonts.ts) writes the files.
//
// It also writes each font's fallback face (fonts/fallbacks.css): a system font scaled to the web font's average
// width, ascent and descent, which draws the text until the web font arrives, so that little moves when it does.
// next/font makes one from Arial alone, which Linux and ChromeOS lack; their metric-compatible clones (Liberation,
// Arimo, Cousine) have the same widths, so the same overrides fit them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontverter from 'fontverter'
import subsetFont from 'subset-font'

/** The characters the core files keep, as [first, last] code points, when the font has them. */
const coreCodePoints: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xa0], // no-break space
  [0xa9, 0xa9], // ©
  [0xb0, 0xb3], // ° ± ² ³
  [0xb5, 0xb5], // µ
  [0xb7, 0xb7], // ·
  [0xd7, 0xd7], // ×
  [0xf7, 0xf7], // ÷
  [0x2000, 0x2027], // spaces, hyphens, dashes, quotes, bullet, ellipsis
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x2212, 0x2212], // minus
]

/** A system font a fallback face can use, with the average advance of next/font's sample text, per em. */
type SystemFont = { local: readonly string[]; averageWidth: number }

// The widths of Arial and Courier New, as next/font states Arial's (934.51 of 2048 units; Courier New's glyphs are all
// 1229 wide); Liberation Sans and Liberation Mono give the same figures.
const arial: SystemFont = { local: ['Arial', 'Liberation Sans', 'Arimo'], averageWidth: 934.5116279069767 / 2048 }
const courierNew: SystemFont = { local: ['Courier New', 'Liberation Mono', 'Cousine'], averageWidth: 1229 / 2048 }

export type FontSubset = { name: string; source: string; fallbackFamily: string; fallback: SystemFont }

export const fontSubsets: readonly FontSubset[] = [
  {
    name: 'inter',
    source: 'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
    fallbackFamily: 'Inter Fallback',
    fallback: arial,
  },
  {
    name: 'jetbrains-mono',
    source: 'node_modules/@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2',
    fallbackFamily: 'JetBrains Mono Fallback',
    fallback: courierNew,
  },
]

export const fontsDir = 'fonts'

export type SubsetFile = { file: string; bytes: Buffer; unicodeRange: string }

/** A font file's face in HarfBuzz. */
async function faceOf(font: Buffer) {
  // harfbuzzjs is an ES module that awaits its WebAssembly at the top level, so it is imported when first needed.
  const harfbuzz = await import('harfbuzzjs')
  return { harfbuzz, face: new harfbuzz.Face(new harfbuzz.Blob(await fontverter.convert(font, 'truetype')), 0) }
}

/** The code points a font file has glyphs for. */
async function codePointsOf(font: Buffer): Promise<number[]> {
  return [...(await faceOf(font)).face.collectUnicodes()]
}

/**
 * The @font-face of a web font's fallback: the system font scaled so that its average width matches the web font's,
 * with the web font's ascent, descent and line gap, computed as next/font computes them (the average advance of
 * `aaabcdeeeefghiijklmnnoopqrrssttuvwxyz` and six spaces, unkerned, at the font's default weight).
 */
export async function fallbackFontFace(font: Buffer, family: string, { local, averageWidth }: SystemFont) {
  const { harfbuzz, face } = await faceOf(font)
  const hbFont = new harfbuzz.Font(face)
  const sample = new harfbuzz.Buffer()
  sample.addText('aaabcdeeeefghiijklmnnoopqrrssttuvwxyz      ')
  sample.guessSegmentProperties()
  harfbuzz.shape(
    hbFont,
    sample,
    ['kern', 'liga', 'calt'].map((tag) => new harfbuzz.Feature(tag, 0)),
  )
  const advances = sample.getGlyphPositions().map((position) => position.xAdvance)
  const sizeAdjust = advances.reduce((sum, advance) => sum + advance, 0) / advances.length / face.upem / averageWidth
  const { ascender, descender, lineGap } = hbFont.hExtents()
  const percent = (value: number) => `${Math.abs((value / face.upem / sizeAdjust) * 100).toFixed(2)}%`
  return [
    '@font-face {',
    `  font-family: '${family}';`,
    `  src: ${local.map((name) => `local('${name}')`).join(', ')};`,
    `  ascent-override: ${percent(ascender)};`,
    `  descent-override: ${percent(descender)};`,
    `  line-gap-override: ${percent(lineGap)};`,
    `  size-adjust: ${(sizeAdjust * 100).toFixed(2)}%;`,
    '}',
  ].join('\n')
}

export const fallbacksFile = path.join(fontsDir, 'fallbacks.css')

/** fonts/fallbacks.css: every web font's fallback face. */
export async function makeFallbacksCss(root = process.cwd()): Promise<string> {
  // One at a time: fontverter's WOFF2 decoder returned an empty font for one of two files converted concurrently.
  const faces: string[] = []
  for (const { source, fallbackFamily, fallback } of fontSubsets) {
    faces.push(await fallbackFontFace(readFileSync(path.join(root, source)), fallbackFamily, fallback))
  }
  return `/* Written by npm run fonts (scripts/fonts/font-subsets.ts): each web font's fallback face. */\n${faces.join('\n\n')}\n`
}

/** A CSS unicode-range for a set of code points: `U+20-7E, U+A0, …`, consecutive code points joined. */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b)
  const hex = (codePoint: number) => codePoint.toString(16).toUpperCase()
  const ranges: string[] = []
  for (let start = 0; start < sorted.length;) {
    let end = start
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++
    ranges.push(end === start ? `U+${hex(sorted[start])}` : `U+${hex(sorted[start])}-${hex(sorted[end])}`)
    start = end + 1
  }
  return ranges.join(', ')
}

/** Each font's core and rest files, with the unicode-range of the characters each one holds. */
export async function makeFontSubsets(root = process.cwd()): Promise<SubsetFile[]> {
  const inCore = (codePoint: number) => coreCodePoints.some(([first, last]) => codePoint >= first && codePoint <= last)
  const files: SubsetFile[] = []
  for (const { name, source } of fontSubsets) {
    const font = readFileSync(path.join(root, source))
    const all = await codePointsOf(font)
    for (const [half, codePoints] of [
      ['core', all.filter(inCore)],
      ['rest', all.filter((codePoint) => !inCore(codePoint))],
    ] as const) {
      // subset-font keeps every OpenType feature (tabular figures among them) and the weight axis.
      const bytes = await subsetFont(font, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' })
      const kept = await codePointsOf(bytes)
      files.push({ file: path.join(fontsDir, `${name}-${half}.woff2`), bytes, unicodeRange: unicodeRange(kept) })
    }
  }
  return files
}
