import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import type {} from 'mdast-util-mdx-jsx'
import type {} from 'mdast-util-mdxjs-esm'
import { SKIP, visit } from 'unist-util-visit'

/**
 * A stretch of a post as plain text: the text under one heading (with the heading's id and words), or, without
 * them, the text before the first heading.
 */
export type PostSection = { id?: string; heading?: string; text: string }

// Elements that start a new run of words.
const blockTags = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure'],
  ...['footer', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul'],
])
// Attributes of the journal's components that readers see as text: a callout's title, a table's caption.
const visibleAttributes = new Set(['title', 'caption'])

function isHeading(node: Element): boolean {
  return /^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string'
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A rehype plugin, after rehype-slug, that records what a reader reads in a post as plain text, split at its
 * headings: the words of paragraphs, lists, tables, callouts and code blocks (identifiers are what engineers search
 * for). Imports, `{expressions}` and component props other than visible titles and captions are not text, nor are
 * footnote markers.
 */
export function rehypePostText(sections: PostSection[]) {
  return () => (tree: Root) => {
    let current: PostSection = { text: '' }
    sections.push(current)
    visit(tree, (node) => {
      if (node.type === 'text') {
        current.text += node.value
        return undefined
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && visibleAttributes.has(attribute.name))
            if (typeof attribute.value === 'string') current.text += `\n${attribute.value}\n`
        }
        current.text += '\n'
        return undefined
      }
      if (node.type !== 'element') return node.type === 'root' ? undefined : SKIP
      if (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined)
        return SKIP
      if (isHeading(node)) {
        current.text = collapse(current.text)
        current = { id: String(node.properties.id), heading: collapse(toString(node)), text: '' }
        sections.push(current)
        return SKIP
      }
      // A block's start separates words: `<p>a</p><p>b</p>` is two, `**bold**text` one.
      if (blockTags.has(node.tagName)) current.text += '\n'
      return undefined
    })
    current.text = collapse(current.text)
    // A post that opens with a heading has no text before it.
    if (sections[0].text === '' && sections[0].id === undefined) sections.shift()
  }
}
