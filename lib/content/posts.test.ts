import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { postMeta, postSource, temporaryPosts } from '../__fixtures__/temporary-posts'
import { ContentError } from '../problems'
import { groupPostsByMonth, loadPosts, publishedPosts, readPosts, relatedPosts, seriesOf, validatePosts } from './posts'

const originalTimeZone = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTimeZone
})

async function contentError(directory: string): Promise<ContentError> {
  const error = await loadPosts(directory).catch((caught: unknown) => caught)
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`)
  return error
}

describe('loadPosts', () => {
  it('discovers every post folder and sorts newest first', async () => {
    const directory = temporaryPosts({
      'older/index.mdx': postSource({ title: '"Older"', date: '2026-01-06' }),
      'newest/index.mdx': postSource({ title: '"Newest"', date: '2026-05-19' }),
      'middle/index.mdx': postSource({ title: '"Middle"', date: '2026-03-10' }),
      'middle/bench/results.txt': 'BenchmarkA-2 1 1 ns/op\n',
    })
    const posts = await loadPosts(directory)
    expect(posts.map((post) => post.slug)).toEqual(['newest', 'middle', 'older'])
    expect(posts[0]).toMatchObject({
      title: 'Newest',
      date: '2026-05-19',
      tags: ['go'],
      draft: false,
      readingMinutes: 1,
    })
    expect(posts[0].file).toBe(path.relative(process.cwd(), path.join(directory, 'newest', 'index.mdx')))
  })

  it('estimates reading time from the words of the body', async () => {
    const body = Array.from({ length: 2300 }, () => 'word').join(' ')
    const [post] = await loadPosts(
      temporaryPosts({ 'long/index.mdx': postSource({}, `import x from './x.txt'\n\n${body}\n`) }),
    )
    expect(post.wordCount).toBe(2300)
    expect(post.readingMinutes).toBe(10)
  })

  it('reports the problems of every post in one error, each with file and line', async () => {
    const directory = temporaryPosts({
      'good/index.mdx': postSource(),
      'bad-date/index.mdx': postSource({ title: '"Bad date"', date: '2026-02-30' }),
      'no-summary/index.mdx': postSource({ title: '"No summary"', summary: null }),
      'empty-folder/notes.txt': 'not a post',
    })
    const error = await contentError(directory)
    const relative = (name: string) => path.relative(process.cwd(), path.join(directory, name))
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: relative('bad-date/index.mdx'), line: 3, column: 7 }),
        expect.objectContaining({
          file: relative('no-summary/index.mdx'),
          line: 1,
          message: expect.stringContaining('"summary"'),
        }),
        expect.objectContaining({ file: relative('empty-folder'), message: 'a post folder needs an index.mdx' }),
      ]),
    )
    expect(error.problems).toHaveLength(3)
    expect(error.message).toContain(
      `${relative('bad-date/index.mdx')}:3:7: frontmatter field "date" is not a day on the calendar`,
    )
  })

  it('refuses a post over the size limit before parsing it', async () => {
    const huge = postSource({}, 'gc 1 @0.013s 2%: 0.011+0.35+0.004 ms clock\n'.repeat(14_000))
    const error = await contentError(temporaryPosts({ 'pasted-log/index.mdx': huge }))
    expect(error.problems[0].message).toMatch(/^the post is 0\.6 MB, over the 512 KB limit: split it/)
  })

  it('rejects duplicate titles and folder names that are not URL slugs', async () => {
    const error = await contentError(
      temporaryPosts({
        'first/index.mdx': postSource({ title: '"Same title"' }),
        'second/index.mdx': `---\ndate: 2026-05-01\nsummary: "x"\ntags: [go]\ntitle: "Same Title"\n---\n\nText.\n`,
        'Not_A_Slug/index.mdx': postSource({ title: '"Other"' }),
      }),
    )
    expect(error.problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('must be kebab-case'),
        expect.stringMatching(/the title "Same (t|T)itle" is already used by .*index\.mdx: titles must be unique/),
      ]),
    )
    const duplicate = error.problems.find((problem) => problem.message.includes('already used'))
    expect(duplicate?.line).toBe(duplicate?.file.includes('second') ? 5 : 2)
  })
})

describe('groupPostsByMonth', () => {
  const post = (slug: string, date: string) => postMeta(slug, date)
  const posts = [
    post('new-year', '2026-01-01'),
    post('may-first', '2026-05-01'),
    post('april-last', '2026-04-30'),
    post('may-last', '2026-05-31'),
    post('new-years-eve', '2025-12-31'),
  ]

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'])(
    'puts each post in its calendar month, newest first, in %s',
    (timeZone) => {
      process.env.TZ = timeZone
      expect(groupPostsByMonth(posts).map((group) => [group.label, group.posts.map((p) => p.slug)])).toEqual([
        ["May '26", ['may-last', 'may-first']],
        ["Apr '26", ['april-last']],
        ["Jan '26", ['new-year']],
        ["Dec '25", ['new-years-eve']],
      ])
    },
  )

  it('keys groups by year and month', () => {
    expect(groupPostsByMonth(posts).map((group) => group.month)).toEqual(['2026-05', '2026-04', '2026-01', '2025-12'])
  })
})

describe('publishedPosts', () => {
  const post = (slug: string, date: string, draft = false) => postMeta(slug, date, { draft })
  const posts = [
    post('future', '2026-06-02'),
    post('today', '2026-06-01'),
    post('draft', '2026-05-20', true),
    post('old', '2026-05-01'),
  ]

  it('leaves drafts and future-dated posts out of production until their day', () => {
    expect(publishedPosts(posts, 'production', '2026-06-01').map((p) => p.slug)).toEqual(['today', 'old'])
    expect(publishedPosts(posts, 'production', '2026-06-02').map((p) => p.slug)).toEqual(['future', 'today', 'old'])
  })

  it('shows everything in previews and development', () => {
    expect(publishedPosts(posts, 'preview', '2026-06-01')).toHaveLength(4)
    expect(publishedPosts(posts, 'development', '2026-06-01')).toHaveLength(4)
  })
})

describe('validatePosts', () => {
  it('compiles every post and reports broken cross-post links together with each post’s own problems', async () => {
    const directory = temporaryPosts({
      'linker/index.mdx': postSource(
        { title: '"Linker"' },
        '## Setup\n\nSee [the other post](/posts/other#results) and [this](#setup).\n',
      ),
      'other/index.mdx': postSource({ title: '"Other"' }, '## Method\n\n![](./chart.png)\n'),
    })
    process.env.POSTS_DIR = directory
    try {
      const error = await validatePosts(await loadPosts(directory), { cacheDirectory: false }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ContentError)
      const messages = (error as ContentError).problems.map(
        (problem) => `${path.basename(path.dirname(problem.file))}:${problem.line}: ${problem.message}`,
      )
      expect(messages).toEqual([
        'other:10: the image ./chart.png has no alt text: write ![what the image shows](./chart.png)',
        `other:10: the image ./chart.png does not exist: there is no file ${path.relative(process.cwd(), path.join(directory, 'other', 'chart.png'))}`,
      ])

      await expect(
        validatePosts(await loadPosts(temporaryPostsWithBrokenLink()), { cacheDirectory: false }),
      ).rejects.toThrow(
        /the link \/posts\/other#results points to a heading that posts\/other does not have; its headings are #method/,
      )
    } finally {
      delete process.env.POSTS_DIR
    }
  })
})

function temporaryPostsWithBrokenLink(): string {
  const directory = temporaryPosts({
    'linker/index.mdx': postSource({ title: '"Linker"' }, '## Setup\n\nSee [the other post](/posts/other#results).\n'),
    'other/index.mdx': postSource({ title: '"Other"' }, '## Method\n\nText.\n'),
  })
  process.env.POSTS_DIR = directory
  return directory
}

describe('seriesOf', () => {
  const posts = [
    postMeta('part-three', '2026-03-01', { series: 'Go Memory' }),
    postMeta('elsewhere', '2026-02-15'),
    postMeta('part-two', '2026-02-01', { series: 'Go Memory' }),
    postMeta('part-one', '2026-01-01', { series: 'Go Memory' }),
  ]

  it('places a post among its series’ parts, oldest first', () => {
    const series = seriesOf(posts[2], posts)
    expect(series?.name).toBe('Go Memory')
    expect(series?.part).toBe(2)
    expect(series?.parts.map((post) => post.slug)).toEqual(['part-one', 'part-two', 'part-three'])
  })

  it('is undefined for a post outside any series', () => {
    expect(seriesOf(posts[1], posts)).toBeUndefined()
  })

  it('counts only the parts it is given (a production build leaves drafts out)', () => {
    expect(seriesOf(posts[0], posts.slice(0, 3))?.parts.length).toBe(2)
  })

  it('orders the parts by their part numbers, not by date, when the author gives them', () => {
    const numbered = [
      postMeta('written-last', '2026-03-01', { series: 'Go Memory', part: 1 }),
      postMeta('written-first', '2026-01-01', { series: 'Go Memory', part: 3 }),
      postMeta('in-between', '2026-02-01', { series: 'Go Memory', part: 2 }),
    ]
    const series = seriesOf(numbered[1], numbered)
    expect(series?.part).toBe(3)
    expect(series?.parts.map((post) => post.slug)).toEqual(['written-last', 'in-between', 'written-first'])
  })
})

describe('loadPosts, series parts', () => {
  async function problemsOf(files: Record<string, string>) {
    const directory = temporaryPosts(files)
    const error = await loadPosts(directory, (file) => path.relative(directory, file)).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ContentError)
    return (error as ContentError).problems
  }

  it('fails a part number without a series, at its line', async () => {
    expect(await problemsOf({ 'one/index.mdx': postSource({ title: '"One"', part: '2' }) })).toEqual([
      {
        file: 'one/index.mdx',
        line: 6,
        column: 1,
        message: 'part: is a place in a series: add the series: it belongs to',
      },
    ])
  })

  it('fails a series where only some parts are numbered, and two parts with one number', async () => {
    const problems = await problemsOf({
      'one/index.mdx': postSource({ title: '"One"', series: '"S"', part: '1' }),
      'two/index.mdx': postSource({ title: '"Two"', series: '"S"', part: '1' }),
      'three/index.mdx': postSource({ title: '"Three"', series: '"S"' }),
    })
    expect(problems.map(({ file, line, message }) => `${file}:${line}: ${message}`).sort()).toEqual([
      'three/index.mdx:6: other parts of "S" give their part: number (one is 1, two is 1); give this one its number too',
      expect.stringMatching(/^(one|two)\/index\.mdx:7: part 1 of "S" is already (one|two)\/index\.mdx$/),
    ])
  })
})

describe('loadPosts, series names', () => {
  it('fails a series name that differs from another part’s only in case or spacing, at the series line', async () => {
    const directory = temporaryPosts({
      'one/index.mdx': postSource({ title: '"One"', series: '"Go Memory"' }),
      'two/index.mdx': postSource({ title: '"Two"', series: '"go  memory"' }),
    })
    const error = await loadPosts(directory, (file) => path.relative(directory, file)).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).problems).toEqual([
      {
        file: 'two/index.mdx',
        line: 6,
        column: 1,
        message:
          'the series "go  memory" is spelled "Go Memory" in one/index.mdx: write the name exactly the same in every part',
      },
    ])
  })
})

describe('relatedPosts', () => {
  const post = postMeta('subject', '2026-05-01', { tags: ['go', 'performance', 'memory'], series: 'S' })
  const posts = [
    post,
    postMeta('one-tag-near', '2026-04-28', { tags: ['go'] }),
    postMeta('two-tags-far', '2025-01-01', { tags: ['go', 'memory'] }),
    postMeta('one-tag-far', '2024-01-01', { tags: ['performance'] }),
    postMeta('same-series', '2026-05-02', { tags: ['go', 'performance', 'memory'], series: 'S' }),
    postMeta('no-tags-shared', '2026-05-01', { tags: ['python'] }),
  ]

  it('ranks by tags in common, then by nearness in time, leaving out the post itself and its series', () => {
    expect(relatedPosts(post, posts).map((related) => related.slug)).toEqual([
      'two-tags-far',
      'one-tag-near',
      'one-tag-far',
    ])
  })

  it('never repeats the previous and next articles', () => {
    const [older, newer] = [posts[1], posts[2]]
    expect(relatedPosts(post, posts, { besides: [older, newer] }).map((related) => related.slug)).toEqual([
      'one-tag-far',
    ])
  })

  it('leaves out posts with no tag in common and honours the limit', () => {
    expect(relatedPosts(post, posts, { limit: 1 }).map((related) => related.slug)).toEqual(['two-tags-far'])
    expect(relatedPosts(postMeta('lonely', '2026-01-01', { tags: ['rust'] }), posts)).toEqual([])
  })
})

describe('authors', () => {
  const author = (fields: string) => `---\n${fields}\n---\n\nA longer profile.\n`
  async function load(posts: Record<string, string>, authors: Record<string, string>) {
    const directory = temporaryPosts(posts)
    process.env.AUTHORS_DIR = temporaryPosts(authors)
    try {
      return await readPosts(directory, (file) => path.relative(path.dirname(directory), file))
    } finally {
      delete process.env.AUTHORS_DIR
    }
  }

  it('gives every post the default author, or the authors it names', async () => {
    const { posts, problems } = await load(
      {
        'plain/index.mdx': postSource({ title: '"Plain"' }),
        'shared/index.mdx': postSource({ title: '"Shared"', authors: '[ada, editors]' }),
      },
      {
        'editors/index.mdx': author('name: "The editors"\nbio: "Who we are."\ndefault: true'),
        'ada/index.mdx': author('name: "Ada"\nbio: "A guest."'),
      },
    )
    expect(problems).toEqual([])
    expect(Object.fromEntries(posts.map((post) => [post.title, post.authors.map((each) => each.name)]))).toEqual({
      Plain: ['The editors'],
      Shared: ['Ada', 'The editors'],
    })
  })

  it('fails an unknown author at the post’s authors line, and an author without a name at its file', async () => {
    const { problems } = await load(
      { 'post/index.mdx': postSource({ title: '"Post"', authors: '[nobody]' }) },
      {
        'editors/index.mdx': author('name: "The editors"\nbio: "Who we are."\ndefault: true'),
        'nameless/index.mdx': author('bio: "No name."'),
      },
    )
    expect(
      problems.map(({ file, line, message }) => `${file.split(path.sep).slice(-2).join('/')}:${line}: ${message}`),
    ).toEqual([
      'nameless/index.mdx:1: missing frontmatter field "name": add a line like name: "The Playbook editors"',
      'post/index.mdx:6: unknown author "nobody": the authors are editors (a folder under authors/ each)',
    ])
  })

  it('needs exactly one default author', async () => {
    const { problems } = await load(
      { 'post/index.mdx': postSource({ title: '"Post"' }) },
      { 'one/index.mdx': author('name: "One"\nbio: "B."'), 'two/index.mdx': author('name: "Two"\nbio: "B."') },
    )
    expect(problems.map(({ message }) => message)).toEqual([
      'exactly one author must be the default (default: true), the byline of posts that name none; none is',
    ])
  })
})
