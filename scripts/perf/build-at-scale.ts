// `npm run build:scale -- [N …] [--seed S] [--keep] [--cpu-prof]`: how the production build grows with the number
// of posts. For each N (default 100), it writes N synthetic posts (scripts/perf/synthetic-posts.ts: about 2,000 words, code
// blocks, a callout, benchmark tables, links) into a temporary folder, and
//   1. times a clean production build of them (POSTS_DIR at that folder, NEXT_DIST_DIR=.scale/build-N, nothing of
//      posts/ or .next/ touched), sampling the build's whole process tree every 100 ms for peak memory;
//   2. edits one post and times the rebuild, with the build folder's caches (Next's and the compiled MDX) warm;
//   3. prints seconds, seconds per post, peak memory, and where the time went: Next's phases (from the time each
//      phase's line appeared in its output) and the MDX pipeline's own work (from PLAYBOOK_TIMING, see
//      lib/timing.ts, recorded by scripts/perf/timing-recorder.mjs: compiles, cache hits, reading the posts, git history).
// Then it removes the temporary posts and the build folder (--keep leaves both, and says where). It exits 1, once
// everything is printed, when one build worker rendered most of the articles (workerShares).
//
// It is slow (minutes for 1,000 posts) and takes the whole machine: never part of `npm test`. On a shared machine,
// run it alone (here: under `flock /tmp/playbook-cpu.lock`).
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { syntheticPosts, writeSyntheticPosts } from './synthetic-posts'
import { machineDescription, mib, sampleTreeMemory, type MemorySample, type ProcessPeak } from './machine'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
})
if (options.help) {
  console.log('usage: npm run build:scale -- [N …] [--seed S] [--keep] [--cpu-prof]   (default N: 100)')
  process.exit(0)
}
const counts = (positionals.length > 0 ? positionals : ['100']).map((value) => {
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1) {
    console.error(`build-at-scale: N must be a positive whole number, not ${JSON.stringify(value)}`)
    process.exit(2)
  }
  return count
})
const seed = Number(options.seed)

/** Next's build phases, by the line that starts each one. */
const phaseMarkers: [name: string, line: RegExp][] = [
  ['MDX cache warm-up', /Warming the MDX cache/],
  ['Next startup', /▲ Next\.js/],
  ['compile (Turbopack)', /Creating an optimized production build/],
  ['TypeScript', /Running TypeScript/],
  ['collecting page data', /Collecting page data/],
  ['generating static pages', /Generating static pages/],
  ['finalizing', /Finalizing page optimization/],
]

type Timing = { event: string; ms: number; at: number; pid: number; cache?: string; slug?: string }

type BuildResult = {
  seconds: number
  memory: MemorySample & { each: ProcessPeak[] }
  phases: [name: string, seconds: number][]
  timings: Timing[]
  log: string
}

function build(
  distDir: string,
  postsDir: string,
  timingFile: string,
  label: string,
  cpuProf: boolean,
): Promise<BuildResult> {
  rmSync(timingFile, { force: true })
  writeFileSync(timingFile, '')
  const logFile = path.join(distDir, '..', `${path.basename(distDir)}-${label}.log`)
  mkdirSync(path.dirname(logFile), { recursive: true })
  writeFileSync(logFile, '')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POSTS_DIR: postsDir,
    NEXT_DIST_DIR: distDir,
    SITE_ENV: 'production',
    PLAYBOOK_TIMING: timingFile,
    NEXT_TELEMETRY_DISABLED: '1',
    // Every process of the build records the pipeline's timings (lib/timing.ts) into PLAYBOOK_TIMING.
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.resolve('scripts/perf/timing-recorder.mjs')).href}`.trim(),
  }
  if (cpuProf) {
    const profiles = path.resolve(distDir, '..', `profiles-${label}`)
    // Node 20 refuses --cpu-prof in NODE_OPTIONS; a preloaded inspector session does the same in every process.
    env.NODE_OPTIONS =
      `${env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.resolve('scripts/perf/cpu-profile.mjs')).href}`.trim()
    env.PLAYBOOK_CPU_PROFILE_DIR = profiles
    console.log(`  CPU profiles of every Node process go to ${profiles}`)
  }
  const started = performance.now()
  const child = spawn(process.execPath, ['scripts/build/build.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const memory = sampleTreeMemory(child.pid!, 100)
  const marks = new Map<string, number>()
  let log = ''
  const onOutput = (chunk: Buffer) => {
    const now = (performance.now() - started) / 1000
    const text = chunk.toString()
    log += text
    appendFileSync(logFile, text)
    for (const [name, line] of phaseMarkers) if (!marks.has(name) && line.test(text)) marks.set(name, now)
  }
  child.stdout.on('data', onOutput)
  child.stderr.on('data', onOutput)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status) => {
      const seconds = (performance.now() - started) / 1000
      const peak = memory.stop()
      if (status !== 0) {
        reject(
          new Error(`the ${label} build failed (exit ${status}); its output is in ${logFile}:\n${log.slice(-3000)}`),
        )
        return
      }
      const ordered = [['startup', 0] as [string, number], ...[...marks].sort((a, b) => a[1] - b[1])]
      const phases = ordered.map(([name, at], index): [string, number] => [
        name,
        (ordered[index + 1]?.[1] ?? seconds) - at,
      ])
      const timings = readFileSync(timingFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Timing)
      resolve({ seconds, memory: peak, phases, timings, log })
    })
  })
}

/** What the MDX pipeline did during one build, from the PLAYBOOK_TIMING lines. */
function pipelineSummary(timings: Timing[]): string[] {
  const select = (event: string, cache?: string) =>
    timings.filter((timing) => timing.event === event && (cache === undefined || timing.cache === cache))
  // Calls overlap (several posts in flight per process, several processes), so their durations are not added up:
  // a group's cost is the wall-clock span from its first start to its last end, and how many processes it ran in.
  const describe = (items: Timing[]) => {
    if (items.length === 0) return 'none'
    const span = (Math.max(...items.map((t) => t.at)) - Math.min(...items.map((t) => t.at - t.ms))) / 1000
    const processes = new Set(items.map((t) => t.pid)).size
    const mean = items.reduce((total, t) => total + t.ms, 0) / items.length
    return `${items.length} in ${span.toFixed(1)} s of wall clock, ${processes} process(es), ${mean.toFixed(0)} ms each on average (overlapping)`
  }
  const git = select('git-history')
  return [
    `compiled (cache miss)   ${describe(select('compile-mdx', 'miss'))}`,
    `read from cache (hit)   ${describe(select('compile-mdx', 'hit'))}`,
    `posts' frontmatter read ${describe(select('load-posts'))}`,
    `  of which git history  ${git.length === 0 ? 'none' : `${(git.reduce((total, t) => total + t.ms, 0) / 1000).toFixed(1)} s summed`}`,
  ]
}

function printBuild(title: string, count: number, result: BuildResult) {
  console.log(`\n${title}`)
  console.log(
    `  wall clock                  ${result.seconds.toFixed(1)} s (${(result.seconds / count).toFixed(3)} s per post)`,
  )
  console.log(
    `  peak memory (process tree)  ${mib(result.memory.pssKiB)} PSS, ${mib(result.memory.rssKiB)} RSS ` +
      `(sums over up to ${result.memory.processes} processes, sampled every 100 ms)`,
  )
  const largest = result.memory.each.slice(0, 3)
  console.log(`  largest processes (own peak PSS): ${largest.map((p) => `${mib(p.pssKiB)} ${p.command}`).join('; ')}`)
  console.log('  Next phases (from its output):')
  for (const [name, seconds] of result.phases) console.log(`    ${name.padEnd(26)}${seconds.toFixed(1).padStart(7)} s`)
  console.log('  MDX pipeline (PLAYBOOK_TIMING):')
  for (const line of pipelineSummary(result.timings)) console.log(`    ${line}`)
}

/** Appends a paragraph to the post in the middle of the list: what an author's small edit looks like. */
function editOnePost(postsDir: string): { slug: string; marker: string } {
  const slugs = readdirSync(postsDir).sort()
  const slug = slugs[Math.floor(slugs.length / 2)]
  const file = path.join(postsDir, slug, 'index.mdx')
  const marker = `Edited for the rebuild test at ${new Date().toISOString()}.`
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8')}\n${marker} One more paragraph, as an author's small fix would add.\n`,
  )
  return { slug, marker }
}

function articlePages(distDir: string): string[] {
  const folder = path.join(distDir, 'server', 'app', 'posts')
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.html'))
        .map((name) => path.join(folder, name))
    : []
}

/**
 * The median article's prerendered HTML and RSC payload. The synthetic posts are all about the same length, so
 * these should not grow with N: when they do, something of every post travels with every page.
 */
function articleSizes(pages: string[]): string {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  const html = median(pages.map((page) => statSync(page).size))
  const rsc = median(
    pages
      .map((page) => page.replace(/\.html$/, '.rsc'))
      .filter(existsSync)
      .map((page) => statSync(page).size),
  )
  return `median article page ${kib(html)} HTML, ${kib(rsc)} RSC payload`
}

/**
 * How the prerendering workers shared the articles, from the render-article records the article page writes.
 * `next build` cuts the pages, sorted by their route's file path, into one run of equal length per worker, and an
 * article costs several times any other page: the worker whose run holds most of the articles does most of the
 * work (the rule and what it means for this site: experimental.cpus in next.config.mjs). The problem, when one
 * worker rendered more than 80 % of them, is reported after every measurement has been printed.
 */
function workerShares(timingFile: string): { shares: string; problem?: string } {
  const slugsByWorker = new Map<number, Set<string>>()
  for (const line of readFileSync(timingFile, 'utf8').split('\n')) {
    if (!line.includes('"render-article"')) continue
    const { pid, slug } = JSON.parse(line) as { pid: number; slug: string }
    slugsByWorker.set(pid, (slugsByWorker.get(pid) ?? new Set()).add(slug))
  }
  const counts = [...slugsByWorker.values()].map((slugs) => slugs.size).sort((a, b) => b - a)
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total === 0)
    return {
      shares: 'no article recorded its render, so how the workers shared them is unknown',
      problem: `${timingFile} has no render-article record: the article page no longer writes its timing`,
    }
  const largest = counts[0] / total
  const shares = `${counts.length} workers rendered the articles: ${counts.join(' / ')}`
  if (largest <= 0.8) return { shares }
  return {
    shares,
    problem: `one worker rendered ${(largest * 100).toFixed(0)} % of the articles: the balance between the build workers is broken (see experimental.cpus in next.config.mjs)`,
  }
}

/**
 * What a reader's first search result costs at this size: the search code (the engine and the Markdown reader), the
 * catalog, the largest part of the index and the Markdown copies of the 20 largest posts, which give the results'
 * text.
 */
function searchCost(distDir: string): string {
  const gz = (file: string) => gzipSync(readFileSync(file)).length
  const folder = path.join(distDir, 'server', 'app', 'search-data')
  const bodies = (dir: string, pattern: RegExp) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => pattern.test(name))
          .map((name) => gz(path.join(dir, name)))
      : []
  const catalog = bodies(folder, /^catalog\.json\.body$/)[0] ?? 0
  const shards = bodies(folder, /^shard-.+\.json\.body$/).sort((a, b) => b - a)
  const posts = bodies(path.join(distDir, 'server', 'app', 'source'), /\.md\.body$/).sort((a, b) => b - a)
  const chunks = path.join(distDir, 'static', 'chunks')
  // MiniSearch's own error message marks the engine's chunk, the footnotes' id the Markdown reader's.
  const engine = readdirSync(chunks, { recursive: true, encoding: 'utf8' })
    .filter((name) => {
      if (!name.endsWith('.js')) return false
      const source = readFileSync(path.join(chunks, name), 'utf8')
      return source.includes('MiniSearch: duplicate ID') || source.includes('footnote-label')
    })
    .reduce((sum, name) => sum + gz(path.join(chunks, name)), 0)
  const worst = engine + catalog + (shards[0] ?? 0) + posts.slice(0, 20).reduce((sum, size) => sum + size, 0)
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  return (
    `search, gzip: code ${kib(engine)}, catalog ${kib(catalog)}, ${shards.length} parts (largest ${kib(shards[0] ?? 0)}), ` +
    `${posts.length} posts' Markdown copies (largest ${kib(posts[0] ?? 0)}); a one-word search's first results cost at most ${kib(worst)}`
  )
}

async function measure(count: number) {
  const postsDir = mkdtempSync(path.join(os.tmpdir(), `playbook-scale-${count}-`))
  const distDir = path.join('.scale', `build-${count}`)
  const timingFile = path.resolve('.scale', `timing-${count}.jsonl`)
  rmSync(distDir, { recursive: true, force: true })
  mkdirSync('.scale', { recursive: true })
  try {
    const generated = performance.now()
    writeSyntheticPosts(postsDir, syntheticPosts({ count, seed }))
    console.log(
      `\n=== N = ${count}: ${count} synthetic posts (seed ${seed}) written to ${postsDir} in ` +
        `${((performance.now() - generated) / 1000).toFixed(1)} s; building into ${distDir}`,
    )

    const clean = await build(distDir, postsDir, timingFile, 'clean', options['cpu-prof'])
    const pages = articlePages(distDir)
    if (pages.length !== count) throw new Error(`the clean build wrote ${pages.length} article pages, not ${count}`)
    printBuild(`Clean build of ${count} posts (empty build folder)`, count, clean)
    console.log(`  ${articleSizes(pages)}`)
    console.log(`  ${searchCost(distDir)}`)
    const balance = workerShares(timingFile)
    console.log(`  ${balance.shares}${balance.problem ? ' (unbalanced: see the end)' : ''}`)

    const edited = editOnePost(postsDir)
    const rebuild = await build(distDir, postsDir, timingFile, 'rebuild', false)
    const html = readFileSync(path.join(distDir, 'server', 'app', 'posts', `${edited.slug}.html`), 'utf8')
    if (!html.includes(edited.marker)) throw new Error(`the rebuild's page for ${edited.slug} does not show the edit`)
    printBuild(`Rebuild after editing one post (${edited.slug}), caches warm`, count, rebuild)
    console.log(
      `\nSummary N=${count}: clean ${clean.seconds.toFixed(1)} s (${(clean.seconds / count).toFixed(3)} s/post), ` +
        `peak ${mib(clean.memory.pssKiB)} PSS / ${mib(clean.memory.rssKiB)} RSS; rebuild after one edit ` +
        `${rebuild.seconds.toFixed(1)} s (${((rebuild.seconds / clean.seconds) * 100).toFixed(0)}% of clean)`,
    )
    return { count, clean, rebuild, problem: balance.problem }
  } finally {
    if (options.keep) console.log(`kept: posts in ${postsDir}, build in ${distDir}, timings in ${timingFile}`)
    else {
      rmSync(postsDir, { recursive: true, force: true })
      rmSync(distDir, { recursive: true, force: true })
      rmSync(timingFile, { force: true })
    }
  }
}

async function main() {
  console.log(`Build at scale on ${machineDescription()}`)
  // next build adds its build folder's types to tsconfig.json's include list: put the file back as it was.
  const tsconfig = readFileSync('tsconfig.json', 'utf8')
  const results = []
  // A failing size still lets the sizes before it report their figures and problems below.
  let failure: unknown
  try {
    for (const count of counts) results.push(await measure(count))
  } catch (error) {
    failure = error
  } finally {
    writeFileSync('tsconfig.json', tsconfig)
  }
  if (results.length > 1) {
    console.log('\n   N  clean s  s/post  peak PSS  peak RSS  rebuild s')
    for (const { count, clean, rebuild } of results)
      console.log(
        `${String(count).padStart(4)}  ${clean.seconds.toFixed(1).padStart(7)}  ${(clean.seconds / count).toFixed(3).padStart(6)}  ` +
          `${mib(clean.memory.pssKiB).padStart(8)}  ${mib(clean.memory.rssKiB).padStart(8)}  ${rebuild.seconds.toFixed(1).padStart(9)}`,
      )
    const [first, last] = [results[0], results[results.length - 1]]
    if (last.count > first.count)
      console.log(
        `marginal cost: ${((last.clean.seconds - first.clean.seconds) / (last.count - first.count)).toFixed(3)} s per extra post`,
      )
  }
  const problems = results.flatMap(({ count, problem }) => (problem ? [`N = ${count}: ${problem}`] : []))
  if (problems.length > 0) {
    console.error(`\n${problems.join('\n')}`)
    process.exitCode = 1
  }
  if (failure !== undefined) throw failure
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
