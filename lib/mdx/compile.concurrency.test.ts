import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { postSource, temporaryPosts } from '../__fixtures__/temporary-posts'

// Counts the real compiles (mdx-bundler's bundleMDX) by the source they compiled.
const compiledSources: string[] = []
vi.mock('mdx-bundler', async (importOriginal) => {
  const original = await importOriginal<typeof import('mdx-bundler')>()
  return {
    ...original,
    bundleMDX: async (options: Parameters<typeof original.bundleMDX>[0]) => {
      compiledSources.push(String(options.source ?? (await import('node:fs')).readFileSync(options.file!, 'utf8')))
      return original.bundleMDX(options)
    },
  }
})
const { compileMdx } = await import('./compile')

const usesResults =
  'import results from \'./bench/results.txt\'\n\n<BenchmarkTable results={results} caption="Runs" />\n\n'

describe('compileMdx, many renders of one post at once', () => {
  it('compiles each version once, with no error, however many renders ask at the same time', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, `${usesResults}## First version\n`),
      'post/bench/results.txt': 'BenchmarkA-2  100  12 ns/op\n',
    })
    const file = path.join(directory, 'post', 'index.mdx')
    const cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'playbook-mdx-cache-'))
    const options = { cacheDirectory, relative: (absolute: string) => absolute }

    const first = await Promise.all(Array.from({ length: 12 }, () => compileMdx(file, options)))
    expect(new Set(first.map(({ code }) => code)).size).toBe(1)
    expect(compiledSources).toHaveLength(1)

    // An edit lands while a dozen renders of the old and a dozen of the new version are in flight.
    compiledSources.length = 0
    writeFileSync(path.join(directory, 'post', 'bench', 'results.txt'), 'BenchmarkA-2  100  13 ns/op\n')
    const edited = await Promise.all(Array.from({ length: 24 }, () => compileMdx(file, options)))
    expect(edited.every(({ code }) => code.includes('13 ns/op'))).toBe(true)
    expect(compiledSources).toHaveLength(1)

    compiledSources.length = 0
    const oldAndNew = Array.from({ length: 12 }, () => compileMdx(file, options))
    writeFileSync(file, postSource({}, `${usesResults}## Second version\n`))
    oldAndNew.push(...Array.from({ length: 12 }, () => compileMdx(file, options)))
    const results = await Promise.all(oldAndNew)
    const versions = new Set(results.map(({ outline }) => outline.toc.map(({ text }) => text).join()))
    // Each render gets one of the two versions; the old one was cached, the new one compiled once.
    expect([...versions].every((version) => ['First version', 'Second version'].includes(version))).toBe(true)
    expect(versions.has('Second version')).toBe(true)
    expect(compiledSources).toHaveLength(1)
    expect(compiledSources[0]).toContain('Second version')
    // One cache entry is left for the post, and no temporary file.
    expect(readdirSync(cacheDirectory).filter((name) => name.startsWith('post.'))).toHaveLength(1)
    expect(readdirSync(cacheDirectory).filter((name) => !name.endsWith('.json'))).toEqual([])
  })
})
