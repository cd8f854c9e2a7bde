import type { IncomingMessage, ServerResponse } from 'node:http'
export function isPrivateVariant(
  request: { headers: Record<string, string | string[] | undefined>; url: string },
  response: { status: number; contentType: string | undefined },
): boolean
export function isNotModified(
  requestHeaders: Record<string, string | string[] | undefined>,
  etag: string | undefined,
): boolean
export function guardResponse(request: IncomingMessage, response: ServerResponse): void
