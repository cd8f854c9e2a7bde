import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BenchmarkParseError,
  BenchmarkSelectionError,
  betterDirection,
  compareBenchmarks,
  compareRowsOn,
  describeRelative,
  displayNames,
  formatMeasurement,
  median,
  parseBenchmarkOutput,
} from '.'

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '__fixtures__', name), 'utf8')

function parseError(text: string): BenchmarkParseError {
  try {
    parseBenchmarkOutput(text)
  } catch (error) {
    if (error instanceof BenchmarkParseError) return error
    throw error
  }
  throw new Error('expected the text not to parse')
}

describe('parseBenchmarkOutput', () => {
  it('reads real go test output with -count runs, sub-benchmarks, logs and custom metrics', () => {
    const { environment, benchmarks } = parseBenchmarkOutput(fixture('go-bench-count3-with-logs.txt'))
    expect(environment).toEqual([
      ['goos', 'linux'],
      ['goarch', 'amd64'],
      ['pkg', 'fixture'],
      ['cpu', 'AMD EPYC'],
    ])
    expect(benchmarks.map((b) => b.name)).toEqual([
      'Concat/plus/n=8',
      'Concat/builder/n=8',
      'Concat/plus/n=64',
      'Concat/builder/n=64',
      'Logged',
    ])
    const plus8 = benchmarks[0].metrics
    expect(plus8.map((m) => m.unit)).toEqual(['ns/op', 'B/op', 'allocs/op'])
    // The three runs printed 162.2, 161.1 and 206.6 ns/op: the median, not the first run.
    expect(plus8[0]).toMatchObject({ median: 162.2, min: 161.1, max: 206.6, runs: 3, decimals: 1 })
    expect(plus8[0].values).toEqual([162.2, 161.1, 206.6])
    // Three runs are too few for a 95 % confidence interval of the median.
    expect(plus8[0].interval).toBeUndefined()
    const logged = benchmarks[4].metrics
    expect(logged.map((m) => m.unit)).toEqual(['ns/op', 'bytes/string', 'B/op', 'allocs/op'])
    expect(logged[0].runs).toBe(3)
  })

  it('reads the header our bench runner writes and benchfmt printed by other programs', () => {
    const text = [
      'go: go1.19.8',
      'cores: 2',
      'cpu: AMD EPYC',
      'BenchmarkLoad/rate=20  1200  19.98 jobs/s  0 lost-jobs  37 retries',
      'BenchmarkLoad/rate=20  1200  20.01 jobs/s  0 lost-jobs  41 retries',
    ].join('\n')
    const { environment, benchmarks } = parseBenchmarkOutput(text)
    expect(environment).toEqual([
      ['go', 'go1.19.8'],
      ['cores', '2'],
      ['cpu', 'AMD EPYC'],
    ])
    expect(benchmarks[0].metrics.map((m) => [m.unit, m.median])).toEqual([
      ['jobs/s', 19.995],
      ['lost-jobs', 0],
      ['retries', 39],
    ])
  })

  it('reports every malformed line with its number', () => {
    const error = parseError(
      [
        'goos: linux',
        'BenchmarkA-2  100  12 ns/op',
        'BenchmarkB-2  many  12 ns/op',
        'BenchmarkC-2  100  12',
        'BenchmarkD-2  100  twelve ns/op',
        'this line is not benchmark output',
      ].join('\n'),
    )
    expect(error.problems.map((p) => p.line)).toEqual([3, 4, 5, 6])
    expect(error.message).toContain(
      'line 3: expected an iteration count after the benchmark name: "BenchmarkB-2  many  12 ns/op"',
    )
    expect(error.message).toContain('line 5: "twelve" is not a number')
  })

  it('refuses output from a failed run, and text with no results', () => {
    expect(parseError('BenchmarkA-2  100  12 ns/op\n--- FAIL: BenchmarkB\nFAIL').problems[0]).toMatchObject({
      line: 2,
      message: 'the benchmark run failed',
    })
    expect(parseError('goos: linux\nPASS\n').problems[0].message).toBe('no benchmark results found')
  })
})

describe('compareBenchmarks', () => {
  const results = [
    'BenchmarkScan/padded-2  100  120 ns/op  48 B/op',
    'BenchmarkScan/ordered-2  100  50 ns/op  32 B/op',
    'BenchmarkBuild-2  10  9000 ns/op',
  ].join('\n')

  it('selects rows by filter and picks the comparison metric, its direction and the baseline', () => {
    const comparison = compareBenchmarks({ results, filter: '^Scan/', baseline: 'Scan/padded' })
    expect(comparison.benchmarks.map(({ name }) => name)).toEqual(['Scan/padded', 'Scan/ordered'])
    expect(comparison).toMatchObject({ metric: 'ns/op', better: 'lower', units: ['ns/op', 'B/op'], runs: 1 })
    expect(comparison.baseline?.name).toBe('Scan/padded')
  })

  it('compares every row on any unit in the same words, the baseline included', () => {
    const comparison = compareBenchmarks({ results, filter: '^Scan/', baseline: 'Scan/padded' })
    expect(compareRowsOn(comparison, 'ns/op').map(({ relative }) => relative)).toEqual(['baseline', '2.40× faster'])
    expect(compareRowsOn(comparison, 'B/op').map(({ measured, relative }) => [measured?.median, relative])).toEqual([
      [48, 'baseline'],
      [32, '1.50× less'],
    ])
    expect(compareRowsOn(compareBenchmarks({ results }), 'ns/op').map(({ relative }) => relative)).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('takes the author’s direction for the metric and the unit’s own for other units', () => {
    const rows = [{ name: 'copy', values: { 'MB/s': 1, 'ns/op': 2 } }]
    expect(betterDirection(compareBenchmarks({ rows, metric: 'MB/s', better: 'lower' }), 'MB/s')).toBe('lower')
    const byUnit = compareBenchmarks({ rows })
    expect(byUnit.metric).toBe('ns/op')
    expect(betterDirection(byUnit, 'MB/s')).toBe('higher')
    expect(betterDirection(byUnit, 'ns/op')).toBe('lower')
  })

  it('says what to fix when a prop does not fit the results', () => {
    expect(() => compareBenchmarks({ results, baseline: 'Nope' })).toThrow(BenchmarkSelectionError)
    expect(() => compareBenchmarks({})).toThrow('pass the benchmark output as results={…} or plain rows as rows={[…]}')
    expect(() => compareBenchmarks({ results: 'BenchmarkA-2 x 1 ns/op' })).toThrow(
      'the results could not be read:\nline 1: expected an iteration count',
    )
  })
})

describe('the output committed with the articles', () => {
  const postsDirectory = path.join(__dirname, '..', '..', 'posts')
  const outputs = readdirSync(postsDirectory, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)bench\/results[^/]*\.txt$/.test(file))
    .sort()

  it('includes several real runs', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(5)
  })

  it.each(outputs)('posts/%s parses, with at least five runs of every benchmark and the machine described', (file) => {
    const { environment, benchmarks } = parseBenchmarkOutput(readFileSync(path.join(postsDirectory, file), 'utf8'))
    const keys = environment.map(([key]) => key)
    expect(keys).toEqual(expect.arrayContaining(['date', 'cores', 'memory', 'cpu']))
    for (const benchmark of benchmarks) {
      for (const metric of benchmark.metrics)
        expect(metric.runs, `${benchmark.name} ${metric.unit}`).toBeGreaterThanOrEqual(5)
    }
  })
})

describe('helpers', () => {
  it('shows names without the Benchmark prefix, and without the GOMAXPROCS suffix when every line has the same', () => {
    const names = (fullNames: string[]) => [...displayNames(fullNames).values()]
    expect(names(['BenchmarkScan/padded-16', 'BenchmarkScan/ordered-16'])).toEqual(['Scan/padded', 'Scan/ordered'])
    expect(names(['BenchmarkSize/n=-1-2', 'BenchmarkSize/n=1-2'])).toEqual(['Size/n=-1', 'Size/n=1'])
    expect(names(['BenchmarkPlain'])).toEqual(['Plain'])
    // A program that is not go test names its rows as it likes.
    expect(names(['CountPending/rows=1000000', 'CountPending/capped-at-10001'])).toEqual([
      'CountPending/rows=1000000',
      'CountPending/capped-at-10001',
    ])
  })

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('describes a row against the baseline in words', () => {
    expect(describeRelative(50, 120, 'ns/op', 'lower')).toBe('2.40× faster')
    expect(describeRelative(150, 100, 'ns/op', 'lower')).toBe('1.50× slower')
    expect(describeRelative(8, 16, 'B/op', 'lower')).toBe('2.00× less')
    expect(describeRelative(30, 20, 'jobs/s', 'higher')).toBe('1.50× more')
    expect(describeRelative(100.2, 100, 'ns/op', 'lower')).toBe('same')
    expect(describeRelative(0, 5, 'allocs/op', 'lower')).toBeUndefined()
  })

  it('formats measurements with the precision they were printed with', () => {
    expect(formatMeasurement(10234567, 0)).toBe('10,234,567')
    expect(formatMeasurement(0.2838, 4)).toBe('0.2838')
    expect(formatMeasurement(162.2, 1)).toBe('162.2')
    expect(formatMeasurement(12.5, 0)).toBe('12.5')
    expect(formatMeasurement(20, 2)).toBe('20.00')
    expect(formatMeasurement(62.255, 2)).toBe('62.255')
  })
})
