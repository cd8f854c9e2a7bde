// Shared by the body bounds: calls `edit(children)` with the article body's top-level elements (each with its
// start and end offsets in the HTML) and splices out the ranges it returns.
import { parse } from 'parse5'
export function removeBodyBlocks(html, pick) {
  const doc = parse(html, { sourceCodeLocationInfo: true })
  let body
  const walk = (node) => {
    if (body) return
    if (node.attrs?.some((a) => a.name === 'data-article-body')) body = node
    else for (const child of node.childNodes ?? []) walk(child)
  }
  walk(doc)
  const blocks = body.childNodes.filter((n) => n.tagName)
  const ranges = pick(blocks).map((n) => [n.sourceCodeLocation.startOffset, n.sourceCodeLocation.endOffset])
  let out = html
  for (const [s, e] of ranges.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + out.slice(e)
  return out
}
