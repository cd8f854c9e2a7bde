/**
 * How an article's figures were measured, once, before its first benchmark table: the machine and toolchain its
 * benchmark output names (lib/mdx/component-props.ts puts it there while compiling, from that output's header).
 * Tables measured elsewhere say how they differ under their caption.
 */
export function BenchmarkEnvironment({ entries, runs }: { entries: [label: string, value: string][]; runs: number }) {
  return (
    <section className="benchmark-environment not-prose" aria-label="How these were measured">
      <p className="benchmark-environment-title">How these were measured</p>
      <dl>
        {entries.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {runs > 1 && (
        <p className="benchmark-environment-note">
          Every figure in the tables is the median of {runs} runs of the benchmark; the programs and their raw output
          are in the post&rsquo;s folder.
        </p>
      )}
    </section>
  )
}
