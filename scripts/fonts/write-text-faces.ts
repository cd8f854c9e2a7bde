// `npm run fonts`: writes fonts/text-faces.css (scripts/fonts/text-faces.ts). Run it again after updating the
// @fontsource-variable/inter package: scripts/fonts/text-faces.test.ts fails until the file matches what it makes.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { makeTextFacesCss, textFacesFile } from './text-faces'

async function main() {
  mkdirSync(path.dirname(textFacesFile), { recursive: true })
  writeFileSync(textFacesFile, await makeTextFacesCss())
  console.log(`${textFacesFile}: the scaled text faces`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
