import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { flameTree, parseRawProfile, shortName, topFunctions } from './profile'

// `go tool pprof -raw` of an allocation profile of the GC article's service benchmark (Go 1.19).
const raw = readFileSync(path.join(__dirname, '..', '__fixtures__', 'pprof-raw.txt'), 'utf8')

describe('parseRawProfile', () => {
  it('reads the sample types, and each sample with its stack outermost first, inlined frames included', () => {
    const profile = parseRawProfile(raw)
    expect(profile.types.map(({ name }) => name)).toEqual([
      'alloc_objects',
      'alloc_space',
      'inuse_objects',
      'inuse_space',
    ])
    expect(profile.samples[0].values).toEqual([2, 725001, 0, 0])
    expect(profile.samples[0].stack.map(shortName)).toEqual([
      'testing.(*B).launch',
      'testing.(*B).runN',
      'bench.BenchmarkService.func1',
      'bench.runService',
      'bench.(*latencies).percentile',
    ])
    // Location 9 holds strings.Join with two calls inlined into it: all three are frames.
    const inlined = profile.samples.find(({ stack }) => stack.at(-1)?.endsWith('strings.(*Builder).grow'))!
    expect(inlined.stack.slice(-3).map(shortName)).toEqual([
      'strings.Join',
      'strings.(*Builder).Grow',
      'strings.(*Builder).grow',
    ])
  })

  it('refuses text that is not pprof -raw output, and an unknown sample type', () => {
    expect(() => parseRawProfile('File: x\n')).toThrow('not `go tool pprof -raw` output')
    expect(() => flameTree(parseRawProfile(raw), 'cpu')).toThrow(
      'the profile has no sample type "cpu": it has alloc_objects',
    )
  })
})

describe('flameTree and topFunctions', () => {
  it('merges the samples into a call tree whose root holds the total', () => {
    const profile = parseRawProfile(raw)
    const tree = flameTree(profile, 'alloc_space')
    const total = profile.samples.reduce((sum, { values }) => sum + values[1], 0)
    expect(tree.value).toBe(total)
    expect(tree.children.reduce((sum, child) => sum + child.value, 0)).toBe(total)
    const top = topFunctions(tree, 3)
    expect(top).toHaveLength(3)
    expect(top[0].flat).toBeGreaterThanOrEqual(top[1].flat)
    for (const { flat, cumulative } of top) expect(flat).toBeLessThanOrEqual(cumulative)
  })
})
