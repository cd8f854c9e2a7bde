// Which kind of build this is, and what a preview build knows about its pull request. Plain JavaScript so that
// next.config.mjs can read it too. Production (main) hides drafts; a pull request's preview and `next dev` show
// them. One explicit setting, SITE_ENV, wins; otherwise the common hosts' own variables decide.

const siteEnvironments = ['production', 'preview', 'development']

/** @param {NodeJS.ProcessEnv} env @returns {'production' | 'preview' | 'development'} */
export function siteEnvironment(env = process.env) {
  const explicit = env.SITE_ENV?.trim().toLowerCase()
  if (explicit) {
    if (siteEnvironments.includes(explicit)) return /** @type {'production' | 'preview' | 'development'} */ (explicit)
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

/**
 * What a preview build can say about itself: PREVIEW_* first, then Vercel's, Netlify's, Cloudflare Pages' and
 * GitHub Actions' variables.
 * @param {NodeJS.ProcessEnv} env
 */
export function previewDetails(env = process.env) {
  const first = (/** @type {(string | undefined)[]} */ ...values) =>
    values.find((value) => value && value.trim() !== '')
  const pullRequest = first(
    env.PREVIEW_PR,
    env.VERCEL_GIT_PULL_REQUEST_ID,
    env.REVIEW_ID,
    pullRequestFromGitHubRef(env.GITHUB_REF),
  )
  return {
    branch: first(env.PREVIEW_BRANCH, env.VERCEL_GIT_COMMIT_REF, env.HEAD, env.CF_PAGES_BRANCH, env.GITHUB_HEAD_REF),
    pullRequest: pullRequest && /^\d+$/.test(pullRequest) ? Number(pullRequest) : undefined,
    commit: first(
      env.PREVIEW_COMMIT,
      env.VERCEL_GIT_COMMIT_SHA,
      env.COMMIT_REF,
      env.CF_PAGES_COMMIT_SHA,
      env.GITHUB_SHA,
    )?.slice(0, 7),
    base: first(env.PREVIEW_BASE, env.GITHUB_BASE_REF) ?? 'main',
  }
}

/** @param {string | undefined} ref */
function pullRequestFromGitHubRef(ref) {
  return /^refs\/pull\/(\d+)\//.exec(ref ?? '')?.[1]
}

/**
 * A newsletter provider's sign-up form, when the site has one (off by default): NEWSLETTER_FORM_URL is the form's
 * action (Buttondown, Mailchimp and their like publish one), NEWSLETTER_EMAIL_FIELD the name it expects for the
 * address (`email` unless set). The Content-Security-Policy lets forms post to that origin and no other.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ action: string, origin: string, emailField: string } | undefined}
 */
export function newsletterForm(env = process.env) {
  const action = env.NEWSLETTER_FORM_URL?.trim()
  if (!action) return undefined
  const url = new URL(action)
  if (url.protocol !== 'https:') throw new Error(`NEWSLETTER_FORM_URL must be an https address, got ${action}`)
  return { action: url.href, origin: url.origin, emailField: env.NEWSLETTER_EMAIL_FIELD?.trim() || 'email' }
}
