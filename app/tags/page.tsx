import type { Metadata } from 'next'
import { Link } from '@/components/link'
import { PageHeading } from '@/components/page-heading'
import { getAllPosts, summarizeTags, type TagSummary } from '@/lib/content/posts'
import { tagPath } from '@/lib/site/paths'
import { pageAlternates } from '@/lib/site/seo'

export const metadata: Metadata = {
  title: 'Tags',
  description: 'The topics the journal writes about, with how many articles each has.',
  alternates: pageAlternates('/tags'),
}

function TagLinks({ tags, label }: { tags: TagSummary[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-3">
      {tags.map(({ tag, posts }) => (
        <li key={tag}>
          <Link
            href={tagPath(tag)}
            className="inline-flex items-center gap-2 rounded-full border border-rule px-3 py-1 font-mono text-sm text-ink hover:border-accent"
          >
            #{tag}
            {/* Read aloud as "#go, 6 articles". */}
            <span className="text-muted">
              <span className="sr-only">, </span>
              {posts.length}
              <span className="sr-only"> {posts.length === 1 ? 'article' : 'articles'}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}

export default async function TagsPage() {
  const tags = summarizeTags(await getAllPosts())
  // A topic is a tag two or more articles share; a tag on one article describes that article.
  const topics = tags.filter(({ posts }) => posts.length >= 2)
  const others = tags.filter(({ posts }) => posts.length < 2)
  return (
    <>
      <PageHeading eyebrow="Tags" title="Topics">
        {topics.length} topics that several articles share, and {others.length} tags of a single article.
      </PageHeading>
      <TagLinks tags={topics} label="Topics" />
      {others.length > 0 && (
        <section aria-labelledby="other-tags" className="mt-12">
          <h2 id="other-tags" className="mb-4 text-lg font-semibold text-ink">
            Tags of one article
          </h2>
          <TagLinks tags={others} label="Tags of one article" />
        </section>
      )}
    </>
  )
}
