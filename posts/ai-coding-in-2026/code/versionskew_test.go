package code

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// goIn runs the go command in testdata/versionskew, a module whose go.mod
// says go 1.23, with the toolchain that runs this test.
func goIn(t *testing.T, args ...string) (string, error) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = "testdata/versionskew"
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Library calls newer than go.mod's version compile; go vet's stdversion
// analyzer is what reports them. A newer language feature does not compile.
func TestVersionSkew(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	if out, err := goIn(t, "build", "./lib"); err != nil {
		t.Fatalf("go build ./lib failed (%v); it should compile:\n%s", err, out)
	}

	out, err := goIn(t, "vet", "./lib")
	if err == nil {
		t.Fatalf("go vet ./lib passed; want stdversion reports:\n%s", out)
	}
	for _, want := range []string{
		"sync.Go requires go1.25 or later (module is go1.23)",
		"strings.Lines requires go1.24 or later (module is go1.23)",
		"errors.AsType requires go1.26 or later (module is go1.23)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go vet output lacks %q:\n%s", want, out)
		}
	}

	out, err = goIn(t, "build", "./lang")
	if err == nil || !strings.Contains(out, "new(3) requires go1.26 or later") {
		t.Fatalf("go build ./lang: %v\n%s\nwant a language-version error", err, out)
	}
}
