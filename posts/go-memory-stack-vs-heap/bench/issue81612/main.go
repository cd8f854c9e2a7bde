// Command issue81612 reproduces golang/go#81612 on the toolchain that runs
// it: Go 1.26 builds an append-grown slice in a stack buffer and copies it
// to the heap when the function returns it (runtime.moveSliceNoCapNoScan),
// but a pointer to a field of an element, taken before the return, still
// points into the dead stack frame. The fix is in Go 1.26.9 (backport
// golang/go#81668). run.sh saves this program's output to issue81612.txt.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ A, B int }

// field returns the slice and a pointer to a field of its first element.
//
//go:noinline
func field(n int) ([]T, *int) {
	var s []T
	for i := 0; i < n; i++ {
		s = append(s, T{i, 100 + i})
	}
	p := &s[0].B
	return s, p
}

// elem returns a pointer to the whole element instead. The compiler sees
// this one escape and keeps the backing array on the heap from the start.
//
//go:noinline
func elem(n int) ([]T, *T) {
	var s []T
	for i := 0; i < n; i++ {
		s = append(s, T{i, 100 + i})
	}
	p := &s[0]
	return s, p
}

// withMake is field with the capacity given to make up front: the slice is
// on the heap from the start, so the pointer stays valid.
//
//go:noinline
func withMake(n int) ([]T, *int) {
	s := make([]T, 0, n)
	for i := 0; i < n; i++ {
		s = append(s, T{i, 100 + i})
	}
	p := &s[0].B
	return s, p
}

// clobber reuses the stack that field's frame occupied.
//
//go:noinline
func clobber() int {
	var a [64]int
	for i := range a {
		a[i] = -1
	}
	return a[3]
}

func main() {
	fmt.Println("go:", runtime.Version())
	s, p := field(1)
	clobber()
	fmt.Printf("&s[0].B: s[0].B = %d, *p = %d, p points into s: %v\n",
		s[0].B, *p, p == &s[0].B)
	t, q := elem(1)
	clobber()
	fmt.Printf("&s[0]:   s[0].B = %d, q.B = %d, q points into s: %v\n",
		t[0].B, q.B, q == &t[0])
	u, r := withMake(1)
	clobber()
	fmt.Printf("make:    s[0].B = %d, *p = %d, p points into s: %v\n",
		u[0].B, *r, r == &u[0].B)
}
