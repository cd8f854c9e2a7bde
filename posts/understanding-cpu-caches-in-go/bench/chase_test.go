package cache

import (
	"fmt"
	"testing"
	"unsafe"
)

// BenchmarkChase: one op = one dependent load. ns/op is the load-to-use latency
// for a working set of the given size.
func BenchmarkChase(b *testing.B) {
	cases := []struct {
		size   string
		bytes  int
		random bool
	}{
		{"16KiB", 16 << 10, true},   // fits L1d (32 KiB here)
		{"512KiB", 512 << 10, true}, // fits L2 (1 MiB here)
		{"4MiB", 4 << 20, true},     // fits L3 (32 MiB here, shared)
		{"16MiB", 16 << 20, true},   // still "fits" L3 on paper
		{"256MiB", 256 << 20, true}, // DRAM
		{"256MiB", 256 << 20, false},
	}
	for _, c := range cases {
		order := "random"
		if !c.random {
			order = "sequential"
		}
		name := fmt.Sprintf("size=%s/%s", c.size, order)
		b.Run(name, func(b *testing.B) {
			lines := fixture("chase/"+name, func() any {
				return NewChase(c.bytes/64, c.random, 1)
			}).([]Line)
			b.ResetTimer()
			sink += int64(Chase(lines, b.N))
			b.StopTimer()
			reportHuge(b, unsafe.Pointer(&lines[0]), uintptr(len(lines))*64)
		})
	}
}
