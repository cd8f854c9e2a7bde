package stackheap

import (
	"runtime"
	"testing"
)

// sink keeps results alive so the compiler cannot drop the work.
var sink int64

// withGC runs body and adds a GCs/Mop column: garbage collection cycles
// that completed while the benchmark ran, per million operations.
func withGC(body func(b *testing.B)) func(b *testing.B) {
	return func(b *testing.B) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.NumGC
		body(b)
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.NumGC-before)*1e6/float64(b.N), "GCs/Mop")
	}
}

// BenchmarkReturn: a function builds a struct and hands it to its caller,
// either as a copy or as a pointer.
func BenchmarkReturn(b *testing.B) {
	b.Run("16B/value", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS16(int64(i))
			acc += s.b
		}
		sink = acc
	}))
	b.Run("16B/pointer", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS16Ptr(int64(i))
			acc += s.b
		}
		sink = acc
	}))
	b.Run("128B/value", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS128(int64(i))
			acc += s.a[15]
		}
		sink = acc
	}))
	b.Run("128B/pointer", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS128Ptr(int64(i))
			acc += s.a[15]
		}
		sink = acc
	}))
	b.Run("1KB/value", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS1K(int64(i))
			acc += s.a[127]
		}
		sink = acc
	}))
	b.Run("1KB/pointer", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS1KPtr(int64(i))
			acc += s.a[127]
		}
		sink = acc
	}))
	b.Run("8KB/value", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS8K(int64(i))
			acc += s.a[1023]
		}
		sink = acc
	}))
	b.Run("8KB/pointer", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS8KPtr(int64(i))
			acc += s.a[1023]
		}
		sink = acc
	}))
}

// BenchmarkArg: the caller owns a struct on its stack and passes it down,
// either as a copy or as a pointer that does not escape.
func BenchmarkArg(b *testing.B) {
	b.Run("16B/value", withGC(func(b *testing.B) {
		var s S16
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a = int64(i)
			acc += readS16(s)
		}
		sink = acc
	}))
	b.Run("16B/pointer", withGC(func(b *testing.B) {
		var s S16
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a = int64(i)
			acc += readS16Ptr(&s)
		}
		sink = acc
	}))
	b.Run("128B/value", withGC(func(b *testing.B) {
		var s S128
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS128(s)
		}
		sink = acc
	}))
	b.Run("128B/pointer", withGC(func(b *testing.B) {
		var s S128
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS128Ptr(&s)
		}
		sink = acc
	}))
	b.Run("1KB/value", withGC(func(b *testing.B) {
		var s S1K
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS1K(s)
		}
		sink = acc
	}))
	b.Run("1KB/pointer", withGC(func(b *testing.B) {
		var s S1K
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS1KPtr(&s)
		}
		sink = acc
	}))
	b.Run("8KB/value", withGC(func(b *testing.B) {
		var s S8K
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS8K(s)
		}
		sink = acc
	}))
	b.Run("8KB/pointer", withGC(func(b *testing.B) {
		var s S8K
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS8KPtr(&s)
		}
		sink = acc
	}))
}

// BenchmarkInterface: a 128-byte request passed through an interface method.
func BenchmarkInterface(b *testing.B) {
	b.Run("128B/value", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			acc += dispatchValue(int64(i))
		}
		sink = acc
	}))
	b.Run("128B/pointer", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			acc += dispatchPtr(int64(i))
		}
		sink = acc
	}))
}

// BenchmarkBuild: 1000 Items of 72 bytes, stored inline or behind pointers,
// then summed once.
func BenchmarkBuild(b *testing.B) {
	const n = 1000
	b.Run("1000x72B/values", withGC(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += sumValues(buildValues(n))
		}
	}))
	b.Run("1000x72B/pointers", withGC(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += sumPointers(buildPointers(n))
		}
	}))
}

var bufSink *[64]byte

// BenchmarkEvery8th allocates a 64-byte buffer on one iteration in eight.
// -benchmem divides totals by b.N with integer division.
func BenchmarkEvery8th(b *testing.B) {
	b.Run("64B", withGC(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if i%8 == 0 {
				bufSink = new([64]byte)
			}
		}
	}))
}

// pairs is never written during the benchmark, so loading from it never
// waits for a store.
var pairs = [2][2]int64{{1, 2}, {3, 4}}

// BenchmarkForward is Arg/128B/value three ways. The copy into the callee's
// argument area reads the struct 16 bytes at a time; store8 changes the
// first word with an 8-byte store just before (as BenchmarkArg does), store16
// changes the first two words with one 16-byte store (copied from pairs), nostore changes
// nothing. If store8 alone is slow, the 16-byte load is waiting for the
// 8-byte store it only partly overlaps (a failed store-to-load forward).
func BenchmarkForward(b *testing.B) {
	b.Run("128B/store8", withGC(func(b *testing.B) {
		var s S128
		var acc int64
		for i := 0; i < b.N; i++ {
			s.a[0] = int64(i)
			acc += readS128(s)
		}
		sink = acc
	}))
	b.Run("128B/store16", withGC(func(b *testing.B) {
		var s S128
		var acc int64
		for i := 0; i < b.N; i++ {
			copy(s.a[:2], pairs[i&1][:])
			acc += readS128(s)
		}
		sink = acc
	}))
	b.Run("128B/nostore", withGC(func(b *testing.B) {
		var s S128
		s.a[0] = 1
		var acc int64
		for i := 0; i < b.N; i++ {
			acc += readS128(s)
		}
		sink = acc
	}))
}

// BenchmarkZero runs the value constructors' zeroing code on its own: the
// struct lives in the benchmark's frame and is zeroed in place, so there is
// no result to copy back as there is in BenchmarkReturn's value cases.
func BenchmarkZero(b *testing.B) {
	b.Run("128B", withGC(func(b *testing.B) {
		var s S128
		var acc int64
		for i := 0; i < b.N; i++ {
			zeroS128(&s, int64(i))
			acc += s.a[15]
		}
		sink = acc
	}))
	b.Run("1KB", withGC(func(b *testing.B) {
		var s S1K
		var acc int64
		for i := 0; i < b.N; i++ {
			zeroS1K(&s, int64(i))
			acc += s.a[127]
		}
		sink = acc
	}))
	b.Run("8KB", withGC(func(b *testing.B) {
		var s S8K
		var acc int64
		for i := 0; i < b.N; i++ {
			zeroS8K(&s, int64(i))
			acc += s.a[1023]
		}
		sink = acc
	}))
}

var padSink byte

//go:noinline
func readPad(p *[1024]byte) byte { return p[0] }

// BenchmarkCopyBack is Return/8KB/value twice. In "8200" the caller's s sits
// 8,200 bytes above the result slot the copy reads from, as in
// BenchmarkReturn; in "9224" a 1 KiB local placed between them moves s up
// by 1,024 bytes. If only the distance matters, the copy's loads were
// waiting on stores whose addresses match theirs in the low 12 bits
// (4K aliasing). return-copy-asm.txt shows both layouts.
func BenchmarkCopyBack(b *testing.B) {
	b.Run("8KB/8200", withGC(func(b *testing.B) {
		var acc int64
		for i := 0; i < b.N; i++ {
			s := newS8K(int64(i))
			acc += s.a[1023]
		}
		sink = acc
	}))
	b.Run("8KB/9224", withGC(func(b *testing.B) {
		var acc int64
		var pad [1024]byte
		for i := 0; i < b.N; i++ {
			s := newS8K(int64(i))
			acc += s.a[1023]
		}
		padSink = readPad(&pad)
		sink = acc
	}))
}
