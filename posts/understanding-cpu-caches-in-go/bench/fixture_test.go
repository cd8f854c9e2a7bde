package cache

import (
	"runtime"
	"sync"
)

// sink keeps results alive so the compiler cannot drop the loops.
var sink int64

// The big inputs are built once and shared by every run of the benchmarks that
// use them. Only one fixture is alive at a time: when a benchmark asks for a
// different one, the old one is dropped (and unmapped, if it was mapped), so later benchmarks do not pay for the
// GC scanning hundreds of megabytes they never touch.
var (
	fixMu  sync.Mutex
	fixKey string
	fixVal any
)

func fixture(key string, build func() any) any {
	fixMu.Lock()
	defer fixMu.Unlock()
	if fixKey != key {
		if f, ok := fixVal.(interface{ free() }); ok {
			f.free() // memory mapped outside the Go heap
		}
		fixKey, fixVal = "", nil
		runtime.GC()
		fixVal = build()
		fixKey = key
		runtime.GC()
	}
	return fixVal
}
