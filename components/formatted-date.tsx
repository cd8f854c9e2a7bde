import { formatLongDate } from '@/lib/content/dates'

/** A calendar day as readers see it ("May 19, 2026"), machine-readable through `datetime`. */
export function FormattedDate({ date, className }: { date: string; className?: string }) {
  return (
    <time dateTime={date} className={className}>
      {formatLongDate(date)}
    </time>
  )
}
