// Command churn is the order service from the article as a plain program, so
// that it can be run under GODEBUG=gctrace=1, GOGC and GOMEMLIMIT:
//
//	GODEBUG=gctrace=1 go run ./cmd/churn
//	GODEBUG=gctrace=1 GOGC=off GOMEMLIMIT=256MiB go run ./cmd/churn
//	go run ./cmd/churn -memprofile mem.prof
//
// It builds the in-memory store (the live heap), then serves requests with
// the wasteful renderer on every P and prints a one-line summary.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	gcbench "playbook/posts/go-gc-deep-dive/bench"
)

func main() {
	orders := flag.Int("orders", 120_000, "orders kept in memory")
	requests := flag.Int("requests", 40_000, "requests to serve")
	lean := flag.Bool("lean", false, "use the pooled, append-based renderer")
	memprofile := flag.String("memprofile", "", "write a heap profile here when done")
	flag.Parse()

	store := gcbench.NewStore(*orders, 6)
	serve := store.ServeNaive
	if *lean {
		serve = store.ServeLean
	}

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()

	var next, bytes atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1); i <= int64(*requests); i = next.Add(1) {
				bytes.Add(int64(serve(int(i) * gcbench.PageSize)))
			}
		}()
	}
	wg.Wait()

	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("served %d requests (%d MiB of responses) in %v: %d GCs, %v total STW pause, %d MiB allocated\n",
		*requests, bytes.Load()>>20, elapsed.Round(time.Millisecond),
		after.NumGC-before.NumGC,
		time.Duration(after.PauseTotalNs-before.PauseTotalNs).Round(time.Microsecond),
		(after.TotalAlloc-before.TotalAlloc)>>20)

	if *memprofile != "" {
		// The in-use numbers in a heap profile are as of the last completed
		// GC; run one so that they describe the live heap right now.
		runtime.GC()
		f, err := os.Create(*memprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
	runtime.KeepAlive(store)
}
