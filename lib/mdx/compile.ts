import 'server-only'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Message, Plugin } from 'esbuild'
import type { Root as MdastRoot } from 'mdast'
import { bundleMDX } from 'mdx-bundler'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import remarkSmartypants from 'remark-smartypants'
import type { ShikiTransformer } from 'shiki'
import { BenchmarkParseError, parseBenchmarkOutput } from '../benchmarks'
import { singleFlight, writeCacheFile } from '../build-cache'
import { recordTiming } from '../timing'
import { ContentError, type ContentProblem } from '../problems'
import { rehypeCollectHeadings, remarkInspect, type PostOutline } from './inspect'
import { remarkDiagrams } from './diagrams'
import { remarkMarkdownBody, writeMarkdownBody } from './markdown'
import { defaultMediaDirectory, rehypePostImages } from './images'
import { rehypePostText, type PostSection } from './text'
import { remarkComponentProps } from './component-props'
import { codeThemes, rehypeCodeHtml } from './code-html'
import { rehypeTableRegions } from './table-regions'

// Bump when something outside lib/mdx/ and the lockfile (lib/benchmarks/, say) changes what compiled posts look
// like: it invalidates the disk cache. A change to the pipeline's own sources does so by itself (pipelineDigest).
const PIPELINE_VERSION = 16

/**
 * github-light-default's comment gray (#6E7781) is 4.6:1 on white and falls under WCAG AA's 4.5:1 on a
 * highlighted line; Primer's darker muted gray keeps comments readable there too.
 */
const readableComments: ShikiTransformer = {
  name: 'playbook-readable-comments',
  span(node) {
    const { style } = node.properties
    if (typeof style === 'string')
      node.properties.style = style.replace('--shiki-light:#6E7781', '--shiki-light:#59636E')
  },
}

const prettyCodeOptions: PrettyCodeOptions = {
  theme: codeThemes,
  keepBackground: false,
  defaultLang: { block: 'text' },
  transformers: [readableComments],
}

/** Benchmark output a post imports (bench/results*.txt) is parsed while bundling, so a bad line fails the build here. */
const benchmarkOutputFile = /[\\/]results[^\\/]*\.txt$/

function postFolderPlugin(postDirectory: string, relative: (file: string) => string): Plugin {
  return {
    name: 'playbook-post-folder',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, ({ path: imported, importer }) => {
        const resolved = path.resolve(path.dirname(importer), imported)
        if (resolved.startsWith(postDirectory + path.sep)) return undefined
        return {
          errors: [
            {
              text: `"${imported}" is outside the post's folder: a post may only import files from ${relative(postDirectory)}/`,
            },
          ],
        }
      })
      build.onLoad({ filter: benchmarkOutputFile }, async ({ path: file }) => {
        const contents = await readFile(file, 'utf8')
        try {
          parseBenchmarkOutput(contents)
        } catch (error) {
          if (!(error instanceof BenchmarkParseError)) throw error
          return {
            errors: error.problems.map(({ line, text, message }) => ({
              text: `benchmark output: ${message}`,
              location: { file, line, column: 0, lineText: text },
            })),
          }
        }
        return { contents, loader: 'text' }
      })
    },
  }
}

/**
 * esbuild names files relative to its working directory, the post's folder. For some MDX errors (an unclosed
 * tag) the MDX plugin reports line 0 and puts the real position in the text, as "(10:1-10:21)".
 */
function toProblems(
  messages: Message[],
  postDirectory: string,
  fallbackFile: string,
  relative: (file: string) => string,
): ContentProblem[] {
  return messages.map(({ text, location }) => {
    const message = text.replace(/^Cannot process MDX file with esbuild:\s*(\d+:\d+: )?/, '')
    const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(message)
    const [line, column] = location?.line
      ? [location.line, location.column + 1]
      : inText
        ? [Number(inText[1]), Number(inText[2])]
        : [1, 1]
    return {
      file: location?.file ? relative(path.resolve(postDirectory, location.file)) : fallbackFile,
      line,
      column,
      message,
    }
  })
}

export type CompiledPost = {
  code: string
  outline: PostOutline
  /** The post's text, section by section, for the search index. */
  sections: PostSection[]
  /** The image files the post shows, relative to the media directory (lib/mdx/images.ts). */
  media: string[]
  /** The body of the post's Markdown copy (lib/mdx/markdown.ts). */
  markdown: string
}

async function compile(
  file: string,
  postDirectory: string,
  relative: (file: string) => string,
  mediaDirectory: string,
): Promise<CompiledPost> {
  const problems: ContentProblem[] = []
  const outline: PostOutline = { headings: [], links: [], toc: [] }
  const sections: PostSection[] = []
  const media = new Set<string>()
  let markdownTree: MdastRoot | undefined
  const headingIds = new Map<number, string>()
  try {
    const { code } = await bundleMDX({
      file,
      cwd: postDirectory,
      mdxOptions(options) {
        options.remarkPlugins = [
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          // Typographic quotes, apostrophes, dashes and ellipses in prose; code and component props stay as typed.
          [remarkSmartypants, { dashes: 'oldschool' }],
          remarkInspect(relative(file), problems, outline),
          remarkDiagrams({ file: relative(file), problems }),
          remarkComponentProps({ file: relative(file), postDirectory, problems }),
          // After the props are known: the Markdown copy's tables show the same figures as the page's.
          remarkMarkdownBody((tree) => (markdownTree = tree)),
        ]
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypePostImages({
            postDirectory,
            file: relative(file),
            relative,
            problems,
            media,
            slug: path.basename(postDirectory),
            mediaDirectory,
          }),
          rehypeSlug,
          // Also each heading's id by its place in the source, for the Markdown copy's headings, written after.
          rehypeCollectHeadings(outline, headingIds),
          rehypePostText(sections),
          rehypeTableRegions,
          [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
          [rehypePrettyCode, prettyCodeOptions],
          rehypeCodeHtml,
        ]
        return options
      },
      esbuildOptions(options) {
        options.plugins = [postFolderPlugin(postDirectory, relative), ...(options.plugins ?? [])]
        options.loader = { ...options.loader, '.txt': 'text' }
        options.logLevel = 'silent'
        return options
      },
    })
    if (problems.length > 0) throw new ContentError(problems)
    const markdown = writeMarkdownBody(markdownTree!, headingIds)
    return { code, outline, sections, media: [...media].sort(), markdown }
  } catch (error) {
    if (error instanceof ContentError) throw error
    const messages = (error as { errors?: Message[] }).errors
    if (Array.isArray(messages) && messages.length > 0)
      throw new ContentError(toProblems(messages, postDirectory, relative(file), relative))
    throw error
  }
}

async function hashFolder(directory: string, hash = createHash('sha256'), root = directory) {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) await hashFolder(full, hash, root)
    else if (entry.isFile())
      hash
        .update(path.relative(root, full))
        .update('\0')
        .update(await readFile(full))
        .update('\0')
  }
  return hash
}

// The lockfile stands for the versions of every plugin above. It is hashed once per process, not once per post:
// at a thousand posts, re-reading it for each was a measurable share of a warm build.
let dependencies: Promise<string> | undefined
function dependencyDigest(): Promise<string> {
  const lockfile = path.join(/*turbopackIgnore: true*/ process.cwd(), 'package-lock.json')
  return (dependencies ??= existsSync(lockfile)
    ? readFile(lockfile).then((contents) => createHash('sha256').update(contents).digest('hex'))
    : Promise.resolve('no lockfile'))
}

// The compile pipeline's own sources (this folder): an edited plugin must never meet a post compiled by the plugin
// before it, as it would in the next build's cache if the edit forgot the version above. A deployment without
// sources falls back to the version alone.
let pipeline: Promise<string> | undefined
function pipelineDigest(): Promise<string> {
  const sources = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'mdx')
  return (pipeline ??= hashFolder(sources).then(
    (hash) => hash.digest('hex'),
    () => 'no sources',
  ))
}

async function cacheKey(postDirectory: string): Promise<string> {
  const hash = createHash('sha256').update(
    `pipeline ${PIPELINE_VERSION}\0${await pipelineDigest()}\0${await dependencyDigest()}\0`,
  )
  return (await hashFolder(postDirectory, hash)).digest('hex')
}

export type CompileOptions = {
  /** Where compiled posts are cached by content hash; false turns the cache off. */
  cacheDirectory?: string | false
  /** Turns absolute paths into the paths error messages show. */
  relative?: (file: string) => string
  /** Where the images posts show are written (public/_posts-media/ by default). */
  mediaDirectory?: string
}

/** In the build folder's cache, so each build folder (the site's, the e2e fixture sites', a scale test's) has its own. */
const defaultCacheDirectory = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  process.env.NEXT_DIST_DIR ?? '.next',
  'cache',
  'playbook-mdx',
)

/**
 * Bundles a post's MDX (and whatever it imports from its folder) into code that renders it. The result is cached
 * on disk by the hash of the whole folder and the pipeline, so the build's worker processes, and the next build,
 * compile each post once.
 */
export async function compileMdx(file: string, options: CompileOptions = {}): Promise<CompiledPost> {
  const {
    cacheDirectory = defaultCacheDirectory,
    relative = (absolute: string) => path.relative(process.cwd(), absolute),
    mediaDirectory = defaultMediaDirectory,
  } = options
  const started = performance.now()
  const postDirectory = path.dirname(file)
  const slug = path.basename(postDirectory)
  if (cacheDirectory === false) {
    const compiled = await compile(file, postDirectory, relative, mediaDirectory)
    recordTiming('compile-mdx', started, { slug, cache: 'off' })
    return compiled
  }

  const cached = path.join(cacheDirectory, `${slug}.${await cacheKey(postDirectory)}.json`)
  return compileOnce(cached, async () => {
    const hit = await readCached(cached, mediaDirectory)
    if (hit) {
      recordTiming('compile-mdx', started, { slug, cache: 'hit' })
      return hit
    }
    const compiled = await compile(file, postDirectory, relative, mediaDirectory)
    // Earlier versions of this post are dead entries now.
    const stale = existsSync(cacheDirectory)
      ? (await readdir(/*turbopackIgnore: true*/ cacheDirectory)).filter(
          (name) => name.startsWith(`${slug}.`) && name.endsWith('.json') && name !== path.basename(cached),
        )
      : []
    await Promise.all(
      stale.map((name) => rm(path.join(/*turbopackIgnore: true*/ cacheDirectory, name), { force: true })),
    )
    await writeCacheFile(cached, JSON.stringify(compiled))
    recordTiming('compile-mdx', started, { slug, cache: 'miss' })
    return compiled
  })
}

// Two renders of one post at once (next dev, a build's metadata and page) share a compile.
const compileOnce = singleFlight<string, CompiledPost>()

/** A cached compile whose images still exist; undefined when there is none (or another process just removed it). */
async function readCached(cached: string, mediaDirectory: string): Promise<CompiledPost | undefined> {
  let hit: CompiledPost
  try {
    hit = JSON.parse(await readFile(cached, 'utf8')) as CompiledPost
  } catch {
    return undefined
  }
  // The images live outside the cache (public/_posts-media/ may have been cleaned): compiling again rewrites them.
  const imagesThere = hit.media.every((name) => existsSync(path.join(/*turbopackIgnore: true*/ mediaDirectory, name)))
  return imagesThere ? hit : undefined
}
