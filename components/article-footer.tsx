import { Link } from '@/components/link'
import type { PostMeta } from '@/lib/content/posts'
import { repositoryLinks } from '@/lib/site/config'
import { SmartLink } from './smart-link'

const linkClass = 'text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent'

/**
 * Where an article's text and its evidence live, for a reader who wants to check, correct or follow it: its source
 * and history in the repository, a way to report an error, and the feeds.
 */
export function ArticleFooter({ post }: { post: PostMeta }) {
  const links = repositoryLinks(post.file)
  const issueTitle = encodeURIComponent(`Error in "${post.title}"`)
  return (
    <aside
      aria-label="About this article"
      className="mt-14 rounded-lg border border-rule bg-surface px-5 py-4 text-sm print:hidden"
    >
      {links ? (
        <p className="text-body">
          This article, its programs and their raw output are in the journal&rsquo;s repository:{' '}
          <SmartLink href={links.source} className={linkClass}>
            its source
          </SmartLink>
          ,{' '}
          <SmartLink href={links.history} className={linkClass}>
            every change to it
          </SmartLink>
          . Found an error?{' '}
          <SmartLink href={`${links.issues}/new?title=${issueTitle}`} className={linkClass}>
            Report it
          </SmartLink>
          .
        </p>
      ) : (
        <p className="text-body">
          This article&rsquo;s programs and their raw output are in the journal&rsquo;s repository, in posts/{post.slug}
          /.
        </p>
      )}
      <p className="mt-2 text-body">
        <Link href="/subscribe" className={linkClass}>
          Subscribe
        </Link>{' '}
        to read new articles as they come out.
      </p>
    </aside>
  )
}
