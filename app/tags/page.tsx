import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeading } from '@/components/page-heading'
import { getAllPosts, summarizeTags } from '@/lib/content/posts'
import { pageAlternates } from '@/lib/site/seo'
import { tagPath } from '@/lib/site/paths'

export const metadata: Metadata = {
  title: 'Tags',
  description: 'The topics the journal writes about, with how many articles each has.',
  alternates: pageAlternates('/tags'),
}

export default async function TagsPage() {
  const tags = summarizeTags(await getAllPosts())
  return (
    <>
      <PageHeading eyebrow="Tags" title="Topics">
        {tags.length} tags, most used first.
      </PageHeading>
      <ul className="flex flex-wrap gap-3">
        {tags.map(({ tag, posts }) => (
          <li key={tag}>
            <Link
              href={tagPath(tag)}
              className="inline-flex items-center gap-2 rounded-full border border-rule px-3 py-1 font-mono text-sm text-ink hover:border-accent"
            >
              #{tag}
              <span className="text-muted">
                {posts.length}
                <span className="sr-only"> {posts.length === 1 ? 'article' : 'articles'}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
