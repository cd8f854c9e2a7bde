// Lab variants of one prerendered article page, for Lighthouse only (never shipped): run from the project root after
// `npm run build`, then `npm run lighthouse -- --runs 5 /posts/go-struct-field-alignment`.
//   node performance/2026-12-03/lantern/variant.mjs <base|scriptsend|inlinecss|inlinecss,scriptsend>
// `next start` copies a prerendered page into .next/server/route-cache/ the first time it serves it and serves that
// copy from then on, so both are rewritten. The first call keeps the built page in .lantern-original.html.
import fs from 'node:fs'
import path from 'node:path'

const slug = 'go-struct-field-alignment'
const page = `.next/server/app/posts/${slug}.html`
const original = '.lantern-original.html'
if (!fs.existsSync(original)) fs.copyFileSync(page, original)
let html = fs.readFileSync(original, 'utf8')
const variant = new Set(process.argv[2].split(','))

if (variant.has('scriptsend')) {
  // Next's async script tags move from <head> to the end of <body>.
  const tags = []
  html = html.replace(/<script src="[^"]*" async=""><\/script>/g, (tag) => (tags.push(tag), ''))
  html = html.replace('</body>', `${tags.join('')}</body>`)
}
if (variant.has('inlinecss')) {
  // The stylesheet's text in a <style> element instead of the <link>.
  html = html.replace(
    /<link rel="stylesheet" href="\/_next\/static\/chunks\/([^"]*\.css)" data-precedence="next"\/>/,
    (_, file) => `<style>${fs.readFileSync(`.next/static/chunks/${file}`, 'utf8')}</style>`,
  )
}

const cached = fs.existsSync('.next/server/route-cache/APP_PAGE')
  ? fs
      .readdirSync('.next/server/route-cache/APP_PAGE')
      .map((key) => path.join('.next/server/route-cache/APP_PAGE', key, '$', 'posts', `${slug}.html`))
  : []
for (const file of [page, ...cached.filter((file) => fs.existsSync(file))]) fs.writeFileSync(file, html)
console.log([...variant].join(','), Buffer.byteLength(html), 'bytes')
