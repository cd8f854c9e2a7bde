package cache

import (
	"testing"
	"time"
)

const ordersN = 1 << 20 // 1M orders: 96 MiB as structs, 8 MiB as a column

type ordersData struct {
	orders  []Order
	amounts []int64
}

// BenchmarkOrders: one op = total of AmountCents over 1M orders.
func BenchmarkOrders(b *testing.B) {
	build := func() any {
		d := &ordersData{orders: make([]Order, ordersN), amounts: make([]int64, ordersN)}
		now := time.Date(2026, 3, 24, 0, 0, 0, 0, time.UTC)
		for i := range d.orders {
			d.orders[i] = Order{ID: int64(i), CustomerID: int64(i % 1000), AmountCents: int64(i % 10000),
				Currency: [3]byte{'E', 'U', 'R'}, CreatedAt: now, UpdatedAt: now}
			d.amounts[i] = int64(i % 10000)
		}
		return d
	}
	b.Run("array-of-structs", func(b *testing.B) {
		d := fixture("orders", build).(*ordersData)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sink += SumAmounts(d.orders)
		}
	})
	b.Run("column", func(b *testing.B) {
		d := fixture("orders", build).(*ordersData)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			sink += SumInt64s(d.amounts)
		}
	})
}
