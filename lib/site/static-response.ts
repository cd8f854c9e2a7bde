import { createHash } from 'node:crypto'

/**
 * The response of a route written once per build (feeds, the sitemap, Markdown copies, JSON files, link cards),
 * with its content's hash as a weak ETag: weak because the same content is also sent gzipped. `npm start` answers a
 * request that already holds it with 304 (lib/site/shared-cache-guard.mjs), as Next does for pages.
 */
export function staticResponse(
  body: string | Uint8Array,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: { 'Content-Type': contentType, ETag: etag, ...headers },
  })
}
