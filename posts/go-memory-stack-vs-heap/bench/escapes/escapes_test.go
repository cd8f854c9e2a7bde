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
	sinkInts   []int
	sinkString string
	globalName = "gopher"

	// Package-level variables are not constants to the compiler: any code
	// could change them, so it cannot fold their values into a call.
	ints8     = []int{0, 1, 2, 3, 4, 5, 6, 7}
	ints64    = make([]int, 64)
	varPoint  = Point{1000, 2000}
	four      = 4
	sixtyFour = 64
)

// TestAllocations checks, at run time, each decision that escape.txt
// records at compile time. AllocsPerRun reports the average number of heap
// allocations per call.
func TestAllocations(t *testing.T) {
	for i := range ints64 {
		ints64[i] = i
	}
	cases := []struct {
		name string
		want float64
		fn   func()
	}{
		{"NewPointValue", 0, func() { sinkPoint = NewPointValue(1, 2) }},
		{"NewPointPointer", 1, func() { sinkPtr = NewPointPointer(1, 2) }},
		{"UseNewPoint", 0, func() { sinkInt = UseNewPoint(1, 2) }},
		{"UseLength2", 0, func() { sinkInt = UseLength2(3, 4) }},
		// Go 1.25: after inlining, a constant composite literal converted to
		// an interface is stored in read-only data. A variable still boxes.
		{"Box/constant", 0, func() { sinkAny = Box(Point{1000, 2000}) }},
		{"Box/variable", 1, func() { sinkAny = Box(varPoint) }},
		// "escapes to heap" is not always a malloc: small integers are
		// boxed from a static table, larger ones are allocated.
		{"Log/small", 0, func() { Log(io.Discard, Point{1, 2}) }},
		{"Log/large", 2, func() { Log(io.Discard, Point{1000, 2000}) }},
		{"Spawn", 3, func() { sinkInt = Spawn(10) }},
		{"SumFixed", 0, func() { sinkInt = SumFixed() }},
		// Go 1.25: inlined with a constant argument, make([]int, n) becomes
		// make([]int, 64), a constant size that fits on the stack.
		{"SumDynamic/constant-64", 0, func() { sinkInt = SumDynamic(64) }},
		// Go 1.25: a non-escaping make of run-time size gets a 32-byte stack
		// buffer, used when the slice fits (four ints), the heap otherwise.
		{"SumDynamic/variable-4", 0, func() { sinkInt = SumDynamic(four) }},
		{"SumDynamic/variable-64", 1, func() { sinkInt = SumDynamic(sixtyFour) }},
		{"SumHugeMake", 1, func() { sinkInt = SumHugeMake() }},
		{"SumHugeArray", 0, func() { sinkInt = SumHugeArray() }},
		{"SumBigArray", 1, func() { sinkInt = SumBigArray() }},
		{"WriteGreeting", 1, func() { WriteGreeting(io.Discard, globalName) }},
		{"RegisterNew", 1, func() { ResetRegistry(); RegisterNew(1, 2) }},
		// Go 1.26: append to a nil slice that does not escape starts in a
		// 32-byte stack buffer. 4 evens fit; 32 evens grow 8, 16, 32 on the heap.
		{"Evens/variable-8", 0, func() { sinkInt = Evens(four * 2) }},
		{"Evens/variable-64", 3, func() { sinkInt = Evens(sixtyFour) }},
		// Go 1.26: a returned slice is built on the stack and moved to the
		// heap once, at its final size, when the function returns.
		{"EvensSlice/variable-8", 1, func() { sinkInts = EvensSlice(four * 2) }},
		{"EvensSlice/variable-64", 3, func() { sinkInts = EvensSlice(sixtyFour) }},
		// "does not escape" is not "does not allocate": the map's header and
		// first group live on the stack, but growing past 8 entries allocates.
		{"CountDistinct/8", 0, func() { sinkInt = CountDistinct(ints8) }},
		{"CountDistinct/64", 9, func() { sinkInt = CountDistinct(ints64) }},
		// The allocation is inside strings.ToUpper; -m on this package is silent.
		{"Shout", 1, func() { sinkString = Shout(globalName) }},
	}
	for _, c := range cases {
		got := testing.AllocsPerRun(100, c.fn)
		if got != c.want {
			t.Errorf("%s: %v allocs per call, want %v", c.name, got, c.want)
		}
	}
}
