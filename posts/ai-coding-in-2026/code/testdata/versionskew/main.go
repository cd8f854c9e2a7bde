// This program is deliberately not part of the module's build (go ignores
// testdata/). It uses three APIs an assistant happily suggests, none of which
// exist in the Go 1.19 toolchain this module targets:
//
//	go build ./testdata/versionskew
package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	ctx := context.WithoutCancel(context.Background())   // Go 1.21
	err := errors.Join(errors.New("a"), errors.New("b")) // Go 1.20
	fmt.Println(ctx, err, min(3, 4))                     // min builtin: Go 1.21
}
