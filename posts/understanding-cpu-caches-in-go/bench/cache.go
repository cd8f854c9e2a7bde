// Package cache holds the data structures and loops measured in
// "Understanding CPU Caches in Go". The benchmarks are in *_test.go.
package cache

import (
	"math/rand"
	"sync"
	"sync/atomic"
	"time"
)

// ---- Latency ladder: pointer chasing -------------------------------------

// Line is exactly one 64-byte cache line. Only next is used; the padding
// makes every hop of the chase land on a different line.
type Line struct {
	next uint32
	_    [60]byte
}

// NewChase returns n lines linked into one cycle. If random is false the cycle
// is 0 -> 1 -> 2 -> ... (a stride the prefetcher can follow); otherwise it is a
// random single cycle built with Sattolo's algorithm.
func NewChase(n int, random bool, seed int64) []Line {
	lines := make([]Line, n)
	LinkChase(lines, nil, random, seed)
	return lines
}

// LinkChase links the lines at the given indices (all of them if idx is nil)
// into one cycle, in index order or in a random order. idx[0] must be 0, where
// Chase starts.
func LinkChase(lines []Line, idx []uint32, random bool, seed int64) {
	if idx == nil {
		idx = make([]uint32, len(lines))
		for i := range idx {
			idx[i] = uint32(i)
		}
	}
	n := len(idx)
	if !random {
		for i, at := range idx {
			lines[at].next = idx[(i+1)%n]
		}
		return
	}
	perm := make([]uint32, n)
	for i := range perm {
		perm[i] = uint32(i)
	}
	r := rand.New(rand.NewSource(seed))
	for i := n - 1; i > 0; i-- { // Sattolo: j < i, never j == i
		j := r.Intn(i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	for i, at := range idx {
		lines[at].next = idx[perm[i]]
	}
}

// SparseIndex picks nLines lines spread evenly over pages 4 KiB pages
// (nLines/pages lines on each), as indices into a []Line that covers the pages.
// The lines' offsets within their pages are staggered so that, with 2 MiB
// pages too, they spread evenly over the L1 and L2 sets.
func SparseIndex(nLines, pages int) []uint32 {
	const perPage = 4096 / 64
	inPage := nLines / pages
	idx := make([]uint32, nLines)
	for k := range idx {
		p, j := k%pages, k/pages
		slot := (j*(perPage/inPage) + p/32) % perPage
		idx[k] = uint32(p*perPage + slot)
	}
	return idx
}

// Chase follows the chain for steps hops. Every load depends on the previous
// one, so the CPU cannot overlap them: the time per hop is the load latency.
func Chase(lines []Line, steps int) uint32 {
	p := uint32(0)
	for i := 0; i < steps; i++ {
		p = lines[p].next
	}
	return p
}

// ---- 2D arrays: row-major vs column-major ---------------------------------

// SumRows walks an n x n row-major matrix the way it is laid out.
func SumRows(m []int64, n int) int64 {
	var sum int64
	for r := 0; r < n; r++ {
		row := m[r*n : r*n+n]
		for c := range row {
			sum += row[c]
		}
	}
	return sum
}

// SumCols walks the same matrix column by column: consecutive loads are
// n*8 bytes apart.
func SumCols(m []int64, n int) int64 {
	var sum int64
	for c := 0; c < n; c++ {
		for r := 0; r < n; r++ {
			sum += m[r*n+c]
		}
	}
	return sum
}

// ---- Slices, pointers and linked lists --------------------------------------

// Node is a 16-byte list node.
type Node struct {
	Val  int64
	Next *Node
}

// SumValues sums a slice of values: one contiguous block.
func SumValues(s []Node) int64 {
	var sum int64
	for i := range s {
		sum += s[i].Val
	}
	return sum
}

// SumPointers sums through a slice of pointers. The addresses are all known up
// front, so the CPU can have many misses in flight at once.
func SumPointers(s []*Node) int64 {
	var sum int64
	for _, p := range s {
		sum += p.Val
	}
	return sum
}

// SumList walks a linked list. The next address is only known once the current
// node has arrived: the misses are serialised.
func SumList(head *Node) int64 {
	var sum int64
	for p := head; p != nil; p = p.Next {
		sum += p.Val
	}
	return sum
}

// NewNodes allocates n nodes one by one, the way a service builds them.
func NewNodes(n int) []*Node {
	nodes := make([]*Node, n)
	for i := range nodes {
		nodes[i] = &Node{Val: int64(i)}
	}
	return nodes
}

// Shuffle permutes the pointers (not the nodes they point to).
func Shuffle(nodes []*Node, seed int64) {
	r := rand.New(rand.NewSource(seed))
	r.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
}

// Link chains the nodes in slice order and returns the head.
func Link(nodes []*Node) *Node {
	for i := 0; i < len(nodes)-1; i++ {
		nodes[i].Next = nodes[i+1]
	}
	nodes[len(nodes)-1].Next = nil
	return nodes[0]
}

// ---- Hot and cold fields -----------------------------------------------------

// Order is a typical 96-byte record; a report only needs AmountCents.
type Order struct {
	ID          int64
	CustomerID  int64
	AmountCents int64
	Currency    [3]byte
	Status      uint8
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Note        string
}

// SumAmounts sums one field of an array of structs.
func SumAmounts(orders []Order) int64 {
	var sum int64
	for i := range orders {
		sum += orders[i].AmountCents
	}
	return sum
}

// SumInt64s sums a dense column of the same values.
func SumInt64s(s []int64) int64 {
	var sum int64
	for _, v := range s {
		sum += v
	}
	return sum
}

// ---- False sharing ------------------------------------------------------------

// Adjacent puts both counters in the same 16 bytes, so in the same line.
type Adjacent struct {
	A uint64
	B uint64
}

// Padded64 keeps the counters 64 bytes apart: never in the same line.
type Padded64 struct {
	A uint64
	_ [56]byte
	B uint64
}

// Padded128 keeps the counters 128 bytes apart: never in the same 128-byte
// block, which is what an adjacent-line prefetcher fetches as a pair, and
// never in the same line on a CPU with 128-byte lines.
type Padded128 struct {
	A uint64
	_ [120]byte
	B uint64
}

// AtomicPair runs two goroutines; each adds 1 to its own counter n times with
// an atomic add.
func AtomicPair(a, b *uint64, n int) {
	pair(func() {
		for i := 0; i < n; i++ {
			atomic.AddUint64(a, 1)
		}
	}, func() {
		for i := 0; i < n; i++ {
			atomic.AddUint64(b, 1)
		}
	})
}

// PlainPair is the same with ordinary stores. Each goroutine writes only its
// own variable, so there is no data race, but the line still bounces.
func PlainPair(a, b *uint64, n int) {
	pair(func() {
		for i := 0; i < n; i++ {
			*a++
		}
	}, func() {
		for i := 0; i < n; i++ {
			*b++
		}
	})
}

func pair(f, g func()) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); f() }()
	go func() { defer wg.Done(); g() }()
	wg.Wait()
}

// ---- The fix, as application code --------------------------------------------

// shard is one worker's counter. Each counter starts 128 bytes after its
// neighbour, so no two counters share a 64-byte line or a 128-byte block
// (the pair an x86 adjacent-line prefetcher fetches; one line on Apple M).
type shard struct {
	n atomic.Int64
	_ [120]byte
}

// Counter is a counter that many goroutines can bump without false sharing,
// as long as each uses its own worker index.
type Counter struct{ shards []shard }

func NewCounter(workers int) *Counter { return &Counter{shards: make([]shard, workers)} }

func (c *Counter) Add(worker int, d int64) { c.shards[worker].n.Add(d) }

// Load sums the shards. It is not a snapshot: concurrent Adds may or may not
// be included.
func (c *Counter) Load() int64 {
	var sum int64
	for i := range c.shards {
		sum += c.shards[i].n.Load()
	}
	return sum
}
