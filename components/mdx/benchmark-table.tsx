import {
  benchmarkTableError,
  benchmarkTableModel,
  betterDirection,
  compareRowsOn,
  compareTableBenchmarks,
  type BenchmarkSelection,
  type TableCell,
} from '@/lib/benchmarks'
import { BenchmarkChart } from './benchmark-chart'

/**
 * From this many figure columns a table puts each interval under its median instead of beside it: a service's
 * table of eight metrics then fits the widest column a desktop gives it (58rem) without scrolling.
 */
const denseColumns = 5

export type BenchmarkTableProps = BenchmarkSelection & {
  caption: string
  /**
   * A bar chart of the same rows above the table: of the comparison metric, or of the unit named. Drawn by default
   * for a table with a baseline; chart={false} leaves it out.
   */
  chart?: boolean | string
  /** Where this table's machine differs from the article's (set while compiling, lib/mdx/component-props.ts). */
  differs?: [label: string, value: string][]
  /** Where the `before` output's machine differs from the article's (set while compiling). */
  beforeDiffers?: [label: string, value: string][]
  /** Where the table is written, `posts/x/index.mdx:12` (set while compiling), named in its errors. */
  source?: string
}

/**
 * Benchmark results as an accessible table: units in the headers, medians with their confidence interval, each row
 * against a baseline or against an earlier run, and columns that are the same in every row said once below it.
 * On a narrow screen every row becomes a block of its own (name, then its figures), so nothing scrolls out of sight.
 */
export function BenchmarkTable({
  caption,
  chart,
  differs,
  beforeDiffers,
  source = 'a post',
  ...selection
}: BenchmarkTableProps) {
  const fail = (message: string): never => {
    throw benchmarkTableError(source, caption, message)
  }
  const comparison = compareTableBenchmarks(selection, source, caption)
  const { beforeLabel = 'Before', label = 'After' } = selection
  const model = benchmarkTableModel(comparison, beforeLabel, label)
  const chartUnit =
    chart === true || (chart === undefined && comparison.baseline)
      ? comparison.metric
      : typeof chart === 'string'
        ? chart
        : undefined
  if (chartUnit !== undefined && !comparison.units.includes(chartUnit))
    fail(
      comparison.measuredUnits.includes(chartUnit)
        ? `chart="${chartUnit}" is not among the table's units ${comparison.units.join(', ')}: add it to units={[…]}, so that the table gives the chart's figures as text`
        : `chart="${chartUnit}" is not among the units ${comparison.measuredUnits.join(', ')}`,
    )
  const chartRows = chartUnit === undefined ? [] : compareRowsOn(comparison, chartUnit)
  const negative = chartRows.find(({ measured }) => measured && measured.min < 0)
  if (negative) fail(`chart="${chartUnit}": bars start at zero and cannot show ${negative.name}'s negative values`)

  const machine = [
    differs?.length ? `${comparison.earlier ? `${label}: ` : 'Measured with '}${describe(differs)}` : undefined,
    beforeDiffers?.length ? `${beforeLabel}: ${describe(beforeDiffers)}` : undefined,
  ].filter((line) => line !== undefined)
  const notes = [...model.notes, ...(model.sameInEveryRow.length ? [sameNote(model.sameInEveryRow)] : [])]
  const headerLabels = model.columns.map(({ header, unit }) => (unit ? `${header} (${unit})` : header))

  return (
    <figure className="benchmark not-prose">
      <figcaption className="benchmark-heading">
        <span className="benchmark-caption">{caption}</span>
        {notes.map((note) => (
          <span key={note} className="benchmark-note">
            {note}
          </span>
        ))}
        {machine.map((line) => (
          <span key={line} className="benchmark-note benchmark-machine">
            {line}
          </span>
        ))}
      </figcaption>
      {chartUnit !== undefined && (
        <BenchmarkChart
          caption={caption}
          unit={chartUnit}
          better={betterDirection(comparison, chartUnit)}
          rows={chartRows}
          runs={comparison.runs}
        />
      )}
      {/* Roles restate the table's semantics, which CSS display changes on narrow screens would otherwise drop. */}
      <div className="benchmark-scroll" role="region" aria-label={`${caption}: table`} tabIndex={0}>
        <table
          role="table"
          aria-label={caption}
          className={model.columns.length >= denseColumns ? 'is-dense' : undefined}
        >
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">
                {model.nameHeader}
              </th>
              {model.columns.map(({ header, unit, kind }, index) => (
                <th role="columnheader" scope="col" key={index} className={`numeric is-${kind}`}>
                  {header}
                  {unit && <span className="header-unit">{unit}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {model.rows.map((row) => (
              <tr role="row" key={row.benchmark} className={row.isBaseline ? 'is-baseline' : undefined}>
                <th role="rowheader" scope="row" title={row.name === row.benchmark ? undefined : row.benchmark}>
                  {row.name}
                </th>
                {row.cells.map((cell, index) => (
                  <td
                    role="cell"
                    key={index}
                    className={`numeric is-${model.columns[index].kind}`}
                    data-label={headerLabels[index]}
                  >
                    <Cell cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

function Cell({ cell }: { cell: TableCell }) {
  switch (cell.kind) {
    case 'missing':
      return <span aria-label="not measured">–</span>
    case 'relative':
      return cell.text
    case 'value':
      return (
        <>
          {cell.median}
          {cell.interval && <span className="spread"> {cell.interval}</span>}
        </>
      )
    case 'change':
      return (
        <>
          <span className={cell.significant ? 'change is-significant' : 'change'}>{cell.text}</span>
          <span className="spread"> {cell.p}</span>
        </>
      )
  }
}

function describe(entries: [string, string][]): string {
  return entries.map(([label, value]) => `${label} ${value}`).join(', ')
}

function sameNote(same: string[]): string {
  return `Every row: ${same.join(', ')}.`
}
