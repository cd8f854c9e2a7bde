package cache

import "testing"

// BenchmarkFalseSharing: two goroutines, each increments its own counter b.N
// times. ns/op is wall time divided by b.N: the cost of one increment while the
// other core is doing the same.
func BenchmarkFalseSharing(b *testing.B) {
	b.Run("atomic/same-counter", func(b *testing.B) {
		var c uint64
		AtomicPair(&c, &c, b.N)
	})
	b.Run("atomic/adjacent", func(b *testing.B) {
		c := new(Adjacent)
		AtomicPair(&c.A, &c.B, b.N)
	})
	b.Run("atomic/padded-64", func(b *testing.B) {
		c := new(Padded64)
		AtomicPair(&c.A, &c.B, b.N)
	})
	b.Run("plain/adjacent", func(b *testing.B) {
		c := new(Adjacent)
		PlainPair(&c.A, &c.B, b.N)
	})
	b.Run("plain/padded-64", func(b *testing.B) {
		c := new(Padded64)
		PlainPair(&c.A, &c.B, b.N)
	})
}
