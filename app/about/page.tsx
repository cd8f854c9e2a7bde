import type { Metadata } from 'next'
import { Link } from '@/components/link'
import { MDXContent } from '@/components/mdx/mdx-content'
import { PageHeading } from '@/components/page-heading'
import { SmartLink } from '@/components/smart-link'
import { getPage } from '@/lib/content/pages'
import { getAllAuthors } from '@/lib/content/posts'
import { site } from '@/lib/site/config'
import { authorPath } from '@/lib/site/paths'
import { pageAlternates } from '@/lib/site/seo'

export async function generateMetadata(): Promise<Metadata> {
  const page = await getPage('about')
  return { title: page.title, description: page.summary, alternates: pageAlternates('/about') }
}

const linkClass = 'text-accent-text underline decoration-rule underline-offset-4 hover:decoration-accent'

export default async function AboutPage() {
  const [page, authors] = await Promise.all([getPage('about'), getAllAuthors()])
  return (
    <>
      <PageHeading eyebrow="About" title={page.title}>
        {page.summary}
      </PageHeading>
      <div className="prose prose-playbook max-w-[44rem]">
        <MDXContent code={page.code} />
      </div>
      <section aria-labelledby="report-heading" className="mt-10 max-w-[44rem]">
        <h2 id="report-heading" className="text-xl font-semibold text-ink">
          Where to write
        </h2>
        <p className="mt-3 text-body">
          {site.repositoryUrl ? (
            <>
              Errors and questions go to the{' '}
              <SmartLink href={`${site.repositoryUrl}/issues`} className={linkClass}>
                repository&rsquo;s issues
              </SmartLink>
              , where the articles and their programs live too:{' '}
              <SmartLink href={site.repositoryUrl} className={linkClass}>
                {site.repositoryUrl.replace(/^https:\/\//, '')}
              </SmartLink>
              .
            </>
          ) : (
            'Errors and questions go to the issues of the repository this site is built from.'
          )}{' '}
          To follow the journal,{' '}
          <Link href="/subscribe" className={linkClass}>
            subscribe
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="authors-heading" className="mt-10 max-w-[44rem]">
        <h2 id="authors-heading" className="text-xl font-semibold text-ink">
          Who writes it
        </h2>
        <ul className="mt-4 space-y-4">
          {authors.map((author) => (
            <li key={author.id}>
              <Link
                href={authorPath(author.id)}
                className="font-semibold text-ink underline decoration-rule underline-offset-4 hover:decoration-accent"
              >
                {author.name}
              </Link>
              <p className="mt-1 text-body">{author.bio}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
