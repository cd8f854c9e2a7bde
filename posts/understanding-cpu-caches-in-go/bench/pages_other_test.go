//go:build !linux

package cache

import (
	"testing"
	"unsafe"
)

// Huge-page placement is read from /proc/self/smaps, which only Linux has.
func reportHuge(b *testing.B, p unsafe.Pointer, size uintptr) {}
