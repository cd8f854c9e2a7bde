package alignment

import (
	"fmt"
	"testing"
	"unsafe"
)

// The sizes and alignments of the basic types on amd64.
func Example_basicTypes() {
	var (
		b   bool
		i16 int16
		i32 int32
		f32 float32
		i64 int64
		i   int
		p   *int
		c64 complex64
		s   string
		sl  []byte
		e   interface{}
		m   map[int]int
		a3  [3]int32
	)
	fmt.Println("bool      ", unsafe.Sizeof(b), unsafe.Alignof(b))
	fmt.Println("int16     ", unsafe.Sizeof(i16), unsafe.Alignof(i16))
	fmt.Println("int32     ", unsafe.Sizeof(i32), unsafe.Alignof(i32))
	fmt.Println("float32   ", unsafe.Sizeof(f32), unsafe.Alignof(f32))
	fmt.Println("int64     ", unsafe.Sizeof(i64), unsafe.Alignof(i64))
	fmt.Println("int       ", unsafe.Sizeof(i), unsafe.Alignof(i))
	fmt.Println("*int      ", unsafe.Sizeof(p), unsafe.Alignof(p))
	fmt.Println("complex64 ", unsafe.Sizeof(c64), unsafe.Alignof(c64))
	fmt.Println("string    ", unsafe.Sizeof(s), unsafe.Alignof(s))
	fmt.Println("[]byte    ", unsafe.Sizeof(sl), unsafe.Alignof(sl))
	fmt.Println("any       ", unsafe.Sizeof(e), unsafe.Alignof(e))
	fmt.Println("map       ", unsafe.Sizeof(m), unsafe.Alignof(m))
	fmt.Println("[3]int32  ", unsafe.Sizeof(a3), unsafe.Alignof(a3))
	// Output:
	// bool       1 1
	// int16      2 2
	// int32      4 4
	// float32    4 4
	// int64      8 8
	// int        8 8
	// *int       8 8
	// complex64  8 4
	// string     16 8
	// []byte     24 8
	// any        16 8
	// map        8 8
	// [3]int32   12 4
}

// unsafe.Sizeof, Alignof and Offsetof on the running example.
func ExampleEventPadded() {
	var e EventPadded
	fmt.Println("Sizeof:", unsafe.Sizeof(e), "Alignof:", unsafe.Alignof(e))
	fmt.Println("Active   ", unsafe.Offsetof(e.Active))
	fmt.Println("Timestamp", unsafe.Offsetof(e.Timestamp))
	fmt.Println("Kind     ", unsafe.Offsetof(e.Kind))
	fmt.Println("UserID   ", unsafe.Offsetof(e.UserID))
	fmt.Println("Retries  ", unsafe.Offsetof(e.Retries))
	fmt.Println("Score    ", unsafe.Offsetof(e.Score))
	fmt.Println("Deleted  ", unsafe.Offsetof(e.Deleted))
	// Output:
	// Sizeof: 48 Alignof: 8
	// Active    0
	// Timestamp 8
	// Kind      16
	// UserID    20
	// Retries   24
	// Score     32
	// Deleted   40
}

func ExampleLayout() {
	fmt.Println(Layout(EventPadded{}))
	fmt.Println(Layout(EventOrdered{}))
	// Output:
	// alignment.EventPadded: size 48, align 8
	//   Active     bool      offset  0  size  1  align 1  +7 padding
	//   Timestamp  int64     offset  8  size  8  align 8
	//   Kind       uint8     offset 16  size  1  align 1  +3 padding
	//   UserID     uint32    offset 20  size  4  align 4
	//   Retries    uint16    offset 24  size  2  align 2  +6 padding
	//   Score      float64   offset 32  size  8  align 8
	//   Deleted    bool      offset 40  size  1  align 1  +7 padding
	//   25 bytes of data, 23 bytes of padding
	// alignment.EventOrdered: size 32, align 8
	//   Timestamp  int64     offset  0  size  8  align 8
	//   Score      float64   offset  8  size  8  align 8
	//   UserID     uint32    offset 16  size  4  align 4
	//   Retries    uint16    offset 20  size  2  align 2
	//   Kind       uint8     offset 22  size  1  align 1
	//   Active     bool      offset 23  size  1  align 1
	//   Deleted    bool      offset 24  size  1  align 1  +7 padding
	//   25 bytes of data, 7 bytes of padding
}

// Trailing padding exists so that every element of an array is aligned.
func Example_arrays() {
	type pair struct {
		N    int64
		Flag bool
	}
	var arr [4]pair
	fmt.Println(unsafe.Sizeof(pair{}), unsafe.Sizeof(arr))
	p0, p1 := unsafe.Pointer(&arr[0]), unsafe.Pointer(&arr[1])
	fmt.Println(uintptr(p1) - uintptr(p0))
	var padded [1 << 20]EventPadded
	var ordered [1 << 20]EventOrdered
	fmt.Println(unsafe.Sizeof(padded), unsafe.Sizeof(ordered))
	// Output:
	// 16 64
	// 16
	// 50331648 33554432
}

// A nested struct keeps its own trailing padding; the outer struct cannot reuse it.
func Example_nested() {
	type inner struct {
		N    int64
		Flag bool
	}
	type nested struct {
		In    inner
		Other bool
	}
	type flat struct {
		N     int64
		Flag  bool
		Other bool
	}
	fmt.Println(unsafe.Sizeof(nested{}), unsafe.Sizeof(flat{}))
	// Output:
	// 24 16
}

type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// A zero-size field costs nothing at the front and a whole word at the end.
func Example_zeroSizeField() {
	type markerLast struct {
		ID     int64
		noCopy noCopy
	}
	type markerFirst struct {
		noCopy noCopy
		ID     int64
	}
	type int32Last struct {
		N int32
		_ struct{}
	}
	fmt.Println(unsafe.Sizeof(markerLast{}), unsafe.Sizeof(markerFirst{}), unsafe.Sizeof(int32Last{}))
	fmt.Println(Layout(markerLast{}))
	// Output:
	// 16 8 8
	// alignment.markerLast: size 16, align 8
	//   ID         int64     offset  0  size  8  align 8
	//   noCopy     alignment.noCopy offset  8  size  0  align 1  +8 padding
	//   8 bytes of data, 8 bytes of padding
}

func TestSizes(t *testing.T) {
	cases := []struct {
		name string
		got  uintptr
		want uintptr
	}{
		{"EventPadded", unsafe.Sizeof(EventPadded{}), 48},
		{"EventOrdered", unsafe.Sizeof(EventOrdered{}), 32},
		{"SessionPadded", unsafe.Sizeof(SessionPadded{}), 48},
		{"SessionOrdered", unsafe.Sizeof(SessionOrdered{}), 40},
		{"NodePtrLast", unsafe.Sizeof(NodePtrLast{}), 48},
		{"NodePtrFirst", unsafe.Sizeof(NodePtrFirst{}), 48},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("unsafe.Sizeof(%s{}) = %d, want %d", c.name, c.got, c.want)
		}
	}
}
