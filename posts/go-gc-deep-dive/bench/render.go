// Package gcbench holds the code measured in "Go GC Deep Dive": a toy order
// service whose response renderer exists in a wasteful and a lean version.
package gcbench

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Item is one line of an order.
type Item struct {
	ID         int64
	SKU        string
	Qty        int
	PriceCents int64
}

// Order is what the service keeps in memory and renders on request.
type Order struct {
	ID       int64
	Customer string
	Items    []Item
}

// RenderNaive is the garbage factory: every field goes through fmt (boxing
// each argument into an interface), every item becomes its own string, the
// item strings are collected in a slice that grows from nil, joined into yet
// another string, and the result is copied once more into a []byte.
func RenderNaive(o *Order) []byte {
	var parts []string
	for _, it := range o.Items {
		parts = append(parts, fmt.Sprintf(`{"id":%d,"sku":%q,"qty":%d,"price":%q}`,
			it.ID, it.SKU, it.Qty, formatCents(it.PriceCents)))
	}
	s := fmt.Sprintf(`{"id":%d,"customer":%q,"items":[%s]}`,
		o.ID, o.Customer, strings.Join(parts, ","))
	return []byte(s)
}

func formatCents(c int64) string {
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}

// AppendOrder is the lean version: it appends the same bytes to dst and
// returns the extended slice, strconv-style. With a dst that already has
// enough capacity it does not allocate at all.
func AppendOrder(dst []byte, o *Order) []byte {
	dst = append(dst, `{"id":`...)
	dst = strconv.AppendInt(dst, o.ID, 10)
	dst = append(dst, `,"customer":`...)
	dst = strconv.AppendQuote(dst, o.Customer)
	dst = append(dst, `,"items":[`...)
	for i, it := range o.Items {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = strconv.AppendInt(dst, it.ID, 10)
		dst = append(dst, `,"sku":`...)
		dst = strconv.AppendQuote(dst, it.SKU)
		dst = append(dst, `,"qty":`...)
		dst = strconv.AppendInt(dst, int64(it.Qty), 10)
		dst = append(dst, `,"price":"`...)
		dst = appendCents(dst, it.PriceCents)
		dst = append(dst, '"', '}')
	}
	return append(dst, ']', '}')
}

// appendCents writes c/100 with exactly two decimals, like "%d.%02d".
// Prices in this service are never negative.
func appendCents(dst []byte, c int64) []byte {
	dst = strconv.AppendInt(dst, c/100, 10)
	dst = append(dst, '.')
	if c%100 < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, c%100, 10)
}

// bufPool hands out *[]byte rather than []byte: putting a slice header into
// an interface would itself allocate on every Put.
var bufPool = sync.Pool{
	New: func() any {
		b := make([]byte, 0, 4096)
		return &b
	},
}

// maxPooled is the largest buffer we give back to the pool. A rare huge
// response must not stay pinned in the pool for every later request.
const maxPooled = 64 << 10

// WriteOrder renders o with a pooled buffer and hands the bytes to w, which
// must not keep them (think of an io.Writer that copies into a socket).
func WriteOrder(w func([]byte), o *Order) {
	bp := bufPool.Get().(*[]byte)
	b := AppendOrder((*bp)[:0], o)
	w(b)
	if cap(b) <= maxPooled {
		*bp = b
		bufPool.Put(bp)
	}
}
