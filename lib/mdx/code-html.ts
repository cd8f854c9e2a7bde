import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { SKIP, visit } from 'unist-util-visit'

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
    visit(tree, 'element', (code, _index, parent) => {
      // Only blocks rehype-pretty-code highlighted: it marks their <code> with the language.
      if (code.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return undefined
      if (!('data-language' in code.properties)) return undefined
      const html = toHtml(code.children)
      code.properties['data-code-html'] = ''
      code.children = [{ type: 'text', value: html }]
      return SKIP
    })
  }
}
