package gcbench

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// liveOrders is sized so that the store is a few tens of MiB of
// pointer-rich live heap, like a service's in-memory cache.
const liveOrders, itemsPerOrder = 120_000, 6

type gcConfig struct {
	name  string
	gogc  int   // -1 means off
	limit int64 // bytes; math.MaxInt64 means no limit
}

// BenchmarkService runs the order service on every P (b.RunParallel) with a
// live store in the heap, under several GOGC/GOMEMLIMIT settings, and reports
// what the GC did next to the usual ns/op:
//
//	cpu-us/req     CPU time the whole process used per request (user+sys,
//	               so it includes GC work on otherwise idle cores)
//	gc-us/req      the runtime's estimate of GC CPU time per request
//	               (/cpu/classes/gc/total:cpu-seconds), for the cycles that
//	               completed during the run
//	assist-us/req  the part of it that request goroutines spent in mark
//	               assists (/cpu/classes/gc/mark/assist:cpu-seconds)
//	GCs/1k-req     completed GC cycles per 1,000 requests
//	STW-us/GC      mean stop-the-world time per cycle (both pauses)
//	p99-us         99th percentile request latency
//	peak-MiB       peak of the memory the runtime holds from the OS
//	               (what GOMEMLIMIT limits), sampled every 2 ms
//	limiter-hits   1 if the GC CPU limiter engaged during the run
//
// The CPU limiter's bucket and the pacer's history live in the process, so
// run.sh starts a fresh process for every run of every setting.
func BenchmarkService(b *testing.B) {
	store := NewStore(liveOrders, itemsPerOrder)
	const MiB = 1 << 20
	configs := []gcConfig{
		{"naive/gogc=100", 100, math.MaxInt64},
		{"naive/gogc=off", -1, math.MaxInt64}, // the control: no GC at all
		{"naive/gogc=400", 400, math.MaxInt64},
		{"naive/gogc=off,limit=256MiB", -1, 256 * MiB},
		{"naive/gogc=100,limit=80MiB", 100, 80 * MiB},
		{"naive/gogc=100,limit=48MiB", 100, 48 * MiB},
		{"lean/gogc=100", 100, math.MaxInt64},
	}
	for _, c := range configs {
		serve := store.ServeNaive
		if c.name[:4] == "lean" {
			serve = store.ServeLean
		}
		b.Run(c.name, func(b *testing.B) {
			oldGOGC := debug.SetGCPercent(c.gogc)
			oldLimit := debug.SetMemoryLimit(c.limit)
			defer func() {
				debug.SetGCPercent(oldGOGC)
				debug.SetMemoryLimit(oldLimit)
			}()
			runService(b, serve)
		})
	}
	runtime.KeepAlive(store)
}

var gcMetrics = []string{
	"/gc/limiter/last-enabled:gc-cycle",
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/gc/mark/assist:cpu-seconds",
}

func readGCMetrics() []metrics.Sample {
	s := make([]metrics.Sample, len(gcMetrics))
	for i, name := range gcMetrics {
		s[i].Name = name
	}
	metrics.Read(s)
	return s
}

func runService(b *testing.B, serve func(first int) int) {
	debug.FreeOSMemory() // a clean start: GC, and hand the last run's memory back
	// The latency buffers are allocated before the timer starts, so that
	// B/op and allocs/op count the service's allocations only.
	lat := newLatencies(runtime.GOMAXPROCS(0), b.N)
	var next, served atomic.Int64
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	m0 := readGCMetrics()
	stop := samplePeak()
	cpu0 := cpuTime()

	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		mine := lat.shard()
		n := 0
		for pb.Next() {
			start := time.Now()
			n += serve(int(next.Add(PageSize)))
			*mine = append(*mine, time.Since(start))
		}
		served.Add(int64(n))
	})
	b.StopTimer()

	cpu := cpuTime() - cpu0
	peak := stop()
	runtime.ReadMemStats(&ms1)
	m1 := readGCMetrics()
	sinkN = int(served.Load())
	perReq := func(seconds float64) float64 { return seconds * 1e6 / float64(b.N) }
	gcs := float64(ms1.NumGC - ms0.NumGC)
	b.ReportMetric(perReq(cpu.Seconds()), "cpu-us/req")
	b.ReportMetric(perReq(m1[1].Value.Float64()-m0[1].Value.Float64()), "gc-us/req")
	b.ReportMetric(perReq(m1[2].Value.Float64()-m0[2].Value.Float64()), "assist-us/req")
	b.ReportMetric(gcs*1000/float64(b.N), "GCs/1k-req")
	if gcs > 0 {
		b.ReportMetric(float64(ms1.PauseTotalNs-ms0.PauseTotalNs)/gcs/1e3, "STW-us/GC")
	} else {
		b.ReportMetric(0, "STW-us/GC")
	}
	b.ReportMetric(lat.percentile(0.99).Seconds()*1e6, "p99-us")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	hit := 0.0
	if m1[0].Value.Uint64() > m0[0].Value.Uint64() {
		hit = 1
	}
	b.ReportMetric(hit, "limiter-hits")
}

// latencies keeps one preallocated slice per goroutine, so recording a
// sample neither allocates nor contends.
type latencies struct {
	next   atomic.Int32
	shards []*[]time.Duration
}

// newLatencies allocates one shard of capacity n for each of the goroutines
// RunParallel will start (GOMAXPROCS of them at the default parallelism).
func newLatencies(goroutines, n int) *latencies {
	l := &latencies{shards: make([]*[]time.Duration, goroutines)}
	for i := range l.shards {
		s := make([]time.Duration, 0, n)
		l.shards[i] = &s
	}
	return l
}

func (l *latencies) shard() *[]time.Duration {
	return l.shards[int(l.next.Add(1)-1)%len(l.shards)]
}

func (l *latencies) percentile(p float64) time.Duration {
	var all []time.Duration
	for _, s := range l.shards {
		all = append(all, *s...)
	}
	if len(all) == 0 {
		return 0
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return all[int(p*float64(len(all)-1))]
}

// cpuTime is the user+system CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// samplePeak polls the runtime's own view of the memory it holds from the
// OS, the quantity GOMEMLIMIT applies to, and returns a function that stops
// polling and reports the largest value seen.
func samplePeak() func() uint64 {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		s := []metrics.Sample{
			{Name: "/memory/classes/total:bytes"},
			{Name: "/memory/classes/heap/released:bytes"},
		}
		var peak uint64
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64() - s[1].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-done:
				result <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

type node struct {
	next  *node
	value int64
}

type flatNode struct {
	next  int32 // index into the same slice instead of a pointer
	value int64
}

var (
	liveNodes []*node
	liveArena []node
	liveFlat  []flatNode
)

// timeGCs runs b.N forced GC cycles and also reports the CPU time they cost
// the process, which a busy neighbour on the machine disturbs less than the
// wall-clock ns/op.
func timeGCs(b *testing.B) {
	runtime.GC()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/GC")
}

// BenchmarkMark times one full, forced GC cycle with the same 2M records in
// the live heap in three shapes:
//
//	pointers      2M separately allocated 16-byte nodes, linked by pointers
//	              and referenced from a []*node: 2M objects, 4M pointers
//	one-object    one []node of 2M elements (32 MB), each next pointing at
//	              the following element: 1 object, 2M pointers
//	flat          one []flatNode, linked by int32 indices: 1 object, no
//	              pointers, so the GC never looks inside it
func BenchmarkMark(b *testing.B) {
	const n = 2_000_000
	b.Run("pointers", func(b *testing.B) {
		liveNodes = make([]*node, n)
		for i := range liveNodes {
			liveNodes[i] = &node{value: int64(i)}
			if i > 0 {
				liveNodes[i-1].next = liveNodes[i]
			}
		}
		timeGCs(b)
		liveNodes = nil
	})
	b.Run("one-object", func(b *testing.B) {
		liveArena = make([]node, n)
		for i := range liveArena {
			liveArena[i].value = int64(i)
			if i > 0 {
				liveArena[i-1].next = &liveArena[i]
			}
		}
		timeGCs(b)
		liveArena = nil
	})
	b.Run("flat", func(b *testing.B) {
		liveFlat = make([]flatNode, n)
		for i := range liveFlat {
			liveFlat[i] = flatNode{next: int32(i + 1), value: int64(i)}
		}
		timeGCs(b)
		liveFlat = nil
	})
}
