import { describe, expect, it } from 'vitest'
import { getAllPostsWithText, getPost } from '../content/posts'
import { postMarkdown } from '../site/markdown-copy'
import { markdownDocumentText } from './markdown-text'

const header = ['# A \\*title\\*', '', '> What it says, with `code` and a [link](/x).', '', '- Published: 2026-05-19']
const copy = (...body: string[]) =>
  [...header, '- Tags: go, performance', '- Canonical URL: <https://example.org/x>', '', '---', '', ...body].join('\n')

describe('markdownDocumentText', () => {
  it("reads the header's summary and tags, and a copy without tags as none", () => {
    expect(markdownDocumentText(copy('Text.'))).toMatchObject({
      summary: 'What it says, with code and a link.',
      tags: ['go', 'performance'],
    })
    expect(markdownDocumentText([...header, '- Tags: ', '', '---', '', 'Text.'].join('\n')).tags).toEqual([])
  })

  it("splits at headings with the page's ids, and keeps a heading-like line inside code as code", () => {
    const { sections } = markdownDocumentText(
      copy(
        'Before any heading.',
        '',
        '## Why `GOGC` *matters* {#why-gogc-matters}',
        '',
        '```bash title="run.sh"',
        '# not a heading',
        '```',
        '',
        '#### Deep {#deep}',
        '',
        '***',
        '',
        'After a rule.',
      ),
    )
    expect(sections).toEqual([
      { text: 'Before any heading.' },
      { id: 'why-gogc-matters', heading: 'Why GOGC matters', text: '# not a heading' },
      { id: 'deep', heading: 'Deep', text: 'After a rule.' },
    ])
  })

  it("takes out Markdown's punctuation and keeps what a reader sees", () => {
    const [{ text }] = markdownDocumentText(
      copy(
        '**Bold**, *emphasis*, ~~struck~~, snake_case, a literal \\* and \\[brackets\\], `a *star* in code`,',
        '![a chart](/media/x.svg), <https://go.dev>, <kbd>Ctrl</kbd>, AT&amp;T and&#x20;x.',
      ),
    ).sections
    expect(text).toBe(
      'Bold, emphasis, struck, snake_case, a literal * and [brackets], a *star* in code, a chart, https://go.dev, Ctrl , AT&T and x.',
    )
  })

  it('reads lists, tables and callouts by their words, code inside them whole', () => {
    const [{ text }] = markdownDocumentText(
      copy(
        '- one',
        '  1. two',
        '',
        '| Name | ns/op |',
        '| - | -: |',
        '| a \\| b | 12 |',
        '',
        '> **Tip: Short**',
        '>',
        '> ```go',
        '> 6. x := *p',
        '> ```',
      ),
    ).sections
    expect(text).toBe('one two Name ns/op a | b 12 Tip: Short 6. x := *p')
  })

  it('puts footnotes in the section the page gives them, at the end, wherever the copy has them', () => {
    const { sections } = markdownDocumentText(
      copy(
        'A claim.[^1]',
        '',
        '[^1]: The source,',
        '',
        '    over two paragraphs.',
        '',
        'Closing words.',
        '',
        '## Next {#next}',
        '',
        'More.',
      ),
    )
    expect(sections).toEqual([
      { text: 'A claim. Closing words.' },
      { id: 'next', heading: 'Next', text: 'More.' },
      { id: 'footnote-label', heading: 'Footnotes', text: 'The source, over two paragraphs.' },
    ])
  })

  it('keeps the words that escapes, links made of code and other inline forms stand for', () => {
    const [{ text }] = markdownDocumentText(
      copy(
        '[`benchstat`](https://pkg.go.dev/golang.org/x/perf/cmd/benchstat) and List\\<T> when a\\<b, c > d;',
        'a literal \\` backtick and `real` code, ``a ` tick``, <ops@example.com>, a break\\',
        '[a (paren\\)](https://x.org/\\(y\\)) and [ref][r] and \\&amp;.',
        '',
        '[r]: https://example.org',
        '',
        '| `a \\| b` | x\\|y |',
      ),
    ).sections
    expect(text).toBe(
      'benchstat and List<T> when a<b, c > d; a literal ` backtick and real code, a ` tick, ops@example.com, a break ' +
        'a (paren) and ref and &amp;. a | b x|y',
    )
  })
})

describe("the journal's Markdown copies, read back for search", () => {
  it("give every post's sections with the page's ids and headings, and every word of its text", async () => {
    const posts = await getAllPostsWithText()
    expect(posts.length).toBeGreaterThan(0)
    const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}_]+/gu))
    for (const post of posts) {
      const copy = postMarkdown(post, (await getPost(post.slug))!.markdown)
      const document = markdownDocumentText(copy)
      const proseOnly = markdownDocumentText(copy.replace(/^[ >]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ >]*\1[ \t]*$/gm, ''))
      expect(document.summary, post.slug).toBe(post.summary)
      expect(document.tags, post.slug).toEqual(post.tags)
      const outline = (sections: typeof post.sections) => sections.map(({ id, heading }) => ({ id, heading }))
      expect(outline(document.sections), post.slug).toEqual(outline(post.sections))
      post.sections.forEach((section, position) => {
        const read = words(document.sections[position].text)
        const missing = [...words(section.text)].filter((word) => !read.has(word))
        expect(missing, `${post.slug}#${section.id ?? ''}`).toEqual([])
        // And no Markdown left over: a link's URL or a heading's id, nor, in prose, an escape's backslash.
        const prose = proseOnly.sections.find((candidate) => candidate.id === section.id)?.text ?? ''
        for (const [markup, text] of [
          ['](', document.sections[position].text],
          ['{#', document.sections[position].text],
          ['\\', prose],
        ])
          expect(text.split(markup).length, `${post.slug}#${section.id ?? ''}: ${markup}`).toBeLessThanOrEqual(
            section.text.split(markup).length,
          )
      })
    }
  }, 60_000)
})
