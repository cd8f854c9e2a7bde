// The shipped rule without :has(): the blocks it keeps laid out (those holding a list's link or button, or a
// <summary>) are found here, in the HTML, and marked with an attribute, and the rule tests the attribute. The same
// blocks are skipped as before; only how the browser tells them apart changes.
import { parse } from 'parse5'

const walk = (node, visit) => {
  visit(node)
  for (const child of node.childNodes ?? []) walk(child, visit)
}
const holdsTarget = (block) => {
  let found = false
  walk(block, (node) => {
    if (node.tagName === 'summary') found = true
    if (node.tagName === 'li')
      walk(node, (inner) => {
        if (inner.tagName === 'button' || (inner.tagName === 'a' && inner.attrs.some((a) => a.name === 'href')))
          found = true
      })
  })
  return found
}
export default function transform(html) {
  let body
  walk(parse(html, { sourceCodeLocationInfo: true }), (node) => {
    if (node.attrs?.some((a) => a.name === 'data-article-body')) body ??= node
  })
  if (!body) return html
  const offsets = body.childNodes
    .filter((node) => node.tagName && holdsTarget(node))
    .map((node) => node.sourceCodeLocation.startTag.startOffset + 1 + node.tagName.length)
  let out = html
  for (const offset of offsets.sort((a, b) => b - a)) out = `${out.slice(0, offset)} data-k=""${out.slice(offset)}`
  return out.replace(':not(:has(li a[href],li button,summary))', ':not([data-k])')
}
