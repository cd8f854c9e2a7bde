package stackheap

import (
	"runtime"
	"testing"
)

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
		// Since Go 1.25 the compiler sees through the inlined buildPointers
		// that n is 1000, so the 8,000-byte []*Item fits on the stack: only the
		// 1,000 Items are heap allocations (Go 1.19: 1001).
		{"Build/pointers", 1000, func() { sink += sumPointers(buildPointers(1000)) }},
	}
	for _, c := range cases {
		if got := testing.AllocsPerRun(20, c.fn); got != c.want {
			t.Errorf("%s: %v allocs per call, want %v", c.name, got, c.want)
		}
	}
}

// bytesPerCall is the B/op that -benchmem would report for fn: the growth of
// MemStats.TotalAlloc (bytes handed out by the allocator, rounded up to size
// classes) over one call. TotalAlloc counts every goroutine, so the runtime's
// own occasional allocations can land in a window; the smallest of several
// windows is fn's own.
func bytesPerCall(fn func()) uint64 {
	fn() // warm up, like AllocsPerRun
	var before, after runtime.MemStats
	least := ^uint64(0)
	for i := 0; i < 20; i++ {
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		if d := after.TotalAlloc - before.TotalAlloc; d < least {
			least = d
		}
	}
	return least
}

// TestBytesPerCall pins the size classes the article explains.
func TestBytesPerCall(t *testing.T) {
	x := int64(1)
	cases := []struct {
		name string
		want uint64
		fn   func()
	}{
		// 72,000 bytes is a large object: whole 8 KiB pages, 9 × 8192.
		{"Build/values", 73728, func() { sink += sumValues(buildValues(1000)) }},
		// 1,000 Items of 72 bytes in the 80-byte size class.
		{"Build/pointers", 80000, func() { sink += sumPointers(buildPointers(1000)) }},
		{"Header/1KB/ints", 1024, func() { sink += newS1KPtr(1).a[127] }},
		// 1,024 bytes of pointers plus the 8-byte malloc header (Go 1.22+)
		// no longer fit the 1024-byte class: the next class is 1152.
		{"Header/1KB/pointers", 1152, func() { sink += *newP1KPtr(&x).a[127] }},
	}
	for _, c := range cases {
		if got := bytesPerCall(c.fn); got != c.want {
			t.Errorf("%s: %d bytes per call, want %d", c.name, got, c.want)
		}
	}
}
