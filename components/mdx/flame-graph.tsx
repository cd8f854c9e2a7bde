import { createHash } from 'node:crypto'
import { flameTree, parseRawProfile, topFunctions, type FlameNode } from '@/lib/benchmarks'

type FlameGraphProps = {
  /** `go tool pprof -raw` output, imported from the post's folder. */
  profile: string
  /** The sample type to draw: alloc_space, cpu … */
  sample: string
  /** What the graph shows: its caption and accessible name. */
  title: string
  /** Where the graph is written, `posts/x/index.mdx:12` (set while compiling), named in its errors. */
  source?: string
}

// The graph is drawn at a fixed size in CSS pixels, so its labels keep a readable size at every width: wider than a
// phone, it scrolls sideways there, and the table under it gives the same figures as text.
const width = 960
const rowHeight = 22
const fontSize = 12
const glyph = 6.4 // the site's sans-serif at 12 px, about this wide on average
const minimumWidth = 0.3 // frames narrower than this many pixels are left out

type Frame = { node: FlameNode; x: number; y: number; w: number }

function layOut(root: FlameNode): { frames: Frame[]; depth: number } {
  const frames: Frame[] = []
  let depth = 0
  const place = (node: FlameNode, x: number, level: number) => {
    const w = (node.value / root.value) * width
    if (w < minimumWidth) return
    frames.push({ node, x, y: level * rowHeight, w })
    depth = Math.max(depth, level + 1)
    let childX = x
    for (const child of node.children) {
      place(child, childX, level + 1)
      childX += (child.value / root.value) * width
    }
  }
  place(root, 0, 0)
  return { frames, depth }
}

/** Who a frame belongs to, for its colour: the runtime, the standard library, tests, or the program itself. */
function kindOf(name: string): string {
  if (name === 'all') return 'fg-root'
  if (/^(runtime|internal)[.\/]/.test(name)) return 'fg-runtime'
  if (/^testing\./.test(name)) return 'fg-test'
  if (/^[a-z0-9]+\./.test(name) && !/^(bench|main)\./.test(name)) return 'fg-std'
  return 'fg-app'
}

function label(name: string, w: number): string | undefined {
  const fits = Math.floor((w - 8) / glyph)
  if (fits < 4) return undefined
  return name.length <= fits ? name : `${name.slice(0, fits - 1)}…`
}

const share = (value: number, total: number) => `${((value / total) * 100).toFixed(1)} %`

/**
 * A flame graph drawn on the server from a committed profile: each box a function, its width its share of the
 * samples, its callees below it. In the site's colours, light and dark; the table under it lists the functions that
 * account for the most, as text.
 */
export function FlameGraph({ profile, sample, title, source = 'a post' }: FlameGraphProps) {
  let tree: FlameNode
  try {
    tree = flameTree(parseRawProfile(profile), sample)
  } catch (error) {
    throw new Error(`${source}: <FlameGraph title="${title}">: ${(error as Error).message}`)
  }
  const { frames, depth } = layOut(tree)
  const height = depth * rowHeight
  const id = `flame-${createHash('sha1').update(title).update(profile).digest('hex').slice(0, 10)}`
  const top = topFunctions(tree)
  return (
    <figure className="flame-graph not-prose">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div className="flame-graph-canvas" role="region" aria-label={`${title}: graph`} tabIndex={0}>
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-table`}
        >
          {frames.map(({ node, x, y, w }, index) => {
            const text = label(node.name, w)
            return (
              <g key={index} className={kindOf(node.name)}>
                <title>{`${node.name}: ${share(node.value, tree.value)}`}</title>
                <rect x={x + 0.5} y={y + 0.5} width={Math.max(w - 1, 0.5)} height={rowHeight - 2} rx={2} />
                {text && (
                  <text x={x + 4} y={y + rowHeight / 2 + fontSize * 0.35}>
                    {text}
                  </text>
                )}
              </g>
            )
          })}
        </svg>
      </div>
      <table id={`${id}-table`} className="flame-graph-table">
        <caption>The functions that account for the most of it</caption>
        <thead>
          <tr>
            <th scope="col">Function</th>
            <th scope="col">Itself</th>
            <th scope="col">With what it calls</th>
          </tr>
        </thead>
        <tbody>
          {top.map(({ name, flat, cumulative }) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{share(flat, tree.value)}</td>
              <td>{share(cumulative, tree.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
