import { Link } from '@/components/link'
import { DraftBadge } from '@/components/draft-badge'
import { FormattedDate } from '@/components/formatted-date'
import { SmartLink } from '@/components/smart-link'
import type { PostMeta } from '@/lib/content/posts'
import { markdownCopyPath } from '@/lib/site/paths'
import { repositoryLinks } from '@/lib/site/config'
import { Byline } from './byline'
import { tagPath } from '@/lib/site/paths'

/** An article's title (the page's only h1) with its dates, reading time and tags. */
export function ArticleHeader({ post }: { post: PostMeta }) {
  const links = repositoryLinks(post.file)
  return (
    <header>
      {post.draft && (
        <p className="mb-4">
          <DraftBadge />
        </p>
      )}
      <h1 className="text-3xl leading-tight font-bold tracking-tight text-ink text-balance sm:text-[2.6rem]">
        {post.title}
      </h1>
      <p className="mt-4 text-lg leading-relaxed text-body">{post.summary}</p>
      <Byline authors={post.authors} className="mt-5 text-sm text-muted" />
      {/* Three groups: on a phone each is a line of its own, so no separator is left dangling at a line's end. */}
      <div className="mt-1 flex flex-col gap-1 text-sm text-muted sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-3">
        <span>
          Published <FormattedDate date={post.date} className="font-medium text-ink" />
          <span aria-hidden="true"> · </span>
          {post.readingMinutes} min read
        </span>
        {post.updated && (
          <>
            <span aria-hidden="true" className="hidden sm:inline">
              ·
            </span>
            <span>
              Updated <FormattedDate date={post.updated} className="font-medium text-ink" />
              {links && (
                <>
                  {' '}
                  (
                  <SmartLink
                    href={links.history}
                    className="underline decoration-rule underline-offset-4 hover:decoration-accent"
                  >
                    what changed
                  </SmartLink>
                  )
                </>
              )}
            </span>
          </>
        )}
        <span aria-hidden="true" className="hidden sm:inline">
          ·
        </span>
        <span>
          {/* A file, not a page: a plain anchor, so the router does not try to navigate to it. */}
          <a
            href={markdownCopyPath(post.slug)}
            type="text/markdown"
            className="underline decoration-rule underline-offset-4 hover:decoration-accent"
          >
            View as Markdown
          </a>
        </span>
      </div>
      <ul aria-label="Tags" className="mt-4 flex flex-wrap gap-2">
        {post.tags.map((tag) => (
          <li key={tag}>
            <Link
              href={tagPath(tag)}
              className="inline-block rounded-full border border-rule px-2.5 py-0.5 font-mono text-xs text-muted hover:border-accent hover:text-ink"
            >
              #{tag}
            </Link>
          </li>
        ))}
      </ul>
    </header>
  )
}
