// Package bench measures the pieces of the inner loop that a runtime container
// keeps: rebuilding the Go example after an edit (with and without a build
// cache), restarting the process, and the cost of one polling pass over a
// source tree. Docker itself is not involved: on a Linux host a container with a
// bind mount runs these same steps on the same kernel and filesystem.
package bench

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	removeTrees()
	if warmDir != "" {
		os.RemoveAll(warmDir)
	}
	os.Exit(code)
}

// exampleDir is the Go service the article's Dockerfile and compose.yaml run.
const exampleDir = "../examples/go"

// must is for setup steps that cannot fail unless the machine is broken.
func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("benchmark setup: %v", err))
	}
}
