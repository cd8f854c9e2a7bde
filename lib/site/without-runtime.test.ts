import { describe, expect, it } from 'vitest'
import { siteScriptAttribute, withoutFrameworkRuntime } from './without-runtime'

// A prerendered page as Next 16 writes it with Turbopack, cut down to one of each kind of tag.
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script>(function theme(){document.documentElement.dataset.js=""})()</script>',
  '<link rel="preload" href="/fonts/text.woff2" as="font" type="font/woff2" crossorigin=""/>',
  '</head><body><article>',
  '<script type="application/ld+json">{"@type":"BlogPosting","headline":"What self.__next_f and TURBOPACK hold"}</script>',
  '<p>An article about <code>self.__next_f</code> and TURBOPACK.</p></article>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:[\\"$\\",\\"p\\",null,{}]\\n"])</script>',
  '</body></html>',
].join('')

describe('withoutFrameworkRuntime', () => {
  it("removes Next's script files, their preloads, the router payload and the chunk list, and adds the site's script", () => {
    const { html, removedBytes } = withoutFrameworkRuntime(page, 'listen()')
    expect(html).not.toMatch(/_next\/static\/chunks\/[^"]+\.js/)
    expect(html).not.toContain('self.__next_f.push')
    expect(html).not.toContain('otherChunks')
    // What is the page's own stays: the theme script, the JSON-LD, the stylesheet, the font preload, the text.
    const kept = [
      'function theme()',
      '"headline":"What self.__next_f',
      'site.css',
      'text.woff2',
      'self.__next_f</code>',
    ]
    for (const text of kept) expect(html).toContain(text)
    expect(html).toMatch(new RegExp(`<script ${siteScriptAttribute}="">listen\\(\\)</script></body></html>$`))
    const added = `<script ${siteScriptAttribute}="">listen()</script>`
    expect(removedBytes).toBe(Buffer.byteLength(page) - (Buffer.byteLength(html) - added.length))
  })

  it('fails on a page it does not know how to strip, naming the file', () => {
    const mentionOnly = '<html><body><p>About <code>self.__next_f</code></p></body></html>'
    expect(() => withoutFrameworkRuntime(mentionOnly, 'x', 'out/index.html')).toThrow(
      'out/index.html: no inline router payload',
    )
    const inlineLoader = page.replace('</body>', '<script>self.__next_x=1;TURBOPACK_LOAD()</script></body>')
    expect(() => withoutFrameworkRuntime(inlineLoader, 'x', 'posts/a.html')).toThrow(
      "posts/a.html: Next's runtime is still referenced after its removal",
    )
    expect(() => withoutFrameworkRuntime(page, 'a="</script>"', 'posts/a.html')).toThrow('contains "</script"')
    expect(() => withoutFrameworkRuntime(page, 'a="<!--"', 'posts/a.html')).toThrow('or "<!--"')
  })
})
