package stackheap

import "testing"

// TestAllocsPerCall pins down the allocation counts the benchmarks report,
// so that `go test` (which does not run benchmarks) still checks them.
func TestAllocsPerCall(t *testing.T) {
	cases := []struct {
		name string
		want float64
		fn   func()
	}{
		{"Return/16B/value", 0, func() { sink += newS16(1).b }},
		{"Return/16B/pointer", 1, func() { sink += newS16Ptr(1).b }},
		{"Return/8KB/value", 0, func() { sink += newS8K(1).a[1023] }},
		{"Return/8KB/pointer", 1, func() { sink += newS8KPtr(1).a[1023] }},
		{"Arg/8KB/value", 0, func() { var s S8K; sink += readS8K(s) }},
		{"Arg/8KB/pointer", 0, func() { var s S8K; sink += readS8KPtr(&s) }},
		{"Interface/128B/value", 0, func() { sink += dispatchValue(1) }},
		{"Interface/128B/pointer", 1, func() { sink += dispatchPtr(1) }},
		{"Build/values", 1, func() { sink += sumValues(buildValues(1000)) }},
		{"Build/pointers", 1001, func() { sink += sumPointers(buildPointers(1000)) }},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(20, c.fn); got != c.want {
			t.Errorf("%s: %v allocs per call, want %v", c.name, got, c.want)
		}
	}
}
