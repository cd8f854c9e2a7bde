package cache

import (
	"fmt"
	"testing"
	"time"
	"unsafe"
)

// mapped is a fixture in a Region; fixture() frees it when it is dropped.
type mapped struct {
	r    *Region
	huge float64 // % of the region in huge pages, from /proc/self/smaps
}

func (m *mapped) free() { m.r.Free() }

func mapFixture(b *testing.B, key string, size int, huge bool, fill func(*Region)) *mapped {
	return fixture(key, func() any {
		r, err := MapRegion(size, huge)
		if err != nil {
			b.Fatal(err)
		}
		fill(r)
		share, err := HugeShare(unsafe.Pointer(&r.Mem[0]), uintptr(len(r.Mem)))
		if err != nil {
			b.Fatal(err)
		}
		return &mapped{r: r, huge: share}
	}).(*mapped)
}

// reportHuge reports how much of a heap slice sits in huge pages (an upper
// bound: smaps counts the heap's whole mapping).
func reportHuge(b *testing.B, p unsafe.Pointer, size uintptr) {
	share, err := HugeShare(p, size)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(share, "%-huge-pages")
}

var pageSizes = []struct {
	name string
	huge bool
}{{"4KiB", false}, {"2MiB", true}}

// BenchmarkChasePages: the random chase of BenchmarkChase, in memory mapped
// with 4 KiB pages (MADV_NOHUGEPAGE) or 2 MiB pages (MADV_HUGEPAGE).
func BenchmarkChasePages(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"4MiB", 4 << 20}, {"16MiB", 16 << 20}, {"256MiB", 256 << 20}} {
		for _, ps := range pageSizes {
			name := fmt.Sprintf("size=%s/pages=%s", size.name, ps.name)
			b.Run(name, func(b *testing.B) {
				m := mapFixture(b, "chasepages/"+name, size.bytes, ps.huge, func(r *Region) {
					lines := r.Lines()[:size.bytes/64]
					LinkChase(lines, nil, true, 1)
				})
				lines := m.r.Lines()
				b.ResetTimer()
				sink += int64(Chase(lines, b.N))
				b.ReportMetric(m.huge, "%-huge-pages")
			})
		}
	}
}

// BenchmarkSparseChase: always 4096 lines (256 KiB, which fits the 1 MiB L2),
// packed into 64 pages or spread one per page over 4096 pages, so the data
// stays in the same cache level and only the number of pages changes.
func BenchmarkSparseChase(b *testing.B) {
	const nLines = 4096
	for _, span := range []struct {
		name  string
		pages int
	}{{"256KiB", 64}, {"4MiB", 1024}, {"16MiB", 4096}} {
		for _, ps := range pageSizes {
			name := fmt.Sprintf("span=%s/pages=%s", span.name, ps.name)
			b.Run(name, func(b *testing.B) {
				m := mapFixture(b, "sparse/"+name, span.pages*4096, ps.huge, func(r *Region) {
					LinkChase(r.Lines(), SparseIndex(nLines, span.pages), true, 1)
				})
				lines := m.r.Lines()
				b.ResetTimer()
				sink += int64(Chase(lines, b.N))
				b.ReportMetric(m.huge, "%-huge-pages")
			})
		}
	}
}

// BenchmarkMatrixPages: the column walk of BenchmarkMatrix in mapped memory
// with 4 KiB or 2 MiB pages.
func BenchmarkMatrixPages(b *testing.B) {
	for _, n := range []int{4096, 4104} {
		for _, ps := range pageSizes {
			name := fmt.Sprintf("n=%d/cols/pages=%s", n, ps.name)
			b.Run(name, func(b *testing.B) {
				d := mapFixture(b, "matrixpages/"+name, n*n*8, ps.huge, func(r *Region) {
					m := r.Int64s()[:n*n]
					for i := range m {
						m[i] = int64(i)
					}
				})
				m := d.r.Int64s()[:n*n]
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					sink += SumCols(m, n)
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n*n), "ns/elem")
				b.ReportMetric(d.huge, "%-huge-pages")
			})
		}
	}
}

// A chase in mapped memory with MADV_HUGEPAGE or MADV_NOHUGEPAGE is one cycle
// over the lines asked for, like the heap chase.
func TestMappedSparseChaseIsOneCycle(t *testing.T) {
	for _, huge := range []bool{false, true} {
		r, err := MapRegion(4096*4096, huge)
		if err != nil {
			t.Fatal(err)
		}
		lines := r.Lines()
		idx := SparseIndex(4096, 4096)
		LinkChase(lines, idx, true, 1)
		p := uint32(0)
		for i := 0; i < len(idx); i++ {
			p = lines[p].next
			if p == 0 && i != len(idx)-1 {
				t.Fatalf("huge=%v: back at 0 after %d hops", huge, i+1)
			}
		}
		if p != 0 {
			t.Fatalf("huge=%v: not back at 0 after %d hops", huge, len(idx))
		}
		share, err := HugeShare(unsafe.Pointer(&r.Mem[0]), uintptr(len(r.Mem)))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("huge=%v: %.0f%% of the region in huge pages", huge, share)
		if !huge && share != 0 {
			t.Fatalf("MADV_NOHUGEPAGE region has %.0f%% huge pages", share)
		}
		r.Free()
	}
}
