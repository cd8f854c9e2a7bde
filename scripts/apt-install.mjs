// Installs a Debian package when a tool the tests need is missing: only as root on a machine with apt-get
// (CI and the development machines); elsewhere the caller says what to install.
import { spawnSync } from 'node:child_process'

/** @param {string} pkg @param {string} why @returns {boolean} whether apt-get ran */
export function aptInstall(pkg, why) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0
  if (process.getuid?.() !== 0 || !hasApt) return false
  console.log(`${why}: installing Debian ${pkg} with apt-get`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env })
  return true
}
