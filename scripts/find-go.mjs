// Finds a Go toolchain: `go` on PATH, then the places Debian's golang-go and the official tarball put it.
// On a machine with neither, and with root and apt-get available, installs Debian's golang-go.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { aptInstall } from './apt-install.mjs'

const candidates = ['/usr/lib/go/bin/go', '/usr/local/go/bin/go', '/usr/bin/go']

function locate() {
  const onPath = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).stdout.trim()
  return onPath || candidates.find((candidate) => existsSync(candidate))
}

export function findGo({ required = true } = {}) {
  let go = locate()
  if (!go && aptInstall('golang-go', 'Go not found')) go = locate()
  if (!go && required) {
    console.error(
      'No Go toolchain found. Install Go 1.19 or newer (Debian: apt-get install golang-go) and put `go` on PATH.',
    )
    process.exit(2)
  }
  return go
}

// Run directly (`node scripts/find-go.mjs`), it finds or installs Go and prints where it is.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(`Go toolchain: ${findGo()}`)
}
