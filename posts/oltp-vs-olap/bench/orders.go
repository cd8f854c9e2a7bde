// Package layout compares row-major and column-major layouts of the same
// orders table. It is an illustration of the layout effect, not a database.
package layout

import "math/rand"

// Order is one row of the orders table: 11 fixed-width fields, 64 bytes
// (60 bytes of data and 4 of padding), exactly one cache line.
type Order struct {
	ID          int64
	CustomerID  int64
	CreatedAt   int64 // Unix milliseconds
	Amount      int64 // cents
	Tax         int64 // cents
	Shipping    int64 // cents
	ItemCount   int32
	WarehouseID int32
	Country     uint16 // index into Countries
	Status      uint8  // index into Statuses
	Currency    uint8  // index into Currencies
}

// Status values. The generator draws them with the weights in statusWeights.
const (
	Pending uint8 = iota
	Paid
	Shipped
	Delivered
	Refunded
	Cancelled
)

var (
	Statuses      = []string{"pending", "paid", "shipped", "delivered", "refunded", "cancelled"}
	statusWeights = []int{5, 10, 15, 60, 5, 5} // percent
	Currencies    = []string{"EUR", "USD", "GBP"}
	Countries     = []string{"DE", "US", "GB", "FR", "NL", "ES", "IT", "PL", "SE", "BE",
		"AT", "CH", "DK", "IE", "PT", "CZ", "FI", "NO", "CA", "AU"}
)

// Columns holds the same table column-major: one slice per field.
type Columns struct {
	ID, CustomerID, CreatedAt, Amount, Tax, Shipping []int64
	ItemCount, WarehouseID                           []int32
	Country                                          []uint16
	Status, Currency                                 []uint8
}

// Generate returns n synthetic orders in ID (and time) order. The data is
// deterministic for a given seed.
func Generate(n int, seed int64) []Order {
	r := rand.New(rand.NewSource(seed))
	rows := make([]Order, n)
	t := int64(1767225600000) // 2026-01-01T00:00:00Z
	for i := range rows {
		t += int64(r.Intn(200))
		country := uint16(skewed(r, len(Countries)))
		amount := int64(500 + r.Intn(30000))
		rows[i] = Order{
			ID:          int64(i + 1),
			CustomerID:  int64(1 + r.Intn(250000)),
			CreatedAt:   t,
			Amount:      amount,
			Tax:         amount * 19 / 100,
			Shipping:    []int64{0, 499, 999, 1499}[r.Intn(4)],
			ItemCount:   int32(1 + skewed(r, 8)),
			WarehouseID: int32(1 + r.Intn(40)),
			Country:     country,
			Status:      weighted(r, statusWeights),
			Currency:    currencyFor(country),
		}
	}
	return rows
}

// skewed returns a value in [0,n) where small values are more likely.
func skewed(r *rand.Rand, n int) int {
	a, b := r.Intn(n), r.Intn(n)
	if a < b {
		return a
	}
	return b
}

func weighted(r *rand.Rand, weights []int) uint8 {
	x := r.Intn(100)
	for i, w := range weights {
		if x < w {
			return uint8(i)
		}
		x -= w
	}
	return uint8(len(weights) - 1)
}

func currencyFor(country uint16) uint8 {
	switch Countries[country] {
	case "US", "CA", "AU":
		return 1
	case "GB":
		return 2
	}
	return 0
}

// ToColumns copies rows into a column-major table.
func ToColumns(rows []Order) *Columns {
	c := NewColumns(len(rows))
	for i := range rows {
		c.Append(&rows[i])
	}
	return c
}

// NewColumns returns an empty column table with capacity for n rows.
func NewColumns(n int) *Columns {
	return &Columns{
		ID: make([]int64, 0, n), CustomerID: make([]int64, 0, n), CreatedAt: make([]int64, 0, n),
		Amount: make([]int64, 0, n), Tax: make([]int64, 0, n), Shipping: make([]int64, 0, n),
		ItemCount: make([]int32, 0, n), WarehouseID: make([]int32, 0, n),
		Country: make([]uint16, 0, n), Status: make([]uint8, 0, n), Currency: make([]uint8, 0, n),
	}
}

// Append adds one whole row: eleven writes to eleven different arrays.
func (c *Columns) Append(o *Order) {
	c.ID = append(c.ID, o.ID)
	c.CustomerID = append(c.CustomerID, o.CustomerID)
	c.CreatedAt = append(c.CreatedAt, o.CreatedAt)
	c.Amount = append(c.Amount, o.Amount)
	c.Tax = append(c.Tax, o.Tax)
	c.Shipping = append(c.Shipping, o.Shipping)
	c.ItemCount = append(c.ItemCount, o.ItemCount)
	c.WarehouseID = append(c.WarehouseID, o.WarehouseID)
	c.Country = append(c.Country, o.Country)
	c.Status = append(c.Status, o.Status)
	c.Currency = append(c.Currency, o.Currency)
}

// Truncate empties the table but keeps its memory.
func (c *Columns) Truncate() {
	c.ID, c.CustomerID, c.CreatedAt = c.ID[:0], c.CustomerID[:0], c.CreatedAt[:0]
	c.Amount, c.Tax, c.Shipping = c.Amount[:0], c.Tax[:0], c.Shipping[:0]
	c.ItemCount, c.WarehouseID = c.ItemCount[:0], c.WarehouseID[:0]
	c.Country, c.Status, c.Currency = c.Country[:0], c.Status[:0], c.Currency[:0]
}

// Row reassembles row i: eleven reads from eleven different arrays.
func (c *Columns) Row(i int) Order {
	return Order{
		ID: c.ID[i], CustomerID: c.CustomerID[i], CreatedAt: c.CreatedAt[i],
		Amount: c.Amount[i], Tax: c.Tax[i], Shipping: c.Shipping[i],
		ItemCount: c.ItemCount[i], WarehouseID: c.WarehouseID[i],
		Country: c.Country[i], Status: c.Status[i], Currency: c.Currency[i],
	}
}

// Len is the number of rows.
func (c *Columns) Len() int { return len(c.ID) }

// Checksum folds every field of a row into one number, so that a lookup has
// to read the whole row.
func (o *Order) Checksum() int64 {
	return o.ID ^ o.CustomerID ^ o.CreatedAt ^ o.Amount ^ o.Tax ^ o.Shipping ^
		int64(o.ItemCount) ^ int64(o.WarehouseID)<<8 ^ int64(o.Country)<<16 ^
		int64(o.Status)<<24 ^ int64(o.Currency)<<32
}
