// Command thpcheck allocates one 256 MiB slice on the Go heap, links it into
// the random chase of BenchmarkChase, and prints how much of the heap mapping
// holding it is in transparent huge pages (AnonHugePages in /proc/self/smaps)
// and how long one dependent load took. It compiles with Go 1.19 to 1.26, so
// the same source can be run under each toolchain on one machine:
//
//	go run main.go   (from this directory, with each toolchain in turn)
//
// Up to Go 1.20 the runtime called MADV_HUGEPAGE on the aligned 2 MiB pages
// inside a large allocation; Go 1.21.1 and later do not.
package main

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

type line struct {
	next uint32
	_    [60]byte
}

func main() {
	const size = 256 << 20
	n := size / 64
	lines := make([]line, n)
	perm := make([]uint32, n)
	for i := range perm {
		perm[i] = uint32(i)
	}
	r := rand.New(rand.NewSource(1))
	for i := n - 1; i > 0; i-- { // Sattolo: one cycle through every line
		j := r.Intn(i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	for i := range lines {
		lines[i].next = perm[i]
	}
	perm = nil
	runtime.GC()

	huge := hugeKiB(uintptr(unsafe.Pointer(&lines[0])), size)
	const hops = 5_000_000
	p := uint32(0)
	for i := 0; i < hops/10; i++ { // warm the TLB and caches a little
		p = lines[p].next
	}
	start := time.Now()
	for i := 0; i < hops; i++ {
		p = lines[p].next
	}
	ns := float64(time.Since(start).Nanoseconds()) / hops
	fmt.Printf("%s\theap AnonHugePages %d MiB of %d MiB\t%.1f ns/hop\t(end %d)\n",
		runtime.Version(), huge>>10, size>>20, ns, p)
}

// hugeKiB sums AnonHugePages over the smaps entries that overlap [lo, lo+n).
func hugeKiB(lo, n uintptr) uint64 {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	hi := lo + n
	var in bool
	var kb uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if i := strings.IndexByte(fields[0], '-'); i > 0 && !strings.HasSuffix(fields[0], ":") {
			s, err1 := strconv.ParseUint(fields[0][:i], 16, 64)
			e, err2 := strconv.ParseUint(fields[0][i+1:], 16, 64)
			if err1 == nil && err2 == nil {
				in = uintptr(s) < hi && uintptr(e) > lo
				continue
			}
		}
		if in && fields[0] == "AnonHugePages:" && len(fields) >= 2 {
			v, err := strconv.ParseUint(fields[1], 10, 64)
			if err != nil {
				panic(err)
			}
			kb += v
		}
	}
	return kb
}
