import type { Metadata } from 'next'
import { PageHeading } from '@/components/page-heading'
import { newsletterForm } from '@/lib/environment.mjs'
import { site } from '@/lib/site/config'
import { absoluteUrl, feedLinks, pageAlternates } from '@/lib/site/seo'

export const metadata: Metadata = {
  title: 'Subscribe',
  description: `Follow ${site.name}: its feeds, and a newsletter when there is one.`,
  alternates: pageAlternates('/subscribe'),
}

const feedNotes: Record<(typeof feedLinks)[number]['format'], string> = {
  rss: 'the most widely read format: every feed reader takes it',
  atom: 'the same articles in the Atom format, for readers that prefer it',
  jsonFeed: 'the same again as JSON, for readers and tools that read JSON Feed',
}

export default function SubscribePage() {
  const newsletter = newsletterForm()
  return (
    <>
      <PageHeading eyebrow="Subscribe" title="Follow the journal">
        A feed is a list of the newest articles that a feed reader (NetNewsWire, Feedly, Thunderbird, or any other)
        checks for you: paste one of these addresses into yours, and each new article arrives there in full.
      </PageHeading>
      <ul className="max-w-[44rem] space-y-4">
        {feedLinks.map(({ format, label, path, mediaType }) => (
          <li key={format} className="rounded-lg border border-rule px-5 py-4">
            <h2 className="font-semibold text-ink">
              <a
                href={path}
                type={mediaType}
                className="underline decoration-rule underline-offset-4 hover:decoration-accent"
              >
                {label}
              </a>
            </h2>
            <p className="mt-1 text-sm text-muted">{feedNotes[format]}.</p>
            <p className="mt-2 font-mono text-sm break-all text-ink">{absoluteUrl(path)}</p>
          </li>
        ))}
      </ul>
      {newsletter && (
        <section aria-labelledby="newsletter-heading" className="mt-12 max-w-[44rem]">
          <h2 id="newsletter-heading" className="text-xl font-semibold text-ink">
            By email
          </h2>
          <p className="mt-2 text-body">
            The newsletter sends each new article by email. Signing up takes you to the newsletter service&rsquo;s page
            to confirm.
          </p>
          <form action={newsletter.action} method="post" className="mt-4 flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium text-ink">
              Email address
              <input
                type="email"
                name={newsletter.emailField}
                required
                autoComplete="email"
                className="w-72 rounded-md border border-rule bg-paper px-3 py-2 text-body"
              />
            </label>
            <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-contrast">
              Subscribe
            </button>
          </form>
        </section>
      )}
    </>
  )
}
