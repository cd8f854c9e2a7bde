import { describe, expect, it } from 'vitest'
import { siteEnvironment } from './site-env'

const env = (vars: Record<string, string>) => ({ NODE_ENV: 'production', ...vars }) as NodeJS.ProcessEnv

describe('siteEnvironment', () => {
  it('takes SITE_ENV first, in any case, and rejects unknown values', () => {
    expect(siteEnvironment(env({ SITE_ENV: 'preview', VERCEL_ENV: 'production' }))).toBe('preview')
    expect(siteEnvironment(env({ SITE_ENV: 'Production' }))).toBe('production')
    expect(() => siteEnvironment(env({ SITE_ENV: 'staging' }))).toThrow(
      'SITE_ENV="staging" is not one of production, preview, development',
    )
  })

  it("falls back to the hosts' own variables", () => {
    expect(siteEnvironment(env({ VERCEL_ENV: 'preview' }))).toBe('preview')
    expect(siteEnvironment(env({ CONTEXT: 'deploy-preview' }))).toBe('preview')
    expect(siteEnvironment(env({ CONTEXT: 'production' }))).toBe('production')
    expect(siteEnvironment(env({ CF_PAGES: '1', CF_PAGES_BRANCH: 'fix-typo' }))).toBe('preview')
    expect(siteEnvironment(env({ CF_PAGES: '1', CF_PAGES_BRANCH: 'main' }))).toBe('production')
  })

  it('is production for a production build and development otherwise', () => {
    expect(siteEnvironment(env({}))).toBe('production')
    expect(siteEnvironment({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe('development')
  })
})
