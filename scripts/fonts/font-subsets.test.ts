import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fallbacksFile, makeFallbacksCss, makeFontSubsets, unicodeRange, type SubsetFile } from './font-subsets'

describe('unicodeRange', () => {
  it('joins consecutive code points and writes single ones alone', () => {
    expect(unicodeRange([0x21, 0x20, 0x22, 0xd7, 0x2212, 0x2213, 0x22])).toBe('U+20-22, U+D7, U+2212-2213')
  })
})

describe('the committed web font files', () => {
  let made: SubsetFile[]
  // The subsets and their WOFF2 compression take a few seconds, more on a busy machine.
  beforeAll(async () => {
    made = await makeFontSubsets()
  }, 60_000)

  it('are what npm run fonts makes from the installed packages', () => {
    for (const { file, bytes } of made) {
      expect(readFileSync(file).equals(bytes), `${file} differs: run npm run fonts`).toBe(true)
    }
  })

  it('come with the fallback faces npm run fonts makes, named in the font stacks', async () => {
    expect(readFileSync(fallbacksFile, 'utf8'), `${fallbacksFile} differs: run npm run fonts`).toBe(
      await makeFallbacksCss(),
    )
    const css = readFileSync('app/globals.css', 'utf8')
    expect(css).toMatch(
      /--font-sans:\s+var\(--font-inter\), var\(--font-inter-rest\), 'Inter Fallback', 'Inter Fallback Roboto',/,
    )
  })

  it('are declared in app/fonts.ts with exactly the characters each one holds', () => {
    const declared = new Map(
      [
        ...readFileSync('app/fonts.ts', 'utf8').matchAll(
          /src: '\.\.\/(fonts\/[\w-]+\.woff2)'[\s\S]*?value:\s*'([^']+)'/g,
        ),
      ].map(([, file, range]) => [file, range]),
    )
    expect([...declared.keys()].sort()).toEqual(made.map(({ file }) => file).sort())
    for (const { file, unicodeRange } of made) expect(declared.get(file), file).toBe(unicodeRange)
  })

  it('keep the characters of ordinary prose in the core file', () => {
    const core = made.find(({ file }) => file === 'fonts/inter-core.woff2')
    const covered = (codePoint: number) =>
      (core?.unicodeRange ?? '').split(', ').some((range) => {
        const [first, last = first] = range
          .slice(2)
          .split('-')
          .map((hex) => parseInt(hex, 16))
        return codePoint >= first && codePoint <= last
      })
    for (const character of 'Az09 ’“”–—…×µ±·−') expect(covered(character.codePointAt(0) ?? 0), character).toBe(true)
    expect(covered('é'.codePointAt(0) ?? 0)).toBe(false)
  })
})
