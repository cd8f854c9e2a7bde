package cache

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"
)

// These tests pin down the layout facts the benchmarks rely on.

func TestSizes(t *testing.T) {
	if s := unsafe.Sizeof(Line{}); s != 64 {
		t.Fatalf("Line is %d bytes, want 64", s)
	}
	if s := unsafe.Sizeof(Node{}); s != 16 {
		t.Fatalf("Node is %d bytes, want 16", s)
	}
	if s := unsafe.Sizeof(Order{}); s != 96 {
		t.Fatalf("Order is %d bytes, want 96", s)
	}
	var a Adjacent
	var p64 Padded64
	if d := unsafe.Offsetof(a.B) - unsafe.Offsetof(a.A); d != 8 {
		t.Fatalf("Adjacent counters %d bytes apart", d)
	}
	if d := unsafe.Offsetof(p64.B) - unsafe.Offsetof(p64.A); d != 64 {
		t.Fatalf("Padded64 counters %d bytes apart", d)
	}
	var p128 Padded128
	if d := unsafe.Offsetof(p128.B) - unsafe.Offsetof(p128.A); d != 128 {
		t.Fatalf("Padded128 counters %d bytes apart", d)
	}
	if s := unsafe.Sizeof(shard{}); s != 128 {
		t.Fatalf("shard is %d bytes, want 128", s)
	}
}

// A 16-byte Adjacent comes from the 16-byte size class, so it is 16-byte
// aligned and both counters always share one 64-byte line.
func TestAdjacentShareALine(t *testing.T) {
	for i := 0; i < 1000; i++ {
		c := new(Adjacent)
		if uintptr(unsafe.Pointer(&c.A))/64 != uintptr(unsafe.Pointer(&c.B))/64 {
			t.Fatalf("counters of %p straddle a line", c)
		}
	}
}

// The false-sharing benchmark aligns its counters to 128 bytes: padded-64's
// two counters then share a 128-byte block, padded-128's do not.
func TestAt128(t *testing.T) {
	for i := 0; i < 100; i++ {
		p64, p128 := at128[Padded64](), at128[Padded128]()
		if uintptr(unsafe.Pointer(&p64.A))/128 != uintptr(unsafe.Pointer(&p64.B))/128 {
			t.Fatalf("padded-64 counters at %p and %p: not one 128-byte block", &p64.A, &p64.B)
		}
		if uintptr(unsafe.Pointer(&p128.A))/128 == uintptr(unsafe.Pointer(&p128.B))/128 {
			t.Fatalf("padded-128 counters at %p and %p share a 128-byte block", &p128.A, &p128.B)
		}
	}
}

// SparseIndex puts nLines distinct lines on the pages asked for, nLines/pages
// on each, starting at line 0 where the chase starts.
func TestSparseIndex(t *testing.T) {
	for _, pages := range []int{64, 1024, 4096} {
		idx := SparseIndex(4096, pages)
		if idx[0] != 0 {
			t.Fatalf("pages=%d: first line %d, want 0", pages, idx[0])
		}
		seen := map[uint32]bool{}
		perPage := map[uint32]int{}
		for _, i := range idx {
			if seen[i] {
				t.Fatalf("pages=%d: line %d twice", pages, i)
			}
			seen[i] = true
			perPage[i/64]++
		}
		if len(perPage) != pages {
			t.Fatalf("pages=%d: lines on %d pages", pages, len(perPage))
		}
	}
}

// Every hop of the chase must land on its own line.
func TestChaseLinesAligned(t *testing.T) {
	for _, n := range []int{256, 8192, 65536} {
		l := NewChase(n, true, 1)
		if addr := uintptr(unsafe.Pointer(&l[0])); addr%64 != 0 {
			t.Fatalf("n=%d: lines start at %#x, not 64-byte aligned", n, addr)
		}
	}
}

// Sattolo's algorithm yields one cycle through every line, so the chase
// really covers the whole working set.
func TestChaseIsOneCycle(t *testing.T) {
	for _, random := range []bool{false, true} {
		const n = 100000
		l := NewChase(n, random, 1)
		seen := make([]bool, n)
		p := uint32(0)
		for i := 0; i < n; i++ {
			if seen[p] {
				t.Fatalf("random=%v: revisited %d after %d hops", random, p, i)
			}
			seen[p] = true
			p = l[p].next
		}
		if p != 0 {
			t.Fatalf("random=%v: not back at 0 after n hops", random)
		}
	}
}

// The claim in the article: nodes allocated one after another sit one after
// another in memory, so an "unrealistic" linked-list benchmark walks memory
// sequentially. Shuffling the link order is what exposes the real cost.
func TestAllocatorLaysOutNodesSequentially(t *testing.T) {
	nodes := NewNodes(100000)
	inOrder := adjacentShare(Link(append([]*Node(nil), nodes...)))
	Shuffle(nodes, 3)
	shuffled := adjacentShare(Link(nodes))
	if inOrder < 90 || shuffled > 1 {
		t.Fatalf("adjacent hops: in order %.2f%%, shuffled %.2f%%", inOrder, shuffled)
	}
}

// In allocation order, the hops that are not to the next slot are the ones
// from the last node of an 8 KiB span to the first of the next: on Go 1.26 a
// span of 16-byte objects with pointers keeps its last 256 bytes for the
// pointer bitmap (128 B) and the Green Tea collector's inline mark bits
// (128 B), so it holds 496 nodes and the hop skips 256 bytes.
func TestSpanGaps(t *testing.T) {
	nodes := NewNodes(1 << 20)
	var gaps, spanEnd int
	for i := 0; i+1 < len(nodes); i++ {
		a := uintptr(unsafe.Pointer(nodes[i]))
		b := uintptr(unsafe.Pointer(nodes[i+1]))
		if b-a == 16 {
			continue
		}
		gaps++
		if a%8192 == 8192-256-16 && b == a+16+256 {
			spanEnd++
		}
	}
	t.Logf("%d of %d hops not to the next slot; %d of them skip a span's last 256 bytes", gaps, len(nodes)-1, spanEnd)
	if spanEnd < gaps*95/100 {
		t.Fatalf("only %d of %d gaps are span ends", spanEnd, gaps)
	}
}

func ExampleCounter() {
	c := NewCounter(2)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				c.Add(w, 1)
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(c.Load())
	// Output: 2000
}

func ExampleSumCols() {
	const n = 64
	m := make([]int64, n*n)
	for i := range m {
		m[i] = int64(i)
	}
	// Same answer either way; only the memory access order differs.
	fmt.Println(SumRows(m, n), SumCols(m, n))
	fmt.Println(SumValues([]Node{{Val: 1}, {Val: 2}}), SumList(Link([]*Node{{Val: 1}, {Val: 2}})))
	// Output:
	// 8386560 8386560
	// 3 3
}
