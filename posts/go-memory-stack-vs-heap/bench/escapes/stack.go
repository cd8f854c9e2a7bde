package escapes

import "unsafe"

// StackMoves reports the address of a local variable before and after the
// goroutine's stack has had to grow. The variable never escapes, so it lives
// on the stack; when the runtime copies the stack to a larger block, the
// variable moves with it and every pointer to it is adjusted.
func StackMoves() (before, after uintptr) {
	var x [8]int
	x[0] = 1
	before = uintptr(unsafe.Pointer(&x))
	x[1] = deep(1024) // 1024 frames of over 1 KiB each: about 1 MiB of stack
	after = uintptr(unsafe.Pointer(&x))
	return before, after
}

//go:noinline
func deep(n int) int {
	var pad [128]int // 1 KiB frame
	pad[n%128] = n
	if n == 0 {
		return pad[0]
	}
	return deep(n-1) + pad[n%128]
}
