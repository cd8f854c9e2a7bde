package code

import "time"

// StartOfDayTruncate is the version that looks right and passes every test
// written on a machine whose clock is set to UTC. Truncate works on absolute
// time since the zero time, so it always lands on a UTC midnight, which is
// not midnight anywhere else.
func StartOfDayTruncate(t time.Time) time.Time {
	return t.Truncate(24 * time.Hour)
}

// StartOfDay returns local midnight of the calendar day t falls on, in t's
// own location. time.Date normalises the wall clock for that location,
// including the offset change on a daylight-saving day.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// DayWindow returns the half-open interval [start, end) covering t's calendar
// day in t's location. AddDate moves the calendar, not the stopwatch, so the
// window is 23 or 25 hours long on daylight-saving transition days.
func DayWindow(t time.Time) (start, end time.Time) {
	start = StartOfDay(t)
	return start, start.AddDate(0, 0, 1)
}
