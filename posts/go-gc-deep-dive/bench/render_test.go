package gcbench

import (
	"runtime"
	"sync"
	"testing"
)

// The lean renderer must produce exactly the bytes the naive one does,
// otherwise the benchmarks compare different work.
func TestAppendOrderMatchesNaive(t *testing.T) {
	s := NewStore(500, 6)
	var buf []byte
	for i := 0; i < s.Len(); i++ {
		o := s.Get(i)
		want := string(RenderNaive(o))
		buf = AppendOrder(buf[:0], o)
		if string(buf) != want {
			t.Fatalf("order %d:\n got %s\nwant %s", i, buf, want)
		}
	}
	// Prices below one unit and with a single-digit cent part.
	o := &Order{ID: 1, Customer: `a "quoted" name`, Items: []Item{{PriceCents: 5}, {PriceCents: 1207}, {PriceCents: 100}}}
	if got, want := string(AppendOrder(nil, o)), string(RenderNaive(o)); got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

// Once the pooled buffer has grown, a lean request allocates nothing.
func TestServeLeanDoesNotAllocate(t *testing.T) {
	s := NewStore(100, 6)
	s.ServeLean(0) // warm the pool
	allocs := testing.AllocsPerRun(100, func() { s.ServeLean(3) })
	if allocs > 0.1 { // a GC may empty the pool mid-run and force one New
		t.Fatalf("ServeLean: %.2f allocs per request, want 0", allocs)
	}
}

var sink any

// Boxing an integer into an interface allocates 8 bytes, unless the value is
// below 256: the runtime points such interfaces at a static table instead.
func TestBoxingSmallIntsIsFree(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want float64
	}{{42, 0}, {255, 0}, {256, 1}, {4242, 1}} {
		n := tc.n
		got := testing.AllocsPerRun(100, func() { sink = n })
		if got != tc.want {
			t.Errorf("boxing %d: %.0f allocs, want %.0f", n, got, tc.want)
		}
	}
}

// A sync.Pool survives one GC (its contents move to a victim cache) but not
// two: after the second cycle Get has to call New.
func TestPoolIsEmptiedByTwoGCs(t *testing.T) {
	news := 0
	p := sync.Pool{New: func() any { news++; return new([64]byte) }}
	p.Put(new([64]byte))
	runtime.GC()
	runtime.GC()
	p.Get()
	if news != 1 {
		t.Fatalf("New called %d times after two GCs, want 1", news)
	}
}

// The fixtures' IDs are realistic database keys: none of them is small
// enough (below 256) for the runtime to box it without allocating, which
// would flatter the naive renderer.
func TestFixtureIDsAreNotSmallInts(t *testing.T) {
	s := NewStore(1000, 6)
	for i := 0; i < s.Len(); i++ {
		o := s.Get(i)
		if o.ID < 256 {
			t.Fatalf("order %d has ID %d", i, o.ID)
		}
		for _, it := range o.Items {
			if it.ID < 256 {
				t.Fatalf("order %d has an item with ID %d", i, it.ID)
			}
		}
	}
}
