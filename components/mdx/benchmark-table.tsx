import {
  benchmarkTableError,
  betterDirection,
  compareRowsOn,
  compareTableBenchmarks,
  describeEnvironment,
  formatMeasurement,
  runsNote,
  type BenchmarkSelection,
} from '@/lib/benchmarks'
import { BenchmarkChart } from './benchmark-chart'

type BenchmarkTableProps = BenchmarkSelection & {
  caption: string
  /** Also draw the rows as a bar chart above the table: of the comparison metric, or of the unit named. */
  chart?: boolean | string
  /** Set by the article page so errors name the post. */
  source?: string
}

/**
 * Benchmark results as an accessible table: medians with their spread, and each row against a baseline. With
 * `chart`, the same rows are drawn above it as a bar chart, for which the table is the text alternative.
 */
export function BenchmarkTable({ caption, chart, source = 'a post', ...selection }: BenchmarkTableProps) {
  const fail = (message: string): never => {
    throw benchmarkTableError(source, caption, message)
  }
  const comparison = compareTableBenchmarks(selection, source, caption)
  const { benchmarks, units, metric, baseline, runs } = comparison
  const chartUnit = chart === true ? metric : typeof chart === 'string' ? chart : undefined
  if (chartUnit !== undefined && !units.includes(chartUnit)) {
    fail(
      comparison.measuredUnits.includes(chartUnit)
        ? `chart="${chartUnit}" is not among the table's units ${units.join(', ')}: add it to units={[…]}, so that the table gives the chart's figures as text`
        : `chart="${chartUnit}" is not among the units ${comparison.measuredUnits.join(', ')}`,
    )
  }
  const chartRows = chartUnit === undefined ? [] : compareRowsOn(comparison, chartUnit)
  const negative = chartRows.find(({ measured }) => measured && measured.min < 0)
  if (negative) fail(`chart="${chartUnit}": bars start at zero and cannot show ${negative.name}'s negative values`)
  const comparedRows = compareRowsOn(comparison, metric)
  const shownEnvironment = describeEnvironment(comparison)
  const note = runsNote(comparison)
  const chartNote = chartUnit !== undefined && runs > 1 ? ' Whiskers span the lowest to the highest run.' : ''

  return (
    <figure className="benchmark not-prose">
      <div className="benchmark-box">
        {/* The caption is repeated outside the scrolling table so it wraps at the figure's width on phones. */}
        <div aria-hidden="true" className="benchmark-heading">
          <p className="benchmark-caption">{caption}</p>
          {note && (
            <p className="benchmark-note">
              {note}
              {chartNote}
            </p>
          )}
        </div>
        {chartUnit !== undefined && (
          <BenchmarkChart
            caption={caption}
            unit={chartUnit}
            better={betterDirection(comparison, chartUnit)}
            rows={chartRows}
            runs={runs}
          />
        )}
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
                {baseline && (
                  <th scope="col" className="numeric">
                    vs {baseline.name} <span className="whitespace-nowrap">({metric})</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {benchmarks.map((benchmark, index) => {
                const { relative } = comparedRows[index]
                return (
                  <tr key={benchmark.name} className={benchmark === baseline ? 'is-baseline' : undefined}>
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
                    {baseline && <td className="numeric relative-cell">{relative ?? '–'}</td>}
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
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </figcaption>
      )}
    </figure>
  )
}
