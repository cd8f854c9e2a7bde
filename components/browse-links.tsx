import { Link } from '@/components/link'
import { tagPath } from '@/lib/site/paths'

/** Where to look when search cannot help: the archive, the tag list and the most used tags. */
export function BrowseLinks({ tags }: { tags: string[] }) {
  const pill =
    'inline-block rounded-full border border-rule px-3 py-1 text-sm text-ink hover:border-accent hover:text-accent-text'
  return (
    <ul aria-label="Browse instead" className="mt-3 flex flex-wrap gap-2">
      <li>
        <Link href="/archive" className={pill}>
          Archive, by date
        </Link>
      </li>
      <li>
        <Link href="/tags" className={pill}>
          All tags
        </Link>
      </li>
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={tagPath(tag)} className={`${pill} font-mono`}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  )
}
