import type { Element, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'

/**
 * Runs after rehype-pretty-code: the contents of each highlighted block's <code> (a span per line and one per
 * token, thousands in a long article) become one HTML string, which the `code` MDX component renders with
 * dangerouslySetInnerHTML. React then builds, serializes and streams one string instead of an element per token,
 * on every page render and in every compiled post. The markup is shiki's, serialized by hast-util-to-html, which
 * escapes the code's text; the copy button and the styles see the same DOM as before.
 */
export function rehypeCodeHtml() {
  return (tree: Root) => {
    // Into MDX's JSX elements too: a code block can sit inside a <Callout>.
    const visit = (node: Root | RootContent, parent?: Element) => {
      if (!('children' in node)) return
      if (node.type === 'element' && node.tagName === 'code' && parent?.tagName === 'pre') {
        // Only blocks rehype-pretty-code highlighted: it marks their <code> with the language.
        if (!('data-language' in node.properties)) return
        const html = toHtml(node.children)
        node.properties['data-code-html'] = ''
        node.children = [{ type: 'text', value: html }]
        return
      }
      for (const child of node.children) visit(child, node.type === 'element' ? node : undefined)
    }
    visit(tree)
  }
}
