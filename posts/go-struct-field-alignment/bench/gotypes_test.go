package alignment

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
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

// Up to Go 1.21, go/types (which go vet and most analyzers use) left out the
// trailing padding that the compiler adds, so types.SizesFor("gc", "amd64")
// said this struct was 9 bytes; this test asserted 9 when the article ran on
// Go 1.19. Go 1.22 made SizesFor("gc", ...) compute the compiler's sizes
// (golang/go#61035, in the Go 1.22 release notes under go/types), and this
// module is about Go 1.26, so both must now say 16.
func TestGoTypesVersusCompiler(t *testing.T) {
	type pair struct {
		N    int64
		Flag bool
	}
	if got := unsafe.Sizeof(pair{}); got != 16 {
		t.Fatalf("compiler: unsafe.Sizeof(pair{}) = %d, want 16", got)
	}
	src := "package p\ntype pair struct {\n\tN    int64\n\tFlag bool\n}\n"
	got := goTypesSizeof(t, src, "pair")
	t.Logf("%s: go/types says %d, the compiler says 16", runtime.Version(), got)
	if got != 16 {
		t.Errorf("go/types on %s: Sizeof(pair) = %d, want 16", runtime.Version(), got)
	}
}
