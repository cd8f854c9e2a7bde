import { describe, expect, it } from 'vitest'
import { inlineStylesheets } from './inline-stylesheet'

const link = '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>'
const page = `<!DOCTYPE html><html><head><meta charSet="utf-8"/>${link}<script src="/a.js" async=""></script></head><body><p>Hi</p></body></html>`

describe('inlineStylesheets', () => {
  it('puts the stylesheet before its link and disables the link', () => {
    const inlined = inlineStylesheets(page, () => 'p{color:red}')
    expect(inlined?.html).toBe(
      page.replace(
        link,
        '<style>p{color:red}</style><link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next" disabled=""/>',
      ),
    )
    expect(inlined?.inlinedBytes).toBe(12)
  })

  it('reads each stylesheet by its href', () => {
    const read: string[] = []
    inlineStylesheets(page, (href) => (read.push(href), ''))
    expect(read).toEqual(['/_next/static/chunks/site.css'])
  })

  it("resolves relative urls against the stylesheet's URL and leaves the others", () => {
    const css =
      '@font-face{src:url(../media/inter.woff2)format("woff2")}' +
      'a{background:url("img/x.png?v=2#top")}b{background:url(/abs.png)}i{background:url(data:image/png;base64,AA)}' +
      'u{background:url(https://cdn.example/x.png)}'
    expect(inlineStylesheets(page, () => css)?.html).toContain(
      '<style>@font-face{src:url(/_next/static/media/inter.woff2)format("woff2")}' +
        'a{background:url("/_next/static/chunks/img/x.png?v=2#top")}b{background:url(/abs.png)}' +
        'i{background:url(data:image/png;base64,AA)}u{background:url(https://cdn.example/x.png)}</style>',
    )
  })

  it('leaves a page without a stylesheet alone', () => {
    expect(inlineStylesheets('<html><head></head><body></body></html>', () => 'p{}')).toBeNull()
  })

  it('refuses a stylesheet link it does not know, which would go on blocking the paint', () => {
    const other = page.replace(
      link,
      '<link rel="stylesheet" href="/_next/static/chunks/site.css?dpl=1" data-precedence="next"/>',
    )
    expect(() => inlineStylesheets(other, () => 'p{}', 'posts/x.html')).toThrow(
      'posts/x.html: a stylesheet link this cannot inline: <link rel="stylesheet" href="/_next/static/chunks/site.css?dpl=1"',
    )
  })

  it('refuses a stylesheet that would end its <style> early', () => {
    expect(() => inlineStylesheets(page, () => 'a::after{content:"</style>"}', 'posts/x.html')).toThrow(
      'posts/x.html: /_next/static/chunks/site.css contains "</style"',
    )
  })
})
