// The JavaScript a browser loads for each prerendered page of a production build, split into the framework's
// runtime (what any Next.js App Router page loads) and what this site's code adds, and checked against the
// committed budget (performance-budget.json). scripts/perf/js-budget.ts reads the build folder and prints it.
import { gzipSync } from 'node:zlib'

export type ScriptTag = { src: string; noModule: boolean }

/** The external scripts of an HTML page, in order, each once (Next also preloads some with <link>). */
export function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = []
  const seen = new Set<string>()
  for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(tag)![1].replace(/&amp;/g, '&')
    if (seen.has(src)) continue
    seen.add(src)
    tags.push({ src, noModule: /\bnoModule\b/i.test(tag) })
  }
  return tags
}

/** The contents of the page's inline scripts: the App Router's bootstrap and the page's RSC payload. */
export function inlineScripts(html: string): string {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n')
}

/** What the build says about its chunks: Next's build-manifest.json and the app's client reference manifests. */
export type BuildFacts = {
  /** build-manifest.json's rootMainFiles and polyfillFiles: the runtime every App Router page loads. */
  runtimeFiles: string[]
  /** For each chunk (as its URL path, /_next/static/…), the client modules the manifests place in it. */
  chunkModules: Map<string, Set<string>>
}

// Turbopack names modules `[project]/node_modules/next/…`, webpack by their absolute path.
const frameworkModule = /(^|\/)node_modules\/next\//

export type ScriptOwner = 'framework' | 'site'

/**
 * A script is the framework's when Next's manifest lists it as runtime, or when every client module in it is part
 * of Next itself (its router, layout router and <Link>). Anything holding a module of this site or of another
 * package is the site's, whole, since a chunk is loaded whole; so is a script no manifest mentions.
 */
export function ownerOf(src: string, facts: BuildFacts): ScriptOwner {
  const path = src.replace(/^\/_next\//, '').replace(/\?.*$/, '')
  if (facts.runtimeFiles.includes(path)) return 'framework'
  // Stylesheets appear among webpack's client modules; they add no JavaScript of the site's to a chunk.
  const modules = [...(facts.chunkModules.get(src.replace(/\?.*$/, '')) ?? [])].filter(
    (name) => !/\.css(\?|$)/.test(name),
  )
  if (modules.length > 0 && modules.every((name) => frameworkModule.test(name))) return 'framework'
  return 'site'
}

export type Sized = { raw: number; gzip: number }

export function sizeOf(contents: Buffer | string): Sized {
  const buffer = typeof contents === 'string' ? Buffer.from(contents) : contents
  return { raw: buffer.length, gzip: gzipSync(buffer).length }
}

export type ScriptReport = ScriptTag & Sized & { owner: ScriptOwner; modules: string[] }

export type PageReport = {
  route: string
  scripts: ScriptReport[]
  /** Loaded by browsers that support modules: every script but the noModule polyfills. */
  framework: Sized
  site: Sized
  inline: Sized
}

function total(scripts: ScriptReport[]): Sized {
  return scripts.reduce((sum, script) => ({ raw: sum.raw + script.raw, gzip: sum.gzip + script.gzip }), {
    raw: 0,
    gzip: 0,
  })
}

export function pageReport(route: string, html: string, facts: BuildFacts, read: (src: string) => Buffer): PageReport {
  const scripts = scriptTags(html).map((tag): ScriptReport => {
    const source = tag.src.replace(/\?.*$/, '')
    return {
      ...tag,
      ...sizeOf(read(source)),
      owner: ownerOf(tag.src, facts),
      modules: [...(facts.chunkModules.get(source) ?? [])].sort(),
    }
  })
  const loaded = scripts.filter((script) => !script.noModule)
  return {
    route,
    scripts,
    framework: total(loaded.filter((script) => script.owner === 'framework')),
    site: total(loaded.filter((script) => script.owner === 'site')),
    inline: sizeOf(inlineScripts(html)),
  }
}

/** performance-budget.json: gzip byte limits, per route pattern for what the site adds, and for the framework. */
export type Budget = {
  framework: { gzip: number }
  routes: { pattern: string; siteGzip: number }[]
}

/** `/posts/*` matches one path segment; `*` alone matches every route. The first matching pattern applies. */
export function budgetFor(route: string, budget: Budget): Budget['routes'][number] | undefined {
  return budget.routes.find(({ pattern }) => {
    if (pattern === '*') return true
    const expression = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`)
    return expression.test(route)
  })
}

/** Every way a page exceeds the budget, as sentences. */
export function budgetProblems(page: PageReport, budget: Budget): string[] {
  const problems: string[] = []
  const limit = budgetFor(page.route, budget)
  if (!limit) problems.push(`${page.route}: no budget in performance-budget.json matches this route`)
  else if (page.site.gzip > limit.siteGzip)
    problems.push(
      `${page.route}: the site's own JavaScript is ${page.site.gzip} B gzip, over the budget of ${limit.siteGzip} B ` +
        `for ${limit.pattern} (${page.scripts
          .filter((script) => script.owner === 'site' && !script.noModule)
          .map((script) => `${script.src} ${script.gzip} B: ${script.modules.join(', ') || 'no manifest entry'}`)
          .join('; ')})`,
    )
  if (page.framework.gzip > budget.framework.gzip)
    problems.push(
      `${page.route}: the framework runtime is ${page.framework.gzip} B gzip, over its budget of ${budget.framework.gzip} B`,
    )
  return problems
}
