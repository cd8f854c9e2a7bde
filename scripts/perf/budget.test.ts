import { describe, expect, it } from 'vitest'
import {
  budgetFor,
  chunkFactories,
  siteFactories,
  budgetProblems,
  inlineScripts,
  ownerOf,
  pageReport,
  scriptTags,
  type Budget,
  type BuildFacts,
} from './budget'

const html = [
  '<link rel="preload" as="script" href="/_next/static/chunks/main.js"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/router.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script src="/_next/static/chunks/copy-button.js" async=""></script>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script>self.__next_f.push([1,"payload"])</script>',
].join('')

const facts: BuildFacts = {
  runtimeFiles: ['static/chunks/main.js', 'static/chunks/polyfills.js'],
  chunkModules: new Map([
    [
      '/_next/static/chunks/router.js',
      new Set(['/srv/site/node_modules/next/dist/client/app-dir/link.js', '/srv/site/app/globals.css']),
    ],
    [
      '/_next/static/chunks/copy-button.js',
      new Set(['[project]/components/copy-button.tsx', '[project]/node_modules/next/dist/client/app-dir/link.js']),
    ],
  ]),
}

const budget: Budget = {
  framework: { gzip: 10_000 },
  routes: [
    { pattern: '/posts/*', siteGzip: 30 },
    { pattern: '*', siteGzip: 5_000 },
  ],
}

describe('the JavaScript budget', () => {
  it('lists each external script once, marking the noModule polyfills, and collects the inline ones', () => {
    expect(scriptTags(html)).toEqual([
      { src: '/_next/static/chunks/main.js', noModule: false },
      { src: '/_next/static/chunks/router.js', noModule: false },
      { src: '/_next/static/chunks/polyfills.js', noModule: true },
      { src: '/_next/static/chunks/copy-button.js', noModule: false },
    ])
    expect(inlineScripts(html)).toBe('self.__next_f.push([1,"payload"])')
  })

  it("counts Next's runtime and chunks of only Next's modules as the framework, and anything else as the site's", () => {
    expect(ownerOf('/_next/static/chunks/main.js', facts)).toBe('framework')
    expect(ownerOf('/_next/static/chunks/router.js', facts)).toBe('framework')
    expect(ownerOf('/_next/static/chunks/copy-button.js', facts)).toBe('site')
    expect(ownerOf('/_next/static/chunks/unknown.js', facts)).toBe('site')
  })

  it('sizes what a modern browser loads, and reports a page over its route budget with the culprit', () => {
    const files: Record<string, string> = {
      '/_next/static/chunks/main.js': 'a'.repeat(2000),
      '/_next/static/chunks/router.js': 'b'.repeat(1000),
      '/_next/static/chunks/polyfills.js': 'c'.repeat(5000),
      '/_next/static/chunks/copy-button.js': 'function copy(){return navigator.clipboard.writeText(x)}'.repeat(3),
    }
    const page = pageReport('/posts/a-post', html, facts, (src) => Buffer.from(files[src]))
    expect(page.framework.raw).toBe(3000)
    expect(page.site.raw).toBe(files['/_next/static/chunks/copy-button.js'].length)
    expect(page.site.gzip).toBeGreaterThan(30)
    const problems = budgetProblems(page, budget)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /^\/posts\/a-post: the site's own JavaScript is \d+ B gzip, over the budget of 30 B for \/posts\/\*/,
    )
    expect(problems[0]).toContain('[project]/components/copy-button.tsx')
    expect(budgetProblems({ ...page, route: '/' }, budget)).toEqual([])
  })

  it("counts the inline script of a page served without Next's runtime as the site's, not as the runtime's", () => {
    const page = pageReport(
      '/posts/a-post',
      '<html><head><script>theme()</script></head><body><p>text</p><script data-site-script="">copy()</script></body></html>',
      facts,
      () => Buffer.from(''),
    )
    expect(page.scripts).toEqual([])
    expect(page.framework).toEqual({ raw: 0, gzip: 0 })
    expect(page.site.raw).toBe('copy()'.length)
    expect(page.inline.raw).toBe('theme()'.length)
  })

  it("holds a route served without Next's runtime to its own framework limit", () => {
    const withoutRuntime: Budget = { ...budget, routes: [{ pattern: '/posts/*', siteGzip: 5_000, frameworkGzip: 0 }] }
    const page = pageReport('/posts/a-post', html, facts, () => Buffer.from('x'.repeat(100)))
    expect(budgetProblems(page, withoutRuntime)).toEqual([
      expect.stringMatching(
        /^\/posts\/a-post: the framework runtime is \d+ B gzip, over its budget of 0 B for \/posts\/\*$/,
      ),
    ])
    expect(budgetProblems(page, budget).filter((problem) => problem.includes('framework'))).toEqual([])
  })

  it('matches the first route pattern, one path segment per *', () => {
    expect(budgetFor('/posts/x', budget)?.pattern).toBe('/posts/*')
    expect(budgetFor('/posts/x/y', budget)?.pattern).toBe('*')
    expect(budgetFor('/', budget)?.pattern).toBe('*')
    expect(budgetFor('/', { ...budget, routes: [] })).toBeUndefined()
  })

  it("splits a Turbopack chunk that holds the site's client components and next/link: the site's are its own", () => {
    // Site module 1 (a NavLink) loads module 2 (site code) and next/link (3), which loads its helper 4; module 5 is
    // in another chunk.
    const chunk =
      '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,' +
      '1,e=>{"use strict";var t=e.i(2),n=e.i(3),o=e.i(5);e.s(["NavLink",0,function(){return n.default}])},' +
      '2,e=>{"use strict";e.s(["x",0,1])},' +
      '3,(e,t,r)=>{"use strict";let u=e.r(4);r.default=function Link(){return u}},' +
      '4,(e,t,r)=>{"use strict";r.helper="a long helper that only next/link uses"}])'
    const factories = chunkFactories(chunk)!
    expect([...factories.keys()]).toEqual(['1', '2', '3', '4'])
    expect(factories.get('1')!.dependencies).toEqual(['2', '3', '5'])
    expect(factories.get('3')!.dependencies).toEqual(['4'])
    expect([...siteFactories(factories, ['1'], ['3'])].sort()).toEqual(['1', '2'])
    expect(chunkFactories('webpackChunk.push([[1],{1:function(){}}])')).toBeUndefined()
  })
})
