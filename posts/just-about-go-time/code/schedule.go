package gotime

import "time"

// Reading says how often the wall clock of a zone shows a given date and time.
type Reading int

const (
	// Once: the clock shows the reading exactly once.
	Once Reading = iota
	// Skipped: the clock jumped over the reading (a spring-forward, or
	// Samoa's missing 30 December 2011); it never happens.
	Skipped
	// Repeated: the clock showed the reading, was set back, and showed it
	// again (a fall-back); it happens twice.
	Repeated
)

func (r Reading) String() string {
	switch r {
	case Once:
		return "once"
	case Skipped:
		return "skipped"
	case Repeated:
		return "repeated"
	}
	return "Reading(?)"
}

// At returns the instant at which the wall clock in loc reads the given date
// and time, and how often the clock shows that reading.
//
// A skipped or repeated reading has two candidate instants: the reading taken
// with the offset in effect before the transition, and with the offset after
// it. At always returns the later candidate. That is PostgreSQL's documented
// rule for timestamptz input (a skipped reading takes the offset from before
// the transition, a repeated one the offset from after it), so At and a cast in
// PostgreSQL resolve the same wall reading to the same instant: a skipped 2:30
// becomes 3:30 after a one-hour spring-forward, and a repeated 1:30 is the
// second one, in standard time. time.Date makes no such promise: its docs say
// only that it returns a time correct in one of the two zones involved.
//
// Out-of-range fields are normalized as time.Date normalizes them (March 32
// is April 1), so NextDaily can pass day+1 without worrying about month ends.
func At(year int, month time.Month, day, hour, min int, loc *time.Location) (time.Time, Reading) {
	// The reading asked for, normalized, in UTC: a calendar where every
	// reading exists exactly once.
	want := time.Date(year, month, day, hour, min, 0, 0, time.UTC)
	t := time.Date(year, month, day, hour, min, 0, 0, loc)

	// Compare the whole reading, date included: a jump can skip a day, not
	// just an hour (Samoa went from 29 to 31 December 2011), and then Date
	// returns the right hour and minute on the wrong day.
	if !wall(t).Equal(want) {
		// Skipped. t is one candidate, and carries the offset of the other
		// side of the jump; the other candidate is the reading taken with
		// that offset.
		_, offset := t.Zone()
		other := want.Add(-time.Duration(offset) * time.Second).In(loc)
		return later(t, other), Skipped
	}

	// The clock shows the reading at t. A repeated reading shows it in the
	// zone period next to t's as well: take the reading with the offset of
	// the period before t's and of the one after it (ZoneBounds, Go 1.19;
	// a zero bound means the period is unbounded on that side), and see
	// whether the clock shows it there too.
	start, end := t.ZoneBounds()
	var neighbours []time.Time
	if !start.IsZero() {
		neighbours = append(neighbours, start.Add(-time.Nanosecond))
	}
	if !end.IsZero() {
		neighbours = append(neighbours, end)
	}
	for _, n := range neighbours {
		_, offset := n.Zone()
		c := want.Add(-time.Duration(offset) * time.Second).In(loc)
		if !c.Equal(t) && wall(c).Equal(want) {
			return later(t, c), Repeated
		}
	}
	return t, Once
}

// wall returns the reading of t's clock as a UTC time: the date and time a
// person in t's location would read off the wall.
func wall(t time.Time) time.Time {
	_, offset := t.Zone()
	return t.UTC().Add(time.Duration(offset) * time.Second)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// NextDaily returns the first instant strictly after now at which At resolves
// hour:min in loc. It is the core of "remind me at 9:00 every day": the rule
// is stored as (hour, min, IANA zone name), never as an instant, because the
// instant moves every time the zone's offset does. Because At picks one
// instant per day, the reminder fires once on every local day: at 3:30 for a
// 2:30 rule on a spring-forward morning, and only at the second 1:30 on a
// fall-back morning.
func NextDaily(now time.Time, hour, min int, loc *time.Location) time.Time {
	local := now.In(loc)
	for days := 0; ; days++ {
		t, _ := At(local.Year(), local.Month(), local.Day()+days, hour, min, loc)
		if t.After(now) {
			return t
		}
	}
}
