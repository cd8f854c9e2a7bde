package escapes

import (
	"io"
	"testing"
)

var (
	sinkPoint  Point
	sinkPtr    *Point
	sinkAny    any
	sinkInt    int
	globalName = "gopher"
)

// TestAllocations checks, at run time, each decision that escape.txt
// records at compile time. AllocsPerRun reports the average number of heap
// allocations per call.
func TestAllocations(t *testing.T) {
	cases := []struct {
		name string
		want float64
		fn   func()
	}{
		{"NewPointValue", 0, func() { sinkPoint = NewPointValue(1, 2) }},
		{"NewPointPointer", 1, func() { sinkPtr = NewPointPointer(1, 2) }},
		{"UseNewPoint", 0, func() { sinkInt = UseNewPoint(1, 2) }},
		{"UseLength2", 0, func() { sinkInt = UseLength2(3, 4) }},
		{"Box", 1, func() { sinkAny = Box(Point{1000, 2000}) }},
		// "escapes to heap" is not always a malloc: small integers are
		// boxed from a static table, larger ones are allocated.
		{"Log/small", 0, func() { Log(io.Discard, Point{1, 2}) }},
		{"Log/large", 2, func() { Log(io.Discard, Point{1000, 2000}) }},
		{"Spawn", 3, func() { sinkInt = Spawn(10) }},
		{"SumFixed", 0, func() { sinkInt = SumFixed() }},
		{"SumDynamic", 1, func() { sinkInt = SumDynamic(64) }},
		{"SumHugeMake", 1, func() { sinkInt = SumHugeMake() }},
		{"SumHugeArray", 0, func() { sinkInt = SumHugeArray() }},
		{"WriteGreeting", 1, func() { WriteGreeting(io.Discard, globalName) }},
		{"RegisterNew", 1, func() { ResetRegistry(); RegisterNew(1, 2) }},
	}
	for _, c := range cases {
		got := testing.AllocsPerRun(100, c.fn)
		if got != c.want {
			t.Errorf("%s: %v allocs per call, want %v", c.name, got, c.want)
		}
	}
}
