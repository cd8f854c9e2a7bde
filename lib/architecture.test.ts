import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The layers of lib/, each folder allowed to import the ones listed (and itself): dependencies run one way, from
// the content of posts to the site that shows them, never back. The modules at lib/'s root serve every layer.
const allowed: Record<string, string[]> = {
  root: [],
  benchmarks: ['root'],
  browser: ['root'],
  mdx: ['root', 'benchmarks'],
  content: ['root', 'benchmarks', 'mdx'],
  site: ['root', 'benchmarks', 'mdx', 'content'],
  search: ['root', 'mdx', 'content', 'site'],
}

const lib = __dirname
const root = path.dirname(lib)

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(full)
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.|\.d\.mts$/.test(entry.name) ? [full] : []
  })
}

const files = sourceFiles(lib)

/** The project files a module imports, resolved as TypeScript does (relative paths and the @/ alias). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specifiers = [
    ...source.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\s*\(\s*'([^']+)'\s*\)/gm),
  ]
    .map((match) => match[1] ?? match[2])
    .filter((specifier) => specifier.startsWith('.') || specifier.startsWith('@/'))
  return specifiers.map((specifier) => {
    const base = specifier.startsWith('@/')
      ? path.join(root, specifier.slice(2))
      : path.resolve(path.dirname(file), specifier)
    const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]
    return candidates.find((candidate) => files.includes(candidate)) ?? base
  })
}

const layerOf = (file: string) => {
  const relative = path.relative(lib, file)
  return relative.includes(path.sep) ? relative.split(path.sep)[0] : 'root'
}

describe('lib/ layout', () => {
  it('puts every module in a known layer', () => {
    expect(files.map(layerOf).filter((layer) => !(layer in allowed))).toEqual([])
  })

  it('imports only from the layers below, and nothing outside lib/', () => {
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          if (!target.startsWith(lib + path.sep)) return true
          const [from, to] = [layerOf(file), layerOf(target)]
          return from !== to && !allowed[from].includes(to)
        })
        .map((target) => `${path.relative(root, file)} imports ${path.relative(root, target)}`),
    )
    expect(wrong).toEqual([])
  })

  it('has no import cycle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]))
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((each) => path.relative(root, each)).join(' → '))
        return
      }
      state.set(file, 'visiting')
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })
})
