import localFont from 'next/font/local'

// The text font, self-hosted from an npm package: no request to a font service at build or run time. Its Latin file
// is split in two (scripts/fonts/font-subsets.ts): a core file with the characters nearly every page uses and a rest
// file a browser fetches only for a page with one of the others. Each unicode-range below is exactly what its file
// holds (scripts/fonts/font-subsets.test.ts checks it), and the two halves are two families, listed core first in
// app/globals.css. No family gets next/font's fallback face: a character outside the core range must reach the rest
// family before any face that would draw it, so the fallbacks (fonts/fallbacks.css) come after both. Code is set in
// the system's monospace face (app/globals.css says why).

export const sans = localFont({
  src: '../fonts/inter-core.woff2',
  weight: '100 900',
  variable: '--font-inter',
  display: 'swap',
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+20-7E, U+A0, U+A9, U+B0-B3, U+B5, U+B7, U+D7, U+F7, U+2002, U+2009, U+200B, U+2013-2014, U+2018-201A, U+201C-201E, U+2022, U+2026, U+2032-2033, U+2039-203A, U+2212',
    },
  ],
})

export const sansRest = localFont({
  src: '../fonts/inter-rest.woff2',
  weight: '100 900',
  variable: '--font-inter-rest',
  display: 'swap',
  adjustFontFallback: false,
  preload: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+A1-A8, U+AA-AC, U+AE-AF, U+B4, U+B6, U+B8-D6, U+D8-F6, U+F8-FF, U+131, U+152-153, U+2BB-2BC, U+2C6, U+2DA, U+2DC, U+300-301, U+303-304, U+308-309, U+323, U+2044, U+20AC, U+2122, U+2191, U+2193',
    },
  ],
})
