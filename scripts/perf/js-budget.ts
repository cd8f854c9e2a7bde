// `npm run js-budget [-- <build folder>]`: the JavaScript a browser loads for the index and every other
// prerendered page of a production build (.next by default): each page's script files, raw and gzip bytes, split
// into the framework's runtime and what this site adds (scripts/perf/budget.ts says how; the site's inline page script
// on the pages without the runtime counts as the site's), plus the other inline scripts (the App Router's bootstrap,
// the page's RSC payload, the theme and search-shortcut scripts, JSON-LD), which come inside the HTML.
// `npm run test:budget` (part of `npm test`, after the build) adds --check: it exits 1 when any page exceeds
// performance-budget.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { budgetProblems, pageReport, type Budget, type BuildFacts, type PageReport } from './budget'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { check: { type: 'boolean', default: false } },
})
const distDir = positionals[0] ?? process.env.NEXT_DIST_DIR ?? '.next'
const appDir = path.join(distDir, 'server', 'app')
if (!existsSync(appDir)) {
  console.error(`js-budget: ${appDir} does not exist; run \`npm run build\` first`)
  process.exit(2)
}

function filesUnder(directory: string, suffix: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => path.join(directory, name))
}

const chunkTexts = new Map<string, string>()

/** Whether a chunk holds a module's factory: Turbopack writes `,<id>,e=>{…`, webpack `{<id>:(e,t,n)=>{…` or `<id>:function`. */
function definesModule(url: string, id: string | number): boolean {
  let text = chunkTexts.get(url)
  if (text === undefined) {
    const file = path.join(distDir, url.replace(/^\/_next\//, ''))
    text = existsSync(file) ? readFileSync(file, 'utf8') : ''
    chunkTexts.set(url, text)
  }
  const escaped = String(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`[,{]${escaped}[,:]\\s*(\\(|function\\b|[a-z]\\s*=>)`).test(text)
}

function buildFacts(): BuildFacts {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles?: string[]
    polyfillFiles?: string[]
  }
  const chunkModules = new Map<string, Set<string>>()
  const moduleIds = new Map<string, string>()
  for (const file of filesUnder(appDir, '_client-reference-manifest.js')) {
    // globalThis.__RSC_MANIFEST["/page"] = {…}: the object is JSON. Turbopack lists chunks as URL paths, webpack as
    // chunk ids and paths under .next/ alternately.
    const source = readFileSync(file, 'utf8')
    const assignment = [...source.matchAll(/__RSC_MANIFEST\[[^\]]+\]\s*=\s*/g)].pop()
    if (!assignment) continue
    const json = source.slice(assignment.index + assignment[0].length).replace(/;\s*$/, '')
    const { clientModules } = JSON.parse(json) as {
      clientModules: Record<string, { id?: string | number; chunks: string[] }>
    }
    for (const [name, { id, chunks }] of Object.entries(clientModules)) {
      if (id !== undefined) moduleIds.set(name, String(id))
      // A module's entry lists every chunk needed to load it, its dependencies' too (a site component that renders
      // <Link> lists next/link's chunk). A module belongs to the chunk that defines it, when its id says which.
      const urls = chunks
        .filter((entry) => entry.endsWith('.js'))
        .map((chunk) => (chunk.startsWith('/') ? chunk : `/_next/${chunk}`))
      const defining = id === undefined ? [] : urls.filter((url) => definesModule(url, id))
      for (const url of defining.length > 0 ? defining : urls)
        chunkModules.set(url, (chunkModules.get(url) ?? new Set()).add(name))
    }
  }
  return {
    runtimeFiles: [...(manifest.rootMainFiles ?? []), ...(manifest.polyfillFiles ?? [])],
    chunkModules,
    moduleIds,
  }
}

/** index.html is `/`, posts/x.html is `/posts/x`; _not-found.html is the 404 page. The global error page is left out. */
function routeOf(file: string): string | undefined {
  const relative = path
    .relative(appDir, file)
    .replace(/\\/g, '/')
    .replace(/\.html$/, '')
  if (relative === '_global-error') return undefined
  return relative === 'index' ? '/' : `/${relative}`
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

function printReport(pages: PageReport[]) {
  const width = Math.max(...pages.map((page) => page.route.length), 5)
  console.log(
    `${'route'.padEnd(width)}  files  framework KiB raw/gzip  site KiB raw/gzip  inline KiB raw/gzip  (gzip: zlib level 6)`,
  )
  for (const page of pages) {
    const files = page.scripts.filter((script) => !script.noModule).length
    console.log(
      `${page.route.padEnd(width)}  ${String(files).padStart(5)}  ${`${kb(page.framework.raw)} / ${kb(page.framework.gzip)}`.padStart(23)}` +
        `  ${`${kb(page.site.raw)} / ${kb(page.site.gzip)}`.padStart(17)}  ${`${kb(page.inline.raw)} / ${kb(page.inline.gzip)}`.padStart(19)}`,
    )
  }
  const scripts = new Map(pages.flatMap((page) => page.scripts.map((script) => [script.src, script])))
  console.log(
    '\nScript files (noModule ones are polyfills that only browsers without ES modules load; not in the totals):',
  )
  for (const script of [...scripts.values()].sort((a, b) => a.owner.localeCompare(b.owner) || b.gzip - a.gzip)) {
    const users = pages.filter((page) => page.scripts.some((other) => other.src === script.src)).length
    const modules = script.modules.map((name) => name.replace(/^\[project\]\//, '')).join(', ')
    console.log(
      `  ${script.owner.padEnd(9)} ${script.src.padEnd(48)} ${kb(script.raw).padStart(6)} / ${kb(script.gzip).padStart(5)} KiB` +
        `  ${users}/${pages.length} pages${script.noModule ? '  noModule' : ''}` +
        `${script.owner === 'site' && script.site.gzip < script.gzip ? `  (the site's modules: ${kb(script.site.raw)} / ${kb(script.site.gzip)} KiB)` : ''}` +
        `${modules ? `  [${modules}]` : ''}`,
    )
  }
}

function main() {
  const facts = buildFacts()
  const read = (src: string) => readFileSync(path.join(distDir, decodeURIComponent(src.replace(/^\/_next\//, ''))))
  const pages = filesUnder(appDir, '.html')
    .map((file) => ({ file, route: routeOf(file) }))
    .filter((page): page is { file: string; route: string } => page.route !== undefined)
    .sort((a, b) => a.route.localeCompare(b.route))
    .map(({ file, route }) => pageReport(route, readFileSync(file, 'utf8'), facts, read))
  console.log(`JavaScript per page in ${distDir} (${pages.length} prerendered pages)\n`)
  printReport(pages)
  if (!options.check) return

  const budget = JSON.parse(readFileSync('performance-budget.json', 'utf8')) as Budget
  const failures = pages.map((page) => budgetProblems(page, budget)).filter((problems) => problems.length > 0)
  console.log('\nBudget (performance-budget.json):')
  for (const problems of failures) for (const problem of problems) console.log(`  over: ${problem}`)
  console.log(`budget: ${pages.length - failures.length} passed, ${failures.length} failed`)
  if (failures.length > 0) process.exit(1)
}

main()
