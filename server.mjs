#!/usr/bin/env node
// `npm start`: Next's production server behind a guard for the request targets Next cannot route.
//
// An asterisk-form request target (`OPTIONS * HTTP/1.1`, RFC 9112 section 3.2.4) reaches Next's router, which
// parses it with `new URL()` before proxy.ts runs and answers 500. Here `OPTIONS *` is answered as the server-wide
// OPTIONS it is, any other method with `*` gets 400, and so does any target that is neither a path nor an absolute
// URL. Everything else goes to Next unchanged: it is the same server `next start` runs, started programmatically.
//
// Usage: node server.mjs [-p port] [-H hostname]   (PORT and HOSTNAME work too; defaults 3000 and all interfaces)
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import next from 'next'
import { responseHeaders } from './lib/site/response-headers.mjs'
import { guardResponse } from './lib/site/shared-cache-guard.mjs'

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
})
const port = Number(values.port ?? process.env.PORT ?? 3000)
const hostname = values.hostname ?? process.env.HOSTNAME
process.env.NODE_ENV = 'production'

const app = next({ dev: false, dir: import.meta.dirname ?? process.cwd(), hostname: hostname ?? 'localhost', port })
const handle = app.getRequestHandler()
await app.prepare()

// The guard's own answers carry the security headers every other response has.
const securityHeaders = Object.fromEntries(responseHeaders().map(({ key, value }) => [key, value]))

/** @param {import('node:http').ServerResponse} response */
function answer(response, status, headers = {}) {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers })
  response.end(status === 204 ? undefined : 'Bad Request')
}

const server = createServer((request, response) => {
  const target = request.url ?? ''
  if (target === '*') return answer(response, request.method === 'OPTIONS' ? 204 : 400, { Allow: 'GET, HEAD' })
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target)) return answer(response, 400)
  guardResponse(request, response)
  void handle(request, response)
})
server.listen(port, hostname, () => {
  console.log(`▲ The Backend Engineer's Playbook on http://${hostname ?? 'localhost'}:${port}`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0))
    // Keep-alive connections would hold close() open; stop waiting for them after a moment.
    setTimeout(() => process.exit(0), 3000).unref()
  })
}
