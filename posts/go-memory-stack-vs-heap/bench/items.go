package stackheap

// Item is 72 bytes: nine words, a size that no allocator size class
// matches exactly.
type Item struct{ a [9]int64 }

// buildValues stores n Items inline in one backing array.
func buildValues(n int) []Item {
	items := make([]Item, n)
	for i := range items {
		items[i].a[0] = int64(i)
	}
	return items
}

// buildPointers stores n pointers, each to its own heap Item.
func buildPointers(n int) []*Item {
	items := make([]*Item, n)
	for i := range items {
		items[i] = &Item{}
		items[i].a[0] = int64(i)
	}
	return items
}

func sumValues(items []Item) int64 {
	var s int64
	for i := range items {
		s += items[i].a[0]
	}
	return s
}

func sumPointers(items []*Item) int64 {
	var s int64
	for _, it := range items {
		s += it.a[0]
	}
	return s
}
