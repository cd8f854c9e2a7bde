import { describe, expect, it } from 'vitest'
import { postSource } from '../__fixtures__/temporary-posts'
import { parseFrontmatter } from './frontmatter'

const file = 'posts/example/index.mdx'

function problemsOf(source: string) {
  const parsed = parseFrontmatter(file, source)
  if (parsed.ok) throw new Error('expected the frontmatter to be rejected')
  return parsed.problems
}

describe('parseFrontmatter', () => {
  it('accepts valid frontmatter and says where the body starts', () => {
    const parsed = parseFrontmatter(file, postSource({ updated: '2026-06-02', draft: 'true' }))
    expect(parsed).toMatchObject({
      ok: true,
      frontmatter: {
        title: 'A post',
        date: '2026-05-01',
        updated: '2026-06-02',
        summary: 'What it says.',
        tags: ['go'],
        draft: true,
      },
      bodyLine: 9,
    })
  })

  it('defaults draft to false', () => {
    expect(parseFrontmatter(file, postSource())).toMatchObject({ ok: true, frontmatter: { draft: false } })
  })

  it('names a missing field and how to add it', () => {
    expect(problemsOf(postSource({ summary: null }))).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message:
          'missing frontmatter field "summary": add a line like summary: "One or two sentences that say what the reader will learn."',
      },
    ])
  })

  it('points at the line of an impossible date', () => {
    expect(problemsOf(postSource({ date: '2026-02-30' }))).toEqual([
      { file, line: 3, column: 7, message: 'frontmatter field "date" is not a day on the calendar (got "2026-02-30")' },
    ])
  })

  it('points at a date in the wrong format', () => {
    const [problem] = problemsOf(postSource({ date: '"May 1, 2026"' }))
    expect(problem).toMatchObject({ line: 3, column: 7 })
    expect(problem.message).toContain('must be a calendar day written YYYY-MM-DD')
  })

  it('points at the exact tag that is not kebab-case', () => {
    const [problem] = problemsOf(postSource({ tags: '[go, Go Performance]' }))
    expect(problem).toMatchObject({ line: 5, column: 12 })
    expect(problem.message).toBe(
      'frontmatter field "tags[1]" must be kebab-case: lowercase words joined by hyphens, e.g. go-performance (got "Go Performance")',
    )
  })

  it('names an unknown field at its line and lists the allowed ones', () => {
    expect(problemsOf(postSource({ auther: 'Ann' }))).toEqual([
      {
        file,
        line: 6,
        column: 1,
        message:
          'unknown frontmatter field "auther": the allowed fields are title, date, summary, tags, updated, series, part, authors, featured, draft',
      },
    ])
  })

  it('reports wrong types in words', () => {
    const [problem] = problemsOf(postSource({ draft: 'yes' }))
    expect(problem).toMatchObject({ line: 6, message: 'frontmatter field "draft" must be true or false (got "yes")' })
  })

  it('reports every problem at once', () => {
    expect(problemsOf(postSource({ title: null, date: '2026-13-01', tags: 'go' })).map((p) => p.line)).toEqual([
      1, 2, 4,
    ])
  })

  it('locates YAML syntax errors', () => {
    const [problem] = problemsOf('---\ntitle: "A post\ndate: 2026-05-01\n---\n')
    expect(problem.file).toBe(file)
    expect(problem.line).toBeGreaterThanOrEqual(2)
    expect(problem.message).toMatch(/^invalid YAML: /)
  })

  it('requires a frontmatter block, closed', () => {
    expect(problemsOf('# Title\n\nText')[0].message).toMatch(/must start with a frontmatter block/)
    expect(problemsOf('---\ntitle: x\n')[0].message).toMatch(/never closed/)
  })
})
