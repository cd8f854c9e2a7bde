package gotime_test

import (
	"testing"
	"time"

	gotime "playbook/posts/just-about-go-time/code"
)

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
		{"fall-back day, repeated hour", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), 1, 30, "2026-11-01T05:30:00.000Z"},
		{"after the first 1:30 on fall-back day", time.Date(2026, 11, 1, 5, 31, 0, 0, time.UTC), 1, 30, "2026-11-02T06:30:00.000Z"},
	}
	for _, c := range cases {
		got := gotime.ToWire(gotime.NextDaily(c.now, c.hour, c.min, ny))
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestAtHalfHourShift(t *testing.T) {
	// Lord Howe Island moves its clocks by 30 minutes: 2:00 -> 2:30 on 2026-10-04.
	lh := mustLoad("Australia/Lord_Howe")
	got, exact := gotime.At(2026, time.October, 4, 2, 15, lh)
	if exact || got.Format("15:04 -07:00") != "02:45 +11:00" {
		t.Fatalf("got %s exact=%v", got.Format("15:04 -07:00"), exact)
	}
}

// Samoa skipped 30 December 2011 entirely. time.Date returns 12:00 on the
// 31st: the right hour and minute on the wrong day, which is not exact.
func TestAtSkippedWholeDay(t *testing.T) {
	apia := mustLoad("Pacific/Apia")
	got, exact := gotime.At(2011, time.December, 30, 12, 0, apia)
	if exact {
		t.Fatalf("At(2011-12-30 12:00, Pacific/Apia) = %s, exact=true; that day never happened", got)
	}
	// The offset from before the jump (-10:00) applied to the requested
	// reading, as PostgreSQL does (sql/output.txt): 2011-12-30 22:00 UTC.
	if want := "2011-12-31 12:00 +14:00 = 2011-12-30T22:00:00.000Z"; got.Format("2006-01-02 15:04 -07:00")+" = "+gotime.ToWire(got) != want {
		t.Fatalf("got %s = %s, want %s", got.Format("2006-01-02 15:04 -07:00"), gotime.ToWire(got), want)
	}
	// The days around it exist.
	for _, day := range []int{29, 31} {
		if _, exact := gotime.At(2011, time.December, day, 12, 0, apia); !exact {
			t.Errorf("2011-12-%d 12:00 in Apia reported as skipped", day)
		}
	}
}

// Out-of-range fields normalize like time.Date, and a normalized reading
// that exists is exact: NextDaily relies on this at every month end.
func TestAtNormalizesLikeDate(t *testing.T) {
	ny := mustLoad("America/New_York")
	got, exact := gotime.At(2026, time.March, 32, 9, 0, ny)
	if !exact || got.Format("2006-01-02 15:04 MST") != "2026-04-01 09:00 EDT" {
		t.Fatalf("At(March 32) = %s exact=%v, want 2026-04-01 09:00 EDT exact=true", got.Format("2006-01-02 15:04 MST"), exact)
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
