import { JsonLd } from '@/components/json-ld'
import { PostList } from '@/components/post-list'
import { getAllPosts, groupPostsByMonth } from '@/lib/content/posts'
import { blogJsonLd } from '@/lib/site/seo'
import { site } from '@/lib/site/config'

export default async function HomePage() {
  const posts = await getAllPosts()
  const groups = groupPostsByMonth(posts)
  return (
    <>
      <JsonLd data={blogJsonLd(posts)} />
      <header className="mb-12 max-w-2xl sm:mb-16">
        <p className="font-mono text-xs font-semibold tracking-[0.2em] text-accent-text uppercase">Technical journal</p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink text-balance sm:text-4xl">{site.name}</h1>
        <p className="mt-4 text-lg leading-relaxed text-body">{site.description}</p>
      </header>
      <PostList groups={groups} />
    </>
  )
}
