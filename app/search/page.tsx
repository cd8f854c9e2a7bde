import type { Metadata } from 'next'
import { BrowseLinks } from '@/components/browse-links'
import { PageHeading } from '@/components/page-heading'
import { SiteSearch } from '@/components/site-search'
import { getAllPosts, summarizeTags } from '@/lib/content/posts'
import { countArticles } from '@/lib/utils'

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search the titles, headings, summaries and full text of every article.',
  alternates: { canonical: '/search' },
}

export default async function SearchPage() {
  const posts = await getAllPosts()
  const browse = (
    <BrowseLinks
      tags={summarizeTags(posts)
        .map(({ tag }) => tag)
        .slice(0, 8)}
    />
  )
  return (
    <div className="max-w-2xl">
      <PageHeading eyebrow="Search" title="Search the journal">
        Titles, headings, summaries and the full text of {countArticles(posts.length)}, code included.
      </PageHeading>
      <SiteSearch browse={browse} />
      <noscript>
        <div className="mt-8 rounded-lg border border-rule bg-surface p-5 text-body">
          <p>
            Search runs in your browser, and JavaScript is turned off. Every article is also listed in the archive and
            under its tags:
          </p>
          {browse}
        </div>
      </noscript>
    </div>
  )
}
