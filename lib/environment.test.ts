import { describe, expect, it } from 'vitest'
import { previewDetails, siteEnvironment } from './environment.mjs'

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

describe('previewDetails', () => {
  it('reads PREVIEW_* first and shortens the commit', () => {
    expect(
      previewDetails(
        env({
          PREVIEW_BRANCH: 'fix-typo',
          PREVIEW_PR: '42',
          PREVIEW_COMMIT: '0123456789abcdef',
          GITHUB_HEAD_REF: 'other',
        }),
      ),
    ).toEqual({ branch: 'fix-typo', pullRequest: 42, commit: '0123456', base: 'main' })
  })

  it("falls back to the hosts' variables", () => {
    expect(previewDetails(env({ HEAD: 'feature', REVIEW_ID: '7', COMMIT_REF: 'abcdef0123' }))).toEqual({
      branch: 'feature',
      pullRequest: 7,
      commit: 'abcdef0',
      base: 'main',
    })
    expect(
      previewDetails(
        env({
          GITHUB_REF: 'refs/pull/12/merge',
          GITHUB_HEAD_REF: 'b',
          GITHUB_BASE_REF: 'develop',
        }),
      ),
    ).toMatchObject({ branch: 'b', pullRequest: 12, base: 'develop' })
  })
})
