import { describe, expect, it } from 'vitest'
import { closestPosts, wantedWords } from './suggest'

const posts = [
  { slug: 'go-struct-field-alignment', title: 'Go Struct Field Alignment' },
  { slug: 'go-memory-stack-vs-heap', title: 'Memory Mechanics In Go - Stack vs Heap' },
  { slug: 'oltp-vs-olap', title: 'OLTP vs OLAP - Why You Need Two Databases' },
  { slug: 'understanding-cpu-caches-in-go', title: 'Understanding CPU Caches in Go' },
]
const slugs = (pathname: string) => closestPosts(pathname, posts).map((post) => post.slug)

describe('closestPosts', () => {
  it('finds a post from a misspelt slug', () => {
    expect(slugs('/posts/go-struct-feild-alignmnet')[0]).toBe('go-struct-field-alignment')
    expect(slugs('/posts/oltp-vs-olab')[0]).toBe('oltp-vs-olap')
  })

  it('finds a post from words of its title, in any order and case', () => {
    expect(slugs('/posts/CPU-Caches')[0]).toBe('understanding-cpu-caches-in-go')
    expect(slugs('/blog/stack-heap')[0]).toBe('go-memory-stack-vs-heap')
    expect(slugs('/posts/cpu%20caches.html')[0]).toBe('understanding-cpu-caches-in-go')
  })

  it('suggests nothing for an address that resembles no post', () => {
    expect(slugs('/wp-login.php')).toEqual([])
    expect(slugs('/')).toEqual([])
    expect(slugs('/posts/%E0%A4%A')).toEqual([])
  })

  it('returns at most the limit, best first', () => {
    expect(closestPosts('/posts/go', posts, 2).length).toBeLessThanOrEqual(2)
  })
})

describe('wantedWords', () => {
  it('decodes the last segment and drops file extensions', () => {
    expect(wantedWords('/posts/Go%20GC/deep-dive.html')).toEqual(['deep', 'dive'])
  })
})
