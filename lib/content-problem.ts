/** One thing wrong with a post, located the way compilers locate errors so editors can jump to it. */
export type ContentProblem = {
  file: string
  line: number
  column: number
  message: string
}

export function formatProblem({ file, line, column, message }: ContentProblem): string {
  return `${file}:${line}:${column}: ${message}`
}

/** Thrown when one or more posts are invalid; its message lists every problem, not only the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[]

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`The posts have ${count}:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`)
    this.name = 'ContentError'
    this.problems = problems
  }
}
