// Package escapes holds one small function per escape-analysis case that the
// article discusses. run.sh compiles this package with -gcflags=-m and
// -gcflags=-m=2 and saves the compiler's decisions to escape.txt and
// escape-m2.txt; escapes_test.go checks each decision at run time with
// testing.AllocsPerRun.
package escapes

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

type Point struct{ X, Y int }

// NewPointValue returns a copy. The Point is built directly in the
// caller's frame: no heap.
//
//go:noinline
func NewPointValue(x, y int) Point {
	return Point{X: x, Y: y}
}

// NewPointPointer returns the address of a Point, so the Point must
// outlive this frame: heap.
//
//go:noinline
func NewPointPointer(x, y int) *Point {
	return &Point{X: x, Y: y}
}

// NewPoint is the same constructor without //go:noinline. It is small
// enough to be inlined, and escape analysis then runs on the caller's body.
func NewPoint(x, y int) *Point {
	return &Point{X: x, Y: y}
}

// UseNewPoint calls NewPoint and only reads the result: after inlining,
// the Point stays on UseNewPoint's stack.
func UseNewPoint(x, y int) int {
	p := NewPoint(x, y)
	return p.X + p.Y
}

// Length2 takes a pointer but only reads through it.
//
//go:noinline
func Length2(p *Point) int {
	return p.X*p.X + p.Y*p.Y
}

// UseLength2 shares a pointer down the stack: p stays on the stack.
func UseLength2(x, y int) int {
	p := Point{X: x, Y: y}
	return Length2(&p)
}

// Box stores a Point in an interface: the copy it boxes goes to the heap.
func Box(p Point) any {
	return p
}

// Log passes two ints to fmt. Each one is converted to an interface.
func Log(w io.Writer, p Point) {
	fmt.Fprintln(w, p.X, p.Y)
}

// Spawn shares total and wg with a goroutine that may outlive the frame.
func Spawn(n int) int {
	total := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			total += i
		}
	}()
	wg.Wait()
	return total
}

// SumFixed makes a slice whose size is a constant: stack.
func SumFixed() int {
	buf := make([]int, 64)
	return fill(buf)
}

// SumDynamic makes a slice whose size is only known at run time.
func SumDynamic(n int) int {
	buf := make([]int, n)
	return fill(buf)
}

// SumHugeMake makes a constant-size slice of 128 KiB, above the 64 KiB
// limit for implicit stack variables: heap.
func SumHugeMake() int {
	buf := make([]int, 16384)
	return fill(buf)
}

// SumHugeArray declares the same 128 KiB as an explicit variable, which may
// be up to 128 KiB on the stack (10 MiB before Go 1.24): stack, just.
func SumHugeArray() int {
	var arr [16384]int
	return fill(arr[:])
}

//go:noinline
func fill(buf []int) int {
	s := 0
	for i := range buf {
		buf[i] = i
		s += buf[i]
	}
	return s
}

// WriteGreeting hands a buffer to an interface method. The compiler cannot
// see which Write will run, so it assumes the buffer escapes.
func WriteGreeting(w io.Writer, name string) {
	buf := make([]byte, 0, 64)
	buf = append(buf, "hello, "...)
	buf = append(buf, name...)
	w.Write(buf)
}

var registry []*Point

// Register keeps the pointer it is given in a package-level slice.
func Register(p *Point) {
	registry = append(registry, p)
}

// RegisterNew builds a Point and registers its address: heap.
func RegisterNew(x, y int) {
	p := Point{X: x, Y: y}
	Register(&p)
}

// ResetRegistry drops the registered points (used by the tests).
func ResetRegistry() {
	registry = registry[:0]
}

// Evens collects the even numbers below n with append, starting from a nil
// slice, and sums them. The slice never leaves the function.
func Evens(n int) int {
	var s []int
	for i := 0; i < n; i += 2 {
		s = append(s, i)
	}
	return fill(s)
}

// EvensSlice builds the same slice and returns it: the backing array
// outlives the call.
func EvensSlice(n int) []int {
	var s []int
	for i := 0; i < n; i += 2 {
		s = append(s, i)
	}
	return s
}

// SumBigArray declares a 256 KiB array: over the 128 KiB that Go 1.24 and
// later allow an explicit variable on the stack (10 MiB before).
func SumBigArray() int {
	var arr [32768]int
	return fill(arr[:])
}

// CountDistinct counts the distinct values in xs with a map that never
// leaves the function. The compiler reports that the map does not escape;
// the runtime still allocates when the map grows.
func CountDistinct(xs []int) int {
	seen := make(map[int]struct{})
	for _, x := range xs {
		seen[x] = struct{}{}
	}
	return len(seen)
}

// Shout returns s in upper case. The allocation happens inside
// strings.ToUpper, in another package: -m on this one reports none.
func Shout(s string) string {
	return strings.ToUpper(s)
}
