import { Link } from '@/components/link'
import type { Byline as BylineEntry } from '@/lib/content/authors'
import { authorPath } from '@/lib/site/paths'

/** "By The Playbook editors": each author's name links to their page. */
export function Byline({ authors, className }: { authors: BylineEntry[]; className?: string }) {
  if (authors.length === 0) return null
  return (
    <p className={className}>
      By{' '}
      {authors.map((author, index) => (
        <span key={author.id}>
          {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
          <Link
            href={authorPath(author.id)}
            rel="author"
            className="font-medium text-ink underline decoration-rule underline-offset-4 hover:decoration-accent"
          >
            {author.name}
          </Link>
        </span>
      ))}
    </p>
  )
}
