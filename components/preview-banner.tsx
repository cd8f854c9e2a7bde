import { Link } from '@/components/link'
import { getPostsChangedOnThisBranch } from '@/lib/content/posts'
import { previewDetails } from '@/lib/environment.mjs'
import { postPath } from '@/lib/site/paths'

/** Tells whoever opens a pull request's preview what they are looking at, and which posts the pull request changed. */
export async function PreviewBanner() {
  const { branch, pullRequest, commit } = previewDetails()
  const changed = await getPostsChangedOnThisBranch()
  return (
    <section aria-label="Preview build" className="border-b border-rule bg-warning-soft text-warning-text">
      <div className="mx-auto max-w-5xl space-y-1 px-5 py-3 text-sm sm:px-8">
        <p>
          <strong>Preview build</strong>
          {pullRequest !== undefined && <> of pull request #{pullRequest}</>}
          {branch && (
            <>
              , branch <code className="font-mono">{branch}</code>
            </>
          )}
          {commit && (
            <>
              , commit <code className="font-mono">{commit}</code>
            </>
          )}
          . Drafts are shown, and search engines are asked not to index this site.
        </p>
        {changed && changed.length === 0 && <p>This pull request changes no post.</p>}
        {changed && changed.length > 0 && (
          <div className="flex flex-wrap gap-x-2">
            <span>Posts changed in this pull request:</span>
            <ul className="flex flex-wrap gap-x-3">
              {changed.map((post) => (
                <li key={post.slug}>
                  <Link href={postPath(post.slug)} className="font-semibold underline underline-offset-2">
                    {post.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  )
}
