import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { makeTextFacesCss, textFaces, textFacesFile } from './text-faces'

describe('the committed text faces', () => {
  it('are what npm run fonts makes from the installed packages', async () => {
    expect(readFileSync(textFacesFile, 'utf8'), `${textFacesFile} differs: run npm run fonts`).toBe(
      await makeTextFacesCss(),
    )
  })

  it('are named in the text stack, after the systems’ own faces and before the generic family', () => {
    const stack = /--font-sans:\s*([^;]+);/.exec(readFileSync('app/globals.css', 'utf8'))?.[1] ?? ''
    for (const { family } of textFaces)
      expect(stack).toMatch(new RegExp(`'Segoe UI', Roboto, '${family}', sans-serif$`))
    // system-ui is DejaVu Sans on Debian, wider than the face the layout was designed in.
    expect(stack).not.toMatch(/system-ui/)
  })
})
