package code

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gatedLoader counts its calls and blocks each one until release is closed,
// which holds the window between "miss" and "store" open on purpose.
func gatedLoader(calls *atomic.Int64, release <-chan struct{}) Loader {
	return func(key string) (string, error) {
		calls.Add(1)
		<-release
		return "value-of-" + key, nil
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for condition")
		}
		time.Sleep(time.Millisecond)
	}
}

const callers = 8

// waiting reports how many callers are blocked on the in-flight load of key.
func (c *Cache) waiting(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cl, ok := c.inflight[key]; ok {
		return cl.waiters
	}
	return 0
}

func TestNaiveCacheLoadsOncePerCaller(t *testing.T) {
	var calls atomic.Int64
	release := make(chan struct{})
	c := NewNaiveCache(gatedLoader(&calls, release))

	var wg sync.WaitGroup
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.Get("user:42"); err != nil || v != "value-of-user:42" {
				t.Errorf("Get = %q, %v", v, err)
			}
		}()
	}
	// All eight goroutines are inside the loader at the same time.
	waitFor(t, func() bool { return calls.Load() == callers })
	close(release)
	wg.Wait()

	if got := calls.Load(); got != callers {
		t.Fatalf("loader calls = %d, want %d", got, callers)
	}
}

func TestCacheCollapsesConcurrentMisses(t *testing.T) {
	var calls atomic.Int64
	release := make(chan struct{})
	c := NewCache(gatedLoader(&calls, release))

	var started, wg sync.WaitGroup
	for i := 0; i < callers; i++ {
		started.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			started.Done()
			if v, err := c.Get("user:42"); err != nil || v != "value-of-user:42" {
				t.Errorf("Get = %q, %v", v, err)
			}
		}()
	}
	started.Wait()
	// One caller is in the loader and the other seven wait behind it.
	waitFor(t, func() bool { return calls.Load() == 1 && c.waiting("user:42") == callers-1 })
	close(release)
	wg.Wait()

	if got := calls.Load(); got != 1 {
		t.Fatalf("loader calls = %d, want 1", got)
	}
	if _, err := c.Get("user:42"); err != nil || calls.Load() != 1 {
		t.Fatalf("second Get went back to the loader")
	}
}

func TestCacheDoesNotCacheErrors(t *testing.T) {
	var calls atomic.Int64
	c := NewCache(func(key string) (string, error) {
		if calls.Add(1) == 1 {
			return "", errors.New("database unavailable")
		}
		return "ok", nil
	})
	if _, err := c.Get("k"); err == nil {
		t.Fatal("first Get: want the loader's error")
	}
	if v, err := c.Get("k"); err != nil || v != "ok" {
		t.Fatalf("second Get = %q, %v; want a fresh load", v, err)
	}
}

// A loader that panics must not wedge the key. The goroutine that ran it
// sees the panic; the callers waiting on it get ErrLoadAborted; and the next
// Get calls the loader again instead of waiting on the dead load forever.
func TestCachePanicReleasesWaitersAndLaterGets(t *testing.T) {
	var calls atomic.Int64
	release := make(chan struct{})
	c := NewCache(func(key string) (string, error) {
		if calls.Add(1) == 1 {
			<-release
			panic("loader bug")
		}
		return "ok", nil
	})

	panicked := make(chan any, 1)
	go func() {
		defer func() { panicked <- recover() }()
		c.Get("k")
	}()
	waitFor(t, func() bool { return calls.Load() == 1 })

	errs := make(chan error, callers-1)
	for i := 0; i < callers-1; i++ {
		go func() {
			_, err := c.Get("k")
			errs <- err
		}()
	}
	waitFor(t, func() bool { return c.waiting("k") == callers-1 })
	close(release)

	if p := <-panicked; p != "loader bug" {
		t.Fatalf("the loading goroutine recovered %v, want the loader's panic", p)
	}
	for i := 0; i < callers-1; i++ {
		select {
		case err := <-errs:
			if !errors.Is(err, ErrLoadAborted) {
				t.Fatalf("waiter got %v, want ErrLoadAborted", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a waiter is still blocked after the loader panicked")
		}
	}

	got := make(chan string, 1)
	go func() {
		v, _ := c.Get("k")
		got <- v
	}()
	select {
	case v := <-got:
		if v != "ok" || calls.Load() != 2 {
			t.Fatalf("later Get = %q after %d loads, want a fresh load", v, calls.Load())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a later Get of the key is blocked on the dead load")
	}
}

// runtime.Goexit (what t.Fatal calls) skips the loader's return the same way.
func TestCacheGoexitReleasesWaiters(t *testing.T) {
	var calls atomic.Int64
	release := make(chan struct{})
	c := NewCache(func(key string) (string, error) {
		if calls.Add(1) == 1 {
			<-release
			runtime.Goexit()
		}
		return "ok", nil
	})
	go c.Get("k")
	waitFor(t, func() bool { return calls.Load() == 1 })
	errc := make(chan error, 1)
	go func() {
		_, err := c.Get("k")
		errc <- err
	}()
	waitFor(t, func() bool { return c.waiting("k") == 1 })
	close(release)
	select {
	case err := <-errc:
		if !errors.Is(err, ErrLoadAborted) {
			t.Fatalf("waiter got %v, want ErrLoadAborted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiter is still blocked after the loader exited")
	}
	if v, err := c.Get("k"); err != nil || v != "ok" {
		t.Fatalf("later Get = %q, %v; want a fresh load", v, err)
	}
}

// inlineCleanupGet is how Cache.Get was first written in this post: the
// cleanup runs inline after the loader returns, so a panicking loader skips
// both the delete from inflight and the close.
func inlineCleanupGet(c *Cache, key string) (string, error) {
	c.mu.Lock()
	if v, ok := c.m[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.val, cl.err
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[key] = cl
	c.mu.Unlock()

	cl.val, cl.err = c.load(key)

	c.mu.Lock()
	delete(c.inflight, key)
	if cl.err == nil {
		c.m[key] = cl.val
	}
	c.mu.Unlock()
	close(cl.done)
	return cl.val, cl.err
}

// With the inline cleanup, a loader panic wedges the key for every later
// Get, not only for the callers already waiting: one second after the panic,
// a fresh Get is still blocked, the dead load is still registered, and the
// loader was never called again.
func TestInlineCleanupWedgesKeyAfterPanic(t *testing.T) {
	var calls atomic.Int64
	c := NewCache(func(key string) (string, error) {
		calls.Add(1)
		panic("loader bug")
	})
	func() {
		defer func() { recover() }()
		inlineCleanupGet(c, "k")
	}()

	done := make(chan struct{})
	go func() {
		defer close(done)
		inlineCleanupGet(c, "k") // a later Get, after the panic
	}()
	select {
	case <-done:
		t.Fatal("a later Get returned; want it blocked on the dead load")
	case <-time.After(time.Second):
	}

	c.mu.Lock()
	cl, ok := c.inflight["k"]
	c.mu.Unlock()
	if !ok {
		t.Fatal("the dead load is no longer registered")
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf("loader calls = %d, want 1: the later Get never reaches it", n)
	}
	close(cl.done) // release the blocked goroutine before the test ends
	<-done
}
