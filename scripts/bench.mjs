#!/usr/bin/env node
// Re-runs the benchmark programs that live in posts/<slug>/bench/ and rewrites their results.txt.
//
//   npm run bench                 every post that has a bench/ folder
//   npm run bench -- <slug> ...   only those posts
//   BENCH_COUNT=20 npm run bench  more runs per benchmark (default 10, what benchstat needs for a confidence
//                                 interval of the median at 95 %; the journal's rule is at least 10)
//
// A bench/ folder holds either a Go module (go.mod; run as `go test -run '^$' -bench . -benchmem -count N`)
// or a run.sh that prints its raw results to stdout. Either way the output is written to bench/results.txt
// behind a header of `key: value` lines describing the machine, in the same form as the goos/goarch/cpu
// lines Go itself prints, so that <BenchmarkTable> and benchstat can both read it.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeGo, findGo } from './find-go.mjs'

const postsDir = path.join(process.cwd(), 'posts')
const count = Number(process.env.BENCH_COUNT ?? 10)
if (!Number.isInteger(count) || count < 10) {
  console.error(`BENCH_COUNT must be a whole number of at least 10, got ${process.env.BENCH_COUNT}`)
  process.exit(2)
}

function benchDirs(slugs) {
  const all = readdirSync(postsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(postsDir, entry.name, 'bench')))
    .map((entry) => entry.name)
  for (const slug of slugs) {
    if (!all.includes(slug)) {
      console.error(`posts/${slug}/bench does not exist. Posts with benchmarks: ${all.join(', ') || 'none'}`)
      process.exit(2)
    }
  }
  return (slugs.length > 0 ? slugs : all).map((slug) => ({ slug, dir: path.join(postsDir, slug, 'bench') }))
}

function environmentHeader(goBinary) {
  const lines = [
    `date: ${new Date().toISOString().slice(0, 10)}`,
    `kernel: ${os.type()} ${os.release()}`,
    `cores: ${os.cpus().length}`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  ]
  if (goBinary) {
    const version = spawnSync(goBinary, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim()
    if (version) lines.unshift(`go: ${version}`)
  }
  lines.push(`runs: ${count}`)
  return lines.join('\n') + '\n'
}

function run({ slug, dir }) {
  const isGo = existsSync(path.join(dir, 'go.mod'))
  const hasScript = existsSync(path.join(dir, 'run.sh'))
  if (!isGo && !hasScript) {
    console.error(`posts/${slug}/bench has neither go.mod nor run.sh: nothing to run`)
    return false
  }
  // run.sh programs may be Go too (several outputs from one module), so Go goes on PATH whenever it exists.
  const go = findGo({ required: isGo })
  if (go) console.log(`posts/${slug}/bench: Go ${describeGo(go)}`)
  const env = {
    ...process.env,
    BENCH_COUNT: String(count),
    ...(go ? { PATH: `${path.dirname(go)}:${process.env.PATH}`, GOTOOLCHAIN: 'local' } : {}),
  }
  const [command, args] = hasScript
    ? ['bash', ['run.sh']]
    : [go, ['test', '-run', '^$', '-bench', '.', '-benchmem', '-count', String(count), '.']]
  console.log(`posts/${slug}/bench: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  })
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '')
    console.error(`posts/${slug}/bench failed with exit code ${result.status}; results.txt left as it was`)
    return false
  }
  const out = path.join(dir, 'results.txt')
  writeFileSync(out, environmentHeader(isGo ? go : undefined) + result.stdout)
  console.log(`wrote ${path.relative(process.cwd(), out)}`)
  return true
}

const results = benchDirs(process.argv.slice(2)).map(run)
process.exit(results.every(Boolean) ? 0 : 1)
