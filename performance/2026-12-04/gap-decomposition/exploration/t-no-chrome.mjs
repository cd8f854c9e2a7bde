// Bound: the article page without its two contents lists, series list, "about" note, related articles and
// previous/next links, taken out of both the HTML and the router payload (each row that renders one becomes null), so
// that hydration still matches: what those parts cost to parse, lay out and hydrate. It also joins the router
// payload's pushes into one, where the first was, so the page differs from the one served by that as well.
import { parse } from 'parse5'

const isChrome = (node) => {
  const attr = (name) => node.attrs?.find((a) => a.name === name)?.value
  if (node.tagName === 'details' && /xl:hidden/.test(attr('class') ?? '')) return true
  if (node.tagName === 'aside' && /hidden xl:block/.test(attr('class') ?? '')) return true
  if (node.tagName === 'section' && attr('aria-labelledby') === 'related-heading') return true
  if (node.tagName === 'nav' && attr('aria-labelledby') === 'series-heading') return true
  if (node.tagName === 'nav' && attr('aria-label') === 'More articles') return true
  if (node.tagName === 'aside' && attr('aria-label') === 'About this article') return true
  return false
}
const rowPatterns = [
  /^\["\$","details",null,\{"className":"[^"]*xl:hidden/,
  /^\["\$","aside",null,\{"className":"hidden xl:block/,
  /^\["\$","section",null,\{"aria-labelledby":"related-heading"/,
  /^\["\$","nav",null,\{"aria-labelledby":"series-heading"/,
  /^\["\$","nav",null,\{"aria-label":"More articles"/,
  /^\["\$","aside",null,\{"aria-label":"About this article"/,
]

export default function transform(html) {
  const doc = parse(html, { sourceCodeLocationInfo: true })
  const ranges = []
  const walk = (node) => {
    if (isChrome(node)) ranges.push([node.sourceCodeLocation.startOffset, node.sourceCodeLocation.endOffset])
    else for (const child of node.childNodes ?? []) walk(child)
  }
  walk(doc)
  let out = html
  for (const [s, e] of ranges.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + out.slice(e)
  // The router payload: every [1, text] push, joined, rows nulled, written back as one push where the first was.
  const pushes = [...out.matchAll(/<script>self\.__next_f\.push\((\[1,[\s\S]*?\])\)<\/script>/g)]
  const text = pushes.map((m) => JSON.parse(m[1])[1]).join('')
  let nulled = 0
  const rewritten = text.replace(/(^|\n)([0-9a-f]+):(\[[^\n]*)/g, (all, nl, id, row) => {
    if (!rowPatterns.some((p) => p.test(row))) return all
    nulled++
    return `${nl}${id}:null`
  })
  if (nulled !== 6 || ranges.length !== 6) throw new Error(`t-no-chrome: ${ranges.length} elements, ${nulled} rows`)
  const first = pushes[0]
  for (const m of pushes.slice(1).reverse()) out = out.slice(0, m.index) + out.slice(m.index + m[0].length)
  return (
    out.slice(0, first.index) +
    `<script>self.__next_f.push(${JSON.stringify([1, rewritten])})</script>` +
    out.slice(first.index + first[0].length)
  )
}
