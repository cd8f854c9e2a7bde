import type { TocEntry } from '@/lib/mdx/inspect'
import { tocLinkClass } from '@/lib/browser/current-section'
import { CurrentSection } from './current-section'

function TocList({ toc }: { toc: TocEntry[] }) {
  return (
    <ol className="toc-list space-y-1.5 text-sm leading-snug">
      {toc.map(({ id, text, depth }) => (
        <li key={id} className={depth === 3 ? 'pl-4' : undefined}>
          <a
            href={`#${id}`}
            className={`${tocLinkClass} block border-l-2 border-transparent py-0.5 pl-3 text-muted hover:text-ink`}
          >
            {text}
          </a>
        </li>
      ))}
    </ol>
  )
}

/** Whether an article is long enough to need a table of contents. */
export function hasTableOfContents(toc: TocEntry[]): boolean {
  return toc.filter((entry) => entry.depth === 2).length >= 3
}

/** The article's sections, collapsed at the top of the article on screens too narrow for a sidebar. */
export function InlineTableOfContents({ toc }: { toc: TocEntry[] }) {
  return (
    <details className="mt-6 rounded-lg border border-rule bg-surface/60 px-4 py-3 sm:mt-8 xl:hidden print:hidden">
      <summary className="cursor-pointer font-semibold text-ink">Contents</summary>
      <nav aria-label="Table of contents" className="mt-3 -ml-3">
        <TocList toc={toc} />
      </nav>
    </details>
  )
}

/** The article's sections in a sidebar that stays in view on wide screens, marking the one being read. */
export function SidebarTableOfContents({ toc }: { toc: TocEntry[] }) {
  return (
    <nav aria-labelledby="toc-heading" className="toc-sidebar sticky top-8 max-h-[calc(100dvh-4rem)] overflow-y-auto">
      <h2 id="toc-heading" className="mb-3 text-xs font-semibold tracking-wide text-muted uppercase">
        On this page
      </h2>
      <TocList toc={toc} />
      <CurrentSection ids={toc.map(({ id }) => id)} />
    </nav>
  )
}
