import {
  describeRelative,
  formatMeasurement,
  isHigherBetter,
  parseBenchmarkOutput,
  summarize,
  type BenchmarkSummary,
} from '@/lib/benchmarks'

export type PlainBenchmarkRow = { name: string; values: Record<string, number | number[]> }

type BenchmarkTableProps = {
  caption: string
  /** Raw `go test -bench` output (or any benchfmt text), imported from the post's folder. */
  results?: string
  /** Rows for tools that do not print benchfmt. */
  rows?: PlainBenchmarkRow[]
  /** A regular expression matched against the shown names, to pick some of the benchmarks. */
  filter?: string
  /** The row the others are compared with. */
  baseline?: string
  /** The unit the comparison uses; ns/op by default when present. */
  metric?: string
  better?: 'lower' | 'higher'
  /** Which units to show, in this order; every unit in the output by default. */
  units?: string[]
  /** Set by the article page so errors name the post. */
  source?: string
}

function fromRows(rows: PlainBenchmarkRow[]): BenchmarkSummary[] {
  return rows.map(({ name, values }) => ({
    name,
    metrics: Object.entries(values).map(([unit, value]) => summarize(unit, Array.isArray(value) ? value : [value])),
  }))
}

const environmentLabels: Record<string, string> = { goos: 'OS', goarch: 'Arch', cpu: 'CPU', pkg: 'Package', go: 'Go' }

/** Benchmark results as an accessible table: medians with their spread, and each row against a baseline. */
export function BenchmarkTable({
  caption,
  results,
  rows,
  filter,
  baseline,
  metric,
  better,
  units: chosenUnits,
  source = 'a post',
}: BenchmarkTableProps) {
  const fail = (message: string): never => {
    throw new Error(`${source}: <BenchmarkTable caption="${caption}">: ${message}`)
  }
  let environment: [string, string][] = []
  let benchmarks: BenchmarkSummary[] = []
  if (results !== undefined) {
    try {
      ;({ environment, benchmarks } = parseBenchmarkOutput(results))
    } catch (error) {
      fail(`the results could not be read:\n${(error as Error).message}`)
    }
  } else if (rows) {
    benchmarks = fromRows(rows)
  } else {
    fail('pass the benchmark output as results={…} or plain rows as rows={[…]}')
  }

  if (filter) {
    const pattern = new RegExp(filter)
    benchmarks = benchmarks.filter((benchmark) => pattern.test(benchmark.name))
    if (benchmarks.length === 0) fail(`filter="${filter}" matches no benchmark`)
  }

  const measuredUnits = [...new Set(benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.unit)))]
  const unknownUnits = chosenUnits?.filter((unit) => !measuredUnits.includes(unit)) ?? []
  if (unknownUnits.length > 0)
    fail(`units ${unknownUnits.join(', ')} are not in the output, which has ${measuredUnits.join(', ')}`)
  const units = chosenUnits ?? measuredUnits
  const compareOn = metric ?? (measuredUnits.includes('ns/op') ? 'ns/op' : measuredUnits[0])
  if (!measuredUnits.includes(compareOn))
    fail(`metric="${compareOn}" is not among the units ${measuredUnits.join(', ')}`)
  const direction = better ?? (isHigherBetter(compareOn) ? 'higher' : 'lower')
  const baselineRow = baseline === undefined ? undefined : benchmarks.find((benchmark) => benchmark.name === baseline)
  if (baseline !== undefined && !baselineRow) {
    fail(`baseline="${baseline}" is not one of the rows: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`)
  }
  const baselineValue = baselineRow?.metrics.find((m) => m.unit === compareOn)?.median
  const runs = Math.max(...benchmarks.flatMap((benchmark) => benchmark.metrics.map((m) => m.runs)))
  const shownEnvironment = environment.filter(([key]) => key !== 'runs')
  const note =
    runs > 1 ? `Median of ${runs} runs; ± is the widest distance of a single run from the median.` : undefined

  return (
    <figure className="benchmark not-prose">
      <div className="benchmark-box">
        {/* The caption is repeated outside the scrolling table so it wraps at the figure's width on phones. */}
        <div aria-hidden="true" className="benchmark-heading">
          <p className="benchmark-caption">{caption}</p>
          {note && <p className="benchmark-note">{note}</p>}
        </div>
        <div className="benchmark-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table>
            <caption className="sr-only">
              {caption}
              {note && `. ${note}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Benchmark</th>
                {units.map((unit) => (
                  <th scope="col" key={unit} className="numeric">
                    {unit}
                  </th>
                ))}
                {baselineRow && (
                  <th scope="col" className="numeric">
                    vs {baselineRow.name} <span className="whitespace-nowrap">({compareOn})</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {benchmarks.map((benchmark) => {
                const value = benchmark.metrics.find((m) => m.unit === compareOn)?.median
                const relative =
                  benchmark === baselineRow
                    ? 'baseline'
                    : value !== undefined && baselineValue !== undefined
                      ? describeRelative(value, baselineValue, compareOn, direction)
                      : undefined
                return (
                  <tr key={benchmark.name} className={benchmark === baselineRow ? 'is-baseline' : undefined}>
                    <th scope="row">{benchmark.name}</th>
                    {units.map((unit) => {
                      const measured = benchmark.metrics.find((m) => m.unit === unit)
                      return (
                        <td key={unit} className="numeric">
                          {measured ? (
                            <>
                              {formatMeasurement(measured.median, measured.decimals)}{' '}
                              <span className="unit">{unit}</span>
                              {measured.runs > 1 && (
                                <span className="spread">±{formatMeasurement(measured.spread * 100, 0)}%</span>
                              )}
                            </>
                          ) : (
                            <span aria-label="not measured">–</span>
                          )}
                        </td>
                      )
                    })}
                    {baselineRow && <td className="numeric relative-cell">{relative ?? '–'}</td>}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </div>
      {shownEnvironment.length > 0 && (
        <figcaption>
          <span className="sr-only">Measured on: </span>
          <dl className="benchmark-environment">
            {shownEnvironment.map(([key, value]) => (
              <div key={key}>
                <dt>{environmentLabels[key] ?? key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </figcaption>
      )}
    </figure>
  )
}
