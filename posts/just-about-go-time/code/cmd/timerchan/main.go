// Command timerchan prints how this binary's timer channels behave. run.sh
// runs it twice with one toolchain: in this module, whose go.mod says go 1.26,
// and in a copy whose go.mod says go 1.22. The go line, not the toolchain,
// sets the default of GODEBUG asynctimerchan, and with it the behaviour.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	timer := time.NewTimer(time.Millisecond)
	// Wait until the timer has fired: a buffered (pre-Go 1.23) channel then
	// holds the value; a synchronous one has no buffer to look at.
	time.Sleep(5 * time.Millisecond)
	for deadline := time.Now().Add(5 * time.Second); cap(timer.C) > 0 && len(timer.C) == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	stopped := timer.Stop()
	stale := false
	select {
	case <-timer.C:
		stale = true
	default:
	}
	fmt.Printf("%s: cap(timer.C)=%d, Stop() after expiry=%v, stale value received after Stop=%v\n",
		runtime.Version(), cap(timer.C), stopped, stale)
}
