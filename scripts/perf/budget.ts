// The JavaScript a browser loads for each prerendered page of a production build, split into the framework's
// runtime (what any Next.js App Router page that keeps it loads; the index and the articles do not,
// lib/site/without-runtime.ts) and what this site's code adds, its inline page script included, and checked against
// the committed budget (performance-budget.json). scripts/perf/js-budget.ts reads the build folder and prints it.
import { gzipSync } from 'node:zlib'
import { parse, type Node } from 'acorn'
import { siteScriptAttribute } from '../../lib/site/without-runtime'

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

/**
 * The contents of the page's inline scripts: the App Router's bootstrap and the page's RSC payload, or (`site`) the
 * script of the site's own that stands in for them on a page served without Next's runtime
 * (lib/site/without-runtime.ts).
 */
export function inlineScripts(html: string, { site = false } = {}): string {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => match[1].includes(siteScriptAttribute) === site)
    .map((match) => match[2])
    .join('\n')
}

/** What the build says about its chunks: Next's build-manifest.json and the app's client reference manifests. */
export type BuildFacts = {
  /** build-manifest.json's rootMainFiles and polyfillFiles: the runtime every App Router page loads. */
  runtimeFiles: string[]
  /** For each chunk (as its URL path, /_next/static/…), the client modules the manifests place in it. */
  chunkModules: Map<string, Set<string>>
  /** Each client module's id in the bundle, where the manifests give one. */
  moduleIds?: Map<string, string>
}

// Turbopack names modules `[project]/node_modules/next/…`, webpack by their absolute path.
const frameworkModule = /(^|\/)node_modules\/next\//

export type ScriptOwner = 'framework' | 'site'

/**
 * A script is the framework's when Next's manifest lists it as runtime, or when every client module in it is part
 * of Next itself (its router, layout router and <Link>). Anything holding a module of this site or of another
 * package is the site's, and so is a script no manifest mentions; of a chunk that holds both the site's modules
 * and Next's, the site's part is what siteFactories finds.
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

function sizeOf(contents: Buffer | string): Sized {
  const buffer = typeof contents === 'string' ? Buffer.from(contents) : contents
  return { raw: buffer.length, gzip: gzipSync(buffer).length }
}

type Factory = { text: string; dependencies: string[] }

/**
 * The module factories of a Turbopack chunk, `(globalThis.TURBOPACK||…).push([script, id, factory, id, factory …])`,
 * by module id, each with its source and the ids it loads (`e.i(id)`, `e.r(id)` with the factory's first
 * parameter). Undefined for any other format.
 */
export function chunkFactories(source: string): Map<string, Factory> | undefined {
  let program: Node & { body?: Node[] }
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script' })
  } catch {
    return undefined
  }
  type Call = Node & { callee?: { property?: { name?: string } }; arguments?: (Node & { elements?: Node[] })[] }
  const statement = program.body?.[0] as (Node & { expression?: Call }) | undefined
  const call = statement?.expression
  const elements = call?.callee?.property?.name === 'push' ? call.arguments?.[0]?.elements : undefined
  if (!elements) return undefined
  const factories = new Map<string, Factory>()
  for (let index = 1; index + 1 < elements.length; index += 2) {
    const id = elements[index] as Node & { value?: unknown }
    const factory = elements[index + 1] as Node & { params?: (Node & { name?: string })[] }
    const context = factory.params?.[0]?.name
    if (id.type !== 'Literal' || !context) return undefined
    const text = source.slice(factory.start, factory.end)
    const loads = new RegExp(`\\b${context.replace(/\$/g, '\\$')}\\.[ir]\\(([0-9]+|"[^"]+")\\)`, 'g')
    const dependencies = [...text.matchAll(loads)].map((match) => match[1].replace(/"/g, ''))
    factories.set(String(id.value), { text, dependencies })
  }
  return factories.size > 0 ? factories : undefined
}

/**
 * The factories of a chunk that are the site's: its own client modules and what they load without going through a
 * module of Next's. Turbopack puts the client components of a layout in one chunk with next/link's client and its
 * helpers; those stay the framework's, as they are in a chunk of their own when the site has no client component.
 */
export function siteFactories(factories: Map<string, Factory>, siteIds: string[], frameworkIds: string[]): Set<string> {
  const owned = new Set<string>()
  const framework = new Set(frameworkIds)
  const pending = siteIds.filter((id) => factories.has(id))
  while (pending.length > 0) {
    const id = pending.pop()!
    if (owned.has(id) || framework.has(id) || !factories.has(id)) continue
    owned.add(id)
    pending.push(...factories.get(id)!.dependencies)
  }
  return owned
}

/** A script's size, and the part of it that is the site's (all of it, none of it, or its own modules in a mixed chunk). */
export type ScriptReport = ScriptTag & Sized & { owner: ScriptOwner; modules: string[]; site: Sized }

export type PageReport = {
  route: string
  scripts: ScriptReport[]
  /** Loaded by browsers that support modules: every script but the noModule polyfills. */
  framework: Sized
  site: Sized
  inline: Sized
}

function total(sizes: Sized[]): Sized {
  return sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), { raw: 0, gzip: 0 })
}

/** What of a site-owned chunk is the site's: its own modules' share when the chunk also holds Next's modules. */
function siteShare(contents: Buffer, modules: string[], facts: BuildFacts): Sized {
  const whole = sizeOf(contents)
  const idsOf = (names: string[]) =>
    names.map((name) => facts.moduleIds?.get(name)).filter((id): id is string => id !== undefined)
  const framework = modules.filter((name) => frameworkModule.test(name))
  if (framework.length === 0) return whole
  const factories = chunkFactories(contents.toString('utf8'))
  if (!factories) return whole
  const site = modules.filter((name) => !frameworkModule.test(name) && !/\.css(\?|$)/.test(name))
  const owned = siteFactories(factories, idsOf(site), idsOf(framework))
  const ownText = [...owned].map((id) => factories.get(id)!.text).join('\n')
  // Gzip of the site's factories alone, never more than the chunk's.
  const own = sizeOf(ownText)
  return { raw: Math.min(own.raw, whole.raw), gzip: Math.min(own.gzip, whole.gzip) }
}

export function pageReport(route: string, html: string, facts: BuildFacts, read: (src: string) => Buffer): PageReport {
  const scripts = scriptTags(html).map((tag): ScriptReport => {
    const source = tag.src.replace(/\?.*$/, '')
    const contents = read(source)
    const owner = ownerOf(tag.src, facts)
    const modules = [...(facts.chunkModules.get(source) ?? [])].sort()
    const whole = sizeOf(contents)
    return {
      ...tag,
      ...whole,
      owner,
      modules,
      site: owner === 'framework' ? { raw: 0, gzip: 0 } : siteShare(contents, modules, facts),
    }
  })
  const loaded = scripts.filter((script) => !script.noModule)
  const files = total(loaded.map((script) => script.site))
  const all = total(loaded)
  const siteInline = inlineScripts(html, { site: true })
  return {
    route,
    scripts,
    framework: { raw: all.raw - files.raw, gzip: all.gzip - files.gzip },
    site: siteInline ? total([files, sizeOf(siteInline)]) : files,
    inline: sizeOf(inlineScripts(html)),
  }
}

/** performance-budget.json: gzip byte limits, per route pattern for what the site adds, and for the framework. */
export type Budget = {
  framework: { gzip: number }
  /** `frameworkGzip`, where given, replaces the framework's limit for the route (0: pages served without it). */
  routes: { pattern: string; siteGzip: number; frameworkGzip?: number }[]
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
          .filter((script) => script.site.gzip > 0 && !script.noModule)
          .map((script) => `${script.src} ${script.site.gzip} B: ${script.modules.join(', ') || 'no manifest entry'}`)
          .join('; ')})`,
    )
  const frameworkLimit = limit?.frameworkGzip ?? budget.framework.gzip
  if (page.framework.gzip > frameworkLimit)
    problems.push(
      `${page.route}: the framework runtime is ${page.framework.gzip} B gzip, over its budget of ${frameworkLimit} B` +
        (limit?.frameworkGzip === undefined ? '' : ` for ${limit.pattern}`),
    )
  return problems
}
