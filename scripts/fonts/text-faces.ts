// The text is set in the reader's system face (app/globals.css says which and why), with one face of our own for
// systems that have none of those: Arial or one of its metric-compatible clones (Liberation Sans on Linux, Arimo),
// scaled to the average width, ascent and descent of Inter, the face the layout was designed in, so that a line holds
// as many characters and a line box is as tall as the design assumed (Arial unscaled is about 7 % narrower). It is
// computed as next/font computes a fallback face, from Inter's file in its npm package, and written to
// fonts/text-faces.css by `npm run fonts` (scripts/fonts/write-text-faces.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontverter from 'fontverter'

/**
 * A face of system fonts scaled to another font's metrics: the family it is declared as, the system fonts it may use
 * (by local() name, metric-compatible ones together), their average advance of next/font's sample text per em, and
 * the file of the font whose metrics it takes.
 */
export type ScaledFace = { family: string; local: readonly string[]; averageWidth: number; copies: string }

export const textFaces: readonly ScaledFace[] = [
  {
    family: 'Playbook Sans',
    local: ['Arial', 'Liberation Sans', 'Arimo'],
    // Arial's width is next/font's (934.51 of 2048 units); Liberation Sans gives the same figure.
    averageWidth: 934.5116279069767 / 2048,
    copies: 'node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  },
]

export const textFacesFile = path.join('fonts', 'text-faces.css')

/**
 * A font's metrics as next/font uses them: the average advance per em of `aaabcdeeeefghiijklmnnoopqrrssttuvwxyz`
 * and six spaces, unkerned, at the font's default weight, and its ascent, descent and line gap in units per em.
 */
async function metricsOf(font: Buffer) {
  // harfbuzzjs is an ES module that awaits its WebAssembly at the top level, which tsx's CommonJS output cannot
  // require(): it is imported when first needed.
  const harfbuzz = await import('harfbuzzjs')
  const face = new harfbuzz.Face(new harfbuzz.Blob(await fontverter.convert(font, 'truetype')), 0)
  // HarfBuzz makes an empty face (1000 units per em, no glyphs) of bytes it cannot read.
  if (face.collectUnicodes().length === 0) throw new Error('a font file HarfBuzz read as empty')
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

/**
 * The @font-face of a scaled face: its system fonts scaled to the average width of the font it copies, with that
 * font's ascent, descent and line gap.
 */
async function scaledFontFace({ family, local, averageWidth, copies }: ScaledFace, root: string) {
  const target = await metricsOf(readFileSync(path.join(root, copies)))
  const sizeAdjust = target.averageWidth / averageWidth
  const percent = (value: number) => `${Math.abs((value / sizeAdjust) * 100).toFixed(2)}%`
  return [
    '@font-face {',
    `  font-family: '${family}';`,
    `  src: ${local.map((name) => `local('${name}')`).join(', ')};`,
    `  ascent-override: ${percent(target.ascent)};`,
    `  descent-override: ${percent(target.descent)};`,
    `  line-gap-override: ${percent(target.lineGap)};`,
    `  size-adjust: ${(sizeAdjust * 100).toFixed(2)}%;`,
    '}',
  ].join('\n')
}

/** fonts/text-faces.css. */
export async function makeTextFacesCss(root = process.cwd()): Promise<string> {
  const faces: string[] = []
  for (const face of textFaces) faces.push(await scaledFontFace(face, root))
  const header = "/* Written by npm run fonts (scripts/fonts/text-faces.ts): system fonts scaled to Inter's metrics. */"
  return `${header}\n${faces.join('\n\n')}\n`
}
