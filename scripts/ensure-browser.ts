// Runs before the e2e tests: finds a Chromium for Playwright, installing Debian's when none is there and this
// machine allows it, and says what to do when it cannot.
import { findChromium } from './browser'

const found = findChromium({ install: true })
if (!found) {
  console.error(
    'No Chromium for the e2e tests. Run `npx playwright install chromium`, or install a system Chromium ' +
      '(Debian: apt-get install chromium), or point CHROMIUM_PATH at one.',
  )
  process.exit(1)
}
console.log(found.system ? `e2e tests use ${found.executablePath}` : "e2e tests use Playwright's own Chromium")
