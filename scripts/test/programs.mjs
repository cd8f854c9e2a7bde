#!/usr/bin/env node
// Compiles, vets and tests the programs that articles ship in their folders, without running the slow
// benchmarks: `go vet` and `go test` (tests and examples only) in every Go module under posts/, and
// `python3 -m unittest` in every folder under posts/ that holds test_*.py files.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describeGo, findGo } from '../find-go.mjs'

const postsDir = path.join(process.cwd(), 'posts')

function foldersContaining(predicate, directory = postsDir) {
  const entries = readdirSync(directory, { withFileTypes: true })
  const here = predicate(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)) ? [directory] : []
  const below = entries
    .filter((entry) => entry.isDirectory() && entry.name !== 'testdata' && !entry.name.startsWith('.'))
    .flatMap((entry) => foldersContaining(predicate, path.join(directory, entry.name)))
  return [...here, ...below]
}

const goModules = foldersContaining((files) => files.includes('go.mod'))
const pythonTests = foldersContaining((files) => files.some((file) => /^test_.*\.py$/.test(file)))
const checks = []

if (goModules.length > 0) {
  const go = findGo()
  console.log(`Go programs are checked with ${describeGo(go)}`)
  const env = { ...process.env, PATH: `${path.dirname(go)}:${process.env.PATH}`, GOTOOLCHAIN: 'local' }
  for (const goModule of goModules) {
    checks.push({
      name: `go vet (${path.relative(process.cwd(), goModule)})`,
      command: go,
      args: ['vet', './...'],
      cwd: goModule,
      env,
    })
    checks.push({
      name: `go test (${path.relative(process.cwd(), goModule)})`,
      command: go,
      args: ['test', '-count=1', './...'],
      cwd: goModule,
      env,
    })
  }
}
for (const folder of pythonTests) {
  checks.push({
    name: `python unittest (${path.relative(process.cwd(), folder)})`,
    command: 'python3',
    args: ['-m', 'unittest', 'discover', '-p', 'test_*.py'],
    cwd: folder,
    env: process.env,
  })
}

let failed = 0
for (const { name, command, args, cwd, env } of checks) {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status === 0) {
    console.log(`ok    ${name} (${seconds} s)`)
  } else {
    failed += 1
    console.log(
      `FAIL  ${name} (${seconds} s)\n${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}`,
    )
  }
}
console.log(`programs: ${checks.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
