import { Link } from '@/components/link'
import { seriesSlug, type SeriesPlace } from '@/lib/content/posts'
import { postPath, seriesPath } from '@/lib/site/paths'

/** At an article's end: its place in its series ("Part 2 of 3") and links to every part, to read on. */
export function SeriesBox({ series, slug }: { series: SeriesPlace; slug: string }) {
  return (
    <nav aria-labelledby="series-heading" className="mt-12 rounded-lg border border-rule px-5 py-4 print:hidden">
      <h2 id="series-heading" className="text-sm text-muted">
        <span className="font-semibold text-ink">
          Part {series.part} of {series.parts.length}
        </span>{' '}
        in the series{' '}
        <Link
          href={seriesPath(seriesSlug(series.name))}
          className="font-semibold text-ink underline decoration-rule underline-offset-4 hover:decoration-accent"
        >
          {series.name}
        </Link>
      </h2>
      {/* 28 px from link to link (a 20 px line and 8 px between items): WCAG 2.5.8 asks for 24. */}
      <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm marker:text-muted">
        {series.parts.map((part) =>
          part.slug === slug ? (
            <li key={part.slug}>
              <span aria-current="page" className="font-semibold text-ink">
                {part.title}
              </span>
            </li>
          ) : (
            <li key={part.slug}>
              <Link
                href={postPath(part.slug)}
                className="text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent"
              >
                {part.title}
              </Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  )
}
