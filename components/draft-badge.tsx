/** Marks a draft wherever it is listed or shown: drafts only appear in previews and `next dev`. */
export function DraftBadge() {
  return (
    <span className="inline-block rounded-sm bg-warning-soft px-2 py-0.5 align-middle font-mono text-xs font-semibold tracking-wide text-warning-text uppercase">
      Draft
    </span>
  )
}
