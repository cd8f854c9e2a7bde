package alignment

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

const (
	bigN   = 1 << 20 // 48 MiB or 32 MiB of events: far larger than the caches
	smallN = 1 << 12 // 192 KiB or 128 KiB: fits in L2
)

var (
	sinkPadded  []EventPadded
	sinkOrdered []EventOrdered
	sinkSum     int64
)

// The build functions come in two styles. "literal" assigns a composite
// literal to each element; "fields" assigns the fields one by one through a
// pointer. They are marked noinline so that go tool objdump can show them.

//go:noinline
func buildPaddedLiteral(n int) []EventPadded {
	s := make([]EventPadded, n)
	for i := range s {
		s[i] = EventPadded{Active: true, Timestamp: int64(i), Kind: uint8(i), UserID: uint32(i), Retries: uint16(i), Score: float64(i), Deleted: i%7 == 0}
	}
	return s
}

//go:noinline
func buildOrderedLiteral(n int) []EventOrdered {
	s := make([]EventOrdered, n)
	for i := range s {
		s[i] = EventOrdered{Active: true, Timestamp: int64(i), Kind: uint8(i), UserID: uint32(i), Retries: uint16(i), Score: float64(i), Deleted: i%7 == 0}
	}
	return s
}

//go:noinline
func buildPaddedFields(n int) []EventPadded {
	s := make([]EventPadded, n)
	for i := range s {
		e := &s[i]
		e.Active = true
		e.Timestamp = int64(i)
		e.Kind = uint8(i)
		e.UserID = uint32(i)
		e.Retries = uint16(i)
		e.Score = float64(i)
		e.Deleted = i%7 == 0
	}
	return s
}

//go:noinline
func buildOrderedFields(n int) []EventOrdered {
	s := make([]EventOrdered, n)
	for i := range s {
		e := &s[i]
		e.Active = true
		e.Timestamp = int64(i)
		e.Kind = uint8(i)
		e.UserID = uint32(i)
		e.Retries = uint16(i)
		e.Score = float64(i)
		e.Deleted = i%7 == 0
	}
	return s
}

// The fill functions repeat the two styles on a slice allocated beforehand,
// so that a benchmark of them times the stores alone: no allocation, no
// zeroing, no garbage collection.

//go:noinline
func fillPaddedLiteral(s []EventPadded) {
	for i := range s {
		s[i] = EventPadded{Active: true, Timestamp: int64(i), Kind: uint8(i), UserID: uint32(i), Retries: uint16(i), Score: float64(i), Deleted: i%7 == 0}
	}
}

//go:noinline
func fillOrderedLiteral(s []EventOrdered) {
	for i := range s {
		s[i] = EventOrdered{Active: true, Timestamp: int64(i), Kind: uint8(i), UserID: uint32(i), Retries: uint16(i), Score: float64(i), Deleted: i%7 == 0}
	}
}

//go:noinline
func fillPaddedFields(s []EventPadded) {
	for i := range s {
		e := &s[i]
		e.Active = true
		e.Timestamp = int64(i)
		e.Kind = uint8(i)
		e.UserID = uint32(i)
		e.Retries = uint16(i)
		e.Score = float64(i)
		e.Deleted = i%7 == 0
	}
}

//go:noinline
func fillOrderedFields(s []EventOrdered) {
	for i := range s {
		e := &s[i]
		e.Active = true
		e.Timestamp = int64(i)
		e.Kind = uint8(i)
		e.UserID = uint32(i)
		e.Retries = uint16(i)
		e.Score = float64(i)
		e.Deleted = i%7 == 0
	}
}

// The alloc functions only allocate: the runtime hands back zeroed memory,
// which is all that Build pays for besides the stores.

//go:noinline
func allocPadded(n int) []EventPadded { return make([]EventPadded, n) }

//go:noinline
func allocOrdered(n int) []EventOrdered { return make([]EventOrdered, n) }

// gcCycles returns how many garbage collections have finished so far.
func gcCycles() uint32 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.NumGC
}

// reportGCs stops the timer and reports the collections per operation
// since start, the value of gcCycles before the timed loop.
func reportGCs(b *testing.B, start uint32) {
	b.StopTimer()
	b.ReportMetric(float64(gcCycles()-start)/float64(b.N), "gcs/op")
}

func sumPadded(s []EventPadded) (total int64) {
	for i := range s {
		total += s[i].Timestamp
	}
	return total
}

func sumOrdered(s []EventOrdered) (total int64) {
	for i := range s {
		total += s[i].Timestamp
	}
	return total
}

// BenchmarkBuild allocates and fills a slice of 1<<20 events: allocation,
// zeroing, the stores and the garbage collections they trigger, together.
func BenchmarkBuild(b *testing.B) {
	b.Run("literal/padded", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkPadded = buildPaddedLiteral(bigN)
		}
		reportGCs(b, gcs)
		sinkPadded = nil
		b.ReportMetric(float64(unsafe.Sizeof(EventPadded{})), "bytes/struct")
	})
	b.Run("literal/ordered", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkOrdered = buildOrderedLiteral(bigN)
		}
		reportGCs(b, gcs)
		sinkOrdered = nil
		b.ReportMetric(float64(unsafe.Sizeof(EventOrdered{})), "bytes/struct")
	})
	b.Run("fields/padded", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkPadded = buildPaddedFields(bigN)
		}
		reportGCs(b, gcs)
		sinkPadded = nil
		b.ReportMetric(float64(unsafe.Sizeof(EventPadded{})), "bytes/struct")
	})
	b.Run("fields/ordered", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkOrdered = buildOrderedFields(bigN)
		}
		reportGCs(b, gcs)
		sinkOrdered = nil
		b.ReportMetric(float64(unsafe.Sizeof(EventOrdered{})), "bytes/struct")
	})
}

// BenchmarkFill fills a slice of 1<<20 events allocated before the timer
// starts: the layout and the stores, without allocation or GC.
func BenchmarkFill(b *testing.B) {
	b.Run("literal/padded", func(b *testing.B) {
		s := make([]EventPadded, bigN)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillPaddedLiteral(s)
		}
	})
	b.Run("literal/ordered", func(b *testing.B) {
		s := make([]EventOrdered, bigN)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillOrderedLiteral(s)
		}
	})
	b.Run("fields/padded", func(b *testing.B) {
		s := make([]EventPadded, bigN)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillPaddedFields(s)
		}
	})
	b.Run("fields/ordered", func(b *testing.B) {
		s := make([]EventOrdered, bigN)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillOrderedFields(s)
		}
	})
}

// BenchmarkFillTouched is BenchmarkFill with one untimed fill before the
// timer starts, so that no timed fill pays for the first touch of the
// slice's pages (page faults). Comparing the two shows that cost.
func BenchmarkFillTouched(b *testing.B) {
	b.Run("literal/padded", func(b *testing.B) {
		s := make([]EventPadded, bigN)
		fillPaddedLiteral(s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillPaddedLiteral(s)
		}
	})
	b.Run("literal/ordered", func(b *testing.B) {
		s := make([]EventOrdered, bigN)
		fillOrderedLiteral(s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillOrderedLiteral(s)
		}
	})
	b.Run("fields/padded", func(b *testing.B) {
		s := make([]EventPadded, bigN)
		fillPaddedFields(s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillPaddedFields(s)
		}
	})
	b.Run("fields/ordered", func(b *testing.B) {
		s := make([]EventOrdered, bigN)
		fillOrderedFields(s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			fillOrderedFields(s)
		}
	})
}

// BenchmarkAlloc only allocates the zeroed slice of 1<<20 events, at the
// default GOGC, and counts the collections that allocating triggers.
func BenchmarkAlloc(b *testing.B) {
	b.Run("padded", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkPadded = allocPadded(bigN)
		}
		reportGCs(b, gcs)
		sinkPadded = nil
	})
	b.Run("ordered", func(b *testing.B) {
		gcs := gcCycles()
		for i := 0; i < b.N; i++ {
			sinkOrdered = allocOrdered(bigN)
		}
		reportGCs(b, gcs)
		sinkOrdered = nil
	})
}

// BenchmarkScan sums one int64 field over an already built slice.
func BenchmarkScan(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"n=4K", smallN}, {"n=1M", bigN}} {
		n := size.n
		b.Run(size.name+"/padded", func(b *testing.B) {
			s := buildPaddedFields(n)
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				sinkSum += sumPadded(s)
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
		})
		b.Run(size.name+"/ordered", func(b *testing.B) {
			s := buildOrderedFields(n)
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				sinkSum += sumOrdered(s)
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
		})
	}
}

var (
	sinkSessionPadded  *SessionPadded
	sinkSessionOrdered *SessionOrdered
)

// BenchmarkNewSession heap-allocates one session per iteration. B/op shows
// the size class the allocator used, not unsafe.Sizeof.
func BenchmarkNewSession(b *testing.B) {
	b.Run("padded", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkSessionPadded = &SessionPadded{UserID: int64(i)}
		}
		b.ReportMetric(float64(unsafe.Sizeof(SessionPadded{})), "bytes/struct")
	})
	b.Run("ordered", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkSessionOrdered = &SessionOrdered{UserID: int64(i)}
		}
		b.ReportMetric(float64(unsafe.Sizeof(SessionOrdered{})), "bytes/struct")
	})
}

var (
	sinkSessionsPadded  []SessionPadded
	sinkSessionsOrdered []SessionOrdered
)

// BenchmarkMakeSessions heap-allocates a slice of n sessions. The backing
// array is one allocation, rounded up to a size class like any other.
func BenchmarkMakeSessions(b *testing.B) {
	for _, n := range []int{3, 100} {
		b.Run(fmt.Sprintf("n=%d/padded", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkSessionsPadded = make([]SessionPadded, n)
			}
			b.ReportMetric(float64(uintptr(n)*unsafe.Sizeof(SessionPadded{})), "bytes/slice")
		})
		b.Run(fmt.Sprintf("n=%d/ordered", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkSessionsOrdered = make([]SessionOrdered, n)
			}
			b.ReportMetric(float64(uintptr(n)*unsafe.Sizeof(SessionOrdered{})), "bytes/slice")
		})
	}
}

// BenchmarkGC times a full runtime.GC() with 1<<20 live 48-byte objects
// whose single pointer sits either last or first.
func BenchmarkGC(b *testing.B) {
	const live = 1 << 20
	b.Run("ptr-last", func(b *testing.B) {
		nodes := make([]*NodePtrLast, live)
		for i := range nodes {
			nodes[i] = &NodePtrLast{}
			if i > 0 {
				nodes[i].Next = nodes[i-1]
			}
		}
		runtime.GC()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			runtime.GC()
		}
		b.StopTimer()
		runtime.KeepAlive(nodes)
	})
	b.Run("ptr-first", func(b *testing.B) {
		nodes := make([]*NodePtrFirst, live)
		for i := range nodes {
			nodes[i] = &NodePtrFirst{}
			if i > 0 {
				nodes[i].Next = nodes[i-1]
			}
		}
		runtime.GC()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			runtime.GC()
		}
		b.StopTimer()
		runtime.KeepAlive(nodes)
	})
}

// Two goroutines each increment their own counter. In "same-line" the two
// counters share a 64-byte cache line; in "padded" they are 64 bytes apart.
type countersSameLine struct {
	a int64
	b int64
}

type countersPadded struct {
	a int64
	_ [56]byte
	b int64
}

// countersPadded128 puts the counters 128 bytes apart: on different
// 128-byte-aligned pairs of lines, which x86's adjacent-line prefetcher
// fetches together.
type countersPadded128 struct {
	a int64
	_ [120]byte
	b int64
}

func hammer(b *testing.B, x, y *int64) {
	var wg sync.WaitGroup
	wg.Add(2)
	for _, p := range []*int64{x, y} {
		go func(p *int64) {
			defer wg.Done()
			for i := 0; i < b.N; i++ {
				atomic.AddInt64(p, 1)
			}
		}(p)
	}
	wg.Wait()
}

func BenchmarkFalseSharing(b *testing.B) {
	b.Run("same-line", func(b *testing.B) {
		c := new(countersSameLine)
		hammer(b, &c.a, &c.b)
	})
	b.Run("padded", func(b *testing.B) {
		c := new(countersPadded)
		hammer(b, &c.a, &c.b)
	})
	b.Run("padded-128", func(b *testing.B) {
		c := new(countersPadded128)
		hammer(b, &c.a, &c.b)
	})
}
