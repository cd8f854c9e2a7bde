import { afterEach, describe, expect, it } from 'vitest'
import { formatLongDate, formatMonth, monthOf, parseCalendarDay } from './dates'

const originalTimeZone = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTimeZone
})

// UTC+14 and UTC−11: the farthest apart two build machines can be, plus the zones DST bites in.
const timeZones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Europe/Berlin', 'UTC']

describe('calendar days', () => {
  it.each(timeZones)('formats a day as the same month and date in %s', (timeZone) => {
    process.env.TZ = timeZone
    expect(formatMonth('2026-05-01')).toBe("May '26")
    expect(formatMonth('2026-04-30')).toBe("Apr '26")
    expect(formatMonth('2025-12-31')).toBe("Dec '25")
    expect(formatLongDate('2026-05-01')).toBe('May 1, 2026')
    expect(formatLongDate('2026-03-08')).toBe('March 8, 2026')
  })

  it('rejects days that are not on the calendar', () => {
    expect(parseCalendarDay('2026-02-30')).toBeUndefined()
    expect(parseCalendarDay('2026-13-01')).toBeUndefined()
    expect(parseCalendarDay('2026-5-1')).toBeUndefined()
    expect(parseCalendarDay('2024-02-29')).toBeDefined()
    expect(() => monthOf('2026-02-30')).toThrow(/not a calendar day/)
  })
})
