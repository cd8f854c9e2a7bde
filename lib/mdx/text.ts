import type { Element, ElementContent, Root, RootContent } from 'hast'
import type {} from 'mdast-util-mdx-jsx'
import type {} from 'mdast-util-mdxjs-esm'

/**
 * A stretch of a post as plain text: the text under one heading (with the heading's id and words), or, without
 * them, the text before the first heading.
 */
export type PostSection = { id?: string; heading?: string; text: string }

// Elements whose edges separate words: `**bold**text` is one word, `<p>a</p><p>b</p>` two.
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

    const visit = (node: Root | RootContent | ElementContent) => {
      switch (node.type) {
        case 'text':
          current.text += node.value
          return
        case 'root':
          node.children.forEach(visit)
          return
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          for (const attribute of node.attributes) {
            if (attribute.type === 'mdxJsxAttribute' && visibleAttributes.has(attribute.name))
              if (typeof attribute.value === 'string') current.text += `\n${attribute.value}\n`
          }
          node.children.forEach(visit)
          current.text += '\n'
          return
        case 'element':
          if (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined) return
          if (isHeading(node)) {
            current.text = collapse(current.text)
            current = { id: node.properties.id as string, heading: '', text: '' }
            sections.push(current)
            node.children.forEach(visit)
            current.heading = collapse(current.text)
            current.text = ''
            return
          }
          if (blockTags.has(node.tagName)) current.text += '\n'
          node.children.forEach(visit)
          if (blockTags.has(node.tagName)) current.text += '\n'
          return
        default:
          // ESM (imports, exports), {expressions}, comments, doctypes: nothing a reader reads.
          return
      }
    }
    visit(tree)
    current.text = collapse(current.text)
    // A post that opens with a heading has no text before it.
    if (sections[0].text === '' && sections[0].id === undefined) sections.shift()
  }
}
