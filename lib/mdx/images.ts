// Images in a post's folder, served optimised with no image server: while a post compiles, every image it shows
// from its folder is measured and written as resized WebP variants under content-hashed names into
// public/_posts-media/, which `next start` serves and the static export copies into out/. The <img> gets the
// srcset, sizes, width and height that let the browser pick a size and reserve the space before it loads.
import 'server-only'
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast'
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx'
import sharp, { type WebpOptions } from 'sharp'
import { SKIP, visitParents } from 'unist-util-visit-parents'
import { singleFlight, writeCacheFile } from '../build-cache'
import type { ContentProblem } from '../problems'

/** Where the variants are served from; lib/site/response-headers.mjs caches this path as immutable. */
export const postMediaPath = '/_posts-media'

export const defaultMediaDirectory = path.join(/*turbopackIgnore: true*/ process.cwd(), 'public', '_posts-media')

/** The widths written for a raster image, never wider than the image itself. */
const variantWidths = [640, 960, 1280, 1920]

/**
 * How wide an image shows in the article column (app/posts/[slug]/page.tsx: max-w-[44rem] inside the layout's
 * px-5 / sm:px-8 padding), so that the browser picks the smallest variant that is sharp at its pixel density.
 */
const articleImageSizes = '(min-width: 48rem) 44rem, (min-width: 40rem) calc(100vw - 4rem), calc(100vw - 2.5rem)'

/** The first image of a post is loaded eagerly when less than this much text comes before it: it is in view. */
const eagerTextLimit = 400

/**
 * Screenshots and diagrams (PNG, GIF) keep their sharp edges with near-lossless WebP; photographs (JPEG, WebP,
 * AVIF) take lossy WebP. Part of the variants' hash: changing it renames every file.
 */
function webpOptions(format: string): WebpOptions {
  return format === 'png' || format === 'gif' ? { nearLossless: true, quality: 60 } : { quality: 80 }
}

/** A bad image, said so that it follows "the image ./x.png …". */
export class ImageProblem extends Error {}

export type PreparedImage = {
  src: string
  /** The largest file the page has of it, which a figure links to so that a reader can open it full size. */
  full: string
  srcSet?: string
  sizes?: string
  width: number
  height: number
  /** The files it needs, relative to the media directory. */
  files: string[]
}

export type MediaOptions = {
  /** Names the post's folder under the media directory and the URL. */
  slug: string
  /** Where the files are written: public/_posts-media/ unless a test says otherwise. */
  mediaDirectory: string
}

function hashOf(input: Buffer, settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(input).digest('hex').slice(0, 12)
}

/** The file's name without its extension, as a URL-safe word: "Flame Graph (1).PNG" is "flame-graph-1". */
function stemOf(file: string): string {
  return (
    path
      .parse(file)
      .name.toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'image'
  )
}

const writing = singleFlight<string, void>()

/** Writes a file the post shows once: files are named by their content's hash, so one that exists is done. */
function writeOnce(target: string, contents: () => Promise<Buffer>): Promise<void> {
  if (existsSync(target)) return Promise.resolve()
  return writing(target, async () => writeCacheFile(target, await contents()))
}

function svgLength(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value)
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined
}

/**
 * An SVG's size in CSS pixels, from its root element: width and height in pixels when both are given, else the
 * viewBox's proportions (scaled to a given width or height, or at its own size).
 */
export function svgDimensions(source: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(source)?.[0]
  if (!tag) throw new ImageProblem('is not an SVG image: it has no <svg> element')
  const attribute = (name: string) => {
    const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)
    return match ? (match[1] ?? match[2]) : undefined
  }
  const width = svgLength(attribute('width'))
  const height = svgLength(attribute('height'))
  const box = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number)
  const [boxWidth, boxHeight] = box?.length === 4 && box[2] > 0 && box[3] > 0 ? [box[2], box[3]] : []
  const round = (value: number) => Math.max(1, Math.round(value))
  if (width && height) return { width: round(width), height: round(height) }
  if (boxWidth && boxHeight) {
    if (width) return { width: round(width), height: round((width * boxHeight) / boxWidth) }
    if (height) return { width: round((height * boxWidth) / boxHeight), height: round(height) }
    return { width: round(boxWidth), height: round(boxHeight) }
  }
  throw new ImageProblem(
    'has neither a width and height in pixels nor a viewBox: add viewBox="0 0 <width> <height>" to its <svg> element, so that the page can reserve its space',
  )
}

/** The widths to write for an image `width` pixels wide: the standard ones below it, and its own (capped). */
export function widthsFor(width: number): number[] {
  const largest = Math.min(width, variantWidths.at(-1)!)
  return [...variantWidths.filter((candidate) => candidate < largest), largest]
}

/**
 * Measures an image and writes what the page serves: resized WebP variants of a raster image, or an SVG as it is.
 * Files are named by a hash of the image and the settings, so an unchanged image is never written twice and a
 * changed one never reuses a cached URL.
 */
export async function prepareImage(file: string, { slug, mediaDirectory }: MediaOptions): Promise<PreparedImage> {
  const input = await readFile(file)
  const metadata = await sharp(input)
    .metadata()
    .catch(() => {
      throw new ImageProblem('is not an image: use a PNG, JPEG, WebP, AVIF, GIF or SVG file')
    })
  const stem = stemOf(file)
  const url = (name: string) => `${postMediaPath}/${slug}/${name}`

  if (metadata.format === 'svg') {
    const { width, height } = svgDimensions(input.toString('utf8'))
    const name = `${stem}.${hashOf(input, 'svg')}.svg`
    await writeOnce(path.join(mediaDirectory, slug, name), () => readFile(file))
    return { src: url(name), full: url(name), width, height, files: [`${slug}/${name}`] }
  }

  const { width, height } = metadata.autoOrient
  const animated = (metadata.pages ?? 1) > 1
  const options = webpOptions(metadata.format)
  const hash = hashOf(input, { options, animated })
  const variants = widthsFor(width).map((variantWidth) => ({
    width: variantWidth,
    height: Math.max(1, Math.round((height * variantWidth) / width)),
    name: `${stem}-${variantWidth}w.${hash}.webp`,
  }))
  for (const variant of variants) {
    await writeOnce(path.join(mediaDirectory, slug, variant.name), () => {
      const image = animated ? sharp(input, { animated }) : sharp(input).autoOrient()
      return image.resize({ width: variant.width }).webp(options).toBuffer()
    })
  }
  const largest = variants.at(-1)!
  // Browsers without srcset (none that play WebP) read src: a variant that is sharp in the column.
  const fallback = variants.filter((variant) => variant.width <= 1280).at(-1) ?? variants[0]
  return {
    src: url(fallback.name),
    full: url(largest.name),
    srcSet: variants.map((variant) => `${url(variant.name)} ${variant.width}w`).join(', '),
    sizes: articleImageSizes,
    width: largest.width,
    height: largest.height,
    files: variants.map((variant) => `${slug}/${variant.name}`),
  }
}

type JsxImage = MdxJsxFlowElementHast | MdxJsxTextElementHast
type Parent = HastRoot | Element | JsxImage
type Found = {
  node: Element | JsxImage
  ancestors: Parent[]
  /** How much text the article has before the image, to tell whether it is in view when the page opens. */
  textBefore: number
}

/** An image path relative to the post's folder, not a URL or a path on the site. */
function isPostRelative(src: string): boolean {
  return src !== '' && !/^(?:[a-z][a-z\d+.-]*:|\/|#|\?)/i.test(src)
}

function jsxAttribute(node: JsxImage, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find(
    (attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute' && attribute.name === name,
  )
}

function setJsxAttribute(node: JsxImage, name: string, value: string) {
  const existing = jsxAttribute(node, name)
  if (existing) existing.value = value
  else node.attributes.push({ type: 'mdxJsxAttribute', name, value })
}

function isWhitespace(node: RootContent | ElementContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

/** The paragraph an image stands alone in (maybe inside a link), which becomes its <figure>. */
function loneParagraph({ node, ancestors }: Found): { paragraph: Element; content: ElementContent } | undefined {
  const [parent, grandparent] = [ancestors.at(-1), ancestors.at(-2)]
  const isAlone = (container: Parent, child: unknown) => {
    const children = (container.children as (RootContent | ElementContent)[]).filter((item) => !isWhitespace(item))
    return children.length === 1 && children[0] === child
  }
  if (parent?.type === 'element' && parent.tagName === 'p' && isAlone(parent, node))
    return { paragraph: parent, content: node as ElementContent }
  if (
    parent?.type === 'element' &&
    parent.tagName === 'a' &&
    isAlone(parent, node) &&
    grandparent?.type === 'element' &&
    grandparent.tagName === 'p' &&
    isAlone(grandparent, parent)
  )
    return { paragraph: grandparent, content: parent }
  return undefined
}

function findImages(tree: HastRoot): Found[] {
  const found: Found[] = []
  let text = 0
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'text') text += node.value.trim().length
    const isImage =
      (node.type === 'element' && node.tagName === 'img') ||
      ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img')
    if (!isImage) return undefined
    found.push({ node, ancestors, textBefore: text })
    return SKIP
  })
  return found
}

export type PostImagesOptions = MediaOptions & {
  postDirectory: string
  /** The post's index.mdx as problems name it. */
  file: string
  relative: (file: string) => string
  problems: ContentProblem[]
  /** Receives every file the post's images need, relative to the media directory. */
  media: Set<string>
}

/**
 * A rehype plugin: every image whose path is relative to the post's folder (Markdown `![alt](./x.png "Caption")`
 * or JSX `<img src="./x.png" />`) is prepared by prepareImage and gets its src, srcset, sizes, width, height,
 * loading and decoding. A Markdown image alone in its paragraph becomes a <figure>, its title the <figcaption>.
 * A missing file or one that is not an image is a problem at the image's line.
 */
export function rehypePostImages(options: PostImagesOptions) {
  const { postDirectory, file, relative, problems, media } = options
  return () => async (tree: HastRoot) => {
    let first = true
    for (const found of findImages(tree)) {
      const { node } = found
      const isJsx = node.type !== 'element'
      const src = isJsx ? jsxAttribute(node, 'src')?.value : node.properties.src
      if (typeof src !== 'string' || !isPostRelative(src)) continue
      const isFirst = first
      first = false

      const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
      let decoded = src.split(/[?#]/)[0]
      try {
        decoded = decodeURIComponent(decoded)
      } catch {
        // A stray % stays as written; the file will not be found under that name either.
      }
      const resolved = path.resolve(postDirectory, decoded)
      if (!resolved.startsWith(postDirectory + path.sep)) {
        problems.push({
          ...at,
          message: `the image ${src} is outside the post's folder: keep a post's images in ${relative(postDirectory)}/`,
        })
        continue
      }
      if (!existsSync(resolved) || !statSync(resolved).isFile()) {
        problems.push({ ...at, message: `the image ${src} does not exist: there is no file ${relative(resolved)}` })
        continue
      }
      let image: PreparedImage
      try {
        image = await prepareImage(resolved, options)
      } catch (error) {
        if (!(error instanceof ImageProblem)) throw error
        problems.push({ ...at, message: `the image ${src} ${error.message}` })
        continue
      }
      image.files.forEach((name) => media.add(name))

      const loading = isFirst && found.textBefore < eagerTextLimit ? 'eager' : 'lazy'
      const attributes: Record<string, string> = {
        src: image.src,
        ...(image.srcSet && { srcSet: image.srcSet }),
        ...(image.sizes && { sizes: image.sizes }),
        decoding: 'async',
      }
      if (isJsx) {
        // What the author wrote wins, except where the file is: a width alone gets its matching height.
        for (const [name, value] of Object.entries(attributes))
          if (name === 'src' || !jsxAttribute(node, name)) setJsxAttribute(node, name, value)
        if (!jsxAttribute(node, 'loading')) setJsxAttribute(node, 'loading', loading)
        const [width, height] = [
          Number(jsxAttribute(node, 'width')?.value),
          Number(jsxAttribute(node, 'height')?.value),
        ]
        if (width > 0 && !(height > 0))
          setJsxAttribute(node, 'height', String(Math.round((width * image.height) / image.width)))
        else if (height > 0 && !(width > 0))
          setJsxAttribute(node, 'width', String(Math.round((height * image.width) / image.height)))
        else if (!(width > 0)) {
          setJsxAttribute(node, 'width', String(image.width))
          setJsxAttribute(node, 'height', String(image.height))
        }
        continue
      }

      const title = typeof node.properties.title === 'string' ? node.properties.title : undefined
      Object.assign(node.properties, attributes, {
        width: image.width,
        height: image.height,
        loading,
        ...(loading === 'eager' && { fetchPriority: 'high' }),
      })
      const lone = loneParagraph(found)
      if (!lone) continue
      delete node.properties.title
      // A figure opens full size: the image links to its largest file, unless the author linked it elsewhere.
      const content: ElementContent =
        lone.content === node
          ? {
              type: 'element',
              tagName: 'a',
              properties: { href: image.full, className: ['post-figure-full'] },
              children: [lone.content],
            }
          : lone.content
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['post-figure'] },
        children: [
          content,
          ...(title
            ? [
                {
                  type: 'element',
                  tagName: 'figcaption',
                  properties: {},
                  children: [{ type: 'text', value: title }],
                } as Element,
              ]
            : []),
        ],
        position: lone.paragraph.position,
      }
      Object.assign(lone.paragraph, figure)
    }
  }
}
