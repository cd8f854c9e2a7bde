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
	if s := unsafe.Sizeof(shard{}); s != 64 {
		t.Fatalf("shard is %d bytes, want 64", s)
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
