package escapes

import "fmt"

func ExampleStackMoves() {
	done := make(chan [2]uintptr)
	go func() { // a fresh goroutine starts with a small stack
		before, after := StackMoves()
		done <- [2]uintptr{before, after}
	}()
	addr := <-done
	fmt.Println("same address after growth:", addr[0] == addr[1])
	// Output:
	// same address after growth: false
}
