import { notFound } from 'next/navigation'
import { articleOgImage, ogImageContentType, ogImageSize } from '@/components/og-card'
import { getAllPosts } from '@/lib/content/posts'

// Every article's link-preview card, drawn at build time. Twitter reads it too (app/layout.tsx asks for large cards).
// The alt text is the same for every article: Next reads it from this export, and the card itself shows the title.
export const alt = 'The article’s title, date, reading time and tags on the journal’s card'
export const size = ogImageSize
export const contentType = ogImageContentType
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return (await getAllPosts()).map(({ slug }) => ({ slug }))
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const post = (await getAllPosts()).find((candidate) => candidate.slug === slug)
  if (!post) notFound()
  return articleOgImage(post)
}
