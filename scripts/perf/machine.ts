// What the measuring scripts (build-at-scale, js-budget, lighthouse, serve-bench) share: a description of the
// machine every figure is printed with, memory sampling of a process tree from /proc, starting and stopping a
// production server, and a headless Chromium for Lighthouse.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** One line naming the machine: CPU model and cores, memory, OS, Node, and the day. */
export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model.trim() || 'unknown CPU'
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`
  const day = new Date().toISOString().slice(0, 10)
  return `${cpu}, ${os.availableParallelism()} cores, ${memory}, ${os.type()} ${os.release()}, Node ${process.version}, ${day}`
}

export type MemorySample = { rssKiB: number; pssKiB: number; processes: number }

/** A process's own peak, for seeing which one of a tree holds the memory. */
export type ProcessPeak = { pid: number; command: string; pssKiB: number }

function commandOf(pid: number): string {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    return words
      .map((word) => (word.includes('/') ? path.basename(word) : word))
      .join(' ')
      .slice(0, 70)
  } catch {
    return '?'
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: the parent PID is 2 fields after its end.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

/** The process and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const pid = Number(entry)
    const parent = parentOf(pid)
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid])
  }
  const tree: number[] = []
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.shift()!
    tree.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/**
 * Resident memory of a process tree, summed over its processes: RSS counts pages shared between processes (the
 * same Node binary, shared libraries) once per process, PSS splits them, so the PSS sum is the tree's real share
 * of the machine's memory and the RSS sum an upper bound.
 */
function treeMemory(root: number): MemorySample & { each: ProcessPeak[] } {
  const sample = { rssKiB: 0, pssKiB: 0, processes: 0, each: [] as ProcessPeak[] }
  for (const pid of processTree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      const pssKiB = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
      sample.rssKiB += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
      sample.pssKiB += pssKiB
      sample.processes++
      sample.each.push({ pid, command: '', pssKiB })
    } catch {
      // The process ended between listing and reading.
    }
  }
  return sample
}

/**
 * Samples a process tree's memory every `everyMs` until stopped; returns the peak of each sum, and each process's
 * own peak, largest first.
 */
export function sampleTreeMemory(root: number, everyMs = 100) {
  const peak: MemorySample = { rssKiB: 0, pssKiB: 0, processes: 0 }
  const processes = new Map<number, ProcessPeak>()
  const take = () => {
    const now = treeMemory(root)
    peak.rssKiB = Math.max(peak.rssKiB, now.rssKiB)
    peak.pssKiB = Math.max(peak.pssKiB, now.pssKiB)
    peak.processes = Math.max(peak.processes, now.processes)
    for (const { pid, pssKiB } of now.each) {
      const known = processes.get(pid) ?? { pid, command: commandOf(pid), pssKiB: 0 }
      known.pssKiB = Math.max(known.pssKiB, pssKiB)
      processes.set(pid, known)
    }
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop(): MemorySample & { each: ProcessPeak[] } {
      clearInterval(timer)
      return { ...peak, each: [...processes.values()].sort((a, b) => b.pssKiB - a.pssKiB) }
    },
  }
}

export const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`

/** A TCP port nothing listens on now, from the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** Polls a URL until it answers (any status), or fails after `timeoutMs`. */
export async function waitForServer(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/**
 * `npm start` on a free port over a build folder: the production server exactly as the README starts it (whatever
 * the start script runs), given `-p <port> -H 127.0.0.1`.
 */
export async function startProductionServer(
  distDir = '.next',
): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  const port = await freePort()
  const child = spawn('npm', ['start', '--silent', '--', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  let stopped = false
  const stop = () => {
    // npm runs the server in a child of its own: end the whole process group this script started, once.
    if (stopped || child.pid === undefined) return
    stopped = true
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // The group has exited already.
    }
  }
  process.once('exit', stop)
  await waitForServer(url)
  return { url, child, stop }
}

/** Headless Chromium with a DevTools port for Lighthouse, in a throwaway profile. */
export async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  // Imported here, not at the top: the other scripts that share this module need no browser.
  const { findChromium, quietChromiumFlags } = await import('../test/browser')
  const found = findChromium({ install: true })
  if (!found?.executablePath) throw new Error('no Chromium: install Debian chromium or set CHROMIUM_PATH')
  const port = await freePort()
  const profile = mkdtempSync(path.join(os.tmpdir(), 'playbook-lighthouse-'))
  const child = spawn(
    found.executablePath,
    [
      '--headless=new',
      ...quietChromiumFlags,
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 })
  }
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'))
  await waitForServer(`http://127.0.0.1:${port}/json/version`, 20_000)
  return { port, stop }
}
