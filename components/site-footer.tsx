import { Link } from '@/components/link'
import { feedLinks } from '@/lib/site/seo'
import { site } from '@/lib/site/config'

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-rule print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-5 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-8">
        <div className="flex flex-col gap-2">
          <p>
            <Link href="/" className="font-medium text-ink hover:underline">
              {site.name}
            </Link>
            . {site.tagline}
          </p>
          {/* Feeds are files, not pages: plain anchors, so the router does not try to navigate to them. */}
          <p>
            Subscribe:{' '}
            {feedLinks.map(({ label, path, mediaType }, index) => (
              <span key={path}>
                {index > 0 && ', '}
                <a
                  href={path}
                  type={mediaType}
                  aria-label={label.endsWith('Feed') ? label : `${label} feed`}
                  className="underline decoration-rule underline-offset-4 hover:text-ink hover:decoration-accent"
                >
                  {label}
                </a>
              </span>
            ))}
          </p>
        </div>
        <p>Every benchmark in these articles ships with the program that produced it and its raw output.</p>
      </div>
    </footer>
  )
}
