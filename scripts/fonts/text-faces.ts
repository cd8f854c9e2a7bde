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
 * A face of system fonts scaled to another font's metrics: the family, weight and style it is declared as, the system
 * fonts it may use (by local() name: full and PostScript names, metric-compatible fonts together), their average
 * advance of next/font's sample text per em, and the variable font whose metrics it takes, at the face's weight.
 */
export type ScaledFace = {
  family: string
  weight: 400 | 600 | 700
  style: 'normal' | 'italic'
  local: readonly string[]
  averageWidth: number
  copies: string
}

const inter = (style: 'normal' | 'italic') =>
  `node_modules/@fontsource-variable/inter/files/inter-latin-wght-${style}.woff2`

// Average advances per em of Arial's styles. The regular is next/font's figure (934.51 of 2048 units); the bold is
// Liberation Sans Bold's by metricsOf (version 1.07.4, Debian's fonts-liberation; Liberation Sans keeps Arial's
// advance widths in every version). The italics advance as their uprights do (Liberation Sans's italic files give the
// same figures).
const arialWidth = 934.5116279069767 / 2048
const arialBoldWidth = 1011.0465116279069 / 2048

// Each face's local() fonts, the ones a system that reaches this face most likely has first: Chromium asks the system
// for each name in turn until one is there, and each miss is a round trip from the page's renderer to the browser
// (performance/2026-12-04/layout-passes). The face is reached only where none of the stack's system faces exists: on
// Linux without Roboto, whose distributions ship Liberation Sans; Windows and macOS, which have Arial, stop at Segoe
// UI or the system face before it. The three fonts share advance widths and vertical metrics, so the order changes
// which file is drawn, at the same widths.
const faceNames = {
  normal: {
    regular: ['Liberation Sans', 'LiberationSans', 'Arimo', 'Arimo-Regular', 'Arial', 'ArialMT'],
    bold: ['Liberation Sans Bold', 'LiberationSans-Bold', 'Arimo Bold', 'Arimo-Bold', 'Arial Bold', 'Arial-BoldMT'],
  },
  italic: {
    regular: [
      'Liberation Sans Italic',
      'LiberationSans-Italic',
      'Arimo Italic',
      'Arimo-Italic',
      'Arial Italic',
      'Arial-ItalicMT',
    ],
    bold: [
      'Liberation Sans Bold Italic',
      'LiberationSans-BoldItalic',
      'Arimo Bold Italic',
      'Arimo-BoldItalic',
      'Arial Bold Italic',
      'Arial-BoldItalicMT',
    ],
  },
} as const

/**
 * A face per weight the site sets (400, semibold 600, bold 700) and style, so that bold and italic text is drawn in
 * the system's bold and italic fonts: a face declared for one weight is made bold by smearing its outlines (synthetic
 * bold) and slanted for italics. Arial has no semibold, so 600 and 700 are both its bold, each scaled to Inter at that
 * weight (Inter's semibold is narrower than its bold); text at 500 takes the regular face, as CSS's matching picks it.
 */
export const textFaces: readonly ScaledFace[] = (['normal', 'italic'] as const).flatMap((style) =>
  ([400, 600, 700] as const).map((weight) => ({
    family: 'Playbook Sans',
    weight,
    style,
    local: weight === 400 ? faceNames[style].regular : faceNames[style].bold,
    averageWidth: weight === 400 ? arialWidth : arialBoldWidth,
    copies: inter(style),
  })),
)

export const textFacesFile = path.join('fonts', 'text-faces.css')

/**
 * A font's metrics as next/font uses them: the average advance per em of `aaabcdeeeefghiijklmnnoopqrrssttuvwxyz`
 * and six spaces, unkerned, at a weight of a variable font, and its ascent, descent and line gap in units per em.
 */
async function metricsOf(font: Buffer, weight: number) {
  // harfbuzzjs is an ES module that awaits its WebAssembly at the top level, which tsx's CommonJS output cannot
  // require(): it is imported when first needed.
  const harfbuzz = await import('harfbuzzjs')
  const face = new harfbuzz.Face(new harfbuzz.Blob(await fontverter.convert(font, 'truetype')), 0)
  // HarfBuzz makes an empty face (1000 units per em, no glyphs) of bytes it cannot read.
  if (face.collectUnicodes().length === 0) throw new Error('a font file HarfBuzz read as empty')
  const hbFont = new harfbuzz.Font(face)
  hbFont.setVariations([new harfbuzz.Variation('wght', weight)])
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
async function scaledFontFace({ family, weight, style, local, averageWidth, copies }: ScaledFace, root: string) {
  const target = await metricsOf(readFileSync(path.join(root, copies)), weight)
  const sizeAdjust = target.averageWidth / averageWidth
  const percent = (value: number) => `${Math.abs((value / sizeAdjust) * 100).toFixed(2)}%`
  return [
    '@font-face {',
    `  font-family: '${family}';`,
    `  font-weight: ${weight};`,
    `  font-style: ${style};`,
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
