import { Link } from '@/components/link'
import { site } from '@/lib/site/config'
import { NavLink } from './nav-link'
import { ThemeToggle } from './theme-toggle'

export function SiteHeader() {
  return (
    <header className="border-b border-rule print:hidden">
      {/* On a phone the name and the theme switch share the first line and the navigation takes the second. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4 sm:px-8">
        <Link
          href="/"
          className="group mr-auto flex items-center gap-3 rounded-sm font-semibold tracking-tight text-ink"
        >
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-accent font-mono text-sm font-bold text-accent-contrast"
          >
            {'{}'}
          </span>
          <span className="text-[0.9rem] whitespace-nowrap sm:text-base">{site.name}</span>
        </Link>
        <nav aria-label="Site" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex justify-between gap-4 text-sm font-medium text-muted sm:justify-start">
            <li>
              <NavLink href="/archive" className="hover:text-ink aria-[current]:text-ink aria-[current]:underline">
                Archive
              </NavLink>
            </li>
            <li>
              <NavLink href="/tags" className="hover:text-ink aria-[current]:text-ink aria-[current]:underline">
                Tags
              </NavLink>
            </li>
            <li>
              <NavLink href="/about" className="hover:text-ink aria-[current]:text-ink aria-[current]:underline">
                About
              </NavLink>
            </li>
            <li>
              <NavLink href="/subscribe" className="hover:text-ink aria-[current]:text-ink aria-[current]:underline">
                Subscribe
              </NavLink>
            </li>
            <li>
              {/* No prefetch: articles must not load the search page's code before a reader asks for it. */}
              <NavLink
                href="/search"
                prefetch={false}
                aria-keyshortcuts="/ Control+K Meta+K"
                className="inline-flex items-center gap-1.5 hover:text-ink aria-[current]:text-ink aria-[current]:underline"
              >
                Search
                <kbd
                  aria-hidden="true"
                  className="hidden rounded border border-rule px-1.5 font-mono text-xs leading-5 sm:inline-block"
                >
                  /
                </kbd>
              </NavLink>
            </li>
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  )
}
