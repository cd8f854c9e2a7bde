import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBenchmarkOutput } from '../../lib/benchmarks'
import { loadPosts, validatePosts } from '../../lib/content/posts'
import { syntheticPosts, writeSyntheticPosts } from './synthetic-posts'

describe('syntheticPosts', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const first = syntheticPosts({ count: 5, seed: 7 })
    expect(syntheticPosts({ count: 5, seed: 7 })).toEqual(first)
    expect(syntheticPosts({ count: 5, seed: 8 })[0].files['index.mdx']).not.toBe(first[0].files['index.mdx'])
  })

  it('writes posts shaped like real ones: about 2,000 words, code in several languages, a callout and a table', () => {
    const posts = syntheticPosts({ count: 40, seed: 3 })
    expect(new Set(posts.map((post) => post.slug)).size).toBe(40)
    expect(new Set(posts.map((post) => post.date.slice(0, 4))).size).toBeGreaterThanOrEqual(5)
    for (const { files } of posts) {
      const source = files['index.mdx']
      const prose = source.replace(/```[\s\S]*?```/g, '').split(/\s+/).length
      expect(prose).toBeGreaterThan(1800)
      expect(prose).toBeLessThan(3000)
      const languages = [...source.matchAll(/^```(\w+)/gm)].map((match) => match[1])
      expect(languages.length).toBeGreaterThanOrEqual(3)
      expect(languages.length).toBeLessThanOrEqual(5)
      expect(source).toMatch(/^## /m)
      expect(source).toMatch(/<Callout type=/)
      expect(source).toMatch(/<BenchmarkTable results=\{results\}/)
      expect(source).toMatch(/synthetic build-timing fixture/)
      expect(files['bench/results.txt']).toMatch(/^note: synthetic build-timing fixture/)
      expect(parseBenchmarkOutput(files['bench/results.txt']).benchmarks.length).toBeGreaterThanOrEqual(4)
    }
    const allLanguages = new Set(
      posts.flatMap(({ files }) => [...files['index.mdx'].matchAll(/^```(\w+)/gm)].map((m) => m[1])),
    )
    expect([...allLanguages].sort()).toEqual(['bash', 'go', 'python', 'sql', 'yaml'])
    expect(posts.filter(({ files }) => files['index.mdx'].includes('](/posts/')).length).toBeGreaterThan(30)
  })

  it('passes the content checks a real build runs: frontmatter, MDX, benchmark output, links and headings', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'playbook-synthetic-'))
    const posts = syntheticPosts({ count: 8, seed: 11 })
    writeSyntheticPosts(directory, posts)
    expect(readFileSync(path.join(directory, posts[0].slug, 'index.mdx'), 'utf8')).toBe(posts[0].files['index.mdx'])
    process.env.POSTS_DIR = directory
    try {
      const loaded = await loadPosts(directory)
      expect(loaded).toHaveLength(8)
      await validatePosts(loaded, { cacheDirectory: false })
    } finally {
      delete process.env.POSTS_DIR
    }
  })
})
