// What the build's three disk caches (compiled MDX, link-preview cards, post images) share: a write that no reader
// sees half done and no concurrent writer collides with, and one computation per key in flight per process.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/**
 * Writes a cache file. Build workers and concurrent renders read and write the same files, so each write goes to a
 * temporary file of its own (write-file-atomic names it by process, thread and call) and is then renamed over the
 * target: a reader sees the old file or the new one, never half of one, and two writers never share a temporary
 * file. No fsync: a cache file lost in a crash is computed again.
 */
export async function writeCacheFile(file: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFileAtomic(file, data, { fsync: false })
}

/**
 * Shares one computation per key among concurrent callers in this process: the second render of a post that asks
 * while the first is compiling it waits for that compile instead of starting its own. The key is forgotten when
 * the computation settles, so a later call (after an edit, or after a failure) computes again.
 */
export function singleFlight<Key, Value>(): (key: Key, compute: () => Promise<Value>) => Promise<Value> {
  const inFlight = new Map<Key, Promise<Value>>()
  return (key, compute) => {
    const running = inFlight.get(key)
    if (running) return running
    const started = compute().finally(() => inFlight.delete(key))
    inFlight.set(key, started)
    return started
  }
}
