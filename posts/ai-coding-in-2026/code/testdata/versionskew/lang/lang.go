// Package lang uses a language feature newer than the go 1.23 in go.mod:
// the compiler checks the language version, so this one fails to build.
package lang

func Retries() *int {
	return new(3) // new with an expression: Go 1.26
}
