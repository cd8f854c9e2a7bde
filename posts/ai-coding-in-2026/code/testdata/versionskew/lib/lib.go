// Package lib calls three standard-library APIs that are newer than the
// go 1.23 in go.mod. With a Go 1.26 toolchain it compiles anyway; only go
// vet's stdversion analyzer reports them.
package lib

import (
	"errors"
	"io/fs"
	"strings"
	"sync"
)

func CountLines(docs []string) int {
	var (
		mu sync.Mutex
		wg sync.WaitGroup
		n  int
	)
	for _, d := range docs {
		wg.Go(func() { // Go 1.25
			for range strings.Lines(d) { // Go 1.24
				mu.Lock()
				n++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return n
}

func IsPathError(err error) bool {
	_, ok := errors.AsType[*fs.PathError](err) // Go 1.26
	return ok
}
