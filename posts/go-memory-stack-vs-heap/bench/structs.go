// Package stackheap measures what it costs to pass and return structs of
// several sizes by value and by pointer. The structs hold only integers, so
// the garbage collector never has to scan inside them.
package stackheap

// Four sizes: two machine words, two cache lines, 1 KiB and 8 KiB.
type (
	S16  struct{ a, b int64 }
	S128 struct{ a [16]int64 }
	S1K  struct{ a [128]int64 }
	S8K  struct{ a [1024]int64 }
)

// Constructors. Each pair does the same work; one returns a copy, the
// other returns the address of a new value. //go:noinline keeps the
// compiler from folding the call into the benchmark loop, as it would for
// a real function that is too big to inline.

//go:noinline
func newS16(seed int64) S16 { var s S16; s.a, s.b = seed, seed; return s }

//go:noinline
func newS16Ptr(seed int64) *S16 { s := &S16{}; s.a, s.b = seed, seed; return s }

//go:noinline
func newS128(seed int64) S128 { var s S128; s.a[0], s.a[15] = seed, seed; return s }

//go:noinline
func newS128Ptr(seed int64) *S128 { s := &S128{}; s.a[0], s.a[15] = seed, seed; return s }

//go:noinline
func newS1K(seed int64) S1K { var s S1K; s.a[0], s.a[127] = seed, seed; return s }

//go:noinline
func newS1KPtr(seed int64) *S1K { s := &S1K{}; s.a[0], s.a[127] = seed, seed; return s }

//go:noinline
func newS8K(seed int64) S8K { var s S8K; s.a[0], s.a[1023] = seed, seed; return s }

//go:noinline
func newS8KPtr(seed int64) *S8K { s := &S8K{}; s.a[0], s.a[1023] = seed, seed; return s }

// Readers. They look at the first and last word only, so the difference
// between the pair is the cost of getting the argument there: a copy of
// the whole struct, or one pointer.

//go:noinline
func readS16(s S16) int64 { return s.a + s.b }

//go:noinline
func readS16Ptr(s *S16) int64 { return s.a + s.b }

//go:noinline
func readS128(s S128) int64 { return s.a[0] + s.a[15] }

//go:noinline
func readS128Ptr(s *S128) int64 { return s.a[0] + s.a[15] }

//go:noinline
func readS1K(s S1K) int64 { return s.a[0] + s.a[127] }

//go:noinline
func readS1KPtr(s *S1K) int64 { return s.a[0] + s.a[127] }

//go:noinline
func readS8K(s S8K) int64 { return s.a[0] + s.a[1023] }

//go:noinline
func readS8KPtr(s *S8K) int64 { return s.a[0] + s.a[1023] }

// P1K is as large as S1K but holds pointers, so the garbage collector has
// to know where they are. Since Go 1.22 a heap object larger than 512 bytes
// that contains pointers carries an 8-byte header describing its type, which
// pushes this one from the 1024-byte size class into the 1152-byte class.
type P1K struct{ a [128]*int64 }

//go:noinline
func newP1KPtr(seed *int64) *P1K { s := &P1K{}; s.a[0], s.a[127] = seed, seed; return s }

// Zeroing alone. Each of these does what the value constructor of the same
// size does to its result (zero it, then set the first and last word), but
// through a pointer into the caller's frame, so nothing is copied back.
// BenchmarkZero compares them with Return/*/value, which also pays for the
// call's result being copied into the caller's variable.

//go:noinline
func zeroS128(s *S128, seed int64) { *s = S128{}; s.a[0], s.a[15] = seed, seed }

//go:noinline
func zeroS1K(s *S1K, seed int64) { *s = S1K{}; s.a[0], s.a[127] = seed, seed }

//go:noinline
func zeroS8K(s *S8K, seed int64) { *s = S8K{}; s.a[0], s.a[1023] = seed, seed }
