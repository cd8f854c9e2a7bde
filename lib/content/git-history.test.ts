import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { changedPostSlugs, lastUpdated, readFileHistories } from './git-history'

function repository() {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'playbook-git-'))
  const git = (date: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd: directory,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'A',
        GIT_AUTHOR_EMAIL: 'a@example.com',
        GIT_COMMITTER_NAME: 'A',
        GIT_COMMITTER_EMAIL: 'a@example.com',
        GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
        GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
      },
    })
  git('2026-01-01', 'init', '-q', '-b', 'main')
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true })
    writeFileSync(path.join(directory, file), text)
  }
  const commit = (date: string) => {
    git(date, 'add', '-A')
    git(date, 'commit', '-q', '-m', `change on ${date}`)
  }
  return { directory, write, commit, git }
}

const body = (extra = '') =>
  `---\ntitle: x\n---\n\n${'A line of the article that stays the same.\n'.repeat(20)}${extra}`

describe('readFileHistories', () => {
  it('finds when a post was added and when its text changed, following a rename that changed nothing', () => {
    const repo = repository()
    repo.write('posts/old-name/index.mdx', body())
    repo.commit('2026-02-01')
    repo.write('posts/old-name/index.mdx', body('A correction.\n'))
    repo.commit('2026-03-05')
    renameSync(path.join(repo.directory, 'posts/old-name'), path.join(repo.directory, 'posts/new-name'))
    repo.commit('2026-04-10')

    const histories = readFileHistories(['posts/new-name/index.mdx'], repo.directory)
    expect(histories?.get('posts/new-name/index.mdx')).toEqual({ added: '2026-02-01', changed: ['2026-03-05'] })
  })

  it('gives up on a shallow clone', () => {
    const repo = repository()
    repo.write('posts/a/index.mdx', body())
    repo.commit('2026-02-01')
    repo.write('posts/a/index.mdx', body('More.\n'))
    repo.commit('2026-02-02')
    const clone = mkdtempSync(path.join(os.tmpdir(), 'playbook-shallow-'))
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.directory}`, clone])
    expect(readFileHistories(['posts/a/index.mdx'], clone)).toBeUndefined()
  })

  it('gives up outside a repository', () => {
    expect(
      readFileHistories(['posts/a/index.mdx'], mkdtempSync(path.join(os.tmpdir(), 'playbook-nogit-'))),
    ).toBeUndefined()
  })
})

describe('lastUpdated', () => {
  it('is the latest change after the post was both dated and committed', () => {
    expect(lastUpdated({ added: '2026-01-10', changed: ['2026-03-01', '2026-02-01'] }, '2026-01-10')).toBe('2026-03-01')
    // Edits made the day it was committed, or before its publication date, are not updates.
    expect(lastUpdated({ added: '2026-11-24', changed: ['2026-11-24'] }, '2026-01-27')).toBeUndefined()
    expect(lastUpdated({ added: '2026-01-01', changed: ['2026-01-05'] }, '2026-01-10')).toBeUndefined()
    expect(lastUpdated({ changed: [] }, '2026-01-10')).toBeUndefined()
  })
})

describe('changedPostSlugs', () => {
  it('lists the posts a branch changed since it left the base branch', () => {
    const repo = repository()
    repo.write('posts/untouched/index.mdx', body())
    repo.write('posts/edited/index.mdx', body())
    repo.commit('2026-02-01')
    repo.git('2026-02-02', 'checkout', '-q', '-b', 'feature')
    repo.write('posts/edited/bench/results.txt', 'BenchmarkA-2 1 1 ns/op\n')
    repo.write('posts/brand-new/index.mdx', body())
    repo.write('README.md', 'not a post')
    repo.commit('2026-02-02')
    expect(changedPostSlugs(path.join(repo.directory, 'posts'), 'main', repo.directory)?.sort()).toEqual([
      'brand-new',
      'edited',
    ])
    expect(changedPostSlugs(path.join(repo.directory, 'posts'), 'no-such-branch', repo.directory)).toBeUndefined()
  })
})
