package gcbench

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
)

var (
	sinkInts  []int64
	sinkMap   map[int64]int
	sinkStr   string
	sinkBytes []byte
	sinkN     int
)

// Collect the IDs of 1,000 items: growing from nil versus sizing up front.
func BenchmarkCollect(b *testing.B) {
	o := NewStore(1, 1000).Get(0)
	b.Run("slice/grow", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var ids []int64
			for _, it := range o.Items {
				ids = append(ids, it.ID)
			}
			sinkInts = ids
		}
	})
	b.Run("slice/prealloc", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ids := make([]int64, 0, len(o.Items))
			for _, it := range o.Items {
				ids = append(ids, it.ID)
			}
			sinkInts = ids
		}
	})
	b.Run("map/grow", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m := map[int64]int{}
			for j, it := range o.Items {
				m[it.ID] = j
			}
			sinkMap = m
		}
	})
	b.Run("map/sized", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m := make(map[int64]int, len(o.Items))
			for j, it := range o.Items {
				m[it.ID] = j
			}
			sinkMap = m
		}
	})
}

// Turn an integer into text: fmt boxes its argument into an interface,
// strconv does not, and AppendInt writes into a buffer the caller owns.
func BenchmarkFormat(b *testing.B) {
	small, large := 42, 424242
	b.Run("Sprintf/small", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkStr = fmt.Sprintf("%d", small)
		}
	})
	b.Run("Sprintf/large", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkStr = fmt.Sprintf("%d", large)
		}
	})
	b.Run("Itoa/large", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkStr = strconv.Itoa(large)
		}
	})
	b.Run("AppendInt/large", func(b *testing.B) {
		buf := make([]byte, 0, 32)
		for i := 0; i < b.N; i++ {
			buf = strconv.AppendInt(buf[:0], int64(large), 10)
		}
		sinkBytes = buf
	})
}

// Render one order: the fmt-based renderer, then the append-based one with a
// buffer grown from nil, a buffer sized up front, a sync.Pool, and a buffer
// the caller keeps and reuses.
func BenchmarkRender(b *testing.B) {
	o := NewStore(1, 6).Get(0)
	b.Run("naive", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = RenderNaive(o)
		}
	})
	b.Run("append/fresh-buffer", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = AppendOrder(nil, o)
		}
	})
	b.Run("append/fresh-sized", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sinkBytes = AppendOrder(make([]byte, 0, 1024), o)
		}
	})
	b.Run("append/sync.Pool", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			WriteOrder(func(p []byte) { sinkN += len(p) }, o)
		}
	})
	b.Run("append/reused", func(b *testing.B) {
		var buf []byte
		for i := 0; i < b.N; i++ {
			buf = AppendOrder(buf[:0], o)
		}
		sinkBytes = buf
	})
}

// The classic pool mistake: putting a []byte (not a pointer) into the pool
// boxes the slice header on every Put.
func BenchmarkPoolPut(b *testing.B) {
	b.Run("slice-value", func(b *testing.B) {
		p := sync.Pool{New: func() any { return make([]byte, 0, 1024) }}
		for i := 0; i < b.N; i++ {
			buf := p.Get().([]byte)
			buf = append(buf[:0], "hello"...)
			p.Put(buf[:0]) //nolint:staticcheck // SA6002, on purpose
		}
	})
	b.Run("pointer", func(b *testing.B) {
		p := sync.Pool{New: func() any { s := make([]byte, 0, 1024); return &s }}
		for i := 0; i < b.N; i++ {
			bp := p.Get().(*[]byte)
			*bp = append((*bp)[:0], "hello"...)
			p.Put(bp)
		}
	})
}
