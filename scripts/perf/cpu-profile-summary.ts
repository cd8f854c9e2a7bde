// `tsx scripts/perf/cpu-profile-summary.ts FILE.cpuprofile … [--top N]`: where a profiled process spent its time, from
// the .cpuprofile files `npm run build:scale -- --cpu-prof` writes. For each file: the sampled total, the self time
// of the busiest functions, and self time summed by package (or by the site's own folder) and by the total time
// under each of the site's own functions, so a slow build names its cause.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const { values: options, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
})
const top = Number(options.top)

/** The package a script belongs to (`next`, `react-dom`, `@mdx-js/mdx`), or the site's folder (`lib`, `app`). */
function owner(url: string): string {
  if (!url) return '(native or idle)'
  const file = url.replace(/^file:\/\//, '')
  const modules = file.lastIndexOf('node_modules/')
  if (modules !== -1) {
    const [scope, name] = file.slice(modules + 'node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  if (file.startsWith('node:') || !file.startsWith('/')) return 'node'
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative.split(path.sep).slice(0, 2).join('/')
}

const ms = (micros: number) => `${(micros / 1000).toFixed(0).padStart(8)} ms`

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)))
  const total = [...self.values()].reduce((sum, value) => sum + value, 0)

  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

  const label = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${owner(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`
  const selfByFunction = new Map<string, number>()
  const selfByOwner = new Map<string, number>()
  // Total (inclusive) time of each function, counted once per sample even when it recurses.
  const inclusive = new Map<string, number>()
  for (const [id, time] of self) {
    const node = byId.get(id)!
    selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + time)
    const who = owner(node.callFrame.url)
    selfByOwner.set(who, (selfByOwner.get(who) ?? 0) + time)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + time)
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
  console.log(`\n=== ${path.basename(file)}: ${ms(total).trim()} sampled`)
  console.log('  self time by package or folder:')
  for (const [name, time] of sorted(selfByOwner)) console.log(`    ${ms(time)}  ${name}`)
  console.log('  self time by function:')
  for (const [name, time] of sorted(selfByFunction)) console.log(`    ${ms(time)}  ${name}`)
  console.log("  total time under the site's own functions:")
  const own = new Map([...inclusive].filter(([name]) => /\s(lib|app|components|scripts)\//.test(name)))
  for (const [name, time] of sorted(own)) console.log(`    ${ms(time)}  ${name}`)
}
