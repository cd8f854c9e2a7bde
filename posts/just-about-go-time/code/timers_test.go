package gotime_test

import (
	"runtime"
	"testing"
	"time"
)

// Go 1.23 changed timers twice over: timer channels became synchronous, so no
// stale value can be received after Stop or Reset returns, and timers and
// tickers nobody references can be garbage collected before they fire. Both
// follow GODEBUG asynctimerchan, whose default comes from the go line of the
// main module's go.mod: this module says go 1.26, so its default is
// asynctimerchan=0. Each test runs both settings; t.Setenv changes the
// setting for timers created afterwards, as the time package's own tests do.
var timerModes = []struct {
	name    string
	godebug string
	async   bool
}{
	{"asynctimerchan=0 (go.mod go 1.23 or later)", "asynctimerchan=0", false},
	{"asynctimerchan=1 (go.mod before go 1.23)", "asynctimerchan=1", true},
}

// expire waits until timer has fired. With asynctimerchan=1 the value then
// sits in the channel's buffer; with asynctimerchan=0 the channel reports no
// buffer at all, and whether the runtime has fired the timer yet cannot be
// observed (nor does it change what Stop and Reset do).
func expire(timer *time.Timer) {
	time.Sleep(5 * time.Millisecond)
	for deadline := time.Now().Add(5 * time.Second); cap(timer.C) > 0 && len(timer.C) == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
}

func receivedStale(c <-chan time.Time) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

func TestTimerStopAndResetAfterExpiry(t *testing.T) {
	for _, mode := range timerModes {
		t.Run(mode.godebug, func(t *testing.T) {
			t.Setenv("GODEBUG", mode.godebug)

			stopped := time.NewTimer(time.Millisecond)
			expire(stopped)
			stopResult := stopped.Stop()
			staleAfterStop := receivedStale(stopped.C)

			reset := time.NewTimer(time.Millisecond)
			expire(reset)
			resetResult := reset.Reset(time.Hour)
			staleAfterReset := receivedStale(reset.C)

			t.Logf("%s: cap(C)=%d; expired, not received: Stop()=%v, stale value after Stop: %v; Reset(time.Hour)=%v, stale value after Reset: %v",
				mode.name, cap(stopped.C), stopResult, staleAfterStop, resetResult, staleAfterReset)

			wantCap := 0
			if mode.async {
				wantCap = 1
			}
			if cap(stopped.C) != wantCap {
				t.Errorf("cap(C) = %d, want %d", cap(stopped.C), wantCap)
			}
			// Before Go 1.23 the expired timer's value waits in the buffer: Stop
			// and Reset report that the timer had expired (false) and the value
			// is still there to be received. Since Go 1.23 an undelivered value
			// is discarded and Stop and Reset report true.
			if stopResult != !mode.async || staleAfterStop != mode.async {
				t.Errorf("Stop() = %v, stale value after Stop: %v", stopResult, staleAfterStop)
			}
			if resetResult != !mode.async || staleAfterReset != mode.async {
				t.Errorf("Reset() = %v, stale value after Reset: %v", resetResult, staleAfterReset)
			}
		})
	}
}

// liveObjects returns the number of heap objects still allocated after
// repeated garbage collection, and the bytes they occupy.
func liveObjects() (objects int64, bytes uint64) {
	var stats runtime.MemStats
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&stats)
	return int64(stats.Mallocs - stats.Frees), stats.HeapAlloc
}

// A loop that calls time.After(time.Hour) (a select with a timeout, say) and
// never waits the hour out: is every timer kept until it fires?
func TestUnreferencedTimersAreCollected(t *testing.T) {
	const n = 10_000
	for _, mode := range timerModes {
		t.Run(mode.godebug, func(t *testing.T) {
			t.Setenv("GODEBUG", mode.godebug)
			for _, kind := range []struct {
				name string
				make func()
			}{
				{"time.After(time.Hour)", func() { time.After(time.Hour) }},
				{"time.Tick(time.Hour)", func() { time.Tick(time.Hour) }},
			} {
				objectsBefore, bytesBefore := liveObjects()
				for i := 0; i < n; i++ {
					kind.make()
				}
				objectsAfter, bytesAfter := liveObjects()
				objects := objectsAfter - objectsBefore
				kib := (int64(bytesAfter) - int64(bytesBefore)) / 1024
				t.Logf("%s: %d calls of %s, results dropped: %d objects (%d KiB) still live after GC",
					mode.name, n, kind.name, objects, kib)

				if mode.async && objects < n {
					t.Errorf("expected at least one live object per timer, got %d", objects)
				}
				if !mode.async && objects >= n/10 {
					t.Errorf("expected the timers to be collected, %d objects still live", objects)
				}
			}
		})
	}
}

// resetForLibrary is the Reset a library can use whichever asynctimerchan
// setting the importing program has: the pre-Go 1.23 rule, "drain only if
// Stop says the timer expired and this code has not received its value".
// Under asynctimerchan=0, Stop returns true for an expired timer whose value
// was not received, so the drain is skipped; under asynctimerchan=1 the value
// is in (or on its way to) the buffer, and the blocking receive takes it.
func resetForLibrary(t *time.Timer, received bool, d time.Duration) (drained bool) {
	if !t.Stop() && !received {
		<-t.C
		drained = true
	}
	t.Reset(d)
	return drained
}

// blocks reports whether f is still running after 100ms.
func blocks(f func()) bool {
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
		return false
	case <-time.After(100 * time.Millisecond):
		return true
	}
}

func TestLibraryResetUnderBothSettings(t *testing.T) {
	for _, mode := range timerModes {
		t.Run(mode.godebug, func(t *testing.T) {
			t.Setenv("GODEBUG", mode.godebug)

			// Expired, value not received.
			timer := time.NewTimer(time.Millisecond)
			expire(timer)
			var drained bool
			if blocks(func() { drained = resetForLibrary(timer, false, time.Hour) }) {
				t.Fatal("resetForLibrary blocked on an expired, unreceived timer")
			}
			stale := receivedStale(timer.C)
			t.Logf("%s: expired, not received: drained=%v, stale value after Reset: %v", mode.name, drained, stale)
			if stale || drained != mode.async {
				t.Errorf("drained=%v stale=%v", drained, stale)
			}
			timer.Stop()

			// Expired and received, as in a select loop's timer case.
			timer = time.NewTimer(time.Millisecond)
			<-timer.C
			if blocks(func() { resetForLibrary(timer, true, time.Hour) }) {
				t.Fatal("resetForLibrary blocked on a timer whose value was received")
			}
			timer.Stop()

			// The unconditional drain, after the value was received: Stop
			// returns false and <-t.C waits for a value that never comes.
			timer = time.NewTimer(time.Millisecond)
			<-timer.C
			blocked := blocks(func() {
				if !timer.Stop() {
					<-timer.C
				}
			})
			t.Logf("%s: value already received: `if !t.Stop() { <-t.C }` blocks: %v", mode.name, blocked)
			if !blocked {
				t.Errorf("the unconditional drain did not block")
			}
			timer.Reset(time.Millisecond) // release the blocked goroutine
		})
	}
}
