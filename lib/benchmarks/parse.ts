// Reads benchmark results in Go's benchmark format (golang.org/design/14313-benchmark-format): the output of
// `go test -bench`, which other tools in this repo also print so that one parser serves every table.
import { medianInterval, relativeInterval } from './stats'

export type BenchmarkProblem = { line: number; text: string; message: string }

export class BenchmarkParseError extends Error {
  readonly problems: BenchmarkProblem[]

  constructor(problems: BenchmarkProblem[]) {
    super(problems.map(({ line, text, message }) => `line ${line}: ${message}: ${JSON.stringify(text)}`).join('\n'))
    this.name = 'BenchmarkParseError'
    this.problems = problems
  }
}

export type MetricSummary = {
  unit: string
  /** Every run's value, in the order printed. */
  values: number[]
  median: number
  min: number
  max: number
  /**
   * The 95 % confidence interval of the median as benchstat prints it after ±: the farther end's distance from the
   * median, as a fraction of it. Undefined with fewer than six runs, too few for that confidence.
   */
  interval?: number
  runs: number
  /** The most decimal places any run printed: the median is shown with that precision, never less. */
  decimals: number
}

export type BenchmarkSummary = { name: string; metrics: MetricSummary[] }

export type BenchmarkOutput = {
  /** key: value lines such as goos, goarch, cpu, pkg and the header our bench runner adds, in file order. */
  environment: [key: string, value: string][]
  benchmarks: BenchmarkSummary[]
}

const configLine = /^([a-z][^\s:A-Z]*):\s+(.*)$/
const ignoredLine = /^(PASS|ok\s|\s|--- BENCH|$)/
const failedLine = /^(FAIL|--- FAIL|panic:)/

/**
 * The names the journal shows: without the Benchmark prefix, and without the -GOMAXPROCS suffix Go appends, when
 * every result line of the file ends with the same -N (a run with GOMAXPROCS=1 has none, and a name of another
 * program may end in digits of its own: "capped-at-10001").
 */
export function displayNames(fullNames: string[]): Map<string, string> {
  const suffixes = new Set(fullNames.map((name) => /-\d+$/.exec(name)?.[0]))
  const [suffix] = suffixes
  const common = suffixes.size === 1 && suffix !== undefined ? suffix : undefined
  return new Map(
    fullNames.map((name) => [
      name,
      name.replace(/^Benchmark/, '').slice(0, common ? -common.length : undefined) || name,
    ]),
  )
}

/** Parses benchfmt text; every malformed line is reported, with its line number, in one error. */
export function parseBenchmarkOutput(text: string): BenchmarkOutput {
  const environment = new Map<string, string>()
  const samples = new Map<string, Map<string, string[]>>()
  const problems: BenchmarkProblem[] = []

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const fail = (message: string) => problems.push({ line, text: raw, message })
    if (failedLine.test(raw)) return fail('the benchmark run failed')
    if (raw.startsWith('Benchmark')) {
      const fields = raw.trim().split(/\s+/)
      // A name on a line of its own precedes a benchmark's log output; its results follow on a later line.
      if (fields.length === 1) return
      const [fullName, iterations, ...pairs] = fields
      if (!/^\d+$/.test(iterations)) return fail('expected an iteration count after the benchmark name')
      if (pairs.length === 0 || pairs.length % 2 !== 0) return fail('expected pairs of a value and its unit')
      const metrics = samples.get(fullName) ?? new Map<string, string[]>()
      for (let i = 0; i < pairs.length; i += 2) {
        if (!Number.isFinite(Number(pairs[i]))) return fail(`"${pairs[i]}" is not a number`)
        metrics.set(pairs[i + 1], [...(metrics.get(pairs[i + 1]) ?? []), pairs[i]])
      }
      samples.set(fullName, metrics)
      return
    }
    const config = configLine.exec(raw)
    if (config) {
      const previous = environment.get(config[1])
      const values = previous?.split(', ') ?? []
      if (!values.includes(config[2].trim())) environment.set(config[1], [...values, config[2].trim()].join(', '))
      return
    }
    if (!ignoredLine.test(raw)) fail('not a benchmark result, a "key: value" line or go test output')
  })

  if (problems.length === 0 && samples.size === 0) {
    problems.push({ line: 1, text: text.split('\n')[0] ?? '', message: 'no benchmark results found' })
  }
  if (problems.length > 0) throw new BenchmarkParseError(problems)

  const names = displayNames([...samples.keys()])
  const merged = new Map<string, Map<string, string[]>>()
  for (const [fullName, metrics] of samples) {
    const name = names.get(fullName)!
    const into = merged.get(name) ?? new Map<string, string[]>()
    for (const [unit, values] of metrics) into.set(unit, [...(into.get(unit) ?? []), ...values])
    merged.set(name, into)
  }
  return {
    environment: [...environment],
    benchmarks: [...merged].map(([name, metrics]) => ({
      name,
      metrics: [...metrics].map(([unit, values]) =>
        summarize(unit, values.map(Number), Math.max(...values.map(decimalsOf))),
      ),
    })),
  }
}

function decimalsOf(printed: string): number {
  return printed.includes('.') && !/e/i.test(printed) ? printed.length - printed.indexOf('.') - 1 : 0
}

export function summarize(
  unit: string,
  values: number[],
  decimals = Math.max(...values.map((value) => decimalsOf(String(value)))),
): MetricSummary {
  const interval = medianInterval(values)
  return {
    unit,
    values,
    median: interval.median,
    min: Math.min(...values),
    max: Math.max(...values),
    interval: relativeInterval(interval),
    runs: values.length,
    decimals,
  }
}
