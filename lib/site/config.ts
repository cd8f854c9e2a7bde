import { spawnSync } from 'node:child_process'

// Facts about the journal, in one place: the layout, metadata, feeds and JSON-LD all read them from here.
export const site = {
  name: "The Backend Engineer's Playbook",
  shortName: 'Backend Playbook',
  description:
    'Long-form articles on Go performance, databases, containers and Python workers, with every benchmark reproducible from the repository.',
  tagline: 'Long-form backend engineering, measured.',
  url: (process.env.SITE_URL ?? 'https://backend-playbook.dev').replace(/\/+$/, ''),
  author: 'The Playbook editors',
  locale: 'en-US',
  /**
   * The repository's web address (e.g. https://github.com/org/playbook): articles link to their source and history
   * there, and readers report errors in its issues. REPOSITORY_URL (the deploy workflows set it), else the git
   * remote `origin` when it is a GitHub or GitLab address; without either, those links are left out.
   */
  repositoryUrl: (process.env.REPOSITORY_URL ?? repositoryFromGit())?.replace(/\/+$/, ''),
  repositoryBranch: process.env.REPOSITORY_BRANCH ?? 'main',
} as const

function repositoryFromGit(): string | undefined {
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { encoding: 'utf8' }).stdout?.trim() ?? ''
  const match = /^(?:https:\/\/|git@)(github\.com|gitlab\.com)[/:](.+?)(?:\.git)?$/.exec(remote)
  return match ? `https://${match[1]}/${match[2]}` : undefined
}

/** Where a post's source file and its history are, on the repository's host; undefined without a repository. */
export function repositoryLinks(file: string) {
  const { repositoryUrl: repository, repositoryBranch: branch } = site
  if (!repository) return undefined
  const folder = file.replace(/\/index\.mdx$/, '')
  return {
    source: `${repository}/blob/${branch}/${file}`,
    history: `${repository}/commits/${branch}/${folder}`,
    issues: `${repository}/issues`,
  }
}
