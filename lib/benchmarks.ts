// Reads benchmark results in Go's benchmark format (golang.org/design/14313-benchmark-format): the output of
// `go test -bench`, which other tools in this repo also print so that one parser serves every table.

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
  median: number
  min: number
  max: number
  /** The widest distance of a single run from the median, as a fraction of the median. */
  spread: number
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

/** Go appends -GOMAXPROCS to a benchmark's name; the journal shows names without it and without the prefix. */
export function displayName(fullName: string): string {
  return fullName.replace(/^Benchmark/, '').replace(/-\d+$/, '')
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
      const metrics = samples.get(displayName(fullName)) ?? new Map<string, string[]>()
      for (let i = 0; i < pairs.length; i += 2) {
        if (!Number.isFinite(Number(pairs[i]))) return fail(`"${pairs[i]}" is not a number`)
        metrics.set(pairs[i + 1], [...(metrics.get(pairs[i + 1]) ?? []), pairs[i]])
      }
      samples.set(displayName(fullName), metrics)
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

  return {
    environment: [...environment],
    benchmarks: [...samples].map(([name, metrics]) => ({
      name,
      metrics: [...metrics].map(([unit, values]) =>
        summarize(unit, values.map(Number), Math.max(...values.map(decimalsOf))),
      ),
    })),
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function decimalsOf(printed: string): number {
  return printed.includes('.') && !/e/i.test(printed) ? printed.length - printed.indexOf('.') - 1 : 0
}

export function summarize(
  unit: string,
  values: number[],
  decimals = Math.max(...values.map((value) => decimalsOf(String(value)))),
): MetricSummary {
  const mid = median(values)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const spread = mid === 0 ? 0 : Math.max(mid - min, max - mid) / Math.abs(mid)
  return { unit, median: mid, min, max, spread, runs: values.length, decimals }
}

/** Whether a bigger number is the better one: throughput units (…/s) are, costs (ns/op, B/op) are not. */
export function isHigherBetter(unit: string): boolean {
  return /\/s(ec)?$/.test(unit)
}

const timeUnit = /^(ns|µs|us|ms|s)\//

/**
 * How a row compares with the baseline on one metric, in words: "2.40× faster", "1.31× more".
 * Undefined when either value is zero, where a ratio means nothing.
 */
export function describeRelative(
  value: number,
  baseline: number,
  unit: string,
  better: 'lower' | 'higher',
): string | undefined {
  if (value === 0 || baseline === 0) return undefined
  const ratio = value / baseline
  if (Math.abs(ratio - 1) < 0.005) return 'same'
  const isBetter = better === 'lower' ? ratio < 1 : ratio > 1
  const factor = formatFactor(ratio >= 1 ? ratio : 1 / ratio)
  if (timeUnit.test(unit)) return `${factor}× ${isBetter ? 'faster' : 'slower'}`
  return `${factor}× ${ratio > 1 ? 'more' : 'less'}`
}

function formatFactor(factor: number): string {
  return factor < 10 ? factor.toFixed(2) : factor < 100 ? factor.toFixed(1) : factor.toFixed(0)
}

/**
 * A measurement with thousands separators and the precision the benchmark printed, trailing zeros included
 * (one more place when the median of an even number of runs falls between two printed values).
 */
export function formatMeasurement(value: number, decimals: number): string {
  return measurementFormat(Math.min(decimals, 20)).format(value)
}

// Making an Intl.NumberFormat costs far more than formatting with one, and a build formats every cell of every
// benchmark table: one formatter per precision.
const measurementFormats = new Map<number, Intl.NumberFormat>()
function measurementFormat(decimals: number): Intl.NumberFormat {
  let format = measurementFormats.get(decimals)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.min(decimals + 1, 20),
    })
    measurementFormats.set(decimals, format)
  }
  return format
}

/** Results from a tool that does not print benchfmt: one number, or one per run, for each unit. */
export type PlainBenchmarkRow = { name: string; values: Record<string, number | number[]> }

/** Which results a table or chart shows and how it compares them: the props an author writes. */
export type BenchmarkSelection = {
  /** benchfmt text, e.g. `go test -bench` output imported from the post's folder. */
  results?: string
  /** Rows for tools that do not print benchfmt. */
  rows?: PlainBenchmarkRow[]
  /** A regular expression matched against the shown names. */
  filter?: string
  /** The shown name of the row the others are compared with. */
  baseline?: string
  /** The unit the comparison uses; ns/op by default when present, otherwise the first unit. */
  metric?: string
  better?: 'lower' | 'higher'
  /** Which units to show, in this order; every measured unit by default. */
  units?: string[]
}

export type BenchmarkComparison = {
  environment: [key: string, value: string][]
  /** The selected rows, in the order of the output. */
  benchmarks: BenchmarkSummary[]
  /** Every unit the selected rows measured, in the order of the output. */
  measuredUnits: string[]
  /** The units to show. */
  units: string[]
  metric: string
  better: 'lower' | 'higher'
  baseline?: BenchmarkSummary
  /** The most runs any metric had. */
  runs: number
}

/** A selection that does not fit its results; the message says what to write instead. */
export class BenchmarkSelectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BenchmarkSelectionError'
  }
}

function summarizeRows(rows: PlainBenchmarkRow[]): BenchmarkSummary[] {
  return rows.map(({ name, values }) => ({
    name,
    metrics: Object.entries(values).map(([unit, value]) => summarize(unit, Array.isArray(value) ? value : [value])),
  }))
}

/**
 * Reads the results, keeps the rows the filter matches and checks every prop against them: the one place where
 * a table and its chart get their numbers, so both always show the same rows, medians and baseline.
 */
export function compareBenchmarks(selection: BenchmarkSelection): BenchmarkComparison {
  const fail = (message: string): never => {
    throw new BenchmarkSelectionError(message)
  }
  let environment: [string, string][] = []
  let benchmarks: BenchmarkSummary[] = []
  if (selection.results !== undefined) {
    try {
      ;({ environment, benchmarks } = parseBenchmarkOutput(selection.results))
    } catch (error) {
      fail(`the results could not be read:\n${(error as Error).message}`)
    }
  } else if (selection.rows) {
    benchmarks = summarizeRows(selection.rows)
  } else {
    fail('pass the benchmark output as results={…} or plain rows as rows={[…]}')
  }

  const { filter, baseline, metric, better, units } = selection
  if (filter) {
    const pattern = new RegExp(filter)
    benchmarks = benchmarks.filter((benchmark) => pattern.test(benchmark.name))
    if (benchmarks.length === 0) fail(`filter="${filter}" matches no benchmark`)
  }

  const measuredUnits = [...new Set(benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.unit)))]
  const unknownUnits = units?.filter((unit) => !measuredUnits.includes(unit)) ?? []
  if (unknownUnits.length > 0)
    fail(`units ${unknownUnits.join(', ')} are not in the output, which has ${measuredUnits.join(', ')}`)
  const compareOn = metric ?? (measuredUnits.includes('ns/op') ? 'ns/op' : measuredUnits[0])
  if (!measuredUnits.includes(compareOn))
    fail(`metric="${compareOn}" is not among the units ${measuredUnits.join(', ')}`)
  const baselineRow = baseline === undefined ? undefined : benchmarks.find((benchmark) => benchmark.name === baseline)
  if (baseline !== undefined && !baselineRow) {
    fail(`baseline="${baseline}" is not one of the rows: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`)
  }

  return {
    environment,
    benchmarks,
    measuredUnits,
    units: units ?? measuredUnits,
    metric: compareOn,
    better: better ?? (isHigherBetter(compareOn) ? 'higher' : 'lower'),
    baseline: baselineRow,
    runs: Math.max(...benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.runs))),
  }
}

/** An error in one <BenchmarkTable>, naming the post and the table's caption, then what to fix. */
export function benchmarkTableError(source: string, caption: string, message: string): Error {
  return new Error(`${source}: <BenchmarkTable caption="${caption}">: ${message}`)
}

/** compareBenchmarks for one <BenchmarkTable>: a selection that does not fit its results names the post and table. */
export function compareTableBenchmarks(
  selection: BenchmarkSelection,
  source: string,
  caption: string,
): BenchmarkComparison {
  try {
    return compareBenchmarks(selection)
  } catch (error) {
    if (error instanceof BenchmarkSelectionError) throw benchmarkTableError(source, caption, error.message)
    throw error
  }
}

export type ComparedRow = {
  name: string
  isBaseline: boolean
  /** The row's measurement in the compared unit; undefined when the row did not measure it. */
  measured?: MetricSummary
  /** "2.40× faster", "same", "baseline" for the baseline row; undefined without a baseline or a ratio. */
  relative?: string
}

/** Which way is better for a unit: the author's `better` for the comparison metric, else the unit's nature. */
export function betterDirection(comparison: BenchmarkComparison, unit: string): 'lower' | 'higher' {
  if (unit === comparison.metric) return comparison.better
  return isHigherBetter(unit) ? 'higher' : 'lower'
}

/** Every row's median in one unit, and how it compares with the baseline's in the table's words. */
export function compareRowsOn(comparison: BenchmarkComparison, unit: string): ComparedRow[] {
  const { baseline } = comparison
  const baselineValue = baseline?.metrics.find((m) => m.unit === unit)?.median
  const direction = betterDirection(comparison, unit)
  return comparison.benchmarks.map((benchmark) => {
    const measured = benchmark.metrics.find((m) => m.unit === unit)
    const isBaseline = benchmark === baseline
    const relative = isBaseline
      ? 'baseline'
      : measured && baselineValue !== undefined
        ? describeRelative(measured.median, baselineValue, unit, direction)
        : undefined
    return { name: benchmark.name, isBaseline, measured, relative }
  })
}

const environmentLabels: Record<string, string> = { goos: 'OS', goarch: 'Arch', cpu: 'CPU', pkg: 'Package', go: 'Go' }

/** The output's environment lines with readable labels (OS, CPU, Go …), `runs` left out. */
export function describeEnvironment(comparison: BenchmarkComparison): [label: string, value: string][] {
  return comparison.environment
    .filter(([key]) => key !== 'runs')
    .map(([key, value]) => [environmentLabels[key] ?? key, value])
}

/** How the numbers were summarized, when there were several runs. */
export function runsNote(comparison: BenchmarkComparison): string | undefined {
  return comparison.runs > 1
    ? `Median of ${comparison.runs} runs; ± is the widest distance of a single run from the median.`
    : undefined
}
