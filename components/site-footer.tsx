import Link from 'next/link'
import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-rule print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-5 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-8">
        <p>
          <Link href="/" className="font-medium text-ink hover:underline">
            {site.name}
          </Link>
          . {site.tagline}
        </p>
        <p>Every benchmark in these articles ships with the program that produced it and its raw output.</p>
      </div>
    </footer>
  )
}
