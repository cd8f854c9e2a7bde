// The router payload Next inlines in a prerendered article, less its second copy of the article.
//
// Next puts the React Server Components payload of every prerendered page into its HTML, as
// `self.__next_f.push([1,"…"])` scripts, so that the page can hydrate and the router can render it again. React
// writes a long string prop as a text row of its own (`<id>:T<byte length in hex>,<text>`), so an article's body,
// one HTML string passed to components/article-body.tsx as `articleHtml`, sat in the page twice: once as the page
// and once in that row, escaped for a script, a third to a half of an article page's bytes. Emptying the row leaves
// the page and the separate payload files the router fetches for client navigation (`.rsc`, `.txt` in a static
// export) as they were.

/** Row tags of React's Flight format whose row is a byte length in hex, a comma and that many bytes. */
const lengthPrefixedTags = new Set('TAOoUSsLlGgMmVb')

const pushScript = /<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs
const articleHtmlReference = /"articleHtml":"\$([0-9a-f]+)"/

type Chunk = { start: number; end: number; data: Buffer; byteOffset: number }

/** A JSON string as Next writes it into an inline script: no `<`, `>`, `&` or line separators left to the parser. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

export type HollowedPage = { html: string; removedBytes: number }

/**
 * The prerendered page's HTML with the article's text row emptied (`<id>:T0,`), and how many bytes of the page
 * that removed. Null when the page passes no long `articleHtml` (a page that is not an article, or an article
 * short enough for React to inline the string). Throws when the payload is not shaped as this expects, so that a
 * Next.js upgrade that changes it fails the build instead of shipping pages that would hydrate wrongly.
 */
export function hollowArticlePayload(page: string, file = 'page'): HollowedPage | null {
  if (!page.includes('articleHtml')) return null
  const chunks: Chunk[] = []
  let byteOffset = 0
  for (const match of page.matchAll(pushScript)) {
    const pushed: unknown = JSON.parse(match[1])
    if (!Array.isArray(pushed) || pushed[0] !== 1) {
      // [0] starts the payload and [2] carries form state; [3] is binary data in base64, whose bytes are rows too.
      if (Array.isArray(pushed) && pushed[0] === 3) throw new Error(`${file}: a binary payload chunk`)
      continue
    }
    if (typeof pushed[1] !== 'string') throw new Error(`${file}: a payload chunk that is not text`)
    const data = Buffer.from(pushed[1], 'utf8')
    chunks.push({ start: match.index, end: match.index + match[0].length, data, byteOffset })
    byteOffset += data.length
  }
  if (chunks.length === 0) throw new Error(`${file}: no inline router payload found`)
  const stream = Buffer.concat(chunks.map((chunk) => chunk.data))

  // Walk the rows: `<hex id>:` (no id for hints, `:HL[…]`), then either a length-prefixed row or a line of JSON.
  const textRows = new Map<string, { header: number; end: number }>()
  let target: string | undefined
  let position = 0
  while (position < stream.length) {
    const colon = stream.indexOf(':', position)
    if (colon < 0) throw new Error(`${file}: a payload row without an id at byte ${position}`)
    const id = stream.toString('latin1', position, colon)
    if (!/^[0-9a-f]*$/.test(id)) throw new Error(`${file}: a payload row id "${id.slice(0, 20)}" at byte ${position}`)
    const tag = String.fromCharCode(stream[colon + 1])
    const length = lengthPrefixedTags.has(tag)
      ? /^[0-9a-f]+,/.exec(stream.toString('latin1', colon + 2, colon + 18))
      : null
    if (length) {
      const end = colon + 2 + length[0].length + parseInt(length[0], 16)
      if (end > stream.length) throw new Error(`${file}: the payload row at byte ${position} runs past its end`)
      if (tag === 'T') textRows.set(id, { header: position, end })
      position = end
      continue
    }
    const newline = stream.indexOf('\n', colon)
    const end = newline < 0 ? stream.length : newline + 1
    const reference = articleHtmlReference.exec(stream.toString('utf8', colon + 1, end))
    if (reference) {
      if (target !== undefined) throw new Error(`${file}: two articleHtml props in one page`)
      target = reference[1]
    }
    position = end
  }
  if (target === undefined) return null
  const row = textRows.get(target)
  if (!row) throw new Error(`${file}: articleHtml refers to row ${target}, which is not a text row`)

  // React flushes the payload in chunks of its own size, so the row may start in one script and end in a later one.
  // The first script then carries what came before the row and what came after it in the last, in the same order;
  // the other scripts the row touched go, and the page's HTML between them stays.
  const touched = chunks.filter(
    (chunk) => chunk.byteOffset < row.end && row.header < chunk.byteOffset + chunk.data.length,
  )
  const first = touched[0]
  const last = touched[touched.length - 1]
  const kept = [
    first.data.subarray(0, row.header - first.byteOffset),
    Buffer.from(`${target}:T0,`),
    last.data.subarray(row.end - last.byteOffset),
  ]
  const script = `<script>self.__next_f.push(${scriptSafeJson([1, Buffer.concat(kept).toString('utf8')])})</script>`
  const between = touched.slice(1).map((chunk, index) => page.slice(touched[index].end, chunk.start))
  const html = page.slice(0, first.start) + script + between.join('') + page.slice(last.end)
  return { html, removedBytes: Buffer.byteLength(page) - Buffer.byteLength(html) }
}
