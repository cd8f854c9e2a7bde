// Preloaded into every Node process of a build by `npm run build:scale -- --cpu-prof` (`--import` in NODE_OPTIONS, which
// refuses --cpu-prof itself on Node 20): profiles the process with the inspector and, as it exits, writes a
// .cpuprofile (open it in Chrome DevTools' Performance panel, or summarise it with scripts/perf/cpu-profile-summary.ts)
// into PLAYBOOK_CPU_PROFILE_DIR.
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import path from 'node:path'

const directory = process.env.PLAYBOOK_CPU_PROFILE_DIR
if (directory) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 1000 })
  session.post('Profiler.start')
  let written = false
  const write = () => {
    if (written) return
    written = true
    // A session on the process's own thread answers synchronously, so this works inside an 'exit' handler.
    session.post('Profiler.stop', (error, result) => {
      if (error) return
      mkdirSync(directory, { recursive: true })
      const name = `${path.basename(process.argv[1] ?? 'node')}-${process.pid}.cpuprofile`
      writeFileSync(path.join(directory, name), JSON.stringify(result.profile))
    })
  }
  process.on('exit', write)
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      write()
      process.exit(128 + (signal === 'SIGTERM' ? 15 : 2))
    })
  }
}
