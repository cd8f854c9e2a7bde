// After `next build`: every prerendered page carries the site's stylesheet inline (lib/site/inline-stylesheet.ts says
// how and why). It rewrites the pages the server serves (<build folder>/server/app/**/*.html) and, in a static
// export, the ones in out/. Run by scripts/build/build.mjs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inlineStylesheets } from '../../lib/site/inline-stylesheet'

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
// Each folder of pages, with the folder its /_next/ URLs are served from.
const sites = [
  { pages: path.join(distDir, 'server', 'app'), assets: distDir },
  ...(process.env.NEXT_OUTPUT === 'export' ? [{ pages: 'out', assets: path.join('out', '_next') }] : []),
].filter(({ pages }) => existsSync(pages))

const stylesheets = new Map<string, string>()
for (const site of sites) {
  let pages = 0
  let inlined = 0
  const readCss = (href: string) => {
    const file = path.join(site.assets, href.replace(/^\/_next\//, ''))
    if (!stylesheets.has(file)) stylesheets.set(file, readFileSync(file, 'utf8'))
    return stylesheets.get(file) ?? ''
  }
  for (const name of readdirSync(site.pages, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue
    const file = path.join(site.pages, name)
    const page = inlineStylesheets(readFileSync(file, 'utf8'), readCss, file)
    if (!page) continue
    writeFileSync(file, page.html)
    pages += 1
    inlined = Math.max(inlined, page.inlinedBytes)
  }
  // Every site has pages that link the stylesheet: none inlined means the step no longer finds them.
  if (pages === 0) throw new Error(`${site.pages}: no prerendered page links a stylesheet that could be inlined`)
  console.log(
    `Stylesheets: ${pages} prerendered pages in ${site.pages} carry their CSS inline (at most ${(inlined / 1024).toFixed(1)} KiB)`,
  )
}
