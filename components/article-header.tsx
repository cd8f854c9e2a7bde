import { Link } from '@/components/link'
import { DraftBadge } from '@/components/draft-badge'
import { FormattedDate } from '@/components/formatted-date'
import { SmartLink } from '@/components/smart-link'
import { seriesSlug, type PostMeta, type SeriesPlace } from '@/lib/content/posts'
import { repositoryLinks } from '@/lib/site/config'
import { Byline } from './byline'
import { markdownCopyPath, seriesPath, tagPath } from '@/lib/site/paths'

/**
 * An article's title (the page's only h1) with its dates, reading time, tags and its place in a series. On a phone
 * the whole header fits the first screen with the article's first lines: the series' parts are listed at the end
 * of the article (components/series-box.tsx), here it is one line.
 */
export function ArticleHeader({ post, series }: { post: PostMeta; series?: SeriesPlace }) {
  const links = repositoryLinks(post.file)
  const linkClass = 'underline decoration-rule underline-offset-4 hover:decoration-accent'
  return (
    <header>
      {post.draft && (
        <p className="mb-4">
          <DraftBadge />
        </p>
      )}
      {series && (
        <p className="mb-3 text-sm text-muted">
          <span className="font-semibold text-ink">
            Part {series.part} of {series.parts.length}
          </span>{' '}
          in the series{' '}
          <Link href={seriesPath(seriesSlug(series.name))} className={`font-medium text-ink ${linkClass}`}>
            {series.name}
          </Link>
        </p>
      )}
      <h1 className="text-[1.75rem] leading-tight font-bold tracking-tight text-ink text-balance sm:text-[2.6rem]">
        {post.title}
      </h1>
      <p className="mt-3 leading-relaxed text-body sm:mt-4 sm:text-lg">{post.summary}</p>
      <Byline authors={post.authors} className="mt-4 text-sm text-muted sm:mt-5" />
      {/* Groups that each stay on one line, so no separator is left dangling at a line's end. */}
      <div className="mt-1 flex flex-col gap-1 text-sm text-muted sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-3">
        <span>
          Published <FormattedDate date={post.date} className="font-medium text-ink" />
          <span aria-hidden="true"> · </span>
          {post.readingMinutes} min read
        </span>
        <span aria-hidden="true" className="hidden sm:inline">
          ·
        </span>
        <span>
          {post.updated && (
            <>
              Updated <FormattedDate date={post.updated} className="font-medium text-ink" />
              {links && (
                <>
                  {' '}
                  (
                  <SmartLink href={links.history} className={linkClass}>
                    what changed
                  </SmartLink>
                  )
                </>
              )}
              <span aria-hidden="true"> · </span>
            </>
          )}
          {/* A file, not a page: a plain anchor, so the router does not try to navigate to it. */}
          <a href={markdownCopyPath(post.slug)} type="text/markdown" className={linkClass}>
            View as Markdown
          </a>
        </span>
      </div>
      <ul aria-label="Tags" className="mt-3 flex flex-wrap gap-2 sm:mt-4">
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
