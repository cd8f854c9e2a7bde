package bench

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// copyExample copies the example service into a fresh directory so the
// benchmark can edit main.go without touching the article's files.
func copyExample(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	for _, name := range []string{"go.mod", "main.go"} {
		data, err := os.ReadFile(filepath.Join(exampleDir, name))
		must(err)
		must(os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

// edits numbers every edit in this process, so no two builds ever see the
// same source and none can be satisfied from the cache without compiling.
var edits int

// edit changes the greeting, the way a developer fixes a typo.
func edit(b *testing.B, dir string) {
	b.Helper()
	edits++
	n := edits
	path := filepath.Join(dir, "main.go")
	src, err := os.ReadFile(path)
	must(err)
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "const greeting = ") {
			lines[i] = fmt.Sprintf("const greeting = %q", fmt.Sprintf("edit number %d", n))
		}
	}
	must(os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
}

// goBuild runs `go build` with its own build cache directory. CGO is off so
// the result does not depend on a C compiler being installed.
func goBuild(b *testing.B, dir, cache string, extra ...string) {
	b.Helper()
	args := append([]string{"build"}, extra...)
	args = append(args, "-o", filepath.Join(dir, "server"), ".")
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "CGO_ENABLED=0", "GOFLAGS=", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

var (
	warmOnce sync.Once
	warmDir  string
)

// warmCache returns one build cache shared by every benchmark in this process,
// so that filling it (the first build) happens once and is never timed.
func warmCache(b *testing.B) string {
	b.Helper()
	warmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gocache-warm-")
		must(err)
		warmDir = dir
	})
	return warmDir
}

func reportPerOp(b *testing.B, start time.Time, unit string) {
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), unit)
}

// BenchmarkRebuild measures edit + `go build` of the example service. It is
// the compile step in both paths: the one a watcher runs in a runtime
// container, and the `RUN go build` an image rebuild redoes once `COPY . .`
// has missed the layer cache. Docker is not involved.
//
// warm-cache: the build cache survives between edits, as it does in a running
// container (its writable layer), across re-creations with a named volume, and
// in an image build with `RUN --mount=type=cache,target=/root/.cache/go-build`.
//
// cold-cache: every build starts from an empty build cache, as `RUN go build`
// without a cache mount does in an image build, and as a re-created container
// without a cache volume does. Since Go 1.20 the standard library is not
// shipped precompiled, so this compiles net/http and everything below it.
func BenchmarkRebuild(b *testing.B) {
	b.Run("warm-cache", func(b *testing.B) {
		dir := copyExample(b)
		cache := warmCache(b)
		goBuild(b, dir, cache) // make sure this exact tree is cached, untimed
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			edit(b, dir)
			goBuild(b, dir, cache)
		}
		reportPerOp(b, start, "ms/build")
	})
	b.Run("cold-cache", func(b *testing.B) {
		dir := copyExample(b)
		var timed time.Duration
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			cache, err := os.MkdirTemp("", "gocache-")
			must(err)
			b.StartTimer()
			start := time.Now()
			edit(b, dir)
			goBuild(b, dir, cache)
			timed += time.Since(start)
			b.StopTimer()
			must(os.RemoveAll(cache))
			b.StartTimer()
		}
		b.ReportMetric(float64(timed.Microseconds())/1000/float64(b.N), "ms/build")
	})
}

func freePort(b *testing.B) string {
	b.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}

// BenchmarkRestart measures what a watcher does after the build: stop the old
// process with SIGTERM, start the new binary and wait until it answers.
func BenchmarkRestart(b *testing.B) {
	dir := copyExample(b)
	goBuild(b, dir, warmCache(b))
	bin := filepath.Join(dir, "server")
	client := &http.Client{Timeout: time.Second}

	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		port := freePort(b)
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "PORT="+port)
		must(cmd.Start())
		url := "http://127.0.0.1:" + port + "/healthz"
		deadline := time.Now().Add(5 * time.Second)
		for {
			res, err := client.Get(url)
			if err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusNoContent {
					break
				}
			}
			if time.Now().After(deadline) {
				b.Fatalf("server on port %s did not answer within 5s: %v", port, err)
			}
			time.Sleep(time.Millisecond)
		}
		must(cmd.Process.Signal(syscall.SIGTERM))
		must(cmd.Wait())
	}
	reportPerOp(b, start, "ms/restart")
}
