import type { PostMeta } from '../content/posts'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A posts folder in the system's temp directory, built from a map of relative paths to file contents. */
export function temporaryPosts(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'playbook-posts-'))
  for (const [relative, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, relative)), { recursive: true })
    writeFileSync(path.join(directory, relative), contents)
  }
  return directory
}

/** The source of a post with valid frontmatter, overridable field by field (null leaves a field out). */
export function postSource(fields: Record<string, string | null> = {}, body = '## Hello\n\nText.\n'): string {
  const defaults: Record<string, string> = {
    title: '"A post"',
    date: '2026-05-01',
    summary: '"What it says."',
    tags: '[go]',
  }
  const lines = Object.entries({ ...defaults, ...fields })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`)
  return `---\n${lines.join('\n')}\n---\n\n${body}`
}

/** A loaded post's metadata for tests of what is done with posts (grouping, publishing, the sitemap). */
export function postMeta(slug: string, date: string, fields: Partial<PostMeta> = {}): PostMeta {
  return {
    slug,
    date,
    title: `Title of ${slug}`,
    summary: 'A summary.',
    tags: ['go'],
    draft: false,
    featured: false,
    authors: [{ id: 'editors', name: 'The Playbook editors' }],
    file: `posts/${slug}/index.mdx`,
    wordCount: 100,
    readingMinutes: 1,
    ...fields,
  }
}
