import { formatProblem, withSourceLines, type ContentProblem } from '@/lib/problems'

/**
 * A post's problems where its author looks, in `npm run dev`: each one's file, line and message, with the line it
 * names between its neighbours. The build would fail on the same problems (`npm run check` prints them too).
 */
export async function ContentProblems({ slug, problems }: { slug: string; problems: ContentProblem[] }) {
  const located = await withSourceLines(problems)
  return (
    <section aria-labelledby="problems-heading" className="mx-auto max-w-[44rem]">
      <p className="text-sm font-semibold tracking-wide text-accent-text uppercase">Preview</p>
      <h1 id="problems-heading" className="mt-2 text-3xl font-bold text-ink">
        posts/{slug} has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}
      </h1>
      <p className="mt-3 text-body">
        Fix {problems.length === 1 ? 'it' : 'them'} and reload: a production build would stop here. The rest of the site
        keeps working meanwhile.
      </p>
      <ol className="mt-8 space-y-6">
        {located.map((problem) => (
          <li key={formatProblem(problem)} className="rounded-lg border border-rule bg-surface">
            <p className="px-4 pt-3 font-mono text-sm text-muted">
              {problem.file}:{problem.line}:{problem.column}
            </p>
            <p className="px-4 pt-1 pb-3 font-semibold text-ink">{problem.message}</p>
            {problem.lines.length > 0 && (
              <pre className="overflow-x-auto border-t border-rule bg-paper px-4 py-3 font-mono text-sm leading-6">
                {problem.lines.map(({ number, text }) => (
                  <div
                    key={number}
                    className={number === problem.line ? 'text-ink' : 'text-muted'}
                    aria-current={number === problem.line ? 'true' : undefined}
                  >
                    <span className="mr-4 inline-block w-8 text-right text-muted select-none">{number}</span>
                    {text}
                    {number === problem.line && problem.column > 1 && (
                      <span aria-hidden="true" className="block text-accent-text">
                        <span className="mr-4 inline-block w-8" />
                        {' '.repeat(problem.column - 1)}^
                      </span>
                    )}
                  </div>
                ))}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
