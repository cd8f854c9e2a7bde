import { describe, expect, it } from 'vitest'
import { parseFrontmatter } from './frontmatter'
import { draftPostSource, slugFromTitle } from './new-post'

describe('new post scaffold', () => {
  it('makes URL slugs from titles', () => {
    expect(slugFromTitle('Go GC Deep Dive: How to Reduce Latency')).toBe('go-gc-deep-dive-how-to-reduce-latency')
    expect(slugFromTitle("Why Postgres's VACUUM Isn't Magic")).toBe('why-postgress-vacuum-isnt-magic')
    expect(slugFromTitle('  Café & Crème — 2026 ')).toBe('cafe-creme-2026')
  })

  it('writes a draft whose frontmatter is valid, even for titles with quotes and colons', () => {
    const title = 'Go & "C": <caches>'
    const parsed = parseFrontmatter(
      'posts/x/index.mdx',
      draftPostSource({ title, date: '2026-11-24', tags: ['go', 'performance'] }),
    )
    expect(parsed).toMatchObject({
      ok: true,
      frontmatter: { title, date: '2026-11-24', tags: ['go', 'performance'], draft: true },
    })
  })
})
