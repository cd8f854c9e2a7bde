#!/usr/bin/env node
// `npm run build`: the posts' content checks, then `next build`; when either fails, nothing deployable is left
// behind. Next writes BUILD_ID (which `next start` needs) before it prerenders the pages, so an error thrown while
// rendering a post would otherwise leave a build folder that looks complete; a failed static export likewise leaves
// out/ half written.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
// Compiles the posts into the build folder's MDX cache on every core first (scripts/build/warm-mdx-cache.ts), so that
// the build, which would compile them all in one worker, finds them compiled. It never fails the build itself.
// Starting its processes costs a second or two, more than one worker takes for a few dozen posts: it runs from
// 50 posts on (PLAYBOOK_WARM_CACHE=1 forces it, =0 skips it, to measure what it buys).
const postsDir = process.env.POSTS_DIR ?? 'posts'
const postCount = existsSync(postsDir)
  ? readdirSync(postsDir).filter((name) => existsSync(path.join(postsDir, name, 'index.mdx'))).length
  : 0
const warm = process.env.PLAYBOOK_WARM_CACHE ?? (postCount >= 50 ? '1' : '0')
if (warm !== '0') {
  spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'build', 'warm-mdx-cache.ts')],
    { stdio: 'inherit', env: process.env },
  )
}
const removed = [path.join(distDir, 'BUILD_ID'), ...(process.env.NEXT_OUTPUT === 'export' ? ['out'] : [])]
/** Nothing deployable is left behind a failed build. */
function failed(status, what) {
  for (const target of removed) rmSync(target, { recursive: true, force: true })
  console.error(`\n${what}: removed ${removed.join(' and ')}, so this output can be neither started nor deployed.`)
  process.exit(status ?? 1)
}

// The content checks first (scripts/check.ts, `npm run check`): every problem they can find in every post fails the
// build here, all at once and each with its file and line, in seconds rather than after Next has compiled the site.
// They compile each post into the build folder's MDX cache, where the build finds it.
const check = spawnSync(
  process.execPath,
  ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'check.ts')],
  {
    stdio: 'inherit',
    env: process.env,
  },
)
if (check.status !== 0) failed(check.status, 'The posts have problems, so Next was not started')

const next = path.join(process.cwd(), 'node_modules', '.bin', 'next')
const result = spawnSync(next, ['build', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
if (result.status !== 0) failed(result.status, 'The build failed')

// The index and the articles are served without Next's client runtime (lib/site/without-runtime.ts).
const statics = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join('scripts', 'build', 'without-runtime.ts')],
  { stdio: 'inherit', env: process.env },
)
if (statics.status !== 0) failed(statics.status, "Next's runtime could not be taken out of the static pages")

// Each prerendered page carries the stylesheet, so that its first paint waits for the HTML alone.
const inline = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join('scripts', 'build', 'inline-stylesheets.ts')],
  { stdio: 'inherit', env: process.env },
)
if (inline.status !== 0) failed(inline.status, 'The stylesheet could not be inlined into the pages')
