import { benchmarkTable, formatMeasurement, type BenchmarkTableOptions } from '@/lib/benchmarks'

/** Benchmark results as an accessible table: medians with their spread, and each row against a baseline. */
export function BenchmarkTable(props: BenchmarkTableOptions) {
  const { caption, units, compareOn, baseline, rows, note, environment } = benchmarkTable(props)

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
                {baseline && (
                  <th scope="col" className="numeric">
                    vs {baseline} <span className="whitespace-nowrap">({compareOn})</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} className={row.isBaseline ? 'is-baseline' : undefined}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((measured, index) => (
                    <td key={units[index]} className="numeric">
                      {measured ? (
                        <>
                          {formatMeasurement(measured.median, measured.decimals)}{' '}
                          <span className="unit">{units[index]}</span>
                          {measured.runs > 1 && (
                            <span className="spread">±{formatMeasurement(measured.spread * 100, 0)}%</span>
                          )}
                        </>
                      ) : (
                        <span aria-label="not measured">–</span>
                      )}
                    </td>
                  ))}
                  {baseline && <td className="numeric relative-cell">{row.relative ?? '–'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {environment.length > 0 && (
        <figcaption>
          <span className="sr-only">Measured on: </span>
          <dl className="benchmark-environment">
            {environment.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </figcaption>
      )}
    </figure>
  )
}
