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

const render = (props: Partial<Parameters<typeof BenchmarkTable>[0]>) =>
  renderToStaticMarkup(<BenchmarkTable caption="Scanning" results={results} source="posts/x/index.mdx" {...props} />)

describe('BenchmarkTable', () => {
  it('renders medians with units, header cells with scope, a caption and the environment', () => {
    const html = render({ filter: '^Scan/', baseline: 'Scan/padded' })
    expect(html).toContain('<caption class="sr-only">Scanning. Median of 3 runs')
    expect(html).toContain('<th scope="col" class="numeric">ns/op</th>')
    expect(html).toContain('<th scope="row">Scan/ordered</th>')
    expect(html).toContain('120 <span class="unit">ns/op</span>')
    expect(html).toContain('50 <span class="unit">ns/op</span>')
    expect(html).toContain('2.40× faster')
    expect(html).toContain('>baseline<')
    expect(html).toContain('<dt>CPU</dt><dd>AMD EPYC</dd>')
    expect(html).toContain('<dt>Go</dt><dd>go1.19.8</dd>')
    expect(html).not.toContain('Build')
  })

  it('takes plain rows from other tools, higher-is-better for throughput', () => {
    const html = renderToStaticMarkup(
      <BenchmarkTable
        caption="Throughput"
        rows={[
          { name: 'one worker', values: { 'jobs/s': 10 } },
          { name: 'four workers', values: { 'jobs/s': [39, 40, 41] } },
        ]}
        baseline="one worker"
      />,
    )
    expect(html).toContain('4.00× more')
    expect(html).toContain('±2.5%')
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
