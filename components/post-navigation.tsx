import { Link } from '@/components/link'
import type { PostMeta } from '@/lib/content/posts'
import { postPath } from '@/lib/site/paths'

function NavigationCard({ post, direction }: { post: PostMeta; direction: 'older' | 'newer' }) {
  const label = direction === 'older' ? 'Previous article' : 'Next article'
  return (
    <Link
      href={postPath(post.slug)}
      rel={direction === 'older' ? 'prev' : 'next'}
      className={`block rounded-lg border border-rule p-4 transition-colors hover:border-accent hover:bg-surface ${direction === 'newer' ? 'sm:col-start-2 sm:text-right' : ''}`}
    >
      <span className="block text-xs font-semibold tracking-wide text-muted uppercase">
        {direction === 'older' ? '← ' : ''}
        {label}
        {direction === 'newer' ? ' →' : ''}
      </span>
      <span className="mt-1 block font-semibold text-ink">{post.title}</span>
    </Link>
  )
}

/** Links to the articles published just before and just after this one. */
export function PostNavigation({ older, newer }: { older?: PostMeta; newer?: PostMeta }) {
  if (!older && !newer) return null
  return (
    <nav aria-label="More articles" className="mt-16 grid gap-4 border-t border-rule pt-8 sm:grid-cols-2 print:hidden">
      {older && <NavigationCard post={older} direction="older" />}
      {newer && <NavigationCard post={newer} direction="newer" />}
    </nav>
  )
}
