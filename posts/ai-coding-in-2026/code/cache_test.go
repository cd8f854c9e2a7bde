package code

import (
	"errors"
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
	waitFor(t, func() bool { return calls.Load() == 1 })
	time.Sleep(20 * time.Millisecond) // give the others time to pile up behind it
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
