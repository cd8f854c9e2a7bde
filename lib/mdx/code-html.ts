import type { ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { normalizeTheme } from 'shiki'
import { bundledThemes } from 'shiki/themes'
import { SKIP, visit } from 'unist-util-visit'

/** The shiki themes code is highlighted in, one per colour scheme (lib/mdx/compile.ts). */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const

/** A theme's default text colour as shiki gives it to tokens (normalizeTheme's fg), in lowercase hex. */
async function foregroundOf(name: (typeof codeThemes)[keyof typeof codeThemes]): Promise<string> {
  const { default: theme } = await bundledThemes[name]()
  return normalizeTheme(theme).fg.toLowerCase()
}

let defaultTokenStyle: Promise<string> | undefined

/** The style shiki gives a token in both themes' default text colour. */
function defaultTokenStyleOnce(): Promise<string> {
  defaultTokenStyle ??= Promise.all([foregroundOf(codeThemes.light), foregroundOf(codeThemes.dark)]).then(
    ([light, dark]) => `--shiki-light:${light};--shiki-dark:${dark}`,
  )
  return defaultTokenStyle
}

/**
 * A line's tokens in both themes' default text colour (identifiers, punctuation) and the bare spans of unhighlighted
 * blocks, as text in the line, drawn in the page's ink (#15171c and #eeece6, a shade from the themes' #1f2328 and
 * #e6edf3): each such span was an element to parse, style and lay out, 746 of the 1,884 spans of the Go time article.
 * Tokens in any other colour or in italics (their style says so), and marked characters (<mark>), keep their span.
 */
function unwrapDefaultTokens(line: ElementContent, defaultStyle: string): void {
  if (line.type !== 'element' || line.tagName !== 'span') return
  if (!('data-line' in line.properties)) return
  line.children = line.children.flatMap((token) => {
    if (token.type !== 'element' || token.tagName !== 'span') return [token]
    const attributes = Object.keys(token.properties)
    const style = token.properties.style
    const plain =
      attributes.length === 0 ||
      (attributes.length === 1 && typeof style === 'string' && style.toLowerCase() === defaultStyle)
    return plain && token.children.every((child) => child.type === 'text') ? token.children : [token]
  })
}

/**
 * Runs after rehype-pretty-code: the contents of each highlighted block's <code> (a span per line and one per
 * token, thousands in a long article) become one HTML string, which the `code` MDX component renders with
 * dangerouslySetInnerHTML. React then builds, serializes and streams one string instead of an element per token,
 * on every page render and in every compiled post. The markup is shiki's, serialized by hast-util-to-html, which
 * escapes the code's text; the copy button reads the same lines as before.
 */
export function rehypeCodeHtml() {
  return async (tree: Root) => {
    const defaultStyle = await defaultTokenStyleOnce()
    // Into MDX's JSX elements too: a code block can sit inside a <Callout>.
    visit(tree, 'element', (code, _index, parent) => {
      // Only blocks rehype-pretty-code highlighted: it marks their <code> with the language.
      if (code.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return undefined
      if (!('data-language' in code.properties)) return undefined
      for (const line of code.children) unwrapDefaultTokens(line, defaultStyle)
      const html = toHtml(code.children)
      code.properties['data-code-html'] = ''
      code.children = [{ type: 'text', value: html }]
      return SKIP
    })
  }
}
