// What a <BenchmarkTable> shows, worked out once for the page, its chart and the post's Markdown copy: which rows,
// under which names, which columns (units in the headers, columns equal in every row folded into one line), each
// row against a baseline or against an earlier run, and what the figures mean.
import { describeRelative, formatChange, formatInterval, formatMeasurement, formatP, isHigherBetter } from './format'
import { parseBenchmarkOutput, summarize, type BenchmarkSummary, type MetricSummary } from './parse'
import { compareRuns, significanceLevel } from './stats'

/** Results from a tool that does not print benchfmt: one number, or one per run, for each unit. */
export type PlainBenchmarkRow = { name: string; values: Record<string, number | number[]> }

/** Which results a table or chart shows and how it compares them: the props an author writes. */
export type BenchmarkSelection = {
  /** benchfmt text, e.g. `go test -bench` output imported from the post's folder. */
  results?: string
  /** Rows for tools that do not print benchfmt. */
  rows?: PlainBenchmarkRow[]
  /** A regular expression matched against the benchmarks' names. */
  filter?: string
  /** The name of the row the others are compared with. */
  baseline?: string
  /** The unit the comparison uses; ns/op by default when present, otherwise the first unit. */
  metric?: string
  better?: 'lower' | 'higher'
  /** Which units to show, in this order; every measured unit by default (the metric alone against `before`). */
  units?: string[]
  /** Shorter names for rows, by their benchmark name. */
  labels?: Record<string, string>
  /** Earlier benchfmt output of the same benchmarks: each row is then compared with its earlier self, as benchstat does. */
  before?: string
  /** What the earlier and the current output are called in the headers ("Go 1.19", "Go 1.26"). */
  beforeLabel?: string
  label?: string
}

export type BenchmarkComparison = {
  environment: [key: string, value: string][]
  /** The earlier output's environment, when there is one. */
  beforeEnvironment?: [key: string, value: string][]
  /** The selected rows, in the order of the output. */
  benchmarks: BenchmarkSummary[]
  /** The same benchmarks in the earlier output, by name. */
  earlier?: Map<string, BenchmarkSummary>
  /** Every unit the selected rows measured, in the order of the output. */
  measuredUnits: string[]
  /** The units to show. */
  units: string[]
  metric: string
  better: 'lower' | 'higher'
  baseline?: BenchmarkSummary
  /** The most runs any metric had. */
  runs: number
  /** The name each row is shown under: its label, or its name less the prefix every row shares. */
  shownNames: Map<string, string>
  /** The prefix every row's name shares (without its trailing "/"), when it was left out of the rows. */
  sharedPrefix?: string
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

function readOutput(text: string, prop: string, fail: (message: string) => never) {
  try {
    return parseBenchmarkOutput(text)
  } catch (error) {
    return fail(`the ${prop} could not be read:\n${(error as Error).message}`)
  }
}

/** The longest prefix ending in "/" that every name has and none is made of: "Service/" of "Service/naive". */
function sharedPrefixOf(names: string[]): string | undefined {
  if (names.length < 2) return undefined
  let prefix = names[0].slice(0, names[0].lastIndexOf('/') + 1)
  while (prefix && !names.every((name) => name.startsWith(prefix) && name.length > prefix.length))
    prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1)
  return prefix || undefined
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
  if (selection.results !== undefined) ({ environment, benchmarks } = readOutput(selection.results, 'results', fail))
  else if (selection.rows) benchmarks = summarizeRows(selection.rows)
  else fail('pass the benchmark output as results={…} or plain rows as rows={[…]}')

  const { filter, baseline, metric, better, units, labels = {}, before } = selection
  if (filter) {
    const pattern = new RegExp(filter)
    benchmarks = benchmarks.filter((benchmark) => pattern.test(benchmark.name))
    if (benchmarks.length === 0) fail(`filter="${filter}" matches no benchmark`)
  }
  const names = benchmarks.map((benchmark) => benchmark.name)

  let earlier: Map<string, BenchmarkSummary> | undefined
  let beforeEnvironment: [string, string][] | undefined
  if (before !== undefined) {
    if (baseline !== undefined) fail('compare with before={…} or with a baseline="…" row, not both')
    const output = readOutput(before, 'before output', fail)
    beforeEnvironment = output.environment
    earlier = new Map(output.benchmarks.filter(({ name }) => names.includes(name)).map((b) => [b.name, b]))
    if (earlier.size === 0) fail(`before={…} has none of the rows ${names.join(', ')}`)
  }

  const measuredUnits = [...new Set(benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.unit)))]
  const unknownUnits = units?.filter((unit) => !measuredUnits.includes(unit)) ?? []
  if (unknownUnits.length > 0)
    fail(`units ${unknownUnits.join(', ')} are not in the output, which has ${measuredUnits.join(', ')}`)
  const compareOn = metric ?? (measuredUnits.includes('ns/op') ? 'ns/op' : measuredUnits[0])
  if (!measuredUnits.includes(compareOn))
    fail(`metric="${compareOn}" is not among the units ${measuredUnits.join(', ')}`)
  const baselineRow = baseline === undefined ? undefined : benchmarks.find((benchmark) => benchmark.name === baseline)
  if (baseline !== undefined && !baselineRow) fail(`baseline="${baseline}" is not one of the rows: ${names.join(', ')}`)
  const unknownLabels = Object.keys(labels).filter((name) => !names.includes(name))
  if (unknownLabels.length > 0)
    fail(`labels name ${unknownLabels.map((name) => `"${name}"`).join(', ')}, which are not rows: ${names.join(', ')}`)

  const unlabelled = names.filter((name) => labels[name] === undefined)
  const prefix = sharedPrefixOf(unlabelled)
  const shownNames = new Map(names.map((name) => [name, labels[name] ?? (prefix ? name.slice(prefix.length) : name)]))

  return {
    environment,
    beforeEnvironment,
    benchmarks,
    earlier,
    measuredUnits,
    units: units ?? (earlier ? [compareOn] : measuredUnits),
    metric: compareOn,
    better: better ?? (isHigherBetter(compareOn) ? 'higher' : 'lower'),
    baseline: baselineRow,
    runs: Math.max(...benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.runs))),
    shownNames,
    sharedPrefix: prefix?.slice(0, -1),
  }
}

/** An error in one <BenchmarkTable>, naming the post and the table's caption, then what to fix. */
export function benchmarkTableError(source: string, caption: string, message: string): Error {
  return new Error(`${source}: <BenchmarkTable caption="${caption}">: ${message}`)
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

/** Every row's median in one unit, under its shown name, and how it compares with the baseline's in words. */
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
    return { name: comparison.shownNames.get(benchmark.name)!, isBaseline, measured, relative }
  })
}

export type TableCell =
  | { kind: 'value'; median: string; interval?: string }
  | { kind: 'missing' }
  | { kind: 'relative'; text: string }
  | { kind: 'change'; text: string; p: string; significant: boolean }

export type TableColumn = {
  /** What the column holds: a unit ("ns/op"), an output's label ("Go 1.26"), "Δ" or "vs …". */
  header: string
  /** The unit, when the header is not the unit itself. */
  unit?: string
  kind: 'value' | 'relative' | 'change'
}

export type BenchmarkTableModel = {
  /** The first column's header: "Benchmark", or the prefix every row's name shares. */
  nameHeader: string
  columns: TableColumn[]
  rows: { name: string; benchmark: string; isBaseline: boolean; cells: TableCell[] }[]
  /** Units left out because every row measured the same: "0 allocs/op". */
  sameInEveryRow: string[]
  /** What the figures are, for the caption: "Median of 10 runs; ± is …". */
  notes: string[]
}

const missing: TableCell = { kind: 'missing' }

function valueCell(measured: MetricSummary | undefined): TableCell {
  if (!measured) return missing
  return {
    kind: 'value',
    median: formatMeasurement(measured.median, measured.decimals),
    interval: measured.interval === undefined ? undefined : formatInterval(measured.interval),
  }
}

const metricOf = (benchmark: BenchmarkSummary | undefined, unit: string) =>
  benchmark?.metrics.find((m) => m.unit === unit)

/** A unit every row measured with the same median (and, against an earlier run, the same there): "0 B/op". */
function sameInEveryRow(comparison: BenchmarkComparison, unit: string): string | undefined {
  const { benchmarks, earlier } = comparison
  if (benchmarks.length < 2 || unit === comparison.metric) return undefined
  const measured = benchmarks.flatMap((benchmark) => [
    metricOf(benchmark, unit),
    ...(earlier ? [metricOf(earlier.get(benchmark.name), unit)] : []),
  ])
  if (measured.some((m) => m === undefined || m.min !== m.max || m.median !== measured[0]!.median)) return undefined
  return `${formatMeasurement(measured[0]!.median, measured[0]!.decimals)} ${unit}`
}

function runsNote(runs: number, withInterval: boolean): string | undefined {
  if (runs <= 1) return undefined
  return withInterval
    ? `Median of ${runs} runs; ± is the 95 % confidence interval of the median.`
    : `Median of ${runs} runs (too few for a 95 % confidence interval).`
}

/** The table a <BenchmarkTable> shows: rows, columns and the notes its caption needs. */
export function benchmarkTableModel(
  comparison: BenchmarkComparison,
  beforeLabel = 'Before',
  label = 'After',
): BenchmarkTableModel {
  const { benchmarks, earlier, baseline, metric, runs } = comparison
  const folded = comparison.units.map((unit) => sameInEveryRow(comparison, unit))
  const units = comparison.units.filter((_, index) => folded[index] === undefined)
  const compared = compareRowsOn(comparison, metric)
  const hasInterval = benchmarks.some((benchmark) => benchmark.metrics.some((m) => m.interval !== undefined))

  if (earlier) {
    const columns: TableColumn[] = units.flatMap((unit): TableColumn[] => [
      { header: beforeLabel, unit, kind: 'value' },
      { header: label, unit, kind: 'value' },
      { header: 'Δ', unit, kind: 'change' },
    ])
    const rows = benchmarks.map((benchmark) => ({
      name: comparison.shownNames.get(benchmark.name)!,
      benchmark: benchmark.name,
      isBaseline: false,
      cells: units.flatMap((unit): TableCell[] => {
        const now = metricOf(benchmark, unit)
        const then = metricOf(earlier.get(benchmark.name), unit)
        const change = now && then && compareRuns(then.values, now.values)
        return [
          valueCell(then),
          valueCell(now),
          change
            ? { kind: 'change', text: formatChange(change), p: formatP(change.p), significant: change.significant }
            : missing,
        ]
      }),
    }))
    return {
      nameHeader: comparison.sharedPrefix ?? 'Benchmark',
      columns,
      rows,
      sameInEveryRow: folded.filter((text) => text !== undefined),
      notes: [
        ...(runsNote(runs, hasInterval) ? [runsNote(runs, hasInterval)!.replace('Median of', 'Medians of')] : []),
        `Δ is the change of the median from ${beforeLabel} to ${label}, shown where the Mann–Whitney U test finds a difference (p ≤ ${significanceLevel}); ~ means no significant difference.`,
      ],
    }
  }

  const columns: TableColumn[] = [
    ...units.map((unit): TableColumn => ({ header: unit, kind: 'value' })),
    ...(baseline
      ? [{ header: `vs ${comparison.shownNames.get(baseline.name)}`, unit: metric, kind: 'relative' as const }]
      : []),
  ]
  const rows = benchmarks.map((benchmark, index) => ({
    name: comparison.shownNames.get(benchmark.name)!,
    benchmark: benchmark.name,
    isBaseline: benchmark === baseline,
    cells: [
      ...units.map((unit) => valueCell(metricOf(benchmark, unit))),
      ...(baseline ? [{ kind: 'relative' as const, text: compared[index].relative ?? '–' }] : []),
    ],
  }))
  return {
    nameHeader: comparison.sharedPrefix ?? 'Benchmark',
    columns,
    rows,
    sameInEveryRow: folded.filter((text) => text !== undefined),
    notes: runsNote(runs, hasInterval) ? [runsNote(runs, hasInterval)!] : [],
  }
}

const environmentLabels: Record<string, string> = {
  go: 'Go',
  goos: 'OS',
  goarch: 'Arch',
  cpu: 'CPU',
  cores: 'Cores',
  memory: 'Memory',
  kernel: 'Kernel',
  date: 'Date',
  pkg: 'Package',
}

/** Environment lines with readable labels (Go, CPU, Cores …), `runs` and `pkg` left out: the machine, not the run. */
export function describeEnvironment(environment: [key: string, value: string][]): [label: string, value: string][] {
  return environment
    .filter(([key]) => key !== 'runs' && key !== 'pkg')
    .map(([key, value]) => [
      environmentLabels[key] ?? key.charAt(0).toUpperCase() + key.slice(1),
      key === 'go' ? value.replace(/^go(?=\d)/, '') : value,
    ])
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
