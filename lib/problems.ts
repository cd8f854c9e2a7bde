import { readFile } from 'node:fs/promises'

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

/** A problem with the lines of its file around it, for a page that shows it where the author looks. */
export type ProblemInContext = ContentProblem & { lines: { number: number; text: string }[] }

/** Each problem with the line it names and one either side, read from its file (none when it cannot be read). */
export async function withSourceLines(problems: ContentProblem[]): Promise<ProblemInContext[]> {
  const files = new Map<string, Promise<string[]>>()
  const linesOf = (file: string) => {
    if (!files.has(file))
      files.set(
        file,
        readFile(file, 'utf8').then(
          (text) => text.split(/\r?\n/),
          () => [],
        ),
      )
    return files.get(file)!
  }
  return Promise.all(
    problems.map(async (problem) => {
      const lines = await linesOf(problem.file)
      const first = Math.max(1, problem.line - 1)
      const last = Math.min(lines.length, problem.line + 1)
      const around = []
      for (let number = first; number <= last; number++) around.push({ number, text: lines[number - 1] })
      return { ...problem, lines: around }
    }),
  )
}
