// A post's date is a calendar day written YYYY-MM-DD, not an instant. Every conversion here goes through
// UTCDate, so "2026-05-01" is May 1 whatever TZ the build machine has: a plain `new Date('2026-05-01')`
// would be April 30 in every time zone west of Greenwich once formatted in local time.
import { UTCDate } from '@date-fns/utc'
import { format } from 'date-fns'

const calendarDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** The UTC midnight of a YYYY-MM-DD day, or undefined when the text is not a real calendar day (2026-02-30). */
export function parseCalendarDay(day: string): UTCDate | undefined {
  const match = calendarDayPattern.exec(day)
  if (!match) return undefined
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const parsed = new UTCDate(year, month - 1, date)
  const isSameDay = parsed.getFullYear() === year && parsed.getMonth() === month - 1 && parsed.getDate() === date
  return isSameDay ? parsed : undefined
}

function toUTCDate(day: string): UTCDate {
  const parsed = parseCalendarDay(day)
  if (!parsed) throw new RangeError(`"${day}" is not a calendar day written YYYY-MM-DD`)
  return parsed
}

/** "May '26", the way the journal labels a month. */
export function formatMonth(day: string): string {
  return format(toUTCDate(day), "MMM ''yy")
}

/** "May 19, 2026". */
export function formatLongDate(day: string): string {
  return format(toUTCDate(day), 'MMMM d, yyyy')
}

/** "2026-05", the key posts are grouped by. */
export function monthOf(day: string): string {
  toUTCDate(day)
  return day.slice(0, 7)
}

/** Today as a calendar day in UTC, for comparisons with frontmatter dates. */
export function todayAsCalendarDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
