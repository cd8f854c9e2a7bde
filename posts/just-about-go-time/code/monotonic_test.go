package gotime_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func hasMono(t time.Time) bool { return strings.Contains(t.String(), " m=") }

// time.Now carries a monotonic reading; String shows it as "m=±seconds".
func TestNowCarriesMonotonicReading(t *testing.T) {
	now := time.Now()
	if !hasMono(now) {
		t.Fatalf("time.Now() has no monotonic reading: %s", now)
	}
	t.Logf("time.Now()          = %s", now)
	t.Logf("time.Now().Round(0) = %s", now.Round(0))
}

// Which operations keep the monotonic reading and which strip it.
func TestWhatStripsTheMonotonicReading(t *testing.T) {
	now := time.Now()
	keeps := map[string]time.Time{
		"Add(time.Hour)": now.Add(time.Hour),
		"Add(0)":         now.Add(0),
	}
	strips := map[string]time.Time{
		"Round(0)":              now.Round(0),
		"Truncate(time.Second)": now.Truncate(time.Second),
		"UTC()":                 now.UTC(),
		"Local()":               now.Local(),
		"In(time.UTC)":          now.In(time.UTC),
		"AddDate(0, 0, 0)":      now.AddDate(0, 0, 0),
	}
	for name, v := range keeps {
		if !hasMono(v) {
			t.Errorf("%s dropped the monotonic reading", name)
		}
	}
	for name, v := range strips {
		if hasMono(v) {
			t.Errorf("%s kept the monotonic reading", name)
		}
	}
}

// Every serialized form drops it, so a decoded time is never == the original.
func TestSerializationDropsMonotonicReading(t *testing.T) {
	now := time.Now()

	b, err := json.Marshal(now)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON time.Time
	if err := json.Unmarshal(b, &fromJSON); err != nil {
		t.Fatal(err)
	}

	text, err := now.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var fromText time.Time
	if err := fromText.UnmarshalText(text); err != nil {
		t.Fatal(err)
	}

	appendedText, err := now.AppendText(nil) // Go 1.24
	if err != nil {
		t.Fatal(err)
	}
	var fromAppendText time.Time
	if err := fromAppendText.UnmarshalText(appendedText); err != nil {
		t.Fatal(err)
	}

	bin, err := now.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var fromBinary time.Time
	if err := fromBinary.UnmarshalBinary(bin); err != nil {
		t.Fatal(err)
	}

	appendedBin, err := now.AppendBinary(nil) // Go 1.24
	if err != nil {
		t.Fatal(err)
	}
	var fromAppendBinary time.Time
	if err := fromAppendBinary.UnmarshalBinary(appendedBin); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(now); err != nil {
		t.Fatal(err)
	}
	var fromGob time.Time
	if err := gob.NewDecoder(&buf).Decode(&fromGob); err != nil {
		t.Fatal(err)
	}

	for name, got := range map[string]time.Time{
		"MarshalJSON": fromJSON, "MarshalText": fromText, "AppendText": fromAppendText,
		"MarshalBinary": fromBinary, "AppendBinary": fromAppendBinary, "GobEncode": fromGob,
	} {
		if hasMono(got) {
			t.Errorf("%s: decoded value has a monotonic reading", name)
		}
		if got == now {
			t.Errorf("%s: decoded value is == the original", name)
		}
		if !got.Equal(now) {
			t.Errorf("%s: decoded value is not Equal to the original", name)
		}
	}
}

// == compares the representation; Equal compares the instant.
func TestDoubleEqualsVersusEqual(t *testing.T) {
	now := time.Now()
	stripped := now.Round(0)
	if now == stripped {
		t.Fatal("now == now.Round(0): expected the monotonic reading to make them differ")
	}
	if !now.Equal(stripped) {
		t.Fatal("now.Equal(now.Round(0)) is false")
	}

	// As a map key, the monotonic reading makes the same instant a different key.
	seen := map[time.Time]bool{now: true}
	if seen[stripped] {
		t.Fatal("map lookup with the stripped time unexpectedly succeeded")
	}
	if !(map[time.Time]bool{now.Round(0): true})[stripped] {
		t.Fatal("map lookup of two stripped times failed")
	}
}

// Sub, Since and Until use the monotonic readings only when both sides have one.
func TestSubFallsBackToWallClock(t *testing.T) {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	end := time.Now()

	mono := end.Sub(start)          // both have monotonic readings
	wall := end.Sub(start.Round(0)) // one side stripped: wall clock
	if mono < 20*time.Millisecond {
		t.Fatalf("monotonic elapsed %v, want >= 20ms", mono)
	}
	t.Logf("monotonic: %v  wall: %v", mono, wall)

	// A deadline computed from time.Now keeps its monotonic reading, so
	// Until/Before are immune to wall-clock steps while it lives in memory.
	deadline := time.Now().Add(time.Minute)
	if !hasMono(deadline) || time.Until(deadline) <= 0 {
		t.Fatal("deadline lost its monotonic reading or is already past")
	}
}
