import { appendFileSync } from 'node:fs'

/**
 * Opt-in timing for builds: with PLAYBOOK_TIMING set to a file, each call appends one JSON line to it (what, how
 * long, when it ended, which process). scripts/build-at-scale.ts sets it and sums the lines into the build's breakdown; Next's
 * parallel build workers append to the same file. Without the variable this does nothing.
 */
export function recordTiming(event: string, started: number, details: Record<string, string | number> = {}): void {
  const file = process.env.PLAYBOOK_TIMING
  if (!file) return
  const ms = Math.round((performance.now() - started) * 10) / 10
  appendFileSync(file, `${JSON.stringify({ event, ms, at: Date.now(), pid: process.pid, ...details })}\n`)
}
