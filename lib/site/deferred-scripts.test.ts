import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { deferredScriptSources, deferScripts } from './deferred-scripts'

/** A page's shape as Next 16 prerenders it: the entry preloaded, async scripts and a noModule polyfill in <head>. */
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/entry.js"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script src="/_next/static/chunks/b.js?dpl=1&amp;x=2" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script src="/_next/static/chunks/entry.js" async=""></script>',
  '</head><body><p>Text</p><script>self.__next_f.push([1,"x"])</script></body></html>',
].join('')

/** Runs the page's loader against a stand-in document and reports which scripts it added, and when. */
function runLoader(html: string, visibilityState: 'visible' | 'hidden', { frames: hasFrames = true } = {}) {
  const [, attribute, code] = /<script data-deferred-scripts="([^"]*)">([\s\S]*?)<\/script>/.exec(html)!
  const added: string[] = []
  const frames: (() => void)[] = []
  const timers: (() => void)[] = []
  const listeners: Record<string, () => void> = {}
  type Element = { src: string; async: boolean; onload?: () => void; onerror?: () => void }
  const elements: Element[] = []
  const loader = {
    dataset: { deferredScripts: attribute.replace(/&amp;/g, '&') },
    settled: false,
    setAttribute: (name: string) => (loader.settled ||= name === 'data-settled'),
  }
  const document = {
    visibilityState,
    currentScript: loader,
    addEventListener: (type: string, callback: () => void) => (listeners[type] = callback),
    createElement: () => ({ src: '', async: false }),
    head: {
      appendChild: (element: Element) => {
        elements.push(element)
        added.push(`${element.src} async=${element.async}`)
      },
    },
  }
  const requestAnimationFrame = hasFrames ? (callback: () => void) => frames.push(callback) : undefined
  const global = { document, requestAnimationFrame, setTimeout: (callback: () => void) => timers.push(callback) }
  runInNewContext(code, { ...global, self: global })
  return { added, frames, timers, listeners, elements, loader }
}

describe('deferScripts', () => {
  const deferred = deferScripts(page, 'index.html')

  it("takes Next's async scripts and the entry's preload out of <head>, keeping the noModule polyfill", () => {
    const head = deferred.slice(0, deferred.indexOf('</head>'))
    expect(head).not.toContain('async=""')
    expect(head).not.toContain('as="script"')
    expect(head).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script>')
    expect(head).toContain('rel="stylesheet"')
  })

  it('lists them, in order, on a loader that is the last element of <body>', () => {
    expect(deferredScriptSources(deferred)).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js?dpl=1&x=2',
      '/_next/static/chunks/entry.js',
    ])
    expect(deferred).toMatch(/<script data-deferred-scripts="[^"]*">[^<]*<\/script><\/body><\/html>$/)
    expect(deferred).toContain('<p>Text</p><script>self.__next_f.push([1,"x"])</script>')
  })

  it('adds the scripts, async, in the task after the first frame of a visible page', () => {
    const { added, frames, timers } = runLoader(deferred, 'visible')
    expect(added).toEqual([])
    frames.forEach((frame) => frame())
    expect(added).toEqual([])
    timers.forEach((timer) => timer())
    expect(added).toEqual([
      '/_next/static/chunks/a.js async=true',
      '/_next/static/chunks/b.js?dpl=1&x=2 async=true',
      '/_next/static/chunks/entry.js async=true',
    ])
  })

  it('marks itself settled once every script it added has run or failed', () => {
    const { frames, timers, elements, loader } = runLoader(deferred, 'visible')
    frames.forEach((frame) => frame())
    timers.forEach((timer) => timer())
    elements[0].onload!()
    elements[2].onerror!()
    expect(loader.settled).toBe(false)
    elements[1].onload!()
    expect(loader.settled).toBe(true)
  })

  it('adds them at once on a page that is hidden, which paints no frame until it is shown', () => {
    const { added, frames } = runLoader(deferred, 'hidden')
    expect(frames).toEqual([])
    expect(added).toHaveLength(3)
  })

  it('adds them when a visible page is hidden before its first frame, and only once', () => {
    const { added, frames, timers, listeners } = runLoader(deferred, 'visible')
    listeners.visibilitychange()
    expect(added).toHaveLength(3)
    frames.forEach((frame) => frame())
    timers.forEach((timer) => timer())
    listeners.visibilitychange()
    expect(added).toHaveLength(3)
  })

  it('adds them at once in a browser without requestAnimationFrame', () => {
    expect(runLoader(deferred, 'visible', { frames: false }).added).toHaveLength(3)
  })

  it('leaves a page without Next scripts, or one rewritten already, as it is', () => {
    const plain = '<html><head></head><body><p>Mentions data-deferred-scripts="x"</p></body></html>'
    expect(deferScripts(plain)).toBe(plain)
    expect(deferScripts(deferred)).toBe(deferred)
    expect(deferredScriptSources(page)).toEqual([])
  })

  it('fails, naming the page, on a script tag or a script preload of another shape', () => {
    const moduleScript = page.replace('async=""></script>', 'type="module"></script>')
    expect(() => deferScripts(moduleScript, 'posts/x.html')).toThrow(
      'posts/x.html: a script tag the build does not know how to defer: <script src="/_next/static/chunks/a.js" type="module">',
    )
    const otherPreload = page.replace(
      'href="/_next/static/chunks/entry.js"/>',
      'href="/_next/static/chunks/other.js"/>',
    )
    expect(() => deferScripts(otherPreload, 'posts/x.html')).toThrow(
      'posts/x.html: a script preload the build does not know how to defer',
    )
    expect(() => deferScripts(page.replace('</body>', ''), 'posts/x.html')).toThrow('posts/x.html: no </body>')
    const ownScript = page.replace('/_next/static/chunks/a.js', '/widgets/a.js')
    expect(() => deferScripts(ownScript, 'posts/x.html')).toThrow(
      'does not know how to defer: <script src="/widgets/a.js"',
    )
    const noScripts = page
      .replace(/<script src="[^"]*" async=""><\/script>/g, '')
      .replace(/<link rel="preload" as="script"[^>]*>/, '')
    expect(() => deferScripts(noScripts, 'posts/x.html')).toThrow(
      "posts/x.html: an App Router page without Next's async script tags",
    )
  })
})
