import { spawnSync } from 'node:child_process'
import path from 'node:path'

export type FileHistory = {
  /** The day the file was first committed, under any earlier name. */
  added?: string
  /** Days its content changed after that; a rename with no change to the text is not one. */
  changed: string[]
}

/**
 * The commit history of the given files (paths relative to the repository root), following renames, read with
 * one `git log`. Undefined when there is no repository or only a shallow clone, whose history would be wrong.
 */
export function readFileHistories(files: string[], cwd = process.cwd()): Map<string, FileHistory> | undefined {
  const git = (...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 })
  const shallow = git('rev-parse', '--is-shallow-repository')
  if (shallow.status !== 0 || shallow.stdout.trim() !== 'false') return undefined
  const log = git('log', '-M', '--format=%x00%cs', '--name-status', '--', ...new Set(files.map(topFolder)))
  if (log.status !== 0) return undefined

  const histories = new Map(files.map((file) => [file, { changed: [] } as FileHistory]))
  // Walking from the newest commit back, `nameThen` maps each file's name at that point in history to its name now.
  const nameThen = new Map(files.map((file) => [file, file]))
  for (const commit of log.stdout.split('\0').slice(1)) {
    const [date, ...changes] = commit.trim().split('\n')
    for (const change of changes) {
      const [status, ...paths] = change.split('\t')
      const current = nameThen.get(paths[paths.length - 1])
      if (!current) continue
      const history = histories.get(current)!
      if (status.startsWith('R')) {
        nameThen.delete(paths[1])
        nameThen.set(paths[0], current)
        if (status !== 'R100') history.changed.push(date)
      } else if (status === 'M') {
        history.changed.push(date)
      } else if (status === 'A') {
        history.added = date
      }
    }
  }
  return histories
}

function topFolder(file: string): string {
  return file.split('/')[0]
}

/**
 * The day a post was last updated: its latest content change on a day after it was both dated and committed
 * (a post may be committed before its publication date, or long after it when an archive is imported).
 */
export function lastUpdated(history: FileHistory, published: string): string | undefined {
  const publication = history.added && history.added > published ? history.added : published
  const later = history.changed.filter((day) => day > publication).sort()
  return later[later.length - 1]
}

/**
 * The post folders (slugs) a branch changed since it left `base`, as `git diff base...HEAD` sees them: what a
 * pull request's preview lists. Undefined when git cannot tell (no repository, or no such base).
 */
export function changedPostSlugs(postsDirectory: string, base: string, cwd = process.cwd()): string[] | undefined {
  const git = (...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' })
  const root = git('rev-parse', '--show-toplevel')
  if (root.status !== 0) return undefined
  const ref = [`origin/${base}`, base].find(
    (candidate) => git('rev-parse', '--verify', '--quiet', `${candidate}^{commit}`).status === 0,
  )
  if (!ref) return undefined
  const folder = path.relative(root.stdout.trim(), postsDirectory)
  if (folder.startsWith('..')) return undefined
  const diff = git('diff', '--name-only', `${ref}...HEAD`, '--', folder)
  if (diff.status !== 0) return undefined
  const slugs = diff.stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => path.relative(folder, file).split(path.sep)[0])
  return [...new Set(slugs)]
}
