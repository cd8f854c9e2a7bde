package cache

import (
	"fmt"
	"testing"
	"time"
	"unsafe"
)

// BenchmarkMatrix: one op = summing a whole n x n matrix of int64.
func BenchmarkMatrix(b *testing.B) {
	for _, n := range []int{4096, 4104} {
		for _, order := range []string{"rows", "cols"} {
			if n != 4096 && order == "rows" {
				continue // row order does not care about n; skip to save time
			}
			b.Run(fmt.Sprintf("n=%d/%s", n, order), func(b *testing.B) {
				m := fixture(fmt.Sprint("matrix/", n), func() any {
					m := make([]int64, n*n)
					for i := range m {
						m[i] = int64(i)
					}
					return m
				}).([]int64)
				b.ResetTimer()
				start := time.Now()
				for i := 0; i < b.N; i++ {
					if order == "rows" {
						sink += SumRows(m, n)
					} else {
						sink += SumCols(m, n)
					}
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(n*n), "ns/elem")
				b.StopTimer()
				reportHuge(b, unsafe.Pointer(&m[0]), uintptr(len(m))*8)
			})
		}
	}
}
