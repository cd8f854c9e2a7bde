// fontverter (a dependency of subset-font) ships no types; this is the part scripts/fonts/ uses.
declare module 'fontverter' {
  type FontFormat = 'sfnt' | 'truetype' | 'woff' | 'woff2'
  const fontverter: {
    convert(font: Buffer, to: FontFormat, from?: FontFormat): Promise<Buffer>
  }
  export default fontverter
}
