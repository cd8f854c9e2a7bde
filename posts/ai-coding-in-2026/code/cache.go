package code

import (
	"errors"
	"sync"
)

// Loader fetches the value for key from somewhere slow: a database, another
// service. It is the thing the cache exists to protect.
type Loader func(key string) (string, error)

// NaiveCache is what you get when you ask for "a thread-safe cache in front
// of this loader". Every map access is under the lock, so the race detector
// is satisfied, and a single-goroutine test passes. But between the read
// miss and the write, any number of goroutines can miss on the same key and
// all call the loader: a cold key under load turns into N identical queries.
type NaiveCache struct {
	mu   sync.RWMutex
	m    map[string]string
	load Loader
}

func NewNaiveCache(load Loader) *NaiveCache {
	return &NaiveCache{m: make(map[string]string), load: load}
}

func (c *NaiveCache) Get(key string) (string, error) {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	v, err := c.load(key) // every concurrent miss gets here
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.m[key] = v
	c.mu.Unlock()
	return v, nil
}

// call is one in-flight load that later callers for the same key wait on.
type call struct {
	done    chan struct{}
	val     string
	err     error
	waiters int // callers waiting on done; guarded by Cache.mu
}

// ErrLoadAborted is what the callers waiting on a load receive when the
// loader never returned: it panicked (the panic carries on in the goroutine
// that ran it) or it called runtime.Goexit.
var ErrLoadAborted = errors.New("cache: loader panicked or exited")

// Cache collapses concurrent misses for a key into one call to the loader,
// the pattern golang.org/x/sync/singleflight packages up. Errors are handed
// to everyone who waited but not cached, so the next Get tries again.
type Cache struct {
	mu       sync.Mutex
	m        map[string]string
	inflight map[string]*call
	load     Loader
}

func NewCache(load Loader) *Cache {
	return &Cache{
		m:        make(map[string]string),
		inflight: make(map[string]*call),
		load:     load,
	}
}

func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	if v, ok := c.m[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	if cl, ok := c.inflight[key]; ok {
		cl.waiters++
		c.mu.Unlock()
		<-cl.done // someone is already loading this key: wait for it
		return cl.val, cl.err
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[key] = cl
	c.mu.Unlock()

	c.run(key, cl)
	return cl.val, cl.err
}

// run calls the loader and then, in a deferred function so that it also
// happens when the loader panics or calls runtime.Goexit, removes the
// in-flight entry and releases the waiters. Without the defer, a panicking
// loader would leave the entry behind, and every later Get of the key would
// wait on a channel that is never closed.
func (c *Cache) run(key string, cl *call) {
	returned := false
	defer func() {
		if !returned {
			cl.err = ErrLoadAborted // the loader panicked or exited
		}
		c.mu.Lock()
		delete(c.inflight, key)
		if cl.err == nil {
			c.m[key] = cl.val
		}
		c.mu.Unlock()
		close(cl.done) // publishes val and err to the waiters
	}()
	cl.val, cl.err = c.load(key)
	returned = true
}
