import { describe, expect, it } from 'vitest'
import { postMeta } from '@/lib/__fixtures__/temporary-posts'
import { articleOgImage, siteOgImage, tagsThatFit, titleFontSize } from './og-card'

describe('the link-preview cards', () => {
  it('sets longer titles smaller', () => {
    const sizes = [10, 30, 50, 70, 100].map((length) => titleFontSize('x'.repeat(length)))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(new Set(sizes).size).toBe(sizes.length)
  })

  it('keeps only the tags that fit on the footer line, in order', () => {
    expect(tagsThatFit(['go', 'performance', 'garbage-collection'], 40)).toEqual([
      'go',
      'performance',
      'garbage-collection',
    ])
    expect(tagsThatFit(['garbage-collection', 'engineering-culture', 'go'], 40)).toEqual(['garbage-collection'])
  })

  it('draws 1200×630 PNGs, even for a title far longer than any in the journal', async () => {
    const post = postMeta('long', '2026-01-06', {
      title: `Go GC Deep Dive: ${'How to Reduce Latency and Allocation Pressure in Production '.repeat(3)}`,
      tags: ['go', 'performance', 'garbage-collection', 'profiling'],
      readingMinutes: 15,
    })
    for (const response of [await articleOgImage(post), await siteOgImage([{ tag: 'go', posts: [post] }])]) {
      expect(response.headers.get('content-type')).toBe('image/png')
      const bytes = Buffer.from(await response.arrayBuffer())
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630])
    }
  })
})
