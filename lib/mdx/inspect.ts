import type { Root as HastRoot } from 'hast'
import { toString } from 'hast-util-to-string'
import type { Root as MdastRoot } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm'
import { visit } from 'unist-util-visit'
import type { ContentProblem } from '../problems'

/** The components every post can use without importing them (components/mdx/mdx-components.tsx). */
export const globalComponentNames = ['Callout', 'BenchmarkTable', 'FlameGraph'] as const

export type LocatedLink = { url: string; line: number; column: number }

/** A section of a post, for its table of contents. */
export type TocEntry = { id: string; text: string; depth: 2 | 3 }

/**
 * What compiling a post learns about it: its heading ids and internal links (for checks that span posts) and its
 * h2/h3 sections (for the table of contents).
 */
export type PostOutline = { headings: string[]; links: LocatedLink[]; toc: TocEntry[] }

/** The names an import statement binds, from its syntax tree: `import Chart, { Bar as B } from …` → Chart, B. */
function importedNames(esm: MdxjsEsm): string[] {
  return (esm.data?.estree?.body ?? []).flatMap((statement) =>
    statement.type === 'ImportDeclaration' ? statement.specifiers.map((specifier) => specifier.local.name) : [],
  )
}

/**
 * A remark plugin that finds what an author must fix in one post, all at once: images without alt text and
 * components that do not exist. It also records internal links for the cross-post check.
 */
export function remarkInspect(file: string, problems: ContentProblem[], outline: PostOutline) {
  return () => (tree: MdastRoot) => {
    const imported = new Set<string>()
    const elements: (MdxJsxFlowElement | MdxJsxTextElement)[] = []
    visit(tree, (node) => {
      const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
      if (node.type === 'mdxjsEsm') importedNames(node).forEach((name) => imported.add(name))
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') elements.push(node)
      if (node.type === 'image' && !node.alt?.trim()) {
        problems.push({
          ...at,
          message: `the image ${node.url} has no alt text: write ![what the image shows](${node.url})`,
        })
      }
      if (node.type === 'link' && (node.url.startsWith('/') || node.url.startsWith('#'))) {
        outline.links.push({ url: node.url, line: at.line, column: at.column })
      }
    })
    for (const element of elements) {
      const at = { file, line: element.position?.start.line ?? 1, column: element.position?.start.column ?? 1 }
      const name = element.name ?? ''
      const isComponent = /^[A-Z]/.test(name)
      if (
        isComponent &&
        !(globalComponentNames as readonly string[]).includes(name) &&
        !imported.has(name.split('.')[0])
      ) {
        problems.push({
          ...at,
          message: `<${name}> is not a component posts can use: the journal's components are ${globalComponentNames.join(', ')} (or import one from the post's folder)`,
        })
      }
      const attributes = element.attributes.filter((attribute) => attribute.type === 'mdxJsxAttribute')
      if (name === 'img' && !attributes.some((attribute) => attribute.name === 'alt')) {
        problems.push({ ...at, message: '<img> has no alt attribute: add alt="what the image shows"' })
      }
    }
  }
}

/**
 * A rehype plugin, after rehype-slug, that records the post's headings: every id, and the h2/h3 sections; and in
 * `idsBySourceOffset`, each id by where its heading starts in the post's source, for the Markdown copy's headings
 * (writeMarkdownBody in lib/mdx/markdown.ts).
 */
export function rehypeCollectHeadings(outline: PostOutline, idsBySourceOffset: Map<number, string>) {
  return () => (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      const { id } = node.properties
      if (!/^h[1-6]$/.test(node.tagName) || typeof id !== 'string') return
      outline.headings.push(id)
      const offset = node.position?.start.offset
      if (offset !== undefined) idsBySourceOffset.set(offset, id)
      // GFM's footnotes heading is for screen readers only (class sr-only): not a section to jump to.
      const visible = !String(node.properties.className ?? '').includes('sr-only')
      if (visible && (node.tagName === 'h2' || node.tagName === 'h3'))
        outline.toc.push({ id, text: toString(node).trim(), depth: node.tagName === 'h2' ? 2 : 3 })
    })
  }
}

/** Internal links that lead nowhere: to a post that does not exist, or to a heading a post does not have. */
export function checkInternalLinks(
  posts: { slug: string; file: string; tags: string[]; outline: PostOutline }[],
): ContentProblem[] {
  const bySlug = new Map(posts.map((post) => [post.slug, post]))
  const tags = new Set(posts.flatMap((post) => post.tags))
  const problems: ContentProblem[] = []
  for (const post of posts) {
    for (const { url, line, column } of post.outline.links) {
      const at = { file: post.file, line, column }
      const [pathname, anchor] = url.split('#') as [string, string | undefined]
      const target = pathname === '' ? post : /^\/posts\/([^/]+)\/?$/.exec(pathname)?.[1]
      // The listing pages, and search with or without a query (/search?q=gogc).
      const page = pathname.replace(/^\/search\?.*$/, '/search').replace(/(.)\/$/, '$1')
      if (['/', '/archive', '/tags', '/search'].includes(page) && !anchor) continue
      const tag = /^\/tags\/([^/]+)\/?$/.exec(pathname)?.[1]
      if (tag !== undefined) {
        if (!tags.has(tag))
          problems.push({
            ...at,
            message: `the link ${url} points to a tag no post has: the tags are ${[...tags].sort().join(', ')}`,
          })
        continue
      }
      const targetPost = typeof target === 'string' ? bySlug.get(target) : target
      if (!targetPost) {
        const slug = /^\/posts\/([^/?]+)/.exec(pathname)?.[1]
        problems.push({
          ...at,
          message: slug
            ? `the link ${url} points to a post this build does not have: posts/${slug}/index.mdx does not exist, or is a draft or future-dated post that production leaves out`
            : `the link ${url} points to no page of the site: link to /, /archive, /tags, /search, /tags/<tag> or /posts/<slug>`,
        })
        continue
      }
      if (anchor && !targetPost.outline.headings.includes(decodeURIComponent(anchor))) {
        problems.push({
          ...at,
          message: `the link ${url} points to a heading that ${targetPost === post ? 'this post' : `posts/${targetPost.slug}`} does not have; its headings are ${targetPost.outline.headings.map((id) => `#${id}`).join(', ') || 'none'}`,
        })
      }
    }
  }
  return problems
}
