import type { SiteEnvironment } from '../environment.mjs'
export function responseHeaders(environment?: SiteEnvironment): { key: string; value: string }[]
export const immutableAssets: { source: string; cacheControl: string }
export const postMediaAssets: { source: string; cacheControl: string }
export const revalidatedContent: { source: string; cacheControl: string }
/** mediaType: what the file is, when it is served as a more general type. */
export type SiteFile = { path: string; contentType: string; mediaType?: string }
export const siteFiles: { rss: SiteFile; atom: SiteFile; jsonFeed: SiteFile; llmsTxt: SiteFile }
export const markdownContentType: string
