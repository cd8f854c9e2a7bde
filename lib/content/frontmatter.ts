import { LineCounter, parseDocument, type Document } from 'yaml'
import { z } from 'zod'
import type { ContentProblem } from '../problems'
import { parseCalendarDay } from './dates'

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day written YYYY-MM-DD, e.g. 2026-05-19')
  .refine((day) => parseCalendarDay(day) !== undefined, 'is not a day on the calendar')

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The one runtime definition of a post's frontmatter; the TypeScript type is inferred from it. */
export const frontmatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  date: calendarDay,
  summary: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(400, 'must be one or two sentences (400 characters at most)'),
  tags: z
    .array(z.string().regex(kebabCase, 'must be kebab-case: lowercase words joined by hyphens, e.g. go-performance'))
    .min(1, 'must list at least one tag'),
  updated: calendarDay.optional(),
  /** Posts that share a series name form the series: "Part 2 of 3". */
  series: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(80, 'must be a short name (80 characters at most)')
    .optional(),
  /**
   * The post's place in its series, in the author's reading order, which need not be the order of publication.
   * Either every part of a series has one or none does (then the parts are read in date order).
   */
  part: z.number().int('must be a whole number').min(1, 'must be 1 or more').optional(),
  /** Who wrote it: ids of authors/<id>/index.mdx. The default author's when left out. */
  authors: z
    .array(z.string().regex(kebabCase, 'must be an author id, the name of a folder under authors/, e.g. editors'))
    .min(1, 'must name at least one author, or be left out for the default author')
    .optional(),
  /** A post to start with: the home page puts it first. */
  featured: z.boolean().default(false),
  draft: z.boolean().default(false),
})

export type Frontmatter = z.infer<typeof frontmatterSchema>

const postExamples: Record<string, string> = {
  title: 'title: "Go Struct Field Alignment"',
  date: 'date: 2026-01-27',
  summary: 'summary: "One or two sentences that say what the reader will learn."',
  tags: 'tags: [go, performance]',
}

export type ParsedSource<Fields = Frontmatter> =
  | {
      ok: true
      frontmatter: Fields
      body: string
      bodyLine: number
      /** The line of each field in the file, for problems found later (a duplicate title). */
      fieldLines: Record<string, number>
    }
  | { ok: false; problems: ContentProblem[] }

/**
 * Splits a file's source into frontmatter and body, validates the frontmatter against a schema (a post's by
 * default) and locates every problem.
 */
export function parseFrontmatter<Schema extends z.ZodObject = typeof frontmatterSchema>(
  file: string,
  source: string,
  schema: Schema = frontmatterSchema as unknown as Schema,
  examples: Record<string, string> = postExamples,
): ParsedSource<z.infer<Schema>> {
  const allowedFields = Object.keys(schema.shape)
  const lines = source.split(/\r?\n/)
  const closing = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1
  if (closing === -1) {
    const message =
      lines[0]?.trim() === '---'
        ? 'the frontmatter block is never closed: add a line with only --- after the last field'
        : 'the post must start with a frontmatter block: a line ---, the fields (title, date, summary, tags), and another ---'
    return { ok: false, problems: [{ file, line: 1, column: 1, message }] }
  }

  // Line 1 is the opening ---, so YAML line n is file line n + 1.
  const lineOffset = 1
  const lineCounter = new LineCounter()
  const document = parseDocument(lines.slice(1, closing).join('\n'), { lineCounter, prettyErrors: false })
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0])
        return {
          file,
          line: position.line + lineOffset,
          column: position.col,
          message: `invalid YAML: ${error.message.split('\n')[0]}`,
        }
      }),
    }
  }

  const result = schema.safeParse(document.toJS() ?? {}, { reportInput: true })
  if (!result.success) {
    const locate = (path: PropertyKey[], key = false) => {
      const position = locateNode(document, lineCounter, path, key)
      return position ? { line: position.line + lineOffset, column: position.col } : { line: 1, column: 1 }
    }
    const problems = result.error.issues.flatMap((issue): ContentProblem[] => {
      const field = String(issue.path[0] ?? '')
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          file,
          ...locate([key], true),
          message: `unknown frontmatter field "${key}": the allowed fields are ${allowedFields.join(', ')}`,
        }))
      }
      if (issue.code === 'invalid_type' && issue.input === undefined) {
        const example = examples[field]
        return [
          {
            file,
            line: 1,
            column: 1,
            message: `missing frontmatter field "${field}"${example ? `: add a line like ${example}` : ''}`,
          },
        ]
      }
      const where = issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : part))
        .join('.')
        .replace('.[', '[')
      const got = issue.input === undefined ? '' : ` (got ${JSON.stringify(issue.input)})`
      const message = issue.code === 'invalid_type' ? `must be ${describeType(issue.expected)}` : issue.message
      return [{ file, ...locate(issue.path), message: `frontmatter field "${where}" ${message}${got}` }]
    })
    return { ok: false, problems }
  }

  const fieldLines = Object.fromEntries(
    Object.keys(result.data).map((field) => [
      field,
      (locateNode(document, lineCounter, [field], true)?.line ?? 0) + lineOffset,
    ]),
  )
  return {
    ok: true,
    frontmatter: result.data,
    body: lines.slice(closing + 1).join('\n'),
    bodyLine: closing + 2,
    fieldLines,
  }
}

function describeType(expected: string): string {
  return (
    {
      string: 'text',
      boolean: 'true or false',
      number: 'a number, e.g. 2',
      array: 'a list, e.g. [go, performance]',
    }[expected] ?? `of type ${expected}`
  )
}

function locateNode(document: Document, lineCounter: LineCounter, path: PropertyKey[], key: boolean) {
  const parentPath = path.slice(0, -1)
  const last = path[path.length - 1]
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true)
  if (key && parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    const pair = parent.items.find(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'key' in item &&
        String((item as { key: unknown }).key) === String(last),
    )
    const range = (pair as { key?: { range?: [number, number, number] } } | undefined)?.key?.range
    if (range) return lineCounter.linePos(range[0])
  }
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined
  return node?.range ? lineCounter.linePos(node.range[0]) : undefined
}
