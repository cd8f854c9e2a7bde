// `npm run dev:timing [-- <slug>]`: how long an author waits in `npm run dev`. Starts `next dev` in a build folder
// of its own (cold: nothing compiled yet), then times, for one article (oltp-vs-olap by default):
//   first render     the first request after the server is ready
//   warm render      the median of five more requests of the unchanged article
//   after an edit    the first request after a paragraph is appended to its index.mdx (the paragraph must be there)
//   after an import  the first request after its imported benchmark output changes (the new date must show)
//   index            the median of three requests of /
// The edited files are restored afterwards, whatever happens. Run it alone (on a shared machine, under the CPU
// lock): the figures are wall-clock times.
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freePort, machineDescription } from './machine'

const slug = process.argv[2] ?? 'oltp-vs-olap'
const postFolder = path.join('posts', slug)
const source = path.join(postFolder, 'index.mdx')
const imported = path.join(postFolder, 'bench', 'results.txt')
const distDir = '.next-dev-timing'

async function timed(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now()
  const response = await fetch(url)
  const body = await response.text()
  return { ms: performance.now() - started, status: response.status, body }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const originals = new Map([source, imported].map((file) => [file, readFileSync(file, 'utf8')]))
const restore = () => {
  for (const [file, contents] of originals) writeFileSync(file, contents)
}

async function main() {
  rmSync(distDir, { recursive: true, force: true })
  const port = await freePort()
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['dev', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  child.stderr.on('data', (chunk) => (log += chunk))
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', () => {
    restore()
    stop()
    rmSync(distDir, { recursive: true, force: true })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

  const readyStarted = performance.now()
  while (!/Ready in/.test(log)) {
    if (child.exitCode !== null) throw new Error(`next dev exited:\n${log}`)
    if (performance.now() - readyStarted > 60_000) throw new Error(`next dev was not ready within 60 s:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const readyMs = performance.now() - readyStarted
  const base = `http://127.0.0.1:${port}`
  const article = `${base}/posts/${slug}`

  function expect(result: { status: number; body: string }, what: string, needle?: string) {
    if (result.status !== 200) throw new Error(`${what}: status ${result.status}\n${log.slice(-4000)}`)
    if (needle && !result.body.includes(needle)) throw new Error(`${what}: the page does not show "${needle}"`)
  }

  const first = await timed(article)
  expect(first, 'first render')
  const warm: number[] = []
  for (let i = 0; i < 5; i++) {
    const result = await timed(article)
    expect(result, 'warm render')
    warm.push(result.ms)
  }

  const marker = `Dev timing paragraph ${Date.now()}`
  writeFileSync(source, `${originals.get(source)}\n${marker}\n`)
  const afterEdit = await timed(article)
  expect(afterEdit, 'after an edit', marker)
  const warmAfterEdit = await timed(article)
  expect(warmAfterEdit, 'warm after an edit', marker)

  const dateLine = /^date: .*$/m
  if (!dateLine.test(originals.get(imported)!)) throw new Error(`${imported} has no date: line to change`)
  writeFileSync(imported, originals.get(imported)!.replace(dateLine, 'date: 1999-12-31'))
  const afterImport = await timed(article)
  expect(afterImport, 'after an imported file changed', '1999-12-31')

  const index: number[] = []
  for (let i = 0; i < 3; i++) {
    const result = await timed(`${base}/`)
    expect(result, 'index')
    index.push(result.ms)
  }

  console.log(`next dev, /posts/${slug}, on ${machineDescription()}`)
  console.log(`server ready         ${seconds(readyMs)}`)
  console.log(`first render         ${seconds(first.ms)}`)
  console.log(`warm render          ${seconds(median(warm))}  (median of 5: ${warm.map(seconds).join(', ')})`)
  console.log(`after an edit        ${seconds(afterEdit.ms)}  (then ${seconds(warmAfterEdit.ms)})`)
  console.log(`after an import edit ${seconds(afterImport.ms)}`)
  console.log(`index, warm          ${seconds(median(index))}  (median of 3: ${index.map(seconds).join(', ')})`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
