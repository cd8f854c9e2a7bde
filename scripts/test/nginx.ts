// Where nginx is, for the test that puts it in front of `npm start` as a caching proxy (e2e/cdn-cache.spec.ts):
// on PATH or in Debian's /usr/sbin, installed with apt-get (nginx-light) when this runs as root and finds none.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { aptInstall } from '../apt-install.mjs'

function locate(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim()
  return onPath || ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((candidate) => existsSync(candidate))
}

export function findNginx({ install = false } = {}): string | undefined {
  const found = locate()
  if (found || !install) return found
  return aptInstall('nginx-light', 'No nginx for the shared-cache test') ? locate() : undefined
}
