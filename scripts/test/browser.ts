// Which Chromium Playwright drives: its own download where one is installed, else the system's Chromium
// (Debian's /usr/bin/chromium), installed with apt-get when this runs as root and neither exists.
import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from '@playwright/test'
import { aptInstall } from '../apt-install.mjs'

const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
/**
 * Flags for a system Chromium, in tests and measurements alike: no sandbox (it runs as root here), no GPU, nothing
 * fetched in the background.
 */
export const quietChromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function bundledChromium(): string | undefined {
  try {
    const executable = chromium.executablePath()
    return existsSync(executable) ? executable : undefined
  } catch {
    return undefined
  }
}

export function findChromium({ install = false } = {}): { executablePath?: string; system: boolean } | undefined {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, system: true }
  if (bundledChromium()) return { system: false }
  let system = systemChromiums.find((candidate) => existsSync(candidate))
  if (!system && install && aptInstall('chromium', 'No Chromium for Playwright')) {
    system = systemChromiums.find((candidate) => existsSync(candidate))
  }
  return system ? { executablePath: system, system: true } : undefined
}

/** Launch options for Playwright's chromium: the system browser with flags that keep it off the network. */
export function browserLaunchOptions(): LaunchOptions {
  const found = findChromium()
  if (!found) {
    throw new Error(
      'No Chromium found. Run `npx playwright install chromium`, install a system Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH.',
    )
  }
  return found.system ? { executablePath: found.executablePath, args: quietChromiumFlags } : {}
}
