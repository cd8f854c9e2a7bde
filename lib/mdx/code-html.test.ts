import path from 'node:path'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MDXContent } from '@/components/mdx/mdx-content'
import { postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { compileMdx } from './compile'

const options = { cacheDirectory: false as const, relative: (file: string) => file }

describe('highlighted code as one HTML string', () => {
  it('renders the same markup as an element per token, escaped, in and out of a callout', async () => {
    const directory = temporaryPosts({
      'post/index.mdx': postSource(
        {},
        [
          '```go {2}',
          'if a < b && c > "</code><script>" {',
          '\treturn',
          '}',
          '```',
          '',
          '<Callout type="note">',
          '',
          '```sh',
          '$ echo "<b>"',
          '```',
          '',
          '</Callout>',
          '',
          'Inline `a < b` stays an element.',
        ].join('\n'),
      ),
    })
    const { code } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    // No JSX per token is left in the compiled post: each block's contents are a single string.
    expect(code).not.toContain('"--shiki-light"')
    const html = renderToStaticMarkup(createElement(MDXContent, { code }))

    const blocks = [...html.matchAll(/<code([^>]*)>([\s\S]*?)<\/code>/g)]
    const [go, shell, inline] = blocks
    expect(go[1]).toContain('data-language="go"')
    expect(go[1]).toContain('style="display:grid"')
    expect(go[1]).not.toContain('data-code-html')
    expect(go[2]).toMatch(/^<span data-line="">/)
    expect(go[2]).toContain('data-highlighted-line')
    expect(go[2]).toContain('--shiki-dark:')
    // The code's own text is escaped: it cannot close the element or open a script.
    expect(go[2]).toContain('&#x3C;/code>&#x3C;script>')
    expect(html).not.toContain('<script>')
    expect(shell[1]).toContain('data-language="sh"')
    expect(shell[2]).toContain('&#x3C;b>')
    expect(inline[2]).toBe('a &lt; b')
  })

  it('writes tokens in the default colour as text in their line, and keeps every other token and the text', async () => {
    const source = ['package main', '', 'func main() {', '\tfmt.Println("hi") // greet', '}']
    const directory = temporaryPosts({
      'post/index.mdx': postSource({}, ['```go', ...source, '```', '', '```', 'plain <text>', '```'].join('\n')),
    })
    const { code } = await compileMdx(path.join(directory, 'post', 'index.mdx'), options)
    const html = renderToStaticMarkup(createElement(MDXContent, { code }))
    const [go, text] = [...html.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((match) => match[1])
    // github-light-default's and github-dark-default's default text colour: no token carries it.
    expect(go.toLowerCase()).not.toContain('--shiki-light:#1f2328;--shiki-dark:#e6edf3')
    // A line of default-coloured tokens only is bare text; a default token before a coloured one is text beside it.
    expect(go).toContain('<span data-line="">}</span>')
    expect(go).toMatch(/fmt\.<span style=/)
    // Keywords, strings and comments keep their colours.
    expect(go).toMatch(/<span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">func<\/span>/)
    expect(go).toMatch(/<span style="[^"]*">"hi"<\/span>/)
    const lines = [...go.matchAll(/<span data-line="">([\s\S]*?)<\/span>(?=<span data-line|$|\n)/g)]
    // Every line reads as before (rehype-pretty-code writes an empty line as a space).
    const texts = lines.map((line) => line[1].replace(/<[^>]*>/g, '').replaceAll('&#x3C;', '<'))
    expect(texts).toEqual(source.map((line) => line || ' '))
    // An unhighlighted block's lines are text in their line, escaped.
    expect(text).toBe('<span data-line="">plain &#x3C;text></span>')
  })
})
