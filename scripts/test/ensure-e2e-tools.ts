// Runs before the e2e tests: finds what they need besides the site, installing Debian's packages when none is
// there and this machine allows it, and says what to do when it cannot. A Chromium for Playwright, and nginx, which
// e2e/cdn-cache.spec.ts puts in front of `npm start` as a caching proxy.
import { findChromium } from './browser'
import { findNginx } from './nginx'

const chromium = findChromium({ install: true })
if (!chromium) {
  console.error(
    'No Chromium for the e2e tests. Run `npx playwright install chromium`, or install a system Chromium ' +
      '(Debian: apt-get install chromium), or point CHROMIUM_PATH at one.',
  )
  process.exit(1)
}
console.log(chromium.system ? `e2e tests use ${chromium.executablePath}` : "e2e tests use Playwright's own Chromium")

const nginx = findNginx({ install: true })
if (!nginx) {
  console.error('No nginx for the shared-cache e2e test. Install it (Debian: apt-get install nginx-light).')
  process.exit(1)
}
console.log(`the shared-cache test puts ${nginx} in front of the site`)
