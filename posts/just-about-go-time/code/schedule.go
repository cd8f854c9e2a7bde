package gotime

import "time"

// At returns the instant at which the wall clock in loc reads the given date
// and time. exact is false when that reading never happens because the zone's
// clocks jumped over it; At then returns the later of the two candidate
// instants, which is the reading the clock "would have" shown had it not
// jumped (2:30 becomes 3:30 after a one-hour spring-forward), matching
// PostgreSQL's documented choice.
//
// Out-of-range fields are normalized as time.Date normalizes them (March 32
// is April 1), so NextDaily can pass day+1 without worrying about month ends.
//
// time.Date documents only that, in a gap, it returns a time that is correct
// in one of the two zones involved, without saying which. At does not depend
// on that choice: whichever candidate Date returned, the other one is the wall
// reading interpreted with the offset Date's result carries.
func At(year int, month time.Month, day, hour, min int, loc *time.Location) (t time.Time, exact bool) {
	// The reading asked for, normalized, in UTC: a calendar where every
	// reading exists exactly once.
	want := time.Date(year, month, day, hour, min, 0, 0, time.UTC)

	t = time.Date(year, month, day, hour, min, 0, 0, loc)
	_, offset := t.Zone()
	shift := time.Duration(offset) * time.Second

	// Compare the whole reading, date included: a jump can skip a day, not
	// just an hour (Samoa went from 29 to 31 December 2011), and then Date
	// returns the right hour and minute on the wrong day.
	if t.UTC().Add(shift).Equal(want) {
		return t, true
	}
	// Skipped reading: t is one candidate; the other is the same wall
	// reading interpreted with the offset t ended up carrying.
	other := want.Add(-shift).In(loc)
	if other.After(t) {
		return other, false
	}
	return t, false
}

// NextDaily returns the first instant strictly after now at which the wall
// clock in loc reads hour:min. It is the core of "remind me at 9:00 every
// day": the rule is stored as (hour, min, IANA zone name), never as an
// instant, because the instant moves every time the zone's offset does.
func NextDaily(now time.Time, hour, min int, loc *time.Location) time.Time {
	local := now.In(loc)
	for days := 0; ; days++ {
		t, _ := At(local.Year(), local.Month(), local.Day()+days, hour, min, loc)
		if t.After(now) {
			return t
		}
	}
}
