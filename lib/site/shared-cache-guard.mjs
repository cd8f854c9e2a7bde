// What `npm start` (server.mjs) adds to Next's answers so that a shared cache in front of it (a CDN, nginx's
// proxy_cache) can never hand one client's variant of a URL to another, whether or not it honours Vary, and so that
// every response with a validator answers a conditional request with 304.
//
// The site's pages are the same for every reader. Next answers some requests differently at the same URL, though:
// its client router asks for the React Server Component payload of a page with an `RSC: 1` header, and Next,
// finding no `_rsc` search parameter that matches the router's headers, answers with a 307 to the URL that has one.
// Next sends that redirect with the site's own Cache-Control (cacheable for 5 minutes, stale for a day) and no Vary,
// so a cache keyed by URL kept it for /posts/x, and every reader of /posts/x was redirected. The rule here: a
// response to a request that carries the router's headers, or the `_rsc` parameter, stays out of shared caches,
// except the one answer such a request exists for: a 200 payload at a URL whose `_rsc` names that variant.

/** Request headers with which Next's router asks for something other than the page a browser gets. */
const routerRequestHeaders = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'next-hmr-refresh',
]

/** The Cache-Control of an answer only the client that asked may keep. */
const privateCacheControl = 'private, no-store'

/**
 * Whether a response must stay out of shared caches: it answers a router request (or a URL with `_rsc`), and it is
 * not the payload that the URL's `_rsc` names.
 * @param {{ headers: Record<string, string | string[] | undefined>, url: string }} request
 * @param {{ status: number, contentType: string | undefined }} response
 */
export function isPrivateVariant(request, { status, contentType }) {
  // The query is read as text: a target such as `//x` or `/\\x` is not a URL `new URL()` accepts, and the guard
  // must answer for every request line the server takes.
  const target = request.url ?? ''
  const query = new URLSearchParams(
    target.includes('?') ? target.slice(target.indexOf('?') + 1).replace(/#.*$/, '') : '',
  )
  const routerHeaders = routerRequestHeaders.some((name) => request.headers[name] !== undefined)
  if (!routerHeaders && !query.has('_rsc')) return false
  const isNamedPayload =
    request.headers.rsc === '1' &&
    query.has('_rsc') &&
    status === 200 &&
    (contentType ?? '').startsWith('text/x-component')
  return !isNamedPayload
}

/**
 * Whether a conditional GET or HEAD is answered by the validator the response carries: If-None-Match against its
 * ETag, compared weakly (RFC 9110 section 13.1.2), `*` matching any.
 * @param {Record<string, string | string[] | undefined>} requestHeaders
 * @param {string | undefined} etag
 */
export function isNotModified(requestHeaders, etag) {
  const ifNoneMatch = requestHeaders['if-none-match']
  if (!etag || typeof ifNoneMatch !== 'string') return false
  const opaque = (tag) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/**
 * Applies both rules to one exchange of Node's http server, before Next handles it: at the moment the status line
 * is written, a router variant gets the private Cache-Control, and a 200 whose ETag the request already holds
 * becomes a bodiless 304.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function guardResponse(request, response) {
  const { writeHead, write, end } = response
  let notModified = false
  response.writeHead = function guardedWriteHead(status, ...rest) {
    // writeHead(status, [reason], [headers]): headers given here win over setHeader's, so they are moved there.
    const headers = rest.find((argument) => typeof argument === 'object' && argument !== null)
    if (headers) {
      const pairs = Array.isArray(headers) ? pairsOf(headers) : Object.entries(headers)
      for (const [name, value] of pairs) this.setHeader(name, value)
    }
    const reason = rest.find((argument) => typeof argument === 'string')
    const contentType = this.getHeader('content-type')
    if (isPrivateVariant(request, { status, contentType: contentType === undefined ? undefined : String(contentType) }))
      this.setHeader('Cache-Control', privateCacheControl)
    const etag = this.getHeader('etag')
    const conditional = request.method === 'GET' || request.method === 'HEAD'
    if (
      status === 200 &&
      conditional &&
      isNotModified(request.headers, etag === undefined ? undefined : String(etag))
    ) {
      notModified = true
      for (const name of ['content-length', 'content-encoding', 'content-type', 'transfer-encoding'])
        this.removeHeader(name)
      return writeHead.call(this, 304)
    }
    return reason === undefined ? writeHead.call(this, status) : writeHead.call(this, status, reason)
  }
  // A 304 has no body: what Next still writes is dropped.
  response.write = function guardedWrite(chunk, encoding, callback) {
    if (!notModified) return write.call(this, chunk, encoding, callback)
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done)
    return true
  }
  response.end = function guardedEnd(chunk, encoding, callback) {
    if (!notModified) return end.call(this, chunk, encoding, callback)
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function')
    return end.call(this, done)
  }
}

/** [name, value, name, value …] or [[name, value] …] as pairs. */
function pairsOf(headers) {
  if (headers.length > 0 && Array.isArray(headers[0])) return headers
  const pairs = []
  for (let index = 0; index < headers.length; index += 2) pairs.push([headers[index], headers[index + 1]])
  return pairs
}
