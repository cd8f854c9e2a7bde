package bench

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// A polling watcher (CHOKIDAR_USEPOLLING, nodemon --legacy-watch,
// WATCHFILES_FORCE_POLLING, air's poll = true) finds changes by stat-ing every
// watched file on every pass. This measures one pass over trees of different
// sizes on this machine's local disk, with the metadata in the page cache.

var (
	treesMu sync.Mutex
	trees   = map[int]string{}
)

// tree returns a directory holding n small files, 100 per subdirectory,
// shaped roughly like a dependency folder. It is built once per size.
func tree(n int) string {
	treesMu.Lock()
	defer treesMu.Unlock()
	if dir, ok := trees[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("polltree-%d-", n))
	must(err)
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("pkg%04d", i/100))
		if i%100 == 0 {
			must(os.MkdirAll(sub, 0o755))
		}
		must(os.WriteFile(filepath.Join(sub, fmt.Sprintf("file%03d.js", i%100)), []byte("module.exports = 1\n"), 0o644))
	}
	trees[n] = dir
	return dir
}

func removeTrees() {
	treesMu.Lock()
	defer treesMu.Unlock()
	for _, dir := range trees {
		os.RemoveAll(dir)
	}
}

// pollPass walks the tree, stats every file and compares its modification
// time and size with the previous pass, which is what a poller does.
func pollPass(root string, seen map[string]fileState) (changed int) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info() // lstat
		if err != nil {
			return err
		}
		now := fileState{info.ModTime(), info.Size()}
		if seen[path] != now {
			seen[path] = now
			changed++
		}
		return nil
	})
	must(err)
	return changed
}

type fileState struct {
	mod  time.Time
	size int64
}

func BenchmarkPollPass(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			root := tree(n)
			seen := make(map[string]fileState, n)
			if got := pollPass(root, seen); got != n {
				b.Fatalf("first pass saw %d files, want %d", got, n)
			}
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if changed := pollPass(root, seen); changed != 0 {
					b.Fatalf("pass %d reported %d changes in an untouched tree", i, changed)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n), "ns/file")
		})
	}
}

// TestPollPassSeesEdit checks that the poller logic notices a rewritten file.
func TestPollPassSeesEdit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.js")
	if err := os.WriteFile(path, []byte("1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	seen := map[string]fileState{}
	if got := pollPass(dir, seen); got != 1 {
		t.Fatalf("first pass: %d changes, want 1", got)
	}
	if got := pollPass(dir, seen); got != 0 {
		t.Fatalf("second pass: %d changes, want 0", got)
	}
	if err := os.WriteFile(path, []byte("22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := pollPass(dir, seen); got != 1 {
		t.Fatalf("after edit: %d changes, want 1", got)
	}
}
