import localFont from 'next/font/local'

// Self-hosted from npm packages: no request to a font service at build or run time.
export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  variable: '--font-inter',
  display: 'swap',
})

export const mono = localFont({
  src: '../node_modules/@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2',
  weight: '100 800',
  variable: '--font-jetbrains-mono',
  display: 'swap',
  // Code sits below the fold on most pages: preloading this font took bandwidth from the CSS and the text font
  // before the first paint on a slow connection (Lighthouse, mobile).
  preload: false,
})
