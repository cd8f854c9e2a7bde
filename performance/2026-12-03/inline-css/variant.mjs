// A lab variant of a production build, for Lighthouse only (never shipped): every prerendered page gets the site's
// stylesheet inline in a <style> where its <link> was, and the <link> stays, with media="print", so that it no longer
// blocks the first paint while React still finds the stylesheet it rendered when it hydrates the page. The font URLs
// in the CSS are relative to the CSS file, so they are rewritten to absolute ones.
//   cp -a .next .next-inline && node performance/2026-12-03/inline-css/variant.mjs .next-inline
// Then serve it: NEXT_DIST_DIR=.next-inline PORT=3302 node server.mjs -p 3302 -H 127.0.0.1
import fs from 'node:fs'
import path from 'node:path'

const dist = process.argv[2]
if (!dist || !fs.existsSync(path.join(dist, 'BUILD_ID'))) {
  console.error('usage: node performance/2026-12-03/inline-css/variant.mjs <build folder>')
  process.exit(2)
}
// `next start` serves a page it has served before from this copy, so it goes.
fs.rmSync(path.join(dist, 'server', 'route-cache'), { recursive: true, force: true })

const pages = fs
  .readdirSync(path.join(dist, 'server', 'app'), { recursive: true })
  .filter((file) => file.endsWith('.html'))
  .map((file) => path.join(dist, 'server', 'app', file))
let rewritten = 0
let inlineBytes = 0
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8')
  const link = /<link rel="stylesheet" href="(\/_next\/static\/chunks\/[\w.-]+\.css)" data-precedence="next"\/>/g
  let changed = false
  const out = html.replace(link, (tag, href) => {
    const css = fs
      .readFileSync(path.join(dist, href.replace('/_next/', '')), 'utf8')
      .replaceAll('url(../media/', 'url(/_next/static/media/')
    inlineBytes = Buffer.byteLength(css)
    changed = true
    return `<style>${css}</style>${tag.replace('/>', ' media="print"/>')}`
  })
  if (!changed) continue
  fs.writeFileSync(page, `${out}<!-- lab variant: inline css -->`)
  rewritten++
}
console.log(`${rewritten} of ${pages.length} pages rewritten, ${inlineBytes} bytes of CSS inline in each`)
