// Which kind of build this is. Production (main) hides drafts; a pull request's preview and `next dev` show
// them. One explicit setting, SITE_ENV, wins; otherwise the common hosts' own variables decide.

export type SiteEnvironment = 'production' | 'preview' | 'development'

const siteEnvironments: readonly SiteEnvironment[] = ['production', 'preview', 'development']

export function siteEnvironment(env: NodeJS.ProcessEnv = process.env): SiteEnvironment {
  const explicit = env.SITE_ENV?.trim().toLowerCase()
  if (explicit) {
    if ((siteEnvironments as readonly string[]).includes(explicit)) return explicit as SiteEnvironment
    throw new Error(`SITE_ENV="${env.SITE_ENV}" is not one of ${siteEnvironments.join(', ')}`)
  }
  // Vercel: production | preview | development.
  if (env.VERCEL_ENV === 'production' || env.VERCEL_ENV === 'preview' || env.VERCEL_ENV === 'development') {
    return env.VERCEL_ENV
  }
  // Netlify: production | deploy-preview | branch-deploy | dev.
  if (env.CONTEXT === 'production') return 'production'
  if (env.CONTEXT === 'deploy-preview' || env.CONTEXT === 'branch-deploy') return 'preview'
  if (env.CONTEXT === 'dev') return 'development'
  // Cloudflare Pages builds every branch; only the production branch is production.
  if (env.CF_PAGES === '1' && env.CF_PAGES_BRANCH) return env.CF_PAGES_BRANCH === 'main' ? 'production' : 'preview'
  return env.NODE_ENV === 'production' ? 'production' : 'development'
}
