import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MDXContent } from '@/components/mdx/mdx-content'
import { postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { compileMdx } from './compile'
import { ContentError } from '../problems'
import { ImageProblem, postMediaPath, prepareImage, svgDimensions, widthsFor } from './images'
import { postMediaAssets } from '../site/response-headers.mjs'

const temporaryDirectory = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix))

/** A PNG of the given size, its pixels varied by `seed` so that two images can differ in content alone. */
function png(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: 120, b: 60 } } })
    .png()
    .toBuffer()
}

async function imageFile(directory: string, name: string, contents: Buffer | string) {
  const file = path.join(directory, name)
  writeFileSync(file, contents)
  return file
}

describe('widthsFor', () => {
  it('writes the standard widths below the image and the image itself, never wider than 1920', () => {
    expect(widthsFor(1560)).toEqual([640, 960, 1280, 1560])
    expect(widthsFor(3000)).toEqual([640, 960, 1280, 1920])
    expect(widthsFor(1920)).toEqual([640, 960, 1280, 1920])
    expect(widthsFor(641)).toEqual([640, 641])
    expect(widthsFor(640)).toEqual([640])
    expect(widthsFor(300)).toEqual([300])
  })
})

describe('prepareImage', () => {
  it('serves its files from the path the site caches as immutable', () => {
    expect(postMediaAssets.source).toBe(`${postMediaPath}/:path*`)
  })

  it('writes WebP variants at each width with hashed names, and a srcset, sizes, width and height', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const mediaDirectory = temporaryDirectory('playbook-media-')
    const file = await imageFile(directory, 'Flame Graph.png', await png(1560, 516))
    const image = await prepareImage(file, { slug: 'post', mediaDirectory })

    expect(image.width).toBe(1560)
    expect(image.height).toBe(516)
    expect(image.files).toHaveLength(4)
    for (const [index, width] of [640, 960, 1280, 1560].entries()) {
      expect(image.files[index]).toMatch(new RegExp(`^post/flame-graph-${width}w\\.[0-9a-f]{12}\\.webp$`))
      const written = await sharp(path.join(mediaDirectory, image.files[index])).metadata()
      expect(written).toMatchObject({ format: 'webp', width, height: Math.round((516 * width) / 1560) })
    }
    expect(image.srcSet).toBe(
      image.files.map((name, index) => `/_posts-media/${name} ${widthsFor(1560)[index]}w`).join(', '),
    )
    expect(image.src).toBe(`/_posts-media/${image.files[2]}`)
    expect(image.sizes).toMatch(/44rem/)
  })

  it('never upscales a small image', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const mediaDirectory = temporaryDirectory('playbook-media-')
    const image = await prepareImage(await imageFile(directory, 'icon.png', await png(300, 200)), {
      slug: 'post',
      mediaDirectory,
    })
    expect(image).toMatchObject({ width: 300, height: 200 })
    expect(image.files).toHaveLength(1)
    expect(await sharp(path.join(mediaDirectory, image.files[0])).metadata()).toMatchObject({ width: 300, height: 200 })
  })

  it('names files by content: the same image keeps its names, a changed one gets new ones', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const mediaDirectory = temporaryDirectory('playbook-media-')
    const options = { slug: 'post', mediaDirectory }
    const first = await prepareImage(await imageFile(directory, 'a.png', await png(700, 100, 1)), options)
    const again = await prepareImage(await imageFile(directory, 'a.png', await png(700, 100, 1)), options)
    const changed = await prepareImage(await imageFile(directory, 'a.png', await png(700, 100, 2)), options)
    expect(again.files).toEqual(first.files)
    expect(changed.files.some((name) => first.files.includes(name))).toBe(false)
  })

  it('measures a photo as it is shown, after its EXIF orientation', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const mediaDirectory = temporaryDirectory('playbook-media-')
    // Stored 400×200, tagged "rotate 90° clockwise to display": it shows 200×400.
    const photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#357' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const image = await prepareImage(await imageFile(directory, 'photo.jpg', photo), { slug: 'post', mediaDirectory })
    expect(image).toMatchObject({ width: 200, height: 400 })
    expect(await sharp(path.join(mediaDirectory, image.files[0])).metadata()).toMatchObject({ width: 200, height: 400 })
  })

  it('copies an SVG as it is, with the size its root element gives', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const mediaDirectory = temporaryDirectory('playbook-media-')
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><rect width="320" height="180"/></svg>'
    const image = await prepareImage(await imageFile(directory, 'diagram.svg', svg), { slug: 'post', mediaDirectory })
    expect(image).toMatchObject({ width: 320, height: 180 })
    expect(image.srcSet).toBeUndefined()
    expect(image.files).toEqual([expect.stringMatching(/^post\/diagram\.[0-9a-f]{12}\.svg$/)])
    expect(readdirSync(path.join(mediaDirectory, 'post'))).toHaveLength(1)
  })

  it('refuses a file that is not an image', async () => {
    const directory = temporaryDirectory('playbook-image-')
    const file = await imageFile(directory, 'chart.png', 'not a picture at all')
    const error = await prepareImage(file, { slug: 'post', mediaDirectory: directory }).catch((caught) => caught)
    expect(error).toBeInstanceOf(ImageProblem)
    expect((error as ImageProblem).message).toBe('is not an image: use a PNG, JPEG, WebP, AVIF, GIF or SVG file')
  })
})

describe('svgDimensions', () => {
  const svg = (attributes: string) =>
    `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><g/></svg>`

  it('takes width and height in pixels when both are given', () => {
    expect(svgDimensions(svg('width="640" height="360" viewBox="0 0 64 36"'))).toEqual({ width: 640, height: 360 })
    expect(svgDimensions(svg("width='100px' height='50.4px'"))).toEqual({ width: 100, height: 50 })
  })

  it('falls back on the viewBox, scaled to a lone width or height', () => {
    expect(svgDimensions(svg('viewBox="0 0 800 450"'))).toEqual({ width: 800, height: 450 })
    expect(svgDimensions(svg('viewBox="-10 -10 200,100" width="400"'))).toEqual({ width: 400, height: 200 })
    expect(svgDimensions(svg('viewBox="0 0 200 100" height="50"'))).toEqual({ width: 100, height: 50 })
    // Relative units say nothing about pixels: the viewBox decides.
    expect(svgDimensions(svg('width="100%" height="20em" viewBox="0 0 300 100"'))).toEqual({ width: 300, height: 100 })
  })

  it('does not read stroke-width or other attributes that end in width', () => {
    expect(svgDimensions(svg('stroke-width="3" viewBox="0 0 30 10"'))).toEqual({ width: 30, height: 10 })
  })

  it('says what to add when the size cannot be known', () => {
    expect(() => svgDimensions(svg('width="100%"'))).toThrow(/add viewBox="0 0 <width> <height>"/)
    expect(() => svgDimensions('<html></html>')).toThrow(/has no <svg> element/)
  })
})

describe('images in a compiled post', () => {
  async function compilePost(
    body: string,
    files: Record<string, Buffer | string>,
    cacheDirectory: string | false = false,
  ) {
    const directory = temporaryPosts({ 'post/index.mdx': postSource({}, body) })
    for (const [name, contents] of Object.entries(files)) await imageFile(path.join(directory, 'post'), name, contents)
    const mediaDirectory = temporaryDirectory('playbook-media-')
    const file = path.join(directory, 'post', 'index.mdx')
    const options = { cacheDirectory, mediaDirectory, relative: (absolute: string) => absolute }
    return { file, mediaDirectory, options, compiled: await compileMdx(file, options) }
  }

  const render = (code: string) => renderToStaticMarkup(createElement(MDXContent, { code }))

  /** The attributes of each <img> in rendered HTML, in order. */
  const images = (html: string) =>
    [...html.matchAll(/<img ([^>]*)\/>/g)].map(([, attributes]) =>
      Object.fromEntries([...attributes.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
    )

  it('renders a lone image as a figure that opens full size, its title the caption, lazy below the opening text', async () => {
    const opening = 'An opening paragraph that is long enough to push the figure below the first screen. '.repeat(6)
    const { compiled, mediaDirectory } = await compilePost(
      `${opening}\n\n![A bar chart of allocations](./chart.png "Bytes per function")\n`,
      { 'chart.png': await png(1000, 500) },
    )
    const html = render(compiled.code)
    const figure =
      /<figure class="post-figure"><a class="post-figure-full" href="([^"]+)"><img [^>]*\/><\/a><figcaption>Bytes per function<\/figcaption><\/figure>/.exec(
        html,
      )
    expect(figure, html).not.toBeNull()
    const hashed = (width: number) =>
      expect.stringMatching(new RegExp(`^/_posts-media/post/chart-${width}w\\.[0-9a-f]{12}\\.webp$`))
    // The figure opens the largest file full size.
    expect(figure![1]).toEqual(hashed(1000))
    expect(images(html)).toEqual([
      {
        alt: 'A bar chart of allocations',
        src: hashed(1000),
        srcSet: expect.stringMatching(/^\S+ 640w, \S+ 960w, \S+ 1000w$/),
        sizes: '(min-width: 48rem) 44rem, (min-width: 40rem) calc(100vw - 4rem), calc(100vw - 2.5rem)',
        width: '1000',
        height: '500',
        loading: 'lazy',
        decoding: 'async',
      },
    ])
    expect(compiled.media).toHaveLength(3)
    for (const name of compiled.media) expect(existsSync(path.join(mediaDirectory, name))).toBe(true)
  })

  it('loads the first image eagerly when it opens the article, and keeps an inline image inline', async () => {
    const { compiled } = await compilePost(
      '![The opening figure](./top.png)\n\nText with an icon ![icon](./icon.svg) inline.\n',
      {
        'top.png': await png(800, 400),
        'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"/>',
      },
    )
    const html = render(compiled.code)
    const [top, icon] = images(html)
    expect(top).toMatchObject({ loading: 'eager', fetchPriority: 'high', width: '800', height: '400' })
    expect(html).toMatch(/<p>Text with an icon <img [^>]*\/> inline\.<\/p>/)
    expect(icon).toEqual({
      alt: 'icon',
      src: expect.stringMatching(/^\/_posts-media\/post\/icon\.[0-9a-f]{12}\.svg$/),
      width: '16',
      height: '16',
      loading: 'lazy',
      decoding: 'async',
    })
  })

  it('gives a JSX <img> the same treatment, keeping the width its author chose', async () => {
    const { compiled } = await compilePost('Intro.\n\n<img src="./wide.png" alt="A wide image" width="400" />\n', {
      'wide.png': await png(1200, 300),
    })
    const html = render(compiled.code)
    expect(html).toContain('width="400"')
    expect(html).toContain('height="100"')
    expect(html).toMatch(/srcSet="[^"]+ 640w, [^"]+ 960w, [^"]+ 1200w"/)
  })

  it('leaves images on other sites and absolute paths alone', async () => {
    const { compiled } = await compilePost(
      '![A remote logo](https://example.com/logo.png)\n\n![An icon](/icon.png)\n',
      {},
    )
    const html = render(compiled.code)
    expect(html).toContain('src="https://example.com/logo.png"')
    expect(html).toContain('src="/icon.png"')
    expect(compiled.media).toEqual([])
  })

  it('names the line of a missing image, one outside the folder and a file that is not an image', async () => {
    const error = await compilePost(
      [
        'Intro.',
        '',
        '![Missing](./figures/missing.png)',
        '',
        '![Elsewhere](../other/x.png)',
        '',
        '<img src="./notes.png" alt="Notes" />',
      ].join('\n'),
      { 'notes.png': 'plain text, not a picture' },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentError)
    const problems = (error as ContentError).problems
    const file = problems[0]?.file ?? ''
    expect(file).toMatch(/post\/index\.mdx$/)
    // The frontmatter takes lines 1–6, a blank line follows, and the body starts at line 8.
    expect(problems).toEqual([
      {
        file,
        line: 10,
        column: 1,
        message: `the image ./figures/missing.png does not exist: there is no file ${path.join(path.dirname(file), 'figures', 'missing.png')}`,
      },
      {
        file,
        line: 12,
        column: 1,
        message: `the image ../other/x.png is outside the post's folder: keep a post's images in ${path.dirname(file)}/`,
      },
      {
        file,
        line: 14,
        column: 1,
        message: 'the image ./notes.png is not an image: use a PNG, JPEG, WebP, AVIF, GIF or SVG file',
      },
    ])
  })

  it('writes the images again when a cached compile finds them gone', async () => {
    const cacheDirectory = temporaryDirectory('playbook-cache-')
    const { file, mediaDirectory, options, compiled } = await compilePost(
      '![A chart](./chart.png)\n',
      {
        'chart.png': await png(700, 350),
      },
      cacheDirectory,
    )
    expect(compiled.media).toHaveLength(2)

    rmSync(mediaDirectory, { recursive: true, force: true })
    const again = await compileMdx(file, options)
    expect(again).toEqual(compiled)
    for (const name of again.media) expect(existsSync(path.join(mediaDirectory, name))).toBe(true)
  })
})
