package cache

import (
	"testing"
	"time"
	"unsafe"
)

const traverseN = 2 << 20 // 2M elements of 16 bytes = 32 MiB per data set

// adjacentShare is the percentage of hops that land exactly one Node
// (16 bytes) after the node they start from.
func adjacentShare(head *Node) float64 {
	var hops, adjacent int
	for p := head; p.Next != nil; p = p.Next {
		hops++
		next := uintptr(unsafe.Pointer(p.Next))
		if next-uintptr(unsafe.Pointer(p)) == unsafe.Sizeof(Node{}) {
			adjacent++
		}
	}
	return 100 * float64(adjacent) / float64(hops)
}

type linked struct {
	ptrs     []*Node // the nodes, in link order
	head     *Node
	adjacent float64
}

// buildLinked allocates traverseN nodes one by one and links them either in
// allocation order or in a random order. The pointer slice is in link order
// too, so "slice of pointers" and "list" visit the same addresses in the same
// sequence; only the way the next address is found differs.
func buildLinked(shuffled bool) func() any {
	return func() any {
		d := &linked{ptrs: NewNodes(traverseN)}
		if shuffled {
			Shuffle(d.ptrs, 2)
		}
		d.head = Link(append([]*Node(nil), d.ptrs...))
		d.adjacent = adjacentShare(d.head)
		return d
	}
}

func buildValues() any {
	s := make([]Node, traverseN)
	for i := range s {
		s[i].Val = int64(i)
	}
	return s
}

// BenchmarkTraverse: one op = summing all 2M values once. Each case keeps only
// its own data alive, so the GC that the testing package runs between rounds
// does not have to mark the other cases' millions of nodes.
func BenchmarkTraverse(b *testing.B) {
	timed := func(b *testing.B, run func() int64) {
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			sink += run()
		}
		b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/traverseN, "ns/elem")
	}
	b.Run("slice-of-values", func(b *testing.B) {
		s := fixture("traverse/values", buildValues).([]Node)
		timed(b, func() int64 { return SumValues(s) })
	})
	for _, order := range []string{"alloc-order", "shuffled"} {
		get := func() *linked {
			return fixture("traverse/"+order, buildLinked(order == "shuffled")).(*linked)
		}
		b.Run("slice-of-pointers/"+order, func(b *testing.B) {
			d := get()
			timed(b, func() int64 { return SumPointers(d.ptrs) })
		})
		b.Run("list/"+order, func(b *testing.B) {
			d := get()
			timed(b, func() int64 { return SumList(d.head) })
			b.ReportMetric(d.adjacent, "%-next-adjacent")
		})
	}
}
