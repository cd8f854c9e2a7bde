// Package alignment holds the struct layouts measured in the article
// "Go Struct Field Alignment", plus a tiny reflect-based layout printer.
package alignment

import (
	"fmt"
	"reflect"
	"strings"
)

// EventPadded is the running example, with fields in the order a person
// might naturally write them: 25 bytes of data, 48 bytes of struct.
type EventPadded struct {
	Active    bool
	Timestamp int64
	Kind      uint8
	UserID    uint32
	Retries   uint16
	Score     float64
	Deleted   bool
}

// EventOrdered has the same fields sorted by alignment, largest first.
type EventOrdered struct {
	Timestamp int64
	Score     float64
	UserID    uint32
	Retries   uint16
	Kind      uint8
	Active    bool
	Deleted   bool
}

// SessionPadded shrinks from 48 to 40 bytes when reordered, but a single
// heap-allocated instance still occupies a 48-byte size class either way.
type SessionPadded struct {
	Active  bool
	UserID  int64
	Created int64
	Expires int64
	Hits    int64
	Admin   bool
}

// SessionOrdered is SessionPadded with the two bools moved to the end.
type SessionOrdered struct {
	UserID  int64
	Created int64
	Expires int64
	Hits    int64
	Active  bool
	Admin   bool
}

// Layout describes the memory layout of a struct value: the offset, size and
// alignment of every field and the padding the compiler inserted after it.
func Layout(v interface{}) string {
	t := reflect.TypeOf(v)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: size %d, align %d\n", t, t.Size(), t.Align())
	var data uintptr
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		end := t.Size()
		if i+1 < t.NumField() {
			end = t.Field(i + 1).Offset
		}
		pad := end - f.Offset - f.Type.Size()
		fmt.Fprintf(&b, "  %-10s %-9s offset %2d  size %2d  align %d",
			f.Name, f.Type, f.Offset, f.Type.Size(), f.Type.FieldAlign())
		if pad > 0 {
			fmt.Fprintf(&b, "  +%d padding", pad)
		}
		b.WriteByte('\n')
		data += f.Type.Size()
	}
	fmt.Fprintf(&b, "  %d bytes of data, %d bytes of padding", data, t.Size()-data)
	return b.String()
}

// NodePtrLast and NodePtrFirst are the same 48 bytes with the only pointer
// at the end or at the start. The garbage collector has to look at the first
// 48 or the first 8 bytes of each object for pointers.
type NodePtrLast struct {
	Payload [5]uint64
	Next    *NodePtrLast
}

// NodePtrFirst is NodePtrLast with the pointer moved to the front.
type NodePtrFirst struct {
	Next    *NodePtrFirst
	Payload [5]uint64
}
