export type SiteEnvironment = 'production' | 'preview' | 'development'
export type PreviewDetails = { branch?: string; pullRequest?: number; commit?: string; base: string }
export function siteEnvironment(env?: NodeJS.ProcessEnv): SiteEnvironment
export function previewDetails(env?: NodeJS.ProcessEnv): PreviewDetails
export function newsletterForm(
  env?: NodeJS.ProcessEnv,
): { action: string; origin: string; emailField: string } | undefined
