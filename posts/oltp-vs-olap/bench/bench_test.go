package layout

import (
	"compress/flate"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"
)

const (
	tableRows  = 8 << 20 // 8,388,608 orders: 512 MiB row-major, far beyond the 32 MiB L3 here
	docRows    = 1 << 18 // JSON parsing is slow; a smaller slice keeps the run short
	insertRows = 1 << 20 // inserts wrap around after this many rows
	compRows   = 1 << 16 // rows per compression run
)

var (
	tableOnce sync.Once
	table     []Order
	tableCols *Columns

	docsOnce sync.Once
	docs     [][]byte

	blockOnce sync.Once
	blocks    *BlockStore

	sink int64
)

// rotated returns xs rotated left by the round number in BENCH_ROUND. run.sh
// runs every benchmark once per process, BENCH_COUNT processes in a row, each
// with the next round number, so that each variant runs first, second, ...
// equally often and a slow minute of the shared host does not fall on the
// ten runs of one variant.
func rotated[T any](xs []T) []T {
	r, _ := strconv.Atoi(os.Getenv("BENCH_ROUND"))
	k := r % len(xs)
	return append(append([]T(nil), xs[k:]...), xs[:k]...)
}

type variant struct {
	name string
	f    func(b *testing.B)
}

func runAll(b *testing.B, vs []variant) {
	for _, v := range rotated(vs) {
		b.Run(v.name, v.f)
	}
}

func orders() ([]Order, *Columns) {
	tableOnce.Do(func() {
		table = Generate(tableRows, 42)
		tableCols = ToColumns(table)
	})
	return table, tableCols
}

func orderDocs() [][]byte {
	docsOnce.Do(func() {
		rows, _ := orders()
		docs = ToDocs(rows[:docRows])
	})
	return docs
}

func blockStore() *BlockStore {
	blockOnce.Do(func() {
		_, cols := orders()
		blocks = BuildBlocks(cols, flate.BestSpeed) // the same 8,388,608 rows as the other lookups
	})
	return blocks
}

// BenchmarkScan: SELECT sum(amount) FROM orders WHERE status = 'delivered'.
// ns/row makes the JSON run (fewer rows) comparable with the others.
func BenchmarkScan(b *testing.B) {
	rows, cols := orders()
	d := orderDocs()
	want := SumRows(rows, Delivered)
	wantDocs := SumRows(rows[:docRows], Delivered)
	scan := func(name string, n int, want int64, f func() int64) variant {
		return variant{name, func(b *testing.B) {
			var got int64
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				got = f()
			}
			elapsed := time.Since(start)
			b.ReportMetric(float64(elapsed.Nanoseconds())/float64(b.N)/float64(n), "ns/row")
			if got != want {
				b.Fatalf("got %d, want %d", got, want)
			}
		}}
	}
	runAll(b, []variant{
		scan("json-docs", docRows, wantDocs, func() int64 { return SumDocs(d, "delivered") }),
		scan("volcano-rows", tableRows, want, func() int64 { return VolcanoSum(rows, Delivered) }),
		scan("volcano-columns", tableRows, want, func() int64 { return VolcanoColumnsSum(cols, Delivered) }),
		scan("rows-branchy", tableRows, want, func() int64 { return SumRows(rows, Delivered) }),
		scan("columns-branchy", tableRows, want, func() int64 { return SumColumns(cols, Delivered) }),
		scan("rows", tableRows, want, func() int64 { return SumRowsNoBranch(rows, Delivered) }),
		scan("columns", tableRows, want, func() int64 { return SumColumnsNoBranch(cols, Delivered) }),
		scan("vectorized-rows", tableRows, want, func() int64 { return VectorizedRowsSum(rows, Delivered) }),
		scan("vectorized-columns", tableRows, want, func() int64 { return VectorizedSum(cols, Delivered) }),
	})
}

// next turns the previous lookup's result into the next random row number,
// so each lookup waits for the one before it (latency, not throughput).
func next(x uint64, acc int64) uint64 {
	x ^= uint64(acc)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

// BenchmarkLookup: SELECT * FROM orders WHERE id = ? by row number, one whole row.
func BenchmarkLookup(b *testing.B) {
	rows, cols := orders()
	g := blockStore()
	runAll(b, []variant{
		{"rows", func(b *testing.B) {
			x, acc, n := uint64(1), int64(0), uint64(len(rows))
			for i := 0; i < b.N; i++ {
				x = next(x, acc)
				acc = rows[x%n].Checksum()
			}
			sink = acc
		}},
		{"columns", func(b *testing.B) {
			x, acc, n := uint64(1), int64(0), uint64(cols.Len())
			for i := 0; i < b.N; i++ {
				x = next(x, acc)
				o := cols.Row(int(x % n))
				acc = o.Checksum()
			}
			sink = acc
		}},
		{"column-blocks", func(b *testing.B) {
			x, acc, n := uint64(1), int64(0), uint64(cols.Len())
			for i := 0; i < b.N; i++ {
				x = next(x, acc)
				o := g.Row(int(x % n))
				acc = o.Checksum()
			}
			sink = acc
		}},
	})
}

// BenchmarkInsert: INSERT one whole row.
func BenchmarkInsert(b *testing.B) {
	rows, _ := orders()
	const mask = 1<<16 - 1
	src := rows[:mask+1]
	runAll(b, []variant{
		{"rows", func(b *testing.B) {
			dst := make([]Order, 0, insertRows)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if len(dst) == cap(dst) {
					dst = dst[:0]
				}
				dst = append(dst, src[i&mask])
			}
			sink = int64(len(dst))
		}},
		{"columns", func(b *testing.B) {
			dst := NewColumns(insertRows)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if dst.Len() == insertRows {
					dst.Truncate()
				}
				dst.Append(&src[i&mask])
			}
			sink = int64(dst.Len())
		}},
	})
}

// BenchmarkCompress: the same 65,536 orders (Example_storedBytesPerColumn
// breaks the column layouts down per column), compressed with flate level 1
// (BestSpeed) in four layouts. stored-B/row is the compressed size per row;
// the raw size is RowBytes = 60 bytes per row in every layout.
func BenchmarkCompress(b *testing.B) {
	sample := Generate(compRows, 42)
	sorted := SortRows(sample)
	delta := map[Field]bool{FieldID: true, FieldCreatedAt: true}
	layouts := []struct {
		name  string
		parts [][]byte
	}{
		{"row-major", [][]byte{EncodeRowMajor(sample)}},
		{"column-major", EncodeColumnMajor(ToColumns(sample), nil)},
		{"column-delta", EncodeColumnMajor(ToColumns(sample), delta)},
		{"column-delta-sorted", EncodeColumnMajor(ToColumns(sorted), delta)},
	}
	var vs []variant
	for _, l := range layouts {
		l := l
		vs = append(vs, variant{l.name, func(b *testing.B) {
			z := NewCompressor(flate.BestSpeed) // one writer, reset per stream: only compression is timed
			b.SetBytes(int64(compRows * RowBytes))
			b.ResetTimer()
			size := 0
			for i := 0; i < b.N; i++ {
				size = z.Size(l.parts)
			}
			b.ReportMetric(float64(size)/compRows, "stored-B/row")
			b.ReportMetric(float64(compRows*RowBytes)/float64(size), "ratio")
		}})
	}
	runAll(b, vs)
}
