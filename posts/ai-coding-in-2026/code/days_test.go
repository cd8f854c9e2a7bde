package code

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // the examples must not depend on the host's zoneinfo
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Half past nine on the morning of 10 March 2026 in New York.
func Example_truncateIsNotStartOfDay() {
	ny := mustLoad("America/New_York")
	t := time.Date(2026, 3, 10, 9, 30, 0, 0, ny)

	fmt.Println("Truncate(24h):", StartOfDayTruncate(t).In(ny))
	fmt.Println("StartOfDay:   ", StartOfDay(t))
	// Output:
	// Truncate(24h): 2026-03-09 20:00:00 -0400 EDT
	// StartOfDay:    2026-03-10 00:00:00 -0400 EDT
}

// US clocks sprang forward at 02:00 on Sunday 8 March 2026.
func Example_addTwentyFourHours() {
	ny := mustLoad("America/New_York")
	midnight := time.Date(2026, 3, 8, 0, 0, 0, 0, ny)

	fmt.Println("Add(24h):     ", midnight.Add(24*time.Hour))
	fmt.Println("AddDate(0,0,1):", midnight.AddDate(0, 0, 1))
	start, end := DayWindow(midnight)
	fmt.Println("length of 8 March:", end.Sub(start))
	// Output:
	// Add(24h):      2026-03-09 01:00:00 -0400 EDT
	// AddDate(0,0,1): 2026-03-09 00:00:00 -0400 EDT
	// length of 8 March: 23h0m0s
}

// The two versions agree in UTC, which is why the buggy one survives review
// when the tests are written with time.UTC or run on a CI box set to UTC.
func TestTruncateOnlyAgreesInUTC(t *testing.T) {
	at := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)
	if !StartOfDayTruncate(at).Equal(StartOfDay(at)) {
		t.Fatalf("expected agreement in UTC")
	}
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney"} {
		loc := mustLoad(zone)
		at := time.Date(2026, 3, 10, 9, 30, 0, 0, loc)
		if StartOfDayTruncate(at).Equal(StartOfDay(at)) {
			t.Errorf("%s: Truncate(24h) unexpectedly gave local midnight", zone)
		}
		if got := StartOfDay(at); got.Hour() != 0 || got.Day() != 10 {
			t.Errorf("%s: StartOfDay = %v, want local midnight on the 10th", zone, got)
		}
	}
}

func TestDayWindowOnTransitionDays(t *testing.T) {
	ny := mustLoad("America/New_York")
	cases := []struct {
		day  time.Time
		want time.Duration
	}{
		{time.Date(2026, 3, 8, 12, 0, 0, 0, ny), 23 * time.Hour},  // spring forward
		{time.Date(2026, 3, 10, 12, 0, 0, 0, ny), 24 * time.Hour}, // ordinary day
		{time.Date(2026, 11, 1, 12, 0, 0, 0, ny), 25 * time.Hour}, // fall back
	}
	for _, c := range cases {
		start, end := DayWindow(c.day)
		if got := end.Sub(start); got != c.want {
			t.Errorf("%s: window is %v, want %v", c.day.Format("2006-01-02"), got, c.want)
		}
	}
}

func Example_parseDurationHasNoDays() {
	_, err := time.ParseDuration("7d")
	fmt.Println(err)
	// Output:
	// time: unknown unit "d" in duration "7d"
}
