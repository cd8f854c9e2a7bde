import { channel } from 'node:diagnostics_channel'

/**
 * The pipeline's own timings (reading the posts, git history, each compile), published on a diagnostics channel.
 * Nothing listens unless a measuring script preloads scripts/perf/timing-recorder.mjs into the build's processes
 * (`npm run build:scale`); otherwise a call costs one check.
 */
const timings = channel('playbook:timing')

export function recordTiming(event: string, started: number, details: Record<string, string | number> = {}): void {
  if (!timings.hasSubscribers) return
  const ms = Math.round((performance.now() - started) * 10) / 10
  timings.publish({ event, ms, at: Date.now(), pid: process.pid, ...details })
}

/** An event without a duration (which worker rendered which page), on the same channel. */
export function recordEvent(event: string, details: Record<string, string | number> = {}): void {
  if (timings.hasSubscribers) timings.publish({ event, at: Date.now(), pid: process.pid, ...details })
}
