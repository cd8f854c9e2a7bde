// A profile as `go tool pprof -raw` prints it (sample types, each sample's values and stack, and the locations the
// stacks name), read into stacks a flame graph is drawn from. The text is committed beside the post, as benchmark
// output is, so that the site draws the figure at build time without Go.

export type Profile = {
  /** The sample types, in column order: alloc_space, alloc_objects … */
  types: { name: string; unit: string }[]
  /** Each sample's values (one per type) and its stack, outermost frame first. */
  samples: { values: number[]; stack: string[] }[]
}

export class ProfileParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProfileParseError'
  }
}

/** Reads `go tool pprof -raw` output. */
export function parseRawProfile(text: string): Profile {
  const lines = text.split(/\r?\n/)
  const samplesAt = lines.indexOf('Samples:')
  const locationsAt = lines.indexOf('Locations')
  if (samplesAt === -1 || locationsAt === -1)
    throw new ProfileParseError('not `go tool pprof -raw` output: it has no "Samples:" and "Locations" sections')
  const types = lines[samplesAt + 1]
    .trim()
    .split(/\s+/)
    .map((type) => {
      const [name, unit = ''] = type.replace(/\[dflt\]$/, '').split('/')
      return { name, unit }
    })

  // Each location lists its frames innermost first; a location may hold inlined calls on the lines below it.
  const frames = new Map<number, string[]>()
  let current: string[] | undefined
  for (const line of lines.slice(locationsAt + 1)) {
    if (/^\S/.test(line)) break
    const location = /^\s*(\d+): \S+ M=\d+ (\S+)/.exec(line)
    if (location) {
      current = [location[2]]
      frames.set(Number(location[1]), current)
    } else if (current && line.trim()) current.push(line.trim().split(/\s+/)[0])
  }

  const samples: Profile['samples'] = []
  for (const line of lines.slice(samplesAt + 2, locationsAt)) {
    const sample = /^\s*([\d\s]+):([\d\s]+)$/.exec(line)
    if (!sample) continue
    const values = sample[1].trim().split(/\s+/).map(Number)
    if (values.length !== types.length)
      throw new ProfileParseError(
        `a sample has ${values.length} values for ${types.length} sample types: "${line.trim()}"`,
      )
    const ids = sample[2].trim().split(/\s+/).map(Number)
    const innermostFirst = ids.flatMap((id) => {
      const names = frames.get(id)
      if (!names) throw new ProfileParseError(`a sample names location ${id}, which the Locations section lacks`)
      return names
    })
    samples.push({ values, stack: innermostFirst.reverse() })
  }
  if (samples.length === 0) throw new ProfileParseError('the profile has no samples')
  return { types, samples }
}

/** A function's name as a reader knows it: its package's last element and the function, `bench.RenderNaive`. */
export function shortName(name: string): string {
  return name.replace(/^(?:[^/(]*\/)+/, '')
}

export type FlameNode = { name: string; value: number; children: FlameNode[] }

/** The samples of one type merged into a call tree, heaviest callee first; the root holds the total. */
export function flameTree(profile: Profile, type: string): FlameNode {
  const index = profile.types.findIndex((each) => each.name === type)
  if (index === -1)
    throw new ProfileParseError(
      `the profile has no sample type "${type}": it has ${profile.types.map((each) => each.name).join(', ')}`,
    )
  const root: FlameNode = { name: 'all', value: 0, children: [] }
  for (const { values, stack } of profile.samples) {
    const value = values[index]
    if (value === 0) continue
    root.value += value
    let node = root
    for (const frame of stack.map(shortName)) {
      let child = node.children.find((each) => each.name === frame)
      if (!child) node.children.push((child = { name: frame, value: 0, children: [] }))
      child.value += value
      node = child
    }
  }
  const sort = (node: FlameNode) => {
    node.children.sort((a, b) => b.value - a.value)
    node.children.forEach(sort)
  }
  sort(root)
  return root
}

/** Each function's own share (in frames where it is the leaf) and its share including its callees. */
export function topFunctions(tree: FlameNode, limit = 8): { name: string; flat: number; cumulative: number }[] {
  const flat = new Map<string, number>()
  const cumulative = new Map<string, number>()
  const visit = (node: FlameNode, onStack: Set<string>) => {
    const childTotal = node.children.reduce((sum, child) => sum + child.value, 0)
    flat.set(node.name, (flat.get(node.name) ?? 0) + node.value - childTotal)
    // A recursive function counts once per stack.
    if (!onStack.has(node.name)) cumulative.set(node.name, (cumulative.get(node.name) ?? 0) + node.value)
    const below = new Set(onStack).add(node.name)
    for (const child of node.children) visit(child, below)
  }
  for (const child of tree.children) visit(child, new Set())
  return [...cumulative.keys()]
    .map((name) => ({ name, flat: flat.get(name) ?? 0, cumulative: cumulative.get(name)! }))
    .sort((a, b) => b.flat - a.flat || b.cumulative - a.cumulative)
    .slice(0, limit)
}
