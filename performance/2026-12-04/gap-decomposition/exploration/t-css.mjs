// Shared by the t-*.mjs transforms: applies `edit` to the page's inline stylesheet.
export const editStyle = (edit) => (html) =>
  html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/, (_, open, css, close) => open + edit(css) + close)
// Removes every top-level at-rule block whose prelude starts with `name` (balanced braces).
export function removeAtRules(css, name) {
  let out = ''
  let i = 0
  while (i < css.length) {
    const j = css.indexOf(name, i)
    if (j < 0) {
      out += css.slice(i)
      break
    }
    out += css.slice(i, j)
    let k = css.indexOf('{', j)
    let depth = 0
    for (; k < css.length; k++) {
      if (css[k] === '{') depth++
      else if (css[k] === '}' && --depth === 0) break
    }
    i = k + 1
  }
  return out
}
