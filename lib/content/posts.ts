import 'server-only'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import pMap from 'p-map'
import { recordTiming } from '../timing'
import { compileMdx, type CompiledPost, type CompileOptions } from '../mdx/compile'
import { ContentError, type ContentProblem } from '../problems'
import { formatMonth, monthOf, todayAsCalendarDay } from './dates'
import { authorsDirectory, readAuthors, type Author, type Byline } from './authors'
import { parseFrontmatter, type Frontmatter } from './frontmatter'
import { checkInternalLinks, type TocEntry } from '../mdx/inspect'
import type { PostSection } from '../mdx/text'
import { changedPostSlugs, lastUpdated, readFileHistories } from './git-history'
import { previewDetails, siteEnvironment, type SiteEnvironment } from '../environment.mjs'

export type PostMeta = Omit<Frontmatter, 'authors'> & {
  /** Who wrote it, resolved from the frontmatter's ids (or the default author). */
  authors: Byline[]
  slug: string
  /** The post's index.mdx, relative to the project, as error messages name it. */
  file: string
  wordCount: number
  readingMinutes: number
}

export type Post = PostMeta & {
  /** The compiled MDX, rendered by components/mdx/mdx-content.tsx. */
  code: string
  /** The body of its Markdown copy (lib/mdx/markdown.ts). */
  markdown: string
  /** The h2 and h3 sections, for the table of contents. */
  toc: TocEntry[]
}

export type MonthGroup = { month: string; label: string; posts: PostMeta[] }

export type YearGroup = { year: string; months: MonthGroup[]; count: number }

export type TagSummary = { tag: string; posts: PostMeta[] }

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
// The longest launch article is about 30 KB; a post many times that is a pasted log or a mistake, and it would
// make a multi-megabyte page.
const maxPostBytes = 512 * 1024
const wordsPerMinute = 230

export function postsDirectory(): string {
  // The folder is only read at build time; telling Turbopack so keeps it from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.POSTS_DIR ?? path.join(process.cwd(), 'posts'))
}

function countWords(body: string): number {
  const prose = body.replace(/^(import|export)\s.*$/gm, '')
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** The day a post last changed: its "Updated" day, or the day it was published. */
export function lastChanged(post: Pick<PostMeta, 'date' | 'updated'>): string {
  return post.updated ?? post.date
}

export function byNewestFirst(a: PostMeta, b: PostMeta): number {
  return b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug)
}

/**
 * Reads and validates every post's frontmatter in a folder, without compiling any MDX: the valid posts, newest
 * first, and every problem found in the others.
 */
export async function readPosts(
  directory: string,
  relative = (file: string) => path.relative(process.cwd(), file),
): Promise<{ posts: PostMeta[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = []
  const posts: PostMeta[] = []
  const fieldLines = new Map<string, Record<string, number>>()
  const authorIds = new Map<PostMeta, string[] | undefined>()
  const folders = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory())

  for (const folder of folders) {
    const absolute = path.join(directory, folder.name, 'index.mdx')
    const file = relative(absolute)
    if (!existsSync(absolute)) {
      problems.push({
        file: relative(path.join(directory, folder.name)),
        line: 1,
        column: 1,
        message: 'a post folder needs an index.mdx',
      })
      continue
    }
    if (!slugPattern.test(folder.name)) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `the folder name "${folder.name}" is the post's URL and must be kebab-case, e.g. go-struct-field-alignment`,
      })
    }
    const source = await readFile(absolute, 'utf8')
    const bytes = Buffer.byteLength(source)
    if (bytes > maxPostBytes) {
      const size = `${(bytes / 2 ** 20).toFixed(1)} MB`
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `the post is ${size}, over the ${maxPostBytes / 1024} KB limit: split it, or move data and logs into files in its folder and link or import them`,
      })
      continue
    }
    const parsed = parseFrontmatter(file, source)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    fieldLines.set(file, parsed.fieldLines)
    const wordCount = countWords(parsed.body)
    const { authors: ids, ...frontmatter } = parsed.frontmatter
    const post: PostMeta = {
      ...frontmatter,
      authors: [],
      slug: folder.name,
      file,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / wordsPerMinute)),
    }
    authorIds.set(post, ids)
    posts.push(post)
  }

  const { authors, problems: authorProblems } = await readAuthors(authorsDirectory(), relative)
  problems.push(...authorProblems, ...resolveAuthors(posts, authorIds, authors, fieldLines))

  const firstWithTitle = new Map<string, PostMeta>()
  for (const post of posts) {
    const twin = firstWithTitle.get(post.title.toLowerCase())
    if (twin)
      problems.push({
        file: post.file,
        line: fieldLines.get(post.file)?.title ?? 1,
        column: 1,
        message: `the title "${post.title}" is already used by ${twin.file}: titles must be unique`,
      })
    else firstWithTitle.set(post.title.toLowerCase(), post)
  }

  // A series is the posts that name it exactly; a name that differs only in case or spacing is a typo that would
  // quietly start a second series.
  const seriesSpelling = new Map<string, PostMeta>()
  for (const post of posts) {
    if (!post.series) continue
    const key = post.series.toLowerCase().replace(/\s+/g, ' ')
    const first = seriesSpelling.get(key)
    if (first && first.series !== post.series)
      problems.push({
        file: post.file,
        line: fieldLines.get(post.file)?.series ?? 1,
        column: 1,
        message: `the series "${post.series}" is spelled "${first.series}" in ${first.file}: write the name exactly the same in every part`,
      })
    else if (!first) seriesSpelling.set(key, post)
  }

  problems.push(...checkSeriesParts(posts, fieldLines))

  // "Updated" comes from git when the full history is there; a shallow clone falls back to the frontmatter.
  const historyStarted = performance.now()
  const histories = readFileHistories(posts.map((post) => post.file))
  recordTiming('git-history', historyStarted, { posts: posts.length })
  for (const post of posts) {
    const history = histories?.get(post.file)
    post.updated = (history && lastUpdated(history, post.date)) ?? post.updated
  }

  return { posts: posts.sort(byNewestFirst), problems }
}

/** Each post's byline from the ids it names, or the default author's; an id no author has is a problem at its line. */
function resolveAuthors(
  posts: PostMeta[],
  ids: Map<PostMeta, string[] | undefined>,
  authors: Author[],
  fieldLines: Map<string, Record<string, number>>,
): ContentProblem[] {
  const problems: ContentProblem[] = []
  const byId = new Map(authors.map((author) => [author.id, author]))
  const fallback = authors.find((author) => author.default)
  for (const post of posts) {
    const named = ids.get(post)
    for (const id of named ?? []) {
      if (byId.has(id)) continue
      problems.push({
        file: post.file,
        line: fieldLines.get(post.file)?.authors ?? 1,
        column: 1,
        message: `unknown author "${id}": the authors are ${authors.map((author) => author.id).join(', ') || 'none'} (a folder under authors/ each)`,
      })
    }
    post.authors = (named ?? (fallback ? [fallback.id] : []))
      .filter((id) => byId.has(id))
      .map((id) => ({ id, name: byId.get(id)!.name }))
  }
  return problems
}

/**
 * Part numbers say the author's reading order: a part number outside a series, a series where only some parts are
 * numbered, or two parts with one number would leave "Part 2 of 3" meaning nothing.
 */
function checkSeriesParts(posts: PostMeta[], fieldLines: Map<string, Record<string, number>>): ContentProblem[] {
  const problems: ContentProblem[] = []
  const at = (post: PostMeta, field: string) => ({
    file: post.file,
    line: fieldLines.get(post.file)?.[field] ?? 1,
    column: 1,
  })
  const bySeries = new Map<string, PostMeta[]>()
  for (const post of posts) {
    if (post.part !== undefined && !post.series)
      problems.push({ ...at(post, 'part'), message: 'part: is a place in a series: add the series: it belongs to' })
    if (post.series) bySeries.set(post.series, [...(bySeries.get(post.series) ?? []), post])
  }
  for (const [series, parts] of bySeries) {
    const numbered = parts.filter((post) => post.part !== undefined)
    if (numbered.length === 0) continue
    for (const post of parts.filter((post) => post.part === undefined))
      problems.push({
        ...at(post, 'series'),
        message: `other parts of "${series}" give their part: number (${numbered.map((other) => `${other.slug} is ${other.part}`).join(', ')}); give this one its number too`,
      })
    const seen = new Map<number, PostMeta>()
    for (const post of numbered) {
      const twin = seen.get(post.part!)
      if (twin)
        problems.push({ ...at(post, 'part'), message: `part ${post.part} of "${series}" is already ${twin.file}` })
      else seen.set(post.part!, post)
    }
  }
  return problems
}

/** The posts of a folder; throws one ContentError listing every problem, so an author fixes them in one round. */
export async function loadPosts(directory: string, relative?: (file: string) => string): Promise<PostMeta[]> {
  const started = performance.now()
  const { posts, problems } = await readPosts(directory, relative)
  recordTiming('load-posts', started, { posts: posts.length })
  if (problems.length > 0) throw new ContentError(problems)
  return posts
}

// A production build reads the posts once per process. `next dev` reads them again whenever a post's index.mdx
// changes, and otherwise reuses what it read: a preview answers fast, and an edit shows on the next reload.
let loadedPosts: Promise<PostMeta[]> | undefined
let previewPosts: { fingerprint: string; read: ReturnType<typeof readPosts> } | undefined

/** Which posts there are and when their index.mdx files last changed: what the preview's reading depends on. */
async function postsFingerprint(directory: string): Promise<string> {
  const folders = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory())
  const stamps = await Promise.all(
    folders.map(async ({ name }) => {
      const info = await stat(path.join(directory, name, 'index.mdx')).catch(() => undefined)
      return `${name}:${info ? `${info.size}:${info.mtimeMs}` : '-'}`
    }),
  )
  return [directory, ...stamps.sort()].join('\n')
}

/** The valid posts and every problem of the others, read again in `next dev` only when a post changed. */
async function readPreviewPosts(): ReturnType<typeof readPosts> {
  const directory = postsDirectory()
  const fingerprint = await postsFingerprint(directory)
  if (previewPosts?.fingerprint !== fingerprint) previewPosts = { fingerprint, read: readPosts(directory) }
  return previewPosts.read
}

function loadAllPosts(): Promise<PostMeta[]> {
  if (isPreviewServer()) return readPreviewPosts().then(({ posts }) => posts)
  return (loadedPosts ??= loadPosts(postsDirectory()))
}

/** `next dev`: posts are read and compiled as they are requested, and a broken one shows its problems. */
export function isPreviewServer(): boolean {
  return process.env.NODE_ENV !== 'production'
}

/**
 * The posts a build publishes. Previews and `next dev` show everything, drafts included (with a badge); production
 * leaves out drafts and posts dated after the day of the build (in UTC), which appear with the first build on or
 * after their date.
 */
export function publishedPosts(
  posts: PostMeta[],
  environment: SiteEnvironment = siteEnvironment(),
  today: string = todayAsCalendarDay(),
): PostMeta[] {
  if (environment !== 'production') return posts
  return posts.filter((post) => !post.draft && post.date <= today)
}

/** Every post a reader of this build may see, newest first. */
export async function getAllPosts(): Promise<PostMeta[]> {
  return publishedPosts(await loadAllPosts())
}

// esbuild bundles in a process of its own, so a few compiles in flight keep a core busy; more only hold more
// syntax trees in memory at once.
const compilesInFlight = 4

// The posts a process compiled most recently. A build worker renders each article twice (its metadata, then its
// page), so a few dozen kept is plenty; keeping every post, each with its code and its text, held hundreds of MB in
// every worker of a thousand-post build.
const compiledPosts = new Map<string, Promise<CompiledPost>>()
const compiledPostsKept = 64

/**
 * What a compiled post depends on in `next dev`: the size and modification time of every file in its folder, so an
 * edit to the post or to a file it imports (benchmark output, an image) compiles it again, and an unchanged post is
 * reused without hashing its files or reading the disk cache.
 */
async function folderFingerprint(directory: string): Promise<string> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true })
  const stamps = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name)
        const info = await stat(file)
        return `${path.relative(directory, file)}:${info.size}:${info.mtimeMs}`
      }),
  )
  return stamps.sort().join('\n')
}

async function compilePost(post: PostMeta, options?: CompileOptions): Promise<CompiledPost> {
  const folder = path.join(postsDirectory(), post.slug)
  const key = isPreviewServer() ? `${folder}\0${await folderFingerprint(folder)}` : folder
  let compiled = compiledPosts.get(key)
  if (!compiled) {
    compiled = compileMdx(path.join(folder, 'index.mdx'), options)
    // A failed compile is not kept: the next request, after the author's fix, tries again.
    compiled.catch(() => compiledPosts.delete(key))
  }
  // Most recently used last; the oldest goes first.
  compiledPosts.delete(key)
  compiledPosts.set(key, compiled)
  if (compiledPosts.size > compiledPostsKept) compiledPosts.delete(compiledPosts.keys().next().value!)
  return compiled
}

/** The post a reader of this build may see under a slug, if any. */
async function findVisiblePost(slug: string): Promise<PostMeta | undefined> {
  return (await getAllPosts()).find((post) => post.slug === slug)
}

/** One post with its compiled content, or undefined for a slug no reader may see. */
export async function getPost(slug: string, options?: CompileOptions): Promise<Post | undefined> {
  const meta = await findVisiblePost(slug)
  if (!meta) return undefined
  const { code, outline, markdown } = await compilePost(meta, options)
  return { ...meta, code, markdown, toc: outline.toc }
}

/** Every post a reader of this build may see, with its text section by section (for the search index). */
export async function getAllPostsWithText(
  options?: CompileOptions,
): Promise<(PostMeta & { sections: PostSection[] })[]> {
  const posts = await getAllPosts()
  // A few at a time: each compiled post is read whole, and only its text is kept.
  return pMap(
    posts,
    async (post) => ({
      ...post,
      sections: (await compilePost(post, options)).sections,
    }),
    { concurrency: compilesInFlight },
  )
}

/**
 * Compiles every post (each once, from the disk cache when unchanged) and checks what spans posts: links to
 * posts and headings that do not exist. Throws one ContentError listing every problem in every post.
 */
export async function validatePosts(posts: PostMeta[], options?: CompileOptions): Promise<void> {
  const problems: ContentProblem[] = []
  const compiled = await pMap(
    posts,
    async (post) => {
      try {
        return { ...post, outline: (await compilePost(post, options)).outline }
      } catch (error) {
        if (!(error instanceof ContentError)) throw error
        problems.push(...error.problems)
        return undefined
      }
    },
    { concurrency: compilesInFlight },
  )
  const valid = compiled.filter((post) => post !== undefined)
  // A link into a post that failed to compile cannot be checked; that post's own problems are reported instead.
  if (valid.length === posts.length) problems.push(...checkInternalLinks(valid))
  if (problems.length > 0) throw new ContentError(problems)
}

/**
 * The slugs of the article pages. A production build compiles every post here, once, and fails on any problem in
 * any post, or on a link to a post or heading that is not there. `next dev` compiles a post when it is requested
 * and also lists the posts that have problems, so that their pages can show them.
 */
export async function articleSlugs(): Promise<string[]> {
  if (!isPreviewServer()) {
    const posts = await getAllPosts()
    await validatePosts(posts)
    return posts.map(({ slug }) => slug)
  }
  const folders = await readdir(postsDirectory(), { withFileTypes: true })
  return folders.filter((entry) => entry.isDirectory()).map(({ name }) => name)
}

/**
 * In `next dev`, what is wrong with a post, so that its page can say so: the problems of its frontmatter, or else
 * of its compile. Empty when it is fine, or when the slug names no post folder.
 */
export async function previewProblems(slug: string): Promise<ContentProblem[]> {
  const { posts, problems } = await readPreviewPosts()
  const folder = path.relative(process.cwd(), path.join(postsDirectory(), slug)) + path.sep
  const own = problems.filter((problem) => problem.file.startsWith(folder))
  if (own.length > 0) return own
  const post = posts.find((candidate) => candidate.slug === slug)
  if (!post) return []
  try {
    await compilePost(post)
    return []
  } catch (error) {
    if (error instanceof ContentError) return error.problems
    throw error
  }
}

/** The posts either side of one in time: `older` was published before it, `newer` after it. */
export async function getAdjacentPosts(slug: string): Promise<{ older?: PostMeta; newer?: PostMeta }> {
  const posts = await getAllPosts()
  const index = posts.findIndex((post) => post.slug === slug)
  if (index === -1) return {}
  return { newer: posts[index - 1], older: posts[index + 1] }
}

/** Posts under their calendar month: newest month first, newest post first within a month. */
export function groupPostsByMonth(posts: PostMeta[]): MonthGroup[] {
  const groups = new Map<string, MonthGroup>()
  for (const post of [...posts].sort(byNewestFirst)) {
    const month = monthOf(post.date)
    const group = groups.get(month) ?? { month, label: formatMonth(post.date), posts: [] }
    group.posts.push(post)
    groups.set(month, group)
  }
  return [...groups.values()]
}

/** The visible posts this branch changed since it left the base branch (for a preview's banner); undefined if unknown. */
export async function getPostsChangedOnThisBranch(): Promise<PostMeta[] | undefined> {
  const slugs = changedPostSlugs(postsDirectory(), previewDetails().base)
  if (!slugs) return undefined
  return (await getAllPosts()).filter((post) => slugs.includes(post.slug))
}

/** The archive's shape: years, newest first, each with its months and how many posts they hold. */
export function groupPostsByYear(posts: PostMeta[]): YearGroup[] {
  const years = new Map<string, YearGroup>()
  for (const group of groupPostsByMonth(posts)) {
    const year = group.month.slice(0, 4)
    const entry = years.get(year) ?? { year, months: [], count: 0 }
    entry.months.push(group)
    entry.count += group.posts.length
    years.set(year, entry)
  }
  return [...years.values()]
}

export type SeriesPlace = {
  name: string
  /** 1-based place of this post in the series. */
  part: number
  /** Every part in reading order (by part number, or oldest first where the parts have none), this post among them. */
  parts: PostMeta[]
}

/** Where a post sits in its series, counting the parts this build publishes; undefined outside a series. */
export function seriesOf(post: PostMeta, posts: PostMeta[]): SeriesPlace | undefined {
  if (!post.series) return undefined
  const parts = posts
    .filter((other) => other.series === post.series)
    .sort((a, b) => (a.part ?? 0) - (b.part ?? 0) || -byNewestFirst(a, b))
  return { name: post.series, part: parts.findIndex((other) => other.slug === post.slug) + 1, parts }
}

/**
 * Posts to read next, by shared tags: the most tags in common first, then the nearest in time. Posts of the same
 * series are left out (the series box links them), and so are posts with no tag in common and the ones named in
 * `besides` (the previous and next links under the article already offer them).
 */
export function relatedPosts(
  post: PostMeta,
  posts: PostMeta[],
  { limit = 3, besides = [] as (PostMeta | undefined)[] } = {},
): PostMeta[] {
  const tags = new Set(post.tags)
  const published = Date.parse(post.date)
  const excluded = new Set([post.slug, ...besides.map((other) => other?.slug)])
  // Every article page ranks every post: each candidate's distance is worked out once, not in every comparison.
  return posts
    .filter((other) => !excluded.has(other.slug) && !(post.series && other.series === post.series))
    .map((other) => ({ other, shared: other.tags.filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .map((candidate) => ({ ...candidate, distance: Math.abs(Date.parse(candidate.other.date) - published) }))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || byNewestFirst(a.other, b.other))
    .slice(0, limit)
    .map(({ other }) => other)
}

// The authors, read once per production process like the posts (and when the posts are, in next dev).
let loadedAuthors: Promise<Author[]> | undefined

/** Every author, the default first; throws a ContentError when any is wrong (readPosts reports the same). */
export function getAllAuthors(): Promise<Author[]> {
  const read = async () => {
    const { authors, problems } = await readAuthors(authorsDirectory())
    if (problems.length > 0) throw new ContentError(problems)
    return authors
  }
  if (isPreviewServer()) return read()
  return (loadedAuthors ??= read())
}

/** An author with their profile compiled, or undefined for an id no author has. */
export async function getAuthor(id: string): Promise<(Author & { code: string }) | undefined> {
  const author = (await getAllAuthors()).find((candidate) => candidate.id === id)
  if (!author) return undefined
  const { code } = await compileMdx(path.join(authorsDirectory(), id, 'index.mdx'))
  return { ...author, code }
}

/** The posts an author wrote or co-wrote, newest first. */
export function postsBy(authorId: string, posts: PostMeta[]): PostMeta[] {
  return posts.filter((post) => post.authors.some((author) => author.id === authorId))
}

/** A series' slug, its page's URL segment: "Go Memory in Practice" → go-memory-in-practice. */
export function seriesSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export type Series = { name: string; slug: string; parts: PostMeta[] }

/** Every series with its parts in reading order, the series with the newest part first. */
export function allSeries(posts: PostMeta[]): Series[] {
  const names = [...new Set(posts.flatMap((post) => (post.series ? [post.series] : [])))]
  return names.map((name) => {
    const parts = seriesOf(
      posts.find((post) => post.series === name)!,
      posts,
    )!.parts
    return { name, slug: seriesSlug(name), parts }
  })
}

/** The post the home page starts with: the newest one marked featured, if any. */
export function featuredPost(posts: PostMeta[]): PostMeta | undefined {
  return posts.find((post) => post.featured)
}

/** Every tag with its posts (newest first): most-used tags first, then alphabetical. */
export function summarizeTags(posts: PostMeta[]): TagSummary[] {
  const byTag = new Map<string, PostMeta[]>()
  for (const post of [...posts].sort(byNewestFirst)) {
    for (const tag of post.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), post])
  }
  return [...byTag]
    .map(([tag, tagged]) => ({ tag, posts: tagged }))
    .sort((a, b) => b.posts.length - a.posts.length || a.tag.localeCompare(b.tag))
}
