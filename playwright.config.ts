import { defineConfig, devices } from '@playwright/test'
import { browserLaunchOptions } from './scripts/test/browser'

const port = Number(process.env.E2E_PORT ?? 3100)
const url = (offset: number) => `http://127.0.0.1:${port + offset}`

// The real site is the production build (`npm run build`), served by `npm start` (server.mjs: `next start` behind a guard) as readers get it. Two small
// fixture sites (`npm run build:e2e-sites`) hold a draft and a future-dated post, built as a pull request's
// preview and as production.
const fixtureSite = (name: 'preview' | 'production', offset: number) => ({
  command: `node server.mjs -p ${port + offset} -H 127.0.0.1`,
  url: url(offset),
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
  env: { NEXT_DIST_DIR: `.e2e/${name}`, SITE_ENV: name },
})

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  // No retries: a test that passes only on its second try is a test to fix, not one to keep green.
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: browserLaunchOptions(),
    ...devices['Desktop Chrome'],
  },
  projects: [
    { name: 'site', testIgnore: /fixture-site\.spec\.ts$/, use: { baseURL: url(0) } },
    { name: 'preview', testMatch: /preview-fixture-site\.spec\.ts$/, use: { baseURL: url(1) } },
    { name: 'production', testMatch: /production-fixture-site\.spec\.ts$/, use: { baseURL: url(2) } },
  ],
  webServer: [
    {
      command: `node server.mjs -p ${port} -H 127.0.0.1`,
      url: url(0),
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    fixtureSite('preview', 1),
    fixtureSite('production', 2),
  ],
})
