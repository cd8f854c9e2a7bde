import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { compileMdx } from '../mdx/compile'
import { ContentError } from '../problems'
import { parseFrontmatter } from './frontmatter'

/** A page of the site written in MDX, beside posts/: about/index.mdx is /about. */
const pageSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  summary: z.string().trim().min(1, 'must not be empty').max(400, 'must be one or two sentences'),
})

export type Page = z.infer<typeof pageSchema> & { code: string }

/** The page in `<name>/index.mdx`, validated and compiled like a post. */
export async function getPage(name: string): Promise<Page> {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), name, 'index.mdx')
  const relative = path.relative(process.cwd(), file)
  const parsed = parseFrontmatter(relative, await readFile(file, 'utf8'), pageSchema)
  if (!parsed.ok) throw new ContentError(parsed.problems)
  const { code } = await compileMdx(file)
  return { ...parsed.frontmatter, code }
}
