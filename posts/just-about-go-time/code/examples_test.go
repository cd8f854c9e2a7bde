package gotime_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
	"unsafe"

	gotime "playbook/posts/just-about-go-time/code"
)

// The same instant in two locations: Equal says yes, == says no.
func Example_equalVersusDoubleEquals() {
	ny := mustLoad("America/New_York")
	a := time.Date(2026, 5, 6, 16, 0, 0, 0, time.UTC)
	b := a.In(ny)

	fmt.Println(a)
	fmt.Println(b)
	fmt.Println("a == b:", a == b, " a.Equal(b):", a.Equal(b), " a.Compare(b):", a.Compare(b))

	seen := map[time.Time]string{a: "stored under the UTC value"}
	_, found := seen[b]
	fmt.Println("map lookup with b finds it:", found)
	// Output:
	// 2026-05-06 16:00:00 +0000 UTC
	// 2026-05-06 12:00:00 -0400 EDT
	// a == b: false  a.Equal(b): true  a.Compare(b): 0
	// map lookup with b finds it: false
}

// Time.Compare (Go 1.20) orders instants, whatever their Location: it is the
// function slices.SortFunc wants. The wall-clock readings here run backwards.
func Example_sortByCompare() {
	ts := []time.Time{
		time.Date(2026, 5, 6, 9, 0, 0, 0, mustLoad("America/New_York")), // 13:00 UTC
		time.Date(2026, 5, 6, 12, 30, 0, 0, time.UTC),                   // 12:30 UTC
		time.Date(2026, 5, 6, 21, 0, 0, 0, mustLoad("Asia/Tokyo")),      // 12:00 UTC
	}
	slices.SortFunc(ts, time.Time.Compare)
	for _, t := range ts {
		fmt.Println(t)
	}
	// Output:
	// 2026-05-06 21:00:00 +0900 JST
	// 2026-05-06 12:30:00 +0000 UTC
	// 2026-05-06 09:00:00 -0400 EDT
}

// A calendar day is not 24 hours.
func Example_addDateVersusAdd() {
	ny := mustLoad("America/New_York")
	standup := time.Date(2026, 3, 7, 9, 0, 0, 0, ny) // the day before the spring-forward

	fmt.Println("Add(24h):     ", standup.Add(24*time.Hour))
	fmt.Println("AddDate(0,0,1):", standup.AddDate(0, 0, 1))
	fmt.Println("length of that day:", standup.AddDate(0, 0, 1).Sub(standup))
	// Output:
	// Add(24h):      2026-03-08 10:00:00 -0400 EDT
	// AddDate(0,0,1): 2026-03-08 09:00:00 -0400 EDT
	// length of that day: 23h0m0s
}

// AddDate normalizes like Date: there is no February 31.
func Example_addDateMonthEnd() {
	jan31 := time.Date(2026, 1, 31, 12, 0, 0, 0, time.UTC)
	fmt.Println(jan31.AddDate(0, 1, 0).Format("2006-01-02"))
	// Output:
	// 2026-03-03
}

// Local times that never happened, and local times that happened twice.
func Example_gapAndOverlap() {
	ny := mustLoad("America/New_York")

	skipped := time.Date(2026, 3, 8, 2, 30, 0, 0, ny)   // clocks jump 2:00 -> 3:00
	repeated := time.Date(2026, 11, 1, 1, 30, 0, 0, ny) // clocks fall 2:00 -> 1:00
	fmt.Println("2:30 on Mar 8: ", skipped, "=", skipped.UTC().Format(time.Kitchen), "UTC")
	fmt.Println("1:30 on Nov 1: ", repeated, "=", repeated.UTC().Format(time.Kitchen), "UTC")
	fmt.Println("one hour later:", repeated.Add(time.Hour))
	// Output:
	// 2:30 on Mar 8:  2026-03-08 01:30:00 -0500 EST = 6:30AM UTC
	// 1:30 on Nov 1:  2026-11-01 01:30:00 -0400 EDT = 5:30AM UTC
	// one hour later: 2026-11-01 01:30:00 -0500 EST
}

// The helper that resolves every wall reading the way PostgreSQL does, and
// says which readings were skipped or repeated.
func ExampleAt() {
	ny := mustLoad("America/New_York")
	for _, r := range []struct {
		month          time.Month
		day, hour, min int
	}{
		{time.March, 8, 1, 30}, {time.March, 8, 2, 30}, {time.March, 8, 3, 30},
		{time.November, 1, 0, 30}, {time.November, 1, 1, 30}, {time.November, 1, 2, 30},
	} {
		t, reading := gotime.At(2026, r.month, r.day, r.hour, r.min, ny)
		fmt.Printf("%s %d %02d:%02d -> %s = %s (%s)\n", r.month.String()[:3], r.day, r.hour, r.min,
			t.Format("15:04 MST"), t.UTC().Format("15:04Z"), reading)
	}
	// Output:
	// Mar 8 01:30 -> 01:30 EST = 06:30Z (once)
	// Mar 8 02:30 -> 03:30 EDT = 07:30Z (skipped)
	// Mar 8 03:30 -> 03:30 EDT = 07:30Z (once)
	// Nov 1 00:30 -> 00:30 EDT = 04:30Z (once)
	// Nov 1 01:30 -> 01:30 EST = 06:30Z (repeated)
	// Nov 1 02:30 -> 02:30 EST = 07:30Z (once)
}

// "Every day at 9:00 in the user's zone" is a wall-clock rule, not an interval.
func ExampleNextDaily() {
	ny := mustLoad("America/New_York")
	now := time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		now = gotime.NextDaily(now, 9, 0, ny)
		fmt.Println(now.In(ny).Format("Mon Jan 2 15:04 MST"), "=", gotime.ToWire(now))
	}
	// Output:
	// Sat Mar 7 09:00 EST = 2026-03-07T14:00:00.000Z
	// Sun Mar 8 09:00 EDT = 2026-03-08T13:00:00.000Z
	// Mon Mar 9 09:00 EDT = 2026-03-09T13:00:00.000Z
}

// A string without a zone parses as UTC, whatever zone its author was in.
// time.DateTime (Go 1.20) is "2006-01-02 15:04:05": no zone.
func Example_parseWithoutZone() {
	ny := mustLoad("America/New_York")

	t1, _ := time.Parse(time.DateTime, "2026-03-08 09:00:00")
	t2, _ := time.ParseInLocation(time.DateTime, "2026-03-08 09:00:00", ny)
	fmt.Println(t1)
	fmt.Println(t2)
	fmt.Println("difference:", t1.Sub(t2))
	// Output:
	// 2026-03-08 09:00:00 +0000 UTC
	// 2026-03-08 09:00:00 -0400 EDT
	// difference: -4h0m0s
}

// Zone abbreviations are resolved against time.Local, and unknown ones get
// offset zero. The example assigns time.Local; cmd/tzlocal parses the same
// string in processes started with TZ set (output.txt).
func Example_parseZoneAbbreviation() {
	const s = "Sun, 08 Mar 2026 09:00:00 EST"
	defer func(saved *time.Location) { time.Local = saved }(time.Local)

	time.Local = time.UTC
	onUTCServer, _ := time.Parse(time.RFC1123, s)
	time.Local = mustLoad("America/New_York")
	onNYServer, _ := time.Parse(time.RFC1123, s)

	fmt.Println("server in UTC:     ", onUTCServer.UTC())
	fmt.Println("server in New York:", onNYServer.UTC())
	// Output:
	// server in UTC:      2026-03-08 09:00:00 +0000 UTC
	// server in New York: 2026-03-08 14:00:00 +0000 UTC
}

// A literal "Z" in a layout is just a letter; Z07:00 is the offset directive.
func Example_literalZ() {
	ny := mustLoad("America/New_York")
	t := time.Date(2026, 5, 6, 9, 0, 0, 0, ny)

	fmt.Println(t.Format("2006-01-02T15:04:05Z")) // wrong: local wall time labelled UTC
	fmt.Println(t.Format(time.RFC3339))           // 2006-01-02T15:04:05Z07:00
	fmt.Println(t.UTC().Format(time.RFC3339))     // Z07:00 prints Z for UTC
	fmt.Println(t.Format(time.DateTime))          // 2006-01-02 15:04:05: no zone at all
	// Output:
	// 2026-05-06T09:00:00Z
	// 2026-05-06T09:00:00-04:00
	// 2026-05-06T13:00:00Z
	// 2026-05-06 09:00:00
}

// go vet (since Go 1.20) reports the constant layout "2006-02-01", the usual
// typo for 2006-01-02, when it is passed to Format or Parse (see
// testdata/swapped and output.txt). A layout that arrives at run time, from a
// config file or a flag, is not checked. Formatting and parsing with the same
// wrong layout round-trips every date, so a test that formats and then parses
// passes; the strings are yyyy-dd-mm, which a yyyy-mm-dd reader misreads for
// days 1 to 12 and rejects after the 12th, and yyyy-mm-dd strings parse here
// only for days 1 to 12, and then as the wrong date.
func Example_swappedLayoutAtRunTime() {
	config := map[string]string{"date_layout": "2006-02-01"} // meant yyyy-mm-dd
	layout := config["date_layout"]

	failures := 0
	for d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2026; d = d.AddDate(0, 0, 1) {
		if back, err := time.Parse(layout, d.Format(layout)); err != nil || !back.Equal(d) {
			failures++
		}
	}
	fmt.Println("days of 2026 that do not round-trip:", failures)

	for _, day := range []int{6, 13} {
		s := time.Date(2026, 5, day, 0, 0, 0, 0, time.UTC).Format(layout)
		fmt.Printf("May %d written as %s; read as yyyy-mm-dd: %s\n", day, s, dateOrErr(time.Parse(time.DateOnly, s)))
	}
	for _, s := range []string{"2026-05-06", "2026-05-13"} {
		fmt.Printf("yyyy-mm-dd %s read with the layout: %s\n", s, dateOrErr(time.Parse(layout, s)))
	}
	// Output:
	// days of 2026 that do not round-trip: 0
	// May 6 written as 2026-06-05; read as yyyy-mm-dd: 2026-06-05
	// May 13 written as 2026-13-05; read as yyyy-mm-dd: parsing time "2026-13-05": month out of range
	// yyyy-mm-dd 2026-05-06 read with the layout: 2026-06-05
	// yyyy-mm-dd 2026-05-13 read with the layout: parsing time "2026-05-13": month out of range
}

func dateOrErr(t time.Time, err error) string {
	if err != nil {
		return err.Error()
	}
	return t.Format(time.DateOnly)
}

// JSON keeps the offset, not the zone. Calendar math after a round trip goes wrong.
func Example_jsonKeepsOffsetNotZone() {
	ny := mustLoad("America/New_York")
	orig := time.Date(2026, 3, 7, 9, 0, 0, 0, ny)

	b, _ := json.Marshal(orig)
	var back time.Time
	_ = json.Unmarshal(b, &back)

	fmt.Println(string(b))
	fmt.Printf("location after round trip: %q\n", back.Location())
	fmt.Println("orig.AddDate(0,0,1):", orig.AddDate(0, 0, 1).In(ny))
	fmt.Println("back.AddDate(0,0,1):", back.AddDate(0, 0, 1).In(ny))
	// Output:
	// "2026-03-07T09:00:00-05:00"
	// location after round trip: ""
	// orig.AddDate(0,0,1): 2026-03-08 09:00:00 -0400 EDT
	// back.AddDate(0,0,1): 2026-03-08 10:00:00 -0400 EDT
}

// Decoding attaches time.Local only when the offset in the string is Local's
// offset at that instant; otherwise it fabricates a fixed zone. The same JSON
// therefore decodes differently on servers with different TZ settings. This
// example assigns time.Local, which is what TZ sets at start-up; cmd/tzlocal
// does the same decoding in processes started with TZ set (output.txt).
func Example_decodeAttachesLocalOnlyAtItsOffset() {
	defer func(saved *time.Location) { time.Local = saved }(time.Local)

	for _, server := range []*time.Location{time.UTC, mustLoad("America/New_York")} {
		time.Local = server // what TZ=UTC or TZ=America/New_York gives a process
		for _, s := range []string{`"2026-03-07T09:00:00-05:00"`, `"2026-07-07T09:00:00-05:00"`} {
			var t time.Time
			_ = json.Unmarshal([]byte(s), &t)
			where := "a fixed zone"
			if t.Location() == time.Local {
				where = "time.Local"
			}
			fmt.Printf("time.Local=%-16s %s -> %s\n", server, s, where)
		}
	}
	// Output:
	// time.Local=UTC              "2026-03-07T09:00:00-05:00" -> a fixed zone
	// time.Local=UTC              "2026-07-07T09:00:00-05:00" -> a fixed zone
	// time.Local=America/New_York "2026-03-07T09:00:00-05:00" -> time.Local
	// time.Local=America/New_York "2026-07-07T09:00:00-05:00" -> a fixed zone
}

// MarshalJSON trims trailing zeros as RFC3339Nano does, so its strings do not
// sort as instants.
func Example_variableWidthDoesNotSort() {
	a := time.Date(2026, 5, 6, 12, 0, 0, 0, time.UTC)
	b := a.Add(500 * time.Millisecond)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	fmt.Println(string(ja), string(jb))

	nano := []string{b.Format(time.RFC3339Nano), a.Format(time.RFC3339Nano)}
	wire := []string{gotime.ToWire(b), gotime.ToWire(a)}
	slices.Sort(nano)
	slices.Sort(wire)
	fmt.Println(nano)
	fmt.Println(wire)
	// Output:
	// "2026-05-06T12:00:00Z" "2026-05-06T12:00:00.5Z"
	// [2026-05-06T12:00:00.5Z 2026-05-06T12:00:00Z]
	// [2026-05-06T12:00:00.000Z 2026-05-06T12:00:00.500Z]
}

// Epoch nanoseconds do not survive a float64 (a JSON number in JavaScript); milliseconds do.
func Example_epochNanosInFloat64() {
	t := time.Date(2026, 5, 6, 12, 0, 0, 123456789, time.UTC)
	ns, ms := t.UnixNano(), t.UnixMilli()

	fmt.Println("ns:", ns, "-> float64 -> off by", ns-int64(float64(ns)))
	fmt.Println("ms:", ms, "-> float64 -> off by", ms-int64(float64(ms)))
	fmt.Println(time.UnixMilli(ms).UTC().Format(gotime.WireLayout))
	// Output:
	// ns: 1778068800123456789 -> float64 -> off by 21
	// ms: 1778068800123 -> float64 -> off by 0
	// 2026-05-06T12:00:00.123Z
}

// ToWire / FromWire: the boundary format, and what a client-supplied offset turns into.
func ExampleToWire() {
	ny := mustLoad("America/New_York")
	t := time.Date(2026, 5, 6, 9, 0, 0, 123456789, ny)
	fmt.Println(gotime.ToWire(t))

	for _, s := range []string{"2026-05-06T13:00:00.123Z", "2026-05-06T09:00:00-04:00", "2026-05-06T13:00:00Z"} {
		u, err := gotime.FromWire(s)
		fmt.Println(u, err)
	}
	_, err := gotime.FromWire("2026-05-06T09:00:00")
	fmt.Println(err)
	// Output:
	// 2026-05-06T13:00:00.123Z
	// 2026-05-06 13:00:00.123 +0000 UTC <nil>
	// 2026-05-06 13:00:00 +0000 UTC <nil>
	// 2026-05-06 13:00:00 +0000 UTC <nil>
	// parsing time "2026-05-06T09:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"
}

// ForPostgres drops what a timestamptz cannot hold: nanoseconds and the
// Location. ../sql/pgx shows the round trip through a real server.
func ExampleForPostgres() {
	t := time.Date(2026, 5, 6, 12, 0, 0, 123456789, time.UTC)
	fmt.Println(gotime.ForPostgres(t).Format(time.RFC3339Nano))
	// Output:
	// 2026-05-06T12:00:00.123456Z
}

// Human time is stranger than DST.
func Example_absurdities() {
	apia := mustLoad("Pacific/Apia")
	fmt.Println(time.Date(2011, 12, 30, 12, 0, 0, 0, apia)) // Samoa skipped this date

	for _, name := range []string{"Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham"} {
		loc := mustLoad(name)
		jan := time.Date(2026, 1, 15, 12, 0, 0, 0, loc)
		jul := time.Date(2026, 7, 15, 12, 0, 0, 0, loc)
		fmt.Printf("%-20s January %s  July %s\n", name, jan.Format("-07:00"), jul.Format("-07:00"))
	}

	ny := mustLoad("America/New_York")
	fmt.Println(time.Date(1880, 1, 1, 0, 0, 0, 0, ny)) // before railway time
	// Output:
	// 2011-12-31 12:00:00 +1400 +14
	// Asia/Kathmandu       January +05:45  July +05:45
	// Australia/Lord_Howe  January +11:00  July +10:30
	// Pacific/Chatham      January +13:45  July +12:45
	// 1880-01-01 00:00:00 -0456 LMT
}

// The offset of a pre-1883 New York time has seconds; RFC 3339 cannot carry them.
func Example_localMeanTimeLosesSeconds() {
	ny := mustLoad("America/New_York")
	t := time.Date(1880, 1, 1, 0, 0, 0, 0, ny)
	b, _ := json.Marshal(t)
	var back time.Time
	_ = json.Unmarshal(b, &back)
	fmt.Println(string(b), "round trip moved it by", back.Sub(t))
	// Output:
	// "1880-01-01T00:00:00-04:56" round trip moved it by -2s
}

// An unknown name fails like this; so does any name when no tz database can be found.
func Example_unknownZone() {
	_, err := time.LoadLocation("America/Springfield")
	fmt.Println(err)
	// Output:
	// unknown time zone America/Springfield
}

// A time.Time is three words, one of them a pointer (the *Location).
func Example_sizeOfTime() {
	fmt.Println(unsafe.Sizeof(time.Time{}), "bytes per time.Time;", unsafe.Sizeof(int64(0)), "per int64")
	// Output:
	// 24 bytes per time.Time; 8 per int64
}

// A Couchbase document (or any JSON payload) with both shapes of the same instant.
func ExampleMillis() {
	type Order struct {
		ID          string        `json:"id"`
		CreatedAtMs gotime.Millis `json:"createdAtMs"` // for range predicates and indexes
		CreatedAt   string        `json:"createdAt"`   // for humans; fixed width, UTC
	}
	at := time.Date(2026, 5, 6, 9, 0, 0, 123456789, mustLoad("America/New_York"))
	b, _ := json.Marshal(Order{ID: "order::1001", CreatedAtMs: gotime.Millis(at), CreatedAt: gotime.ToWire(at)})
	fmt.Println(string(b))

	var back Order
	_ = json.Unmarshal(b, &back)
	fmt.Println(time.Time(back.CreatedAtMs))

	// null means "no value", as it does for time.Time: no error, field unchanged.
	var draft struct {
		DeletedAtMs gotime.Millis `json:"deletedAtMs"`
	}
	err := json.Unmarshal([]byte(`{"deletedAtMs":null}`), &draft)
	fmt.Println(err, draft.DeletedAtMs.IsZero())

	// And "no value" goes out as null, or not at all with omitzero (Go 1.24).
	// omitempty leaves struct types alone; a zero time.Time is year 1.
	type Deleted struct {
		Plain     gotime.Millis `json:"plain"`
		OmitEmpty gotime.Millis `json:"omitEmpty,omitempty"`
		OmitZero  gotime.Millis `json:"omitZero,omitzero"`
		Time      time.Time     `json:"time,omitempty"`
		TimeZero  time.Time     `json:"timeZero,omitzero"`
	}
	b, _ = json.Marshal(Deleted{})
	fmt.Println(string(b))
	// Output:
	// {"id":"order::1001","createdAtMs":1778072400123,"createdAt":"2026-05-06T13:00:00.123Z"}
	// 2026-05-06 13:00:00.123 +0000 UTC
	// <nil> true
	// {"plain":null,"omitEmpty":null,"time":"0001-01-01T00:00:00Z"}
}
