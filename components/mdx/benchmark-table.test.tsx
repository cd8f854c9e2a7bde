import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BenchmarkTable } from './benchmark-table'

const results = [
  'goos: linux',
  'cpu: AMD EPYC',
  'go: go1.19.8',
  'runs: 3',
  'BenchmarkScan/padded-2  100  120 ns/op  48 B/op  1 allocs/op',
  'BenchmarkScan/padded-2  100  118 ns/op  48 B/op  1 allocs/op',
  'BenchmarkScan/padded-2  100  130 ns/op  48 B/op  1 allocs/op',
  'BenchmarkScan/ordered-2  100  50 ns/op  32 B/op  1 allocs/op',
  'BenchmarkScan/ordered-2  100  49 ns/op  32 B/op  1 allocs/op',
  'BenchmarkScan/ordered-2  100  52 ns/op  32 B/op  1 allocs/op',
  'BenchmarkBuild-2  10  9000 ns/op',
].join('\n')

const throughput = [
  { name: 'one worker', values: { 'jobs/s': 10 } },
  { name: 'four workers', values: { 'jobs/s': [39, 40, 41] } },
]

const render = (props: Partial<Parameters<typeof BenchmarkTable>[0]>) =>
  renderToStaticMarkup(<BenchmarkTable caption="Scanning" results={results} source="posts/x/index.mdx" {...props} />)

const tenRuns = (name: string, values: number[], rest = '0 B/op  0 allocs/op') =>
  values.map((value) => `Benchmark${name}-2  1000  ${value} ns/op  ${rest}`).join('\n')

describe('BenchmarkTable', () => {
  it('puts units in the headers, names the rows without their shared prefix and says what the figures are', () => {
    const html = render({ filter: '^Scan/', baseline: 'Scan/padded', chart: false })
    expect(html).toContain('<span class="benchmark-caption">Scanning</span>')
    expect(html).toContain('Median of 3 runs (too few for a 95 % confidence interval).')
    // The prefix every row shares heads the name column; the full name stays in the row's title.
    expect(html).toContain('<th role="columnheader" scope="col">Scan</th>')
    expect(html).toContain('<th role="rowheader" scope="row" title="Scan/ordered">ordered</th>')
    expect(html).toContain('<th role="columnheader" scope="col" class="numeric is-value">ns/op</th>')
    expect(html).toContain('data-label="ns/op">120</td>')
    expect(html).toContain('data-label="ns/op">50</td>')
    expect(html).toContain('data-label="vs padded (ns/op)">2.40× faster</td>')
    expect(html).toContain('>baseline<')
    expect(html).not.toContain('Build')
    expect(html).not.toContain('<svg')
  })

  it('folds a unit that is the same in every row into one line under the caption', () => {
    const html = render({ filter: '^Scan/', baseline: 'Scan/padded' })
    expect(html).toContain('<span class="benchmark-note">Every row: 1 allocs/op.</span>')
    expect(html).not.toContain('>allocs/op</th>')
    expect(html).toContain('>B/op</th>')
  })

  it('draws a chart for every table with a baseline unless told not to', () => {
    expect(render({ filter: '^Scan/', baseline: 'Scan/padded' })).toContain('<svg')
    expect(render({ filter: '^Scan/' })).not.toContain('<svg')
  })

  it('shows the 95 % confidence interval of the median as benchstat does, with ten runs', () => {
    const html = render({
      results: tenRuns('Parse', [100, 101, 102, 103, 104, 105, 106, 107, 108, 120]),
      caption: 'Parsing',
    })
    // The interval of ten runs spans the 2nd to the 9th: 101 and 108 around a median of 104.5, so ±3%.
    expect(html).toContain('data-label="ns/op">104.5<span class="spread"> ±3%</span></td>')
    expect(html).toContain('Median of 10 runs; ± is the 95 % confidence interval of the median.')
  })

  it('gives rows the short names of labels={…}', () => {
    const html = render({ filter: '^Scan/', labels: { 'Scan/padded': 'as declared' } })
    expect(html).toContain('<th role="rowheader" scope="row" title="Scan/padded">as declared</th>')
    expect(() => render({ labels: { 'Scan/nope': 'x' } })).toThrow('labels name "Scan/nope", which are not rows')
  })

  it('compares each row with an earlier run: both medians, the change and its p-value, ~ where it is not significant', () => {
    const before = [
      'go: go1.19.8',
      tenRuns('Fast', [200, 201, 202, 203, 204, 205, 206, 207, 208, 209]),
      tenRuns('Same', [50, 51, 52, 53, 54, 55, 56, 57, 58, 59]),
    ].join('\n')
    const after = [
      'go: go1.26.8',
      tenRuns('Fast', [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]),
      tenRuns('Same', [51, 50, 53, 52, 55, 54, 57, 56, 59, 58]),
    ].join('\n')
    const html = render({
      results: after,
      before,
      beforeLabel: 'Go 1.19',
      label: 'Go 1.26',
      caption: 'Versions',
      units: ['ns/op', 'B/op', 'allocs/op'],
    })
    expect(html).toContain('scope="col" class="numeric is-value">Go 1.19<span class="header-unit">ns/op</span></th>')
    expect(html).toContain('scope="col" class="numeric is-change">Δ<span class="header-unit">ns/op</span></th>')
    // Every run faster: the smallest p-value two sets of ten runs can give.
    expect(html).toContain('<span class="change is-significant">−48.90%</span><span class="spread"> p=0.000</span>')
    expect(html).toContain('<span class="change">~</span><span class="spread"> p=1.000</span>')
    expect(html).toContain('Every row: 0 B/op, 0 allocs/op.')
    expect(html).toContain('~ means no significant difference')
  })

  it('takes plain rows from other tools, higher-is-better for throughput', () => {
    const html = renderToStaticMarkup(<BenchmarkTable caption="Throughput" rows={throughput} baseline="one worker" />)
    expect(html).toContain('4.00× more')
  })

  it('says how a table measured elsewhere differs from the article', () => {
    const html = render({ filter: '^Scan/', differs: [['Go', '1.19.8']] })
    expect(html).toContain('<span class="benchmark-note benchmark-machine">Measured with Go 1.19.8</span>')
  })

  it('fails with the post and what to fix for a wrong baseline, filter, metric or unit', () => {
    expect(() => render({ baseline: 'Nope' })).toThrow(
      'posts/x/index.mdx: <BenchmarkTable caption="Scanning">: baseline="Nope" is not one of the rows: Scan/padded, Scan/ordered, Build',
    )
    expect(() => render({ filter: '^Missing' })).toThrow('filter="^Missing" matches no benchmark')
    expect(() => render({ metric: 'MB/s' })).toThrow('metric="MB/s" is not among the units ns/op, B/op, allocs/op')
    expect(() => render({ units: ['ns/op', 'MB/s'] })).toThrow('units MB/s are not in the output')
    expect(() => render({ results: 'BenchmarkA-2 x 1 ns/op' })).toThrow(/line 1: expected an iteration count/)
  })
})

type ChartRow = { names: string[]; label: string; bar?: { className: string; width: number }; whisker?: number[] }

/** The chart's rows as a reader sees them: name lines, the value label, the bar's class and width in percent. */
function chartRows(html: string): ChartRow[] {
  return html
    .split('<g class="chart-row"')
    .slice(1)
    .map((row) => {
      const bar = row.match(/<rect class="(chart-bar[^"]*)"[^>]*? width="([\d.]+)%"/)
      const whisker = row.match(/<line class="chart-whisker-line" x1="([\d.]+)%" x2="([\d.]+)%"/)
      return {
        names: [...row.matchAll(/<text class="chart-name"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]),
        label: row.match(/<text class="chart-value"[^>]*>(.*?)<\/text>/)![1].replace(/<[^>]+>/g, ''),
        bar: bar ? { className: bar[1], width: Number(bar[2]) } : undefined,
        whisker: whisker ? [Number(whisker[1]), Number(whisker[2])] : undefined,
      }
    })
}

describe('BenchmarkTable with a chart', () => {
  it('draws one bar per row, in the table’s order, from zero and proportional to the medians', () => {
    const rows = chartRows(render({ filter: '^Scan/', baseline: 'Scan/padded', chart: true }))
    expect(rows.map(({ names }) => names.join(''))).toEqual(['padded', 'ordered'])
    const [padded, ordered] = rows.map(({ bar }) => bar!.width)
    expect(ordered / padded).toBeCloseTo(50 / 120, 3)
    // The slowest run (130 ns/op) sets the scale, so the whisker of the longest bar stays inside the chart.
    expect(rows[0].whisker).toEqual([(118 / 130) * 99, 99].map((x) => Number(x.toFixed(3))))
    expect(padded).toBeCloseTo((120 / 130) * 99, 3)
  })

  it('marks the baseline by shape and word, and labels every bar with its value, unit and ratio', () => {
    const rows = chartRows(render({ filter: '^Scan/', baseline: 'Scan/padded', chart: true }))
    expect(rows.map(({ bar }) => bar!.className)).toEqual(['chart-bar is-baseline', 'chart-bar'])
    expect(rows.map(({ label }) => label)).toEqual(['120 ns/op · baseline', '50 ns/op · 2.40× faster'])
  })

  it('is an image named by the caption and described as a chart whose figures are in the table', () => {
    const html = render({ filter: '^Scan/', baseline: 'Scan/padded', chart: true })
    const svg = html.match(/<svg [^>]*>/)![0]
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-label="Scanning"')
    const describedBy = svg.match(/aria-describedby="([^"]+)"/)![1]
    expect(html).toContain(
      `<desc id="${describedBy}">Bar chart of the median ns/op of each benchmark, from zero; lower is better. Whiskers span the lowest to the highest of 3 runs. The table below gives the same figures.</desc>`,
    )
    // The table carries the figures for assistive technology; the chart's own text is hidden from it.
    expect(html).toMatch(/<\/desc><g aria-hidden="true"><text class="chart-axis"[^>]*>Median ns\/op · lower is better</)
    expect(html.indexOf('<svg')).toBeLessThan(html.indexOf('<table'))
  })

  it('charts another unit than the comparison metric, with that unit’s ratios', () => {
    const rows = chartRows(render({ filter: '^Scan/', baseline: 'Scan/padded', chart: 'B/op' }))
    expect(rows.map(({ label }) => label)).toEqual(['48 B/op · baseline', '32 B/op · 1.50× less'])
    expect(rows[1].bar!.width / rows[0].bar!.width).toBeCloseTo(32 / 48, 3)
  })

  it('says when higher is better, and leaves out bars and ratios a row has no value for', () => {
    const html = renderToStaticMarkup(
      <BenchmarkTable
        caption="Throughput"
        rows={[...throughput, { name: 'queue down', values: { errors: 3 } }]}
        baseline="one worker"
        chart
      />,
    )
    expect(html).toContain('>Median jobs/s · higher is better<')
    const rows = chartRows(html)
    expect(rows.map(({ label }) => label)).toEqual(['10 jobs/s · baseline', '40 jobs/s · 4.00× more', 'not measured'])
    expect(rows[1].bar!.width / rows[0].bar!.width).toBeCloseTo(4, 3)
    expect(rows[0].whisker).toBeUndefined()
    expect(rows[2].bar).toBeUndefined()
  })

  it('breaks long names after a slash so that every line fits a phone', () => {
    const html = renderToStaticMarkup(
      <BenchmarkTable
        caption="Long"
        rows={[{ name: 'Service/naive/gogc=100,limit=80MiB/shards=16/warm', values: { 'ns/op': 1 } }]}
        chart
      />,
    )
    // 31 characters of a 13 px monospace face, 0.6 em wide, fill the 246 px of a 320 px phone's chart.
    expect(chartRows(html)[0].names).toEqual(['Service/naive/', 'gogc=100,limit=80MiB/shards=16/', 'warm'])
  })

  it('fails with the post for a unit that is not in the rows, not in the table, or below zero', () => {
    expect(() => render({ chart: 'MB/s' })).toThrow(
      'posts/x/index.mdx: <BenchmarkTable caption="Scanning">: chart="MB/s" is not among the units ns/op, B/op, allocs/op',
    )
    expect(() => render({ chart: 'B/op', units: ['ns/op'] })).toThrow(
      `chart="B/op" is not among the table's units ns/op: add it to units={[…]}`,
    )
    expect(() =>
      renderToStaticMarkup(
        <BenchmarkTable caption="Drift" rows={[{ name: 'clock', values: { 'ms/day': [-2, 1, 3] } }]} chart />,
      ),
    ).toThrow(`chart="ms/day": bars start at zero and cannot show clock's negative values`)
  })
})
