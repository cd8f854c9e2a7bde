package alignment

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// goTypesSizeof type-checks src and returns the size go/types computes for
// the named type with the "gc" sizes for amd64.
func goTypesSizeof(t *testing.T, src, name string) int64 {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return types.SizesFor("gc", "amd64").Sizeof(pkg.Scope().Lookup(name).Type())
}

// On Go 1.19, go/types (which go vet and most analyzers use) leaves out the
// trailing padding that the compiler adds, so the two disagree about
// unsafe.Sizeof. Later releases fixed this (golang/go#61035).
func TestGoTypesVersusCompiler(t *testing.T) {
	type pair struct {
		N    int64
		Flag bool
	}
	if got := unsafe.Sizeof(pair{}); got != 16 {
		t.Fatalf("compiler: unsafe.Sizeof(pair{}) = %d, want 16", got)
	}
	got := goTypesSizeof(t, "package p\ntype pair struct {\n\tN    int64\n\tFlag bool\n}\n", "pair")
	t.Logf("%s: go/types says %d, the compiler says 16", runtime.Version(), got)
	if strings.HasPrefix(runtime.Version(), "go1.19.") && got != 9 {
		t.Errorf("go/types on %s: Sizeof(pair) = %d, want 9", runtime.Version(), got)
	}
	if got != 9 && got != 16 {
		t.Errorf("go/types: Sizeof(pair) = %d, want 9 (old go/types) or 16", got)
	}
}
