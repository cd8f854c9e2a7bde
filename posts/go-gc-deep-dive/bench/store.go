package gcbench

import "strconv"

// Store is the service's live heap: orders kept in memory between requests,
// full of pointers (strings, slices, the map itself) that the GC must trace
// on every cycle.
type Store struct {
	orders map[int64]*Order
}

// NewStore builds n orders with itemsPer items each.
func NewStore(n, itemsPer int) *Store {
	s := &Store{orders: make(map[int64]*Order, n)}
	for i := 0; i < n; i++ {
		o := &Order{
			ID:       int64(1_000_000 + i),
			Customer: "customer-" + strconv.Itoa(i%50_000),
			Items:    make([]Item, itemsPer),
		}
		for j := range o.Items {
			o.Items[j] = Item{
				ID:         int64(i*itemsPer + j),
				SKU:        "SKU-" + strconv.Itoa((i*7+j*13)%100_000),
				Qty:        1 + (i+j)%5,
				PriceCents: int64(199 + (i*31+j*17)%50_000),
			}
		}
		s.orders[o.ID] = o
	}
	return s
}

// Len reports how many orders the store holds.
func (s *Store) Len() int { return len(s.orders) }

// Get returns the order with the given index (0 <= i < Len()).
func (s *Store) Get(i int) *Order { return s.orders[int64(1_000_000+i)] }

// PageSize is how many orders one request renders.
const PageSize = 8

// ServeNaive handles one request the wasteful way and returns the number of
// bytes it would have written.
func (s *Store) ServeNaive(first int) int {
	n := 0
	for i := 0; i < PageSize; i++ {
		n += len(RenderNaive(s.Get((first + i) % s.Len())))
	}
	return n
}

// ServeLean handles one request with a pooled buffer.
func (s *Store) ServeLean(first int) int {
	n := 0
	w := func(b []byte) { n += len(b) }
	for i := 0; i < PageSize; i++ {
		WriteOrder(w, s.Get((first+i)%s.Len()))
	}
	return n
}
