import { createHash } from 'node:crypto'
import type { CSSProperties } from 'react'
import { formatMeasurement, type ComparedRow } from '@/lib/benchmarks'

type BenchmarkChartProps = {
  /** The table's caption: the chart's accessible name. */
  caption: string
  unit: string
  better: 'lower' | 'higher'
  /** The table's rows, compared on `unit`: one bar each, in this order. */
  rows: ComparedRow[]
  runs: number
}

// The SVG has no viewBox: one user unit is one CSS pixel, so text keeps its size at every width while the bars,
// positioned in percent, stretch with the column. Names and values are set in the system's monospace face (--font-mono
// in app/globals.css), whose glyphs are all about 0.6 em wide (Liberation Mono 0.600, DejaVu Sans Mono 0.602, Menlo
// derived from it; Consolas narrower), so the widths of the labels are known here and nothing needs measuring in the
// browser.
const nameSize = 13
const textSize = 12
const lineHeight = 20
const barHeight = 14
const rowGap = 14
const headerGap = 8
const glyphWidth = 0.6
/**
 * The narrowest chart: a 320 px phone less the page's margins (2 × 20 px), the box's border and the chart's
 * padding (2 × 16 px). Every line of text fits it; longer names break after a "/".
 */
const narrowestChart = 246
/** From this width (the container query in app/globals.css) a value sits beside its name, not under it. */
const besideLayoutFrom = 34 * 16
const columnGap = 24

const textWidth = (text: string, size: number) => [...text].length * size * glyphWidth

/** Breaks a name after its slashes (or anywhere, for a segment too long on its own) into lines that fit. */
function nameLines(name: string, width: number): string[] {
  const perLine = Math.floor(width / (nameSize * glyphWidth))
  const lines: string[] = []
  let current = ''
  for (const segment of name.split(/(?<=\/)/)) {
    if (current && [...current].length + [...segment].length > perLine) {
      lines.push(current)
      current = ''
    }
    current += segment
    while ([...current].length > perLine) {
      lines.push([...current].slice(0, perLine).join(''))
      current = [...current].slice(perLine).join('')
    }
  }
  return [...lines, current]
}

type Bar = {
  row: ComparedRow
  names: string[]
  value?: { number: string; relative?: string }
  label: string
  /** The row's top in the stacked layout (value under the name) and in the beside layout. */
  stackedTop: number
  besideTop: number
  /** Where the value line and the bar start in the stacked layout, from the row's top. */
  valueTop: number
  barTop: number
}

type Layout = { bars: Bar[]; stackedHeight: number; besideHeight: number; valueColumn: number; besideFits: boolean }

/** Where every row goes in both layouts; the stacked one is drawn, the beside one is applied by CSS. */
function layOut(rows: ComparedRow[], unit: string, headerHeight: number): Layout {
  const bars: Bar[] = []
  let stackedTop = headerHeight
  let besideTop = headerHeight
  for (const row of rows) {
    const names = nameLines(row.name, narrowestChart)
    const value = row.measured && {
      number: formatMeasurement(row.measured.median, row.measured.decimals),
      relative: row.relative,
    }
    const label = value ? `${value.number} ${unit}${value.relative ? ` · ${value.relative}` : ''}` : 'not measured'
    const valueTop = names.length * lineHeight
    const barTop = valueTop + lineHeight + 2
    bars.push({ row, names, value, label, stackedTop, besideTop, valueTop, barTop })
    stackedTop += barTop + barHeight + rowGap
    besideTop += barTop - lineHeight + barHeight + rowGap
  }
  const valueColumn = Math.max(...bars.map(({ names }) => textWidth(names[0], nameSize))) + columnGap
  const widest = Math.max(...bars.map(({ label }) => valueColumn + textWidth(label, textSize)))
  return {
    bars,
    stackedHeight: stackedTop - rowGap,
    besideHeight: besideTop - rowGap,
    valueColumn,
    besideFits: widest <= besideLayoutFrom,
  }
}

const percent = (value: number) => `${Number(value.toFixed(3))}%`
const baselineY = (lineTop: number, size: number) => lineTop + (lineHeight + size * 0.7) / 2

/**
 * A horizontal bar chart of one unit: one bar per row, from zero, with the spread of the runs as a whisker, the
 * baseline drawn as an outline and each bar labelled with its value and its ratio to the baseline. It is drawn on
 * the server; the table that follows it holds the same figures as text, so its own text is hidden from assistive
 * technology.
 */
export function BenchmarkChart({ caption, unit, better, rows, runs }: BenchmarkChartProps) {
  // Named after what it draws rather than with useId(): the feeds render articles outside React's server renderer,
  // where hooks are not available. Two charts of the same caption, unit and rows would show the same description.
  const descriptionId = `chart-${createHash('sha1')
    .update(JSON.stringify([caption, unit, rows.map(({ name }) => name)]))
    .digest('hex')
    .slice(0, 10)}-description`
  const direction = `${better} is better`
  const axisTitle = `Median ${unit} · ${direction}`
  const header = textWidth(axisTitle, textSize) <= narrowestChart ? [axisTitle] : [`Median ${unit}`, direction]
  const { bars, stackedHeight, besideHeight, valueColumn, besideFits } = layOut(
    rows,
    unit,
    header.length * lineHeight + headerGap,
  )
  // Bars end at 99% of the width, so the outline and whisker caps of the longest stay inside the chart.
  const scaleMax =
    Math.max(0, ...rows.flatMap(({ measured }) => (measured ? [measured.median, measured.max] : []))) / 99
  const x = (value: number) => percent(scaleMax === 0 ? 0 : value / scaleMax)
  const layout = {
    '--beside-height': `${besideHeight}px`,
    '--value-x': `${valueColumn}px`,
    '--bar-up': `${-lineHeight}px`,
  } as CSSProperties

  const spread = runs > 1 ? ` Whiskers span the lowest to the highest of ${runs} runs.` : ''
  return (
    <div className={besideFits ? 'benchmark-chart has-beside-layout' : 'benchmark-chart'}>
      <svg
        width="100%"
        height={stackedHeight}
        role="img"
        aria-label={caption}
        aria-describedby={descriptionId}
        style={layout}
      >
        <desc id={descriptionId}>
          {`Bar chart of the median ${unit} of each benchmark, from zero; ${direction}.${spread} The table below gives the same figures.`}
        </desc>
        <g aria-hidden="true">
          {header.map((text, index) => (
            <text key={text} className="chart-axis" x="0" y={baselineY(index * lineHeight, textSize)}>
              {text}
            </text>
          ))}
          {bars.map(({ row, names, value, label, stackedTop, besideTop, valueTop, barTop }) => (
            <g
              key={row.name}
              className="chart-row"
              transform={`translate(0 ${stackedTop})`}
              style={{ '--beside-y': `${besideTop}px`, '--value-up': `${-valueTop}px` } as CSSProperties}
            >
              {names.map((line, index) => (
                <text key={index} className="chart-name" x="0" y={baselineY(index * lineHeight, nameSize)}>
                  {line}
                </text>
              ))}
              <text className="chart-value" x="0" y={baselineY(valueTop, textSize)}>
                {value ? (
                  <>
                    <tspan className="chart-number">{value.number}</tspan> {unit}
                    {value.relative && (
                      <>
                        {' · '}
                        <tspan className="chart-relative">{value.relative}</tspan>
                      </>
                    )}
                  </>
                ) : (
                  label
                )}
              </text>
              <g className="chart-bars">
                <rect className="chart-zero" x="0" y={barTop - 3} width="1.5" height={barHeight + 6} />
                {row.measured && (
                  <rect
                    className={row.isBaseline ? 'chart-bar is-baseline' : 'chart-bar'}
                    x="0"
                    y={barTop}
                    width={x(row.measured.median)}
                    height={barHeight}
                  />
                )}
                {row.measured && row.measured.runs > 1 && row.measured.max > row.measured.min && (
                  <Whisker from={x(row.measured.min)} to={x(row.measured.max)} y={barTop + barHeight / 2} />
                )}
              </g>
            </g>
          ))}
        </g>
      </svg>
    </div>
  )
}

/** The lowest to the highest run: an ink line over a paper-coloured halo, visible on the bar and beside it. */
function Whisker({ from, to, y }: { from: string; to: string; y: number }) {
  const strokes = [
    { x1: from, x2: to, y1: y, y2: y },
    { x1: from, x2: from, y1: y - 5, y2: y + 5 },
    { x1: to, x2: to, y1: y - 5, y2: y + 5 },
  ]
  return (
    <g className="chart-whisker">
      {['chart-whisker-halo', 'chart-whisker-line'].map((className) =>
        strokes.map((stroke, index) => <line key={`${className}-${index}`} className={className} {...stroke} />),
      )}
    </g>
  )
}
