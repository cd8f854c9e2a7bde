// Builds the two small fixture sites the e2e tests need besides the real one: the same three fixture posts
// (published, draft, future-dated) as a pull request's preview and as production, each in its own build folder.
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim()
// The preview compares against the repository's first commit, so the banner lists every fixture post as changed.
const rootCommit = git('rev-list', '--max-parents=0', 'HEAD').split('\n').pop() ?? 'HEAD'

const sites = {
  preview: {
    SITE_ENV: 'preview',
    PREVIEW_BRANCH: 'e2e-fixtures',
    PREVIEW_PR: '1',
    PREVIEW_COMMIT: git('rev-parse', 'HEAD'),
    PREVIEW_BASE: rootCommit,
  },
  production: { SITE_ENV: 'production' },
}

for (const [name, env] of Object.entries(sites)) {
  console.log(`Building the ${name} fixture site into .e2e/${name}`)
  const result = spawnSync('node', ['scripts/build/build.mjs'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
      POSTS_DIR: path.join('e2e', 'fixtures', 'posts'),
      NEXT_DIST_DIR: path.join('.e2e', name),
    },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
