package cache

import (
	"testing"
	"unsafe"
)

// at128 returns a zeroed T at a 128-byte aligned address. T must hold no
// pointers. Aligned this way, Padded64's counters sit in the two halves of one
// 128-byte block, the pair of lines an adjacent-line prefetcher fetches
// together; Padded128's never do.
func at128[T any]() *T {
	var zero T
	buf := make([]byte, unsafe.Sizeof(zero)+128)
	off := (128 - uintptr(unsafe.Pointer(&buf[0]))%128) % 128
	return (*T)(unsafe.Pointer(&buf[off]))
}

// BenchmarkFalseSharing: two goroutines, each increments its own counter b.N
// times. ns/op is wall time divided by b.N: the cost of one increment while the
// other core is doing the same.
func BenchmarkFalseSharing(b *testing.B) {
	b.Run("atomic/same-counter", func(b *testing.B) {
		c := at128[uint64]()
		AtomicPair(c, c, b.N)
	})
	b.Run("atomic/adjacent", func(b *testing.B) {
		c := at128[Adjacent]()
		AtomicPair(&c.A, &c.B, b.N)
	})
	b.Run("atomic/padded-64", func(b *testing.B) {
		c := at128[Padded64]()
		AtomicPair(&c.A, &c.B, b.N)
	})
	b.Run("atomic/padded-128", func(b *testing.B) {
		c := at128[Padded128]()
		AtomicPair(&c.A, &c.B, b.N)
	})
	b.Run("plain/adjacent", func(b *testing.B) {
		c := at128[Adjacent]()
		PlainPair(&c.A, &c.B, b.N)
	})
	b.Run("plain/padded-64", func(b *testing.B) {
		c := at128[Padded64]()
		PlainPair(&c.A, &c.B, b.N)
	})
	b.Run("plain/padded-128", func(b *testing.B) {
		c := at128[Padded128]()
		PlainPair(&c.A, &c.B, b.N)
	})
}
