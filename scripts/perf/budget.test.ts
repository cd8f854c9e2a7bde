import { describe, expect, it } from 'vitest'
import {
  budgetFor,
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

  it('matches the first route pattern, one path segment per *', () => {
    expect(budgetFor('/posts/x', budget)?.pattern).toBe('/posts/*')
    expect(budgetFor('/posts/x/y', budget)?.pattern).toBe('*')
    expect(budgetFor('/', budget)?.pattern).toBe('*')
    expect(budgetFor('/', { ...budget, routes: [] })).toBeUndefined()
  })
})
