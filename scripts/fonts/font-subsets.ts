// Each web font's Latin file (from its @fontsource-variable package) split in two: a core file with the characters of
// almost every page (ASCII, the typographic quotes, dashes and ellipsis the posts' typography produces, and the few
// symbols the articles use: · µ ± × and the like), which the pages preload, and a rest file with the remaining Latin
// characters, which a browser fetches only for a page that uses one. app/fonts.ts declares each file's unicode-range,
// which must be exactly the characters the file holds: otherwise a browser would fetch a file for characters it cannot
// draw, or draw characters in a fallback face. `npm run fonts` (scripts/fonts/subset-fonts.ts) writes the files.
//
// It also writes each font's fallback faces (fonts/fallbacks.css): system fonts scaled to the web font's average
// width, ascent and descent, which draw the text until the web font arrives, so that little moves when it does.
// next/font makes one from Arial alone, which Linux, ChromeOS and Android lack: the faces here also name Arial's
// metric-compatible clones (Liberation Sans, Arimo), which take the same overrides, and Roboto for Android.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontverter from 'fontverter'
import subsetFont from 'subset-font'

/**
 * The characters the core files keep, as [first, last] code points, when the font has them. Not the combining
 * accents: with them HarfBuzz keeps every accented letter they compose into (Inter's core file 31 to 39 KB), so a
 * letter written as a base and a combining accent takes them from two faces, and the accent may sit less well.
 * Text typed as precomposed letters (é, not e + ◌́), as the posts are, is drawn whole from the rest file.
 */
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
  [0x2030, 0x203a], // primes, single angle quotes
  [0x2212, 0x2212], // minus
]

/** Characters no face needs to draw (controls and the byte-order mark): in neither file, so they never fetch one. */
const undrawn = (codePoint: number) => codePoint < 0x20 || codePoint === 0xfeff

/**
 * A fallback face: the family it is declared as, the system fonts it may use (by local() name, metric-compatible
 * ones together), and their average advance of next/font's sample text per em, or the file of one to measure it in.
 */
type Fallback = { family: string; local: readonly string[]; averageWidth: number | string }

// Arial's width is next/font's (934.51 of 2048 units); Liberation Sans gives the same figure. Android has none of
// them: its sans-serif is Roboto, measured in the npm package's copy.
const arial = { local: ['Arial', 'Liberation Sans', 'Arimo'], averageWidth: 934.5116279069767 / 2048 }
const roboto = {
  local: ['Roboto'],
  averageWidth: 'node_modules/@fontsource/roboto/files/roboto-latin-400-normal.woff2',
}

export type FontSubset = { name: string; source: string; fallbacks: readonly Fallback[] }

export const fontSubsets: readonly FontSubset[] = [
  {
    name: 'inter',
    source: 'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
    fallbacks: [
      { family: 'Inter Fallback', ...arial },
      { family: 'Inter Fallback Roboto', ...roboto },
    ],
  },
]

export const fontsDir = 'fonts'

export type SubsetFile = { file: string; bytes: Buffer; unicodeRange: string }

/** A font file's face in HarfBuzz. */
async function faceOf(font: Buffer) {
  // harfbuzzjs is an ES module that awaits its WebAssembly at the top level, which tsx's CommonJS output cannot
  // require(): it is imported when first needed.
  const harfbuzz = await import('harfbuzzjs')
  const face = new harfbuzz.Face(new harfbuzz.Blob(await fontverter.convert(font, 'truetype')), 0)
  // HarfBuzz makes an empty face (1000 units per em, no glyphs) of bytes it cannot read.
  if (face.collectUnicodes().length === 0) throw new Error('a font file HarfBuzz read as empty')
  return { harfbuzz, face }
}

/** The code points a font file has glyphs for. */
async function codePointsOf(font: Buffer): Promise<number[]> {
  return [...(await faceOf(font)).face.collectUnicodes()]
}

/**
 * A font's metrics as next/font uses them: the average advance per em of `aaabcdeeeefghiijklmnnoopqrrssttuvwxyz`
 * and six spaces, unkerned, at the font's default weight, and its ascent, descent and line gap in units per em.
 */
async function metricsOf(font: Buffer) {
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
  const { ascender, descender, lineGap } = hbFont.hExtents()
  return {
    averageWidth: advances.reduce((sum, advance) => sum + advance, 0) / advances.length / face.upem,
    ascent: ascender / face.upem,
    descent: descender / face.upem,
    lineGap: lineGap / face.upem,
  }
}

type Metrics = Awaited<ReturnType<typeof metricsOf>>

/**
 * The @font-face of a web font's fallback: the system font scaled so that its average width matches the web font's,
 * with the web font's ascent, descent and line gap (`web`, from metricsOf), computed as next/font computes them.
 */
async function fallbackFontFace(web: Metrics, { family, local, averageWidth }: Fallback, root: string) {
  const systemWidth =
    typeof averageWidth === 'number'
      ? averageWidth
      : (await metricsOf(readFileSync(path.join(root, averageWidth)))).averageWidth
  const sizeAdjust = web.averageWidth / systemWidth
  const percent = (value: number) => `${Math.abs((value / sizeAdjust) * 100).toFixed(2)}%`
  return [
    '@font-face {',
    `  font-family: '${family}';`,
    `  src: ${local.map((name) => `local('${name}')`).join(', ')};`,
    `  ascent-override: ${percent(web.ascent)};`,
    `  descent-override: ${percent(web.descent)};`,
    `  line-gap-override: ${percent(web.lineGap)};`,
    `  size-adjust: ${(sizeAdjust * 100).toFixed(2)}%;`,
    '}',
  ].join('\n')
}

export const fallbacksFile = path.join(fontsDir, 'fallbacks.css')

/** fonts/fallbacks.css: every web font's fallback face. */
export async function makeFallbacksCss(root = process.cwd()): Promise<string> {
  // One at a time: fontverter's WOFF2 decoder returned an empty font for one of two files converted concurrently.
  const faces: string[] = []
  for (const { source, fallbacks } of fontSubsets) {
    const web = await metricsOf(readFileSync(path.join(root, source)))
    for (const fallback of fallbacks) faces.push(await fallbackFontFace(web, fallback, root))
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
    const all = (await codePointsOf(font)).filter((codePoint) => !undrawn(codePoint))
    for (const [half, codePoints] of [
      ['core', all.filter(inCore)],
      ['rest', all.filter((codePoint) => !inCore(codePoint))],
    ] as const) {
      // subset-font keeps the weight axis and the OpenType features that apply to the characters kept (the core
      // file's tabular and proportional figures and fractions among them).
      const bytes = await subsetFont(font, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' })
      const kept = await codePointsOf(bytes)
      files.push({ file: path.join(fontsDir, `${name}-${half}.woff2`), bytes, unicodeRange: unicodeRange(kept) })
    }
  }
  return files
}
