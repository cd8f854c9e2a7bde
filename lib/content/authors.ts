import 'server-only'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { ContentProblem } from '../problems'
import { parseFrontmatter } from './frontmatter'

/**
 * An author is a folder under authors/ (its name is the id posts use) with an index.mdx: this frontmatter, then a
 * longer profile in MDX for the author's page. One author is the default: the byline of every post that names none.
 */
export const authorSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  bio: z.string().trim().min(1, 'must not be empty').max(300, 'must be a sentence or two (300 characters at most)'),
  default: z.boolean().default(false),
  /** An image in the author's folder, shown on their page. */
  avatar: z.string().trim().min(1, 'must not be empty').optional(),
  links: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1, 'must not be empty'),
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
      }),
    )
    .default([]),
})

export type Author = z.infer<typeof authorSchema> & {
  id: string
  /** The author's index.mdx, relative to the project, as error messages name it. */
  file: string
}

/** How a post names its author: enough for a byline, JSON-LD and the feeds. */
export type Byline = { id: string; name: string }

const examples: Record<string, string> = {
  name: 'name: "The Playbook editors"',
  bio: 'bio: "One or two sentences about the author."',
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function authorsDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.AUTHORS_DIR ?? path.join(process.cwd(), 'authors'))
}

/** Every author in a folder (none when it does not exist), and every problem found in them. */
export async function readAuthors(
  directory: string,
  relative = (file: string) => path.relative(process.cwd(), file),
): Promise<{ authors: Author[]; problems: ContentProblem[] }> {
  if (!existsSync(directory)) return { authors: [], problems: [] }
  const authors: Author[] = []
  const problems: ContentProblem[] = []
  const defaultLines = new Map<string, number>()
  for (const folder of (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory())) {
    const absolute = path.join(directory, folder.name, 'index.mdx')
    const file = relative(absolute)
    const at = (line = 1) => ({ file, line, column: 1 })
    if (!existsSync(absolute)) {
      problems.push({ ...at(), file: relative(path.dirname(absolute)), message: 'an author folder needs an index.mdx' })
      continue
    }
    if (!idPattern.test(folder.name)) {
      problems.push({ ...at(), message: `the folder name "${folder.name}" is the author's id and must be kebab-case` })
      continue
    }
    const parsed = parseFrontmatter(file, await readFile(absolute, 'utf8'), authorSchema, examples)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    const { avatar } = parsed.frontmatter
    if (avatar && !existsSync(path.join(directory, folder.name, avatar)))
      problems.push({
        ...at(parsed.fieldLines.avatar),
        message: `the avatar ${avatar} is not in ${relative(path.dirname(absolute))}/`,
      })
    if (parsed.frontmatter.default) defaultLines.set(folder.name, parsed.fieldLines.default)
    authors.push({ ...parsed.frontmatter, id: folder.name, file })
  }
  const defaults = authors.filter((author) => author.default)
  if (authors.length > 0 && defaults.length !== 1) {
    const where =
      defaults.length === 0
        ? [{ file: authors[0].file, line: 1 }]
        : defaults.map((author) => ({ file: author.file, line: defaultLines.get(author.id) ?? 1 }))
    for (const { file, line } of where)
      problems.push({
        file,
        line,
        column: 1,
        message: `exactly one author must be the default (default: true), the byline of posts that name none; ${defaults.length === 0 ? 'none is' : `${defaults.map((author) => author.id).join(' and ')} are`}`,
      })
  }
  return {
    authors: authors.sort((a, b) => Number(b.default) - Number(a.default) || a.name.localeCompare(b.name)),
    problems,
  }
}
