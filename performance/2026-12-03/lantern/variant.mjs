// A lab variant of one prerendered article page, for Lighthouse only (never shipped): run from the project root after
// `npm run build`, then `npm run lighthouse -- --runs 5 /posts/go-struct-field-alignment`.
//   node performance/2026-12-03/lantern/variant.mjs <base|scriptsend|afterpaint|nofontpreload>
// `next start` copies a prerendered page into .next/server/route-cache/ the first time it serves it and serves that
// copy from then on, so both are rewritten. The built page is kept inside .next (a new build replaces it), and every
// variant ends with an HTML comment naming it, so `curl` shows which one the server answers with.
import fs from 'node:fs'
import path from 'node:path'

const variant = process.argv[2]
if (!['base', 'scriptsend', 'afterpaint', 'nofontpreload'].includes(variant)) {
  console.error('usage: node performance/2026-12-03/lantern/variant.mjs <base|scriptsend|afterpaint|nofontpreload>')
  process.exit(2)
}
const slug = 'go-struct-field-alignment'
const page = `.next/server/app/posts/${slug}.html`
const original = `.next/lantern-original-${fs.readFileSync('.next/BUILD_ID', 'utf8').trim()}.html`
if (!fs.existsSync(original)) fs.copyFileSync(page, original)
let html = fs.readFileSync(original, 'utf8')

if (variant === 'scriptsend') {
  // Next's async script tags move from <head> to the end of <body>.
  const tags = []
  html = html.replace(/<script src="[^"]*" async=""><\/script>/g, (tag) => (tags.push(tag), ''))
  html = html.replace('</body>', `${tags.join('')}</body>`)
}
if (variant === 'afterpaint') {
  // The async script tags and the entry's preload become a list that an inline script at the end of <body> adds
  // after the first frame (what da40f68 did at build time, reverted by 1ec8a86).
  const sources = []
  html = html.replace(/<script src="([^"]*)" async=""><\/script>/g, (tag, src) => (sources.push(src), ''))
  html = html.replace(/<link rel="preload" as="script" fetchPriority="low" href="[^"]*"\/>/g, '')
  const loader = `<script>(function(s){var d=false;function go(){if(d)return;d=true;s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;document.head.appendChild(e)})}if(document.hidden)addEventListener("load",go);else requestAnimationFrame(function(){setTimeout(go,0)})})(${JSON.stringify(sources)})</script>`
  html = html.replace('</body>', `${loader}</body>`)
}
if (variant === 'nofontpreload') {
  // The text font's <link rel="preload"> removed: the font is then requested when the stylesheet's @font-face is used.
  const before = html.length
  html = html.replace(/<link rel="preload" href="[^"]*" as="font"[^>]*\/>/g, '')
  if (html.length === before) throw new Error('no font preload to remove')
}
if (variant !== 'base') html += `<!-- lantern variant: ${variant} -->`

const routeCache = '.next/server/route-cache/APP_PAGE'
const cached = fs.existsSync(routeCache)
  ? fs.readdirSync(routeCache).map((key) => path.join(routeCache, key, '$', 'posts', `${slug}.html`))
  : []
for (const file of [page, ...cached.filter((file) => fs.existsSync(file))]) fs.writeFileSync(file, html)
console.log(variant, Buffer.byteLength(html), 'bytes')
