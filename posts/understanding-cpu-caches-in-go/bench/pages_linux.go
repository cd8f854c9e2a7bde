//go:build linux

package cache

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// ---- Page size: memory outside the Go heap with explicit huge-page advice ----

const (
	smallPage = 4 << 10
	hugePage  = 2 << 20
)

// Region is anonymous memory mapped outside the Go heap, 2 MiB aligned, with
// the transparent-huge-page advice set explicitly: MADV_HUGEPAGE asks the
// kernel for 2 MiB pages, MADV_NOHUGEPAGE forbids them. (With the system
// setting at "madvise", memory without advice gets 4 KiB pages.) Every page is
// written once, so the page size is settled before anything is timed.
type Region struct {
	mapping []byte // the whole mapping, for Munmap
	Mem     []byte // the aligned part the caller uses
}

func MapRegion(size int, huge bool) (*Region, error) {
	size = (size + hugePage - 1) &^ (hugePage - 1)
	// One extra huge page on each side: the aligned part never starts or ends
	// at the mapping's edge, so its VMA stays its own in /proc/self/smaps.
	m, err := syscall.Mmap(-1, 0, size+2*hugePage,
		syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, err
	}
	base := uintptr(unsafe.Pointer(&m[0]))
	off := int((base+smallPage+hugePage-1)&^(hugePage-1) - base)
	mem := m[off : off+size : off+size]
	advice := syscall.MADV_NOHUGEPAGE
	if huge {
		advice = syscall.MADV_HUGEPAGE
	}
	if err := syscall.Madvise(mem, advice); err != nil {
		syscall.Munmap(m)
		return nil, err
	}
	for i := 0; i < len(mem); i += smallPage {
		mem[i] = 1
	}
	return &Region{mapping: m, Mem: mem}, nil
}

func (r *Region) Free() error { return syscall.Munmap(r.mapping) }

// Lines views the region as cache lines (Line has no pointers, so memory the
// GC does not know about is fine).
func (r *Region) Lines() []Line {
	return unsafe.Slice((*Line)(unsafe.Pointer(&r.Mem[0])), len(r.Mem)/64)
}

// Int64s views the region as int64s.
func (r *Region) Int64s() []int64 {
	return unsafe.Slice((*int64)(unsafe.Pointer(&r.Mem[0])), len(r.Mem)/8)
}

// HugeShare reads /proc/self/smaps and returns AnonHugePages of the mappings
// that overlap [p, p+size), as a percentage of size (at most 100). For a Region
// that is exactly its own mapping. For a slice on the Go heap it counts the
// heap's whole mapping, so it is an upper bound; 0 means no huge pages at all.
func HugeShare(p unsafe.Pointer, size uintptr) (float64, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	lo, hi := uintptr(p), uintptr(p)+size
	var overlap bool
	var kb uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if start, end, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			s, err1 := strconv.ParseUint(start, 16, 64)
			e, err2 := strconv.ParseUint(end, 16, 64)
			if err1 == nil && err2 == nil {
				overlap = uintptr(s) < hi && uintptr(e) > lo
				continue
			}
		}
		if overlap && fields[0] == "AnonHugePages:" && len(fields) >= 2 {
			n, err := strconv.ParseUint(fields[1], 10, 64)
			if err != nil {
				return 0, fmt.Errorf("smaps: %q: %v", line, err)
			}
			kb += n
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return min(100, 100*float64(kb<<10)/float64(size)), nil
}
