package gcbench

import "strconv"

// Store is the service's live heap: orders kept in memory between requests,
// full of pointers (strings, slices, the map itself) that the GC must trace
// on every cycle.
type Store struct {
	orders map[int64]*Order
}

// The fixtures look like a production order table's: IDs are large
// database keys, never the small integers (0 to 255) that the runtime boxes
// into an interface without allocating, so fmt pays for every ID it formats.
const (
	firstOrderID = 4_031_557_000 // orders 4031557000, 4031557001, ...
	firstItemID  = 93_008_114_000
	firstSKU     = 200_000 // SKU-200000 to SKU-299999
)

// NewStore builds n orders with itemsPer items each.
func NewStore(n, itemsPer int) *Store {
	s := &Store{orders: make(map[int64]*Order, n)}
	for i := 0; i < n; i++ {
		o := &Order{
			ID:       int64(firstOrderID + i),
			Customer: "cust-" + strconv.Itoa(1_200_000+i*37%50_000),
			Items:    make([]Item, itemsPer),
		}
		for j := range o.Items {
			o.Items[j] = Item{
				ID:         int64(firstItemID + i*itemsPer + j),
				SKU:        "SKU-" + strconv.Itoa(firstSKU+(i*7+j*13)%100_000),
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
func (s *Store) Get(i int) *Order { return s.orders[int64(firstOrderID+i)] }

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
