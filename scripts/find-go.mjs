// Finds the Go toolchain the articles' programs are written for: the newest Go on this machine, as long as it is at
// least the newest `go` directive among the posts' go.mod files (an article about Go 1.26 must be vetted, tested
// and benchmarked by Go 1.26, not by whatever `go` comes first on PATH). When the machine has none that new, it
// downloads that release from the Go module proxy (golang.org/toolchain, the same module `go` itself downloads
// toolchains from) into a cache folder; it never touches the system's Go.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const systemCandidates = ['/usr/local/go/bin/go', '/usr/lib/go/bin/go', '/usr/bin/go']
const cacheRoot = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'playbook-go')
const postsDir = path.join(process.cwd(), 'posts')

/** "go1.26.8" or "1.26" → [1, 26, 8] / [1, 26, 0]; undefined for anything else. */
function parseVersion(text) {
  const match = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim())
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined
}

function compareVersions(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

function versionOf(go) {
  const result = spawnSync(go, ['env', 'GOVERSION'], {
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local' },
  })
  return result.status === 0 ? parseVersion(result.stdout) : undefined
}

/** The newest `go` directive of any go.mod under posts/: the oldest toolchain the articles may be checked with. */
function requiredGoVersion(directory = postsDir) {
  let newest = [1, 19, 0]
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(full)
      else if (entry.name === 'go.mod') {
        const directive = /^go\s+(\S+)/m.exec(readFileSync(full, 'utf8'))
        const version = directive && parseVersion(directive[1])
        if (version && compareVersions(version, newest) > 0) newest = version
      }
    }
  }
  if (existsSync(directory)) visit(directory)
  return newest
}

function installedToolchains() {
  const onPath = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).stdout.trim()
  const cached = existsSync(cacheRoot)
    ? readdirSync(cacheRoot).map((name) => path.join(cacheRoot, name, 'bin', 'go'))
    : []
  const sdk = path.join(os.homedir(), 'sdk')
  const downloadedByGo = existsSync(sdk) ? readdirSync(sdk).map((name) => path.join(sdk, name, 'bin', 'go')) : []
  return [...new Set([onPath, ...systemCandidates, ...downloadedByGo, ...cached].filter(Boolean))]
    .filter((go) => existsSync(go))
    .map((go) => ({ go, version: versionOf(go) }))
    .filter(({ version }) => version !== undefined)
}

function goArch() {
  return { x64: 'amd64', arm64: 'arm64', ia32: '386' }[process.arch] ?? process.arch
}

/** Downloads the newest release of the required minor version from the module proxy; the path of its `go`, or undefined. */
function downloadToolchain(required) {
  const proxy = (process.env.GOPROXY ?? 'https://proxy.golang.org').split(/[,|]/)[0]
  if (!/^https?:/.test(proxy)) return undefined
  const platform = `${process.platform}-${goArch()}`
  const run = (command, args) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 })
  const list = run('curl', ['-fsS', `${proxy}/golang.org/toolchain/@v/list`])
  if (list.status !== 0) return undefined
  const minor = `go${required[0]}.${required[1]}.`
  const newest = list.stdout
    .split('\n')
    .map((line) => /^v0\.0\.1-(go[\d.]+)\.(.+)$/.exec(line.trim()))
    .filter((match) => match && match[2] === platform && match[1].startsWith(minor))
    .map((match) => match[1])
    .sort((a, b) => compareVersions(parseVersion(b), parseVersion(a)))[0]
  if (!newest) return undefined
  const target = path.join(cacheRoot, newest)
  const zip = path.join(cacheRoot, `${newest}.zip`)
  const unpacked = path.join(cacheRoot, `${newest}.unpacking`)
  console.log(`Go ${required.join('.')} or newer not found: downloading ${newest} from ${proxy} into ${target}`)
  mkdirSync(cacheRoot, { recursive: true })
  rmSync(unpacked, { recursive: true, force: true })
  const toolchainModule = `golang.org/toolchain@v0.0.1-${newest}.${platform}`
  const fetched = run('curl', ['-fsSL', '-o', zip, `${proxy}/golang.org/toolchain/@v/v0.0.1-${newest}.${platform}.zip`])
  const extracted = fetched.status === 0 && run('unzip', ['-q', zip, '-d', unpacked]).status === 0
  rmSync(zip, { force: true })
  if (!extracted) return undefined
  // Module zips carry no file modes: the commands are in bin/ and pkg/tool/<platform>/, as `go` itself marks them.
  const root = path.join(unpacked, toolchainModule)
  const tools = path.join(root, 'pkg', 'tool', `${process.platform}_${goArch()}`)
  for (const folder of [path.join(root, 'bin'), tools].filter((folder) => existsSync(folder)))
    for (const name of readdirSync(folder)) chmodSync(path.join(folder, name), 0o755)
  renameSync(root, target)
  rmSync(unpacked, { recursive: true, force: true })
  return path.join(target, 'bin', 'go')
}

/**
 * The newest Go toolchain on this machine that is at least `required`, downloading one when there is none.
 * Exits with a message that says what to install when it can neither find nor download one (unless not required).
 */
export function findGo({ required = true, minimum = requiredGoVersion() } = {}) {
  const usable = installedToolchains()
    .filter(({ version }) => compareVersions(version, minimum) >= 0)
    .sort((a, b) => compareVersions(b.version, a.version))
  const go = usable[0]?.go ?? downloadToolchain(minimum)
  if (!go && required) {
    console.error(
      `No Go ${minimum.slice(0, 2).join('.')} or newer found, and it could not be downloaded. ` +
        'Install it from https://go.dev/dl/ and put `go` on PATH.',
    )
    process.exit(2)
  }
  return go
}

/** `go` followed by its version, for the scripts to say which toolchain they use. */
export function describeGo(go) {
  return `${go} (${spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim()})`
}

// Run directly (`node scripts/find-go.mjs`), it finds or downloads Go and prints which one the scripts will use.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(`Go toolchain: ${describeGo(findGo())}`)
}
