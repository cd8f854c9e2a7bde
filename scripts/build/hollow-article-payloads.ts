// After `next build`: each prerendered article's inline router payload loses its second copy of the article
// (lib/site/article-payload.ts says what and why). It rewrites the article pages the server serves
// (<build folder>/server/app/posts/*.html) and, in a static export, the ones in out/posts/. Run by
// scripts/build/build.mjs; it fails the build when a page's payload is not shaped as expected.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { hollowArticlePayload } from '../../lib/site/article-payload'

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const folders = [
  path.join(distDir, 'server', 'app', 'posts'),
  ...(process.env.NEXT_OUTPUT === 'export' ? [path.join('out', 'posts')] : []),
].filter((folder) => existsSync(folder))

let pages = 0
let before = 0
let removed = 0
for (const folder of folders) {
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.html'))) {
    const file = path.join(folder, name)
    const page = readFileSync(file, 'utf8')
    const hollowed = hollowArticlePayload(page, file)
    if (!hollowed) continue
    writeFileSync(file, hollowed.html)
    pages += 1
    before += Buffer.byteLength(page)
    removed += hollowed.removedBytes
  }
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
console.log(
  `Article payloads: ${pages} prerendered article pages carry their body once, ${kib(removed)} of ${kib(before)} removed`,
)
