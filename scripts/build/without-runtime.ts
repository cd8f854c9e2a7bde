// After `next build`: the index and every prerendered article are served without Next's client runtime, with the
// site's own script instead (lib/site/without-runtime.ts says what and why). It rewrites the pages the server serves
// (<build folder>/server/app/index.html and posts/*.html) and, in a static export, the same pages in out/. Run by
// scripts/build/build.mjs; it fails the build when a page is not shaped as expected.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import nextBrowsers from 'next/dist/shared/lib/modern-browserslist-target'
import { withoutFrameworkRuntime } from '../../lib/site/without-runtime'

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const roots = [path.join(distDir, 'server', 'app'), ...(process.env.NEXT_OUTPUT === 'export' ? ['out'] : [])].filter(
  (root) => existsSync(root),
)

const bundled = buildSync({
  entryPoints: [path.join('lib', 'browser', 'page-script.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  // The browsers Next compiles the rest of the site for: its default browserslist, as esbuild names them. The list is
  // an internal module of Next's; an upgrade that moves it fails the typecheck and the build, not the pages.
  target: nextBrowsers.map((browser) => browser.replace(' ', '')),
  write: false,
  logLevel: 'error',
})
const script = bundled.outputFiles[0].text.trim()

for (const root of roots) {
  const posts = path.join(root, 'posts')
  const files = [
    path.join(root, 'index.html'),
    ...(existsSync(posts) ? readdirSync(posts).filter((name) => name.endsWith('.html')) : []).map((name) =>
      path.join(posts, name),
    ),
  ]
  let removed = 0
  for (const file of files) {
    const page = withoutFrameworkRuntime(readFileSync(file, 'utf8'), script, file)
    writeFileSync(file, page.html)
    removed += page.removedBytes
  }
  console.log(
    `Static pages: ${files.length} pages in ${root} without Next's runtime (${(removed / 1024).toFixed(0)} KiB of ` +
      `tags and payload removed), with the site's script (${(Buffer.byteLength(script) / 1024).toFixed(1)} KiB)`,
  )
}
