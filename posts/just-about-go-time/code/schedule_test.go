package gotime_test

import (
	"testing"
	"time"

	gotime "playbook/posts/just-about-go-time/code"
)

// NextDaily fires once on every local day, including both DST mornings: a
// 2:30 rule fires at 3:30 on the spring-forward morning, a 1:30 rule at the
// second 1:30 on the fall-back morning (At's choice, which is PostgreSQL's).
func TestNextDailyNeverSkipsADay(t *testing.T) {
	ny := mustLoad("America/New_York")
	cases := []struct {
		name      string
		now       time.Time
		hour, min int
		want      string
	}{
		{"before the gap, rule inside the gap", time.Date(2026, 3, 8, 1, 45, 0, 0, ny), 2, 30, "2026-03-08T07:30:00.000Z"},
		{"ordinary day", time.Date(2026, 3, 9, 10, 0, 0, 0, ny), 9, 0, "2026-03-10T13:00:00.000Z"},
		{"fall-back day, repeated reading", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), 1, 30, "2026-11-01T06:30:00.000Z"},
		{"between the two 1:30s", time.Date(2026, 11, 1, 5, 31, 0, 0, time.UTC), 1, 30, "2026-11-01T06:30:00.000Z"},
		{"after the second 1:30", time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC), 1, 30, "2026-11-02T06:30:00.000Z"},
	}
	for _, c := range cases {
		got := gotime.ToWire(gotime.NextDaily(c.now, c.hour, c.min, ny))
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}

	// Fired back to back across both transitions of 2026, a 1:30 and a 2:30
	// rule fire exactly once on every local day.
	for _, hm := range [][2]int{{1, 30}, {2, 30}} {
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, ny)
		day := now
		for i := 0; i < 365; i++ {
			now = gotime.NextDaily(now, hm[0], hm[1], ny)
			if y, m, d := now.In(ny).Date(); y != day.Year() || m != day.Month() || d != day.Day() {
				t.Fatalf("%02d:%02d rule, firing %d: %s, want a firing on %s", hm[0], hm[1], i+1, now.In(ny), day.Format(time.DateOnly))
			}
			day = day.AddDate(0, 0, 1)
		}
	}
}

// At and PostgreSQL resolve the same wall readings to the same instants. The
// wanted instants are the ones PostgreSQL 15 printed for the same literals in
// ../sql/output.txt (the "AT TIME ZONE" and "_utc" columns).
func TestAtAgreesWithPostgreSQL(t *testing.T) {
	cases := []struct {
		zone           string
		year           int
		month          time.Month
		day, hour, min int
		wantReading    gotime.Reading
		wantUTC        string
	}{
		{"America/New_York", 2026, time.March, 8, 2, 30, gotime.Skipped, "2026-03-08T07:30:00.000Z"},
		{"America/New_York", 2026, time.November, 1, 1, 30, gotime.Repeated, "2026-11-01T06:30:00.000Z"},
		{"Australia/Lord_Howe", 2026, time.October, 4, 2, 15, gotime.Skipped, "2026-10-03T15:45:00.000Z"},
		{"Australia/Lord_Howe", 2026, time.April, 5, 1, 45, gotime.Repeated, "2026-04-04T15:15:00.000Z"},
		{"Europe/London", 2026, time.October, 25, 1, 30, gotime.Repeated, "2026-10-25T01:30:00.000Z"},
		{"Pacific/Apia", 2011, time.December, 30, 12, 0, gotime.Skipped, "2011-12-30T22:00:00.000Z"},
	}
	for _, c := range cases {
		got, reading := gotime.At(c.year, c.month, c.day, c.hour, c.min, mustLoad(c.zone))
		if reading != c.wantReading || gotime.ToWire(got) != c.wantUTC {
			t.Errorf("At(%d-%02d-%02d %02d:%02d, %s) = %s (%s), want %s (%s)",
				c.year, c.month, c.day, c.hour, c.min, c.zone, gotime.ToWire(got), reading, c.wantUTC, c.wantReading)
		}
	}
}

// Readings next to a transition, and in zones without any, happen once.
func TestAtOnce(t *testing.T) {
	cases := []struct {
		zone           string
		month          time.Month
		day, hour, min int
	}{
		{"America/New_York", time.March, 8, 1, 59},
		{"America/New_York", time.March, 8, 3, 0},
		{"America/New_York", time.November, 1, 0, 59},
		{"America/New_York", time.November, 1, 2, 0},
		{"Australia/Lord_Howe", time.April, 5, 1, 29},
		{"Australia/Lord_Howe", time.April, 5, 2, 0},
		{"UTC", time.March, 8, 2, 30},          // no transitions at all
		{"Asia/Kolkata", time.March, 8, 2, 30}, // none since 1945
	}
	for _, c := range cases {
		loc := mustLoad(c.zone)
		got, reading := gotime.At(2026, c.month, c.day, c.hour, c.min, loc)
		want := time.Date(2026, c.month, c.day, c.hour, c.min, 0, 0, loc)
		if reading != gotime.Once || !got.Equal(want) {
			t.Errorf("At(2026-%02d-%02d %02d:%02d, %s) = %s (%s), want %s (once)",
				c.month, c.day, c.hour, c.min, c.zone, got, reading, want)
		}
	}
}

func TestAtHalfHourShift(t *testing.T) {
	// Lord Howe Island moves its clocks by 30 minutes: 2:00 -> 2:30 on 2026-10-04.
	lh := mustLoad("Australia/Lord_Howe")
	got, reading := gotime.At(2026, time.October, 4, 2, 15, lh)
	if reading != gotime.Skipped || got.Format("15:04 -07:00") != "02:45 +11:00" {
		t.Fatalf("got %s (%s)", got.Format("15:04 -07:00"), reading)
	}
}

// Samoa skipped 30 December 2011 entirely. time.Date returns 12:00 on the
// 31st: the right hour and minute on the wrong day, which is not "once".
func TestAtSkippedWholeDay(t *testing.T) {
	apia := mustLoad("Pacific/Apia")
	got, reading := gotime.At(2011, time.December, 30, 12, 0, apia)
	if reading != gotime.Skipped {
		t.Fatalf("At(2011-12-30 12:00, Pacific/Apia) = %s (%s); that day never happened", got, reading)
	}
	// The offset from before the jump (-10:00) applied to the requested
	// reading, as PostgreSQL does (sql/output.txt): 2011-12-30 22:00 UTC.
	if want := "2011-12-31 12:00 +14:00 = 2011-12-30T22:00:00.000Z"; got.Format("2006-01-02 15:04 -07:00")+" = "+gotime.ToWire(got) != want {
		t.Fatalf("got %s = %s, want %s", got.Format("2006-01-02 15:04 -07:00"), gotime.ToWire(got), want)
	}
	// The days around it exist.
	for _, day := range []int{29, 31} {
		if _, reading := gotime.At(2011, time.December, day, 12, 0, apia); reading != gotime.Once {
			t.Errorf("2011-12-%d 12:00 in Apia reported as %s", day, reading)
		}
	}
}

// Out-of-range fields normalize like time.Date, and a normalized reading
// that exists is exact: NextDaily relies on this at every month end.
func TestAtNormalizesLikeDate(t *testing.T) {
	ny := mustLoad("America/New_York")
	got, reading := gotime.At(2026, time.March, 32, 9, 0, ny)
	if reading != gotime.Once || got.Format("2006-01-02 15:04 MST") != "2026-04-01 09:00 EDT" {
		t.Fatalf("At(March 32) = %s (%s), want 2026-04-01 09:00 EDT (once)", got.Format("2006-01-02 15:04 MST"), reading)
	}
}

func TestWireRoundTrip(t *testing.T) {
	in := time.Date(2026, 5, 6, 12, 0, 0, 987654321, mustLoad("Asia/Kathmandu"))
	out, err := gotime.FromWire(gotime.ToWire(in))
	if err != nil {
		t.Fatal(err)
	}
	if !out.Equal(in.Truncate(time.Millisecond)) || out.Location() != time.UTC {
		t.Fatalf("round trip: %s -> %s", in, out)
	}
}

// FromWire is stricter than RFC 3339: time.Parse with time.RFC3339 wants an
// uppercase T and Z, and has no leap seconds.
func TestFromWireRejects(t *testing.T) {
	for _, s := range []string{
		"2026-05-06t13:00:00z", // RFC 3339 section 5.6 allows lowercase
		"2016-12-31T23:59:60Z", // a real leap second
		"2026-05-06T09:00:00",  // no offset: not an instant
		"2026-05-06 13:00:00Z", // a space for the T
	} {
		if got, err := gotime.FromWire(s); err == nil {
			t.Errorf("FromWire(%q) = %s, want an error", s, got)
		} else {
			t.Logf("FromWire(%q): %v", s, err)
		}
	}
}
