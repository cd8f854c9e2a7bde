// After `next build`: every prerendered page fetches Next's scripts after its first paint
// (lib/site/deferred-scripts.ts says why), and each article's inline router payload loses its second copy of the
// article (lib/site/article-payload.ts). It rewrites the pages the server serves (<build folder>/server/app/**.html,
// and the 404 and 500 pages in <build folder>/server/pages/) and, in a static export, the ones in out/. Run by
// scripts/build/build.mjs; it fails the build when a page is not shaped as expected.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { hollowArticlePayload } from '../../lib/site/article-payload'
import { deferScripts } from '../../lib/site/deferred-scripts'

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const roots = [
  path.join(distDir, 'server', 'app'),
  path.join(distDir, 'server', 'pages'),
  ...(process.env.NEXT_OUTPUT === 'export' ? ['out'] : []),
].filter((folder) => existsSync(folder))

let pages = 0
let deferred = 0
let articles = 0
let articleBytes = 0
let removed = 0
for (const root of roots) {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.html'))
  for (const name of files) {
    const file = path.join(root, name)
    const page = readFileSync(file, 'utf8')
    let html = deferScripts(page, file)
    if (html !== page) deferred += 1
    if (path.dirname(name) === 'posts') {
      const hollowed = hollowArticlePayload(html, file)
      if (hollowed) {
        articleBytes += Buffer.byteLength(html)
        html = hollowed.html
        articles += 1
        removed += hollowed.removedBytes
      }
    }
    if (html !== page) writeFileSync(file, html)
    pages += 1
  }
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
console.log(`Deferred scripts: ${deferred} of ${pages} prerendered pages fetch Next's scripts after their first paint`)
console.log(
  `Article payloads: ${articles} prerendered article pages carry their body once, ${kib(removed)} of ${kib(articleBytes)} removed`,
)
