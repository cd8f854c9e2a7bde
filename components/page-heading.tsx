import type { ReactNode } from 'react'

/** The h1 and lead paragraph of a listing page (archive, tags). */
export function PageHeading({ eyebrow, title, children }: { eyebrow: string; title: string; children?: ReactNode }) {
  return (
    <header className="mb-12 max-w-2xl">
      <p className="font-mono text-xs font-semibold tracking-[0.2em] text-accent-text uppercase">{eyebrow}</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-balance text-ink sm:text-4xl">{title}</h1>
      {children && <p className="mt-4 text-lg leading-relaxed text-body">{children}</p>}
    </header>
  )
}
