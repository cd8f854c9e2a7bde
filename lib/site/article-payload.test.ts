import { describe, expect, it } from 'vitest'
import { hollowArticlePayload } from './article-payload'

const article = '<p>Caf\u00e9 \u2014 48 bytes of struct</p>'.repeat(40)
const byteLength = (text: string) => Buffer.byteLength(text).toString(16)
const push = (data: string) =>
  `<script>self.__next_f.push(${JSON.stringify([1, data]).replace(/</g, '\\u003c')})</script>`

/** The rows the client reads from a page's inline payload, in order. */
function payloadOf(page: string): string {
  return [...page.matchAll(/<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)]
    .map((match) => JSON.parse(match[1]) as [number, string])
    .filter(([kind]) => kind === 1)
    .map(([, data]) => data)
    .join('')
}

function pageWith(...chunks: string[]) {
  return `<html><body><div class="prose">${article}</div><script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks.map(push).join('')}</body></html>`
}

describe('hollowArticlePayload', () => {
  const rows = [
    '0:{"P":null,"b":"build"}\n',
    `1:T${byteLength('\u00fcber')},\u00fcber`,
    `2f:T${byteLength(article)},${article}`,
    '30:["$","$L31",null,{"articleHtml":"$2f","className":"prose"}]\n',
    '31:I[123,["/chunk.js"],"ArticleBody"]\n',
  ]

  it('empties the text row the articleHtml prop refers to and keeps every other row', () => {
    const page = pageWith(rows.slice(0, 2).join(''), rows.slice(2).join(''))
    const hollowed = hollowArticlePayload(page)
    expect(hollowed).not.toBeNull()
    expect(payloadOf(hollowed!.html)).toBe([rows[0], rows[1], '2f:T0,', rows[3], rows[4]].join(''))
    expect(hollowed!.removedBytes).toBe(Buffer.byteLength(page) - Buffer.byteLength(hollowed!.html))
    expect(hollowed!.removedBytes).toBeGreaterThan(Buffer.byteLength(article))
    // The page itself, and the payload's escaping of "<", are untouched.
    expect(hollowed!.html).toContain(`<div class="prose">${article}</div>`)
    expect(hollowed!.html.match(/<script>self\.__next_f\.push\(\[1,"[^<]*"\]\)<\/script>/g)).toHaveLength(2)
  })

  it('leaves a page without the prop alone', () => {
    expect(hollowArticlePayload(pageWith('0:{"P":null}\n'))).toBeNull()
  })

  it('leaves a short article alone, whose HTML React wrote inline', () => {
    expect(hollowArticlePayload(pageWith('0:["$","$L1",null,{"articleHtml":"<p>short</p>"}]\n'))).toBeNull()
  })

  it('refuses a binary payload chunk, whose rows it cannot count', () => {
    const page = pageWith(rows.join('')).replace('</body>', '<script>self.__next_f.push([3,"AAAA"])</script></body>')
    expect(() => hollowArticlePayload(page, 'posts/x.html')).toThrow('posts/x.html: a binary payload chunk')
  })

  it('empties a text row that React flushed across several scripts, keeping the HTML between them', () => {
    const payload = rows.join('')
    const start = payload.indexOf(article)
    const cuts = [0, start + 10, start + 500, start + 900, payload.length]
    const chunks = cuts.slice(1).map((end, index) => payload.slice(cuts[index], end))
    const page = pageWith(...chunks).replace(
      /<\/script><script>self/g,
      '</script><div hidden>streamed</div><script>self',
    )
    const hollowed = hollowArticlePayload(page)
    expect(payloadOf(hollowed!.html)).toBe([rows[0], rows[1], '2f:T0,', rows[3], rows[4]].join(''))
    expect(hollowed!.html.match(/<div hidden>streamed<\/div>/g)).toHaveLength(4)
    expect(hollowed!.html.match(/self\.__next_f\.push\(\[1,/g)).toHaveLength(1)
  })

  it('refuses a payload whose row runs past its end, naming the file', () => {
    const payload = rows.slice(0, 3).join('') + rows[3]
    const page = pageWith(
      payload.replace(`2f:T${byteLength(article)},`, `2f:T${(Buffer.byteLength(article + rows[3]) + 1).toString(16)},`),
    )
    expect(() => hollowArticlePayload(page, 'posts/x.html')).toThrow(
      `posts/x.html: the payload row at byte ${Buffer.byteLength(rows[0] + rows[1])} runs past its end`,
    )
  })
})
