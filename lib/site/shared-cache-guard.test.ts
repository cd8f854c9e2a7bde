import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { guardResponse, isNotModified, isPrivateVariant } from './shared-cache-guard.mjs'

const page = { status: 200, contentType: 'text/html; charset=utf-8' }
const payload = { status: 200, contentType: 'text/x-component' }

describe('isPrivateVariant', () => {
  it('leaves what a browser asks for to the shared cache', () => {
    expect(isPrivateVariant({ headers: { accept: 'text/html' }, url: '/posts/x' }, page)).toBe(false)
    expect(isPrivateVariant({ headers: {}, url: '/posts/x' }, { status: 404, contentType: 'text/html' })).toBe(false)
  })

  it('keeps every answer to the router out of shared caches but the payload its _rsc names', () => {
    const redirect = { status: 307, contentType: undefined }
    expect(isPrivateVariant({ headers: { rsc: '1' }, url: '/posts/x' }, redirect)).toBe(true)
    expect(isPrivateVariant({ headers: { rsc: '1' }, url: '/posts/x?_rsc=abc' }, payload)).toBe(false)
    expect(isPrivateVariant({ headers: { rsc: '1' }, url: '/posts/x?_rsc=abc' }, { ...payload, status: 404 })).toBe(
      true,
    )
    expect(isPrivateVariant({ headers: { 'next-router-prefetch': '1' }, url: '/posts/x' }, page)).toBe(true)
    expect(isPrivateVariant({ headers: { 'next-action': 'f00' }, url: '/posts/x' }, page)).toBe(true)
    // No browser asks for _rsc without the router's header: the HTML it gets there is nobody else's business.
    expect(isPrivateVariant({ headers: {}, url: '/posts/x?_rsc=abc' }, page)).toBe(true)
  })

  it('answers for request targets that are not URLs', () => {
    expect(isPrivateVariant({ headers: {}, url: '//%0d%0aSet-Cookie:x=1' }, page)).toBe(false)
    expect(isPrivateVariant({ headers: {}, url: '/\\%0d%0aSet-Cookie:x=1' }, page)).toBe(false)
    expect(isPrivateVariant({ headers: { rsc: '1' }, url: '//x?_rsc=abc' }, payload)).toBe(false)
  })
})

describe('isNotModified', () => {
  it('compares If-None-Match with the ETag weakly, and * matches any', () => {
    expect(isNotModified({ 'if-none-match': '"a1"' }, 'W/"a1"')).toBe(true)
    expect(isNotModified({ 'if-none-match': 'W/"zz", W/"a1"' }, 'W/"a1"')).toBe(true)
    expect(isNotModified({ 'if-none-match': '*' }, '"a1"')).toBe(true)
    expect(isNotModified({ 'if-none-match': '"b2"' }, '"a1"')).toBe(false)
    expect(isNotModified({}, '"a1"')).toBe(false)
    expect(isNotModified({ 'if-none-match': '"a1"' }, undefined)).toBe(false)
  })
})

describe('guardResponse on a real server', () => {
  let close: (() => void) | undefined
  afterEach(() => close?.())

  async function serve(handler: RequestListener) {
    const server = createServer((request, response) => {
      guardResponse(request, response)
      handler(request, response)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    close = () => server.close()
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('makes a redirect to the router private, with headers set either way', async () => {
    const base = await serve((_request, response) => {
      response.setHeader('Cache-Control', 'public, max-age=0, s-maxage=300')
      response.writeHead(307, { Location: '/x?_rsc=abc' })
      response.end()
    })
    const answer = await fetch(`${base}/x`, { headers: { RSC: '1' }, redirect: 'manual' })
    expect(answer.status).toBe(307)
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
    const plain = await fetch(`${base}/x`, { redirect: 'manual' })
    expect(plain.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=300')
  })

  it('answers a request that holds the ETag with a bodiless 304, also behind compression', async () => {
    const body = gzipSync('<rss>feed</rss>')
    const base = await serve((_request, response) => {
      response.setHeader('ETag', 'W/"feed1"')
      response.setHeader('Content-Encoding', 'gzip')
      response.statusCode = 200
      response.write(body.subarray(0, 5))
      response.end(body.subarray(5))
    })
    const fresh = await fetch(`${base}/feed.xml`)
    expect(fresh.status).toBe(200)
    expect(await fresh.text()).toBe('<rss>feed</rss>')
    const again = await fetch(`${base}/feed.xml`, { headers: { 'If-None-Match': 'W/"feed1"' } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe('W/"feed1"')
    expect(again.headers.get('content-encoding')).toBeNull()
    expect(await again.text()).toBe('')
  })
})
