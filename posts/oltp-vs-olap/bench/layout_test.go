package layout

import (
	"compress/flate"
	"fmt"
	"testing"
	"unsafe"
)

func TestScansAgree(t *testing.T) {
	rows := Generate(20000, 1)
	cols := ToColumns(rows)
	docs := ToDocs(rows)
	for s := range Statuses {
		st := uint8(s)
		want := SumRows(rows, st)
		if want == 0 {
			t.Fatalf("status %s: no matching rows, generator is broken", Statuses[s])
		}
		for name, got := range map[string]int64{
			"columns":    SumColumns(cols, st),
			"rows-nb":    SumRowsNoBranch(rows, st),
			"columns-nb": SumColumnsNoBranch(cols, st),
			"volcano":    VolcanoSum(rows, st),
			"volcano-c":  VolcanoColumnsSum(cols, st),
			"vectorized": VectorizedSum(cols, st),
			"vector-r":   VectorizedRowsSum(rows, st),
			"json":       SumDocs(docs, Statuses[s]),
		} {
			if got != want {
				t.Errorf("status %s: %s = %d, rows = %d", Statuses[s], name, got, want)
			}
		}
	}
}

func TestRowRoundTrips(t *testing.T) {
	rows := Generate(9*GranuleRows+17, 2)
	cols := ToColumns(rows)
	g := BuildBlocks(cols, flate.BestSpeed)
	for _, i := range []int{0, 1, GranuleRows - 1, GranuleRows, 2*GranuleRows + 5, 8 * GranuleRows, 8*GranuleRows + 3, len(rows) - 1} {
		if got := cols.Row(i); got != rows[i] {
			t.Errorf("Columns.Row(%d) = %+v, want %+v", i, got, rows[i])
		}
		if got := g.Row(i); got != rows[i] {
			t.Errorf("BlockStore.Row(%d) = %+v, want %+v", i, got, rows[i])
		}
	}
}

// Every compressed block holds 64 KiB of one column before compression,
// ClickHouse's default min_compress_block_size.
func TestBlockSizes(t *testing.T) {
	for _, f := range AllFields {
		if got := BlockRows(f) * fieldWidth[f]; got != MinCompressBlock {
			t.Errorf("field %d: block of %d bytes, want %d", f, got, MinCompressBlock)
		}
	}
}

func TestColumnsCompressBetter(t *testing.T) {
	rows := Generate(1<<14, 3)
	rowSize := CompressedSize([][]byte{EncodeRowMajor(rows)}, flate.BestSpeed)
	colSize := CompressedSize(EncodeColumnMajor(ToColumns(rows), nil), flate.BestSpeed)
	if colSize >= rowSize {
		t.Errorf("column-major %d bytes, row-major %d bytes: expected columns to compress better", colSize, rowSize)
	}
}

// The bytes each layout has to move per row for
// SELECT sum(amount) FROM orders WHERE status = ?
func Example_bytesPerRow() {
	rows := Generate(100000, 1)
	docs := ToDocs(rows)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	fmt.Println("row-major, Order struct:", unsafe.Sizeof(Order{}), "bytes")
	fmt.Println("column-major, status+amount:", unsafe.Sizeof(uint8(0))+unsafe.Sizeof(int64(0)), "bytes")
	fmt.Println("JSON document, average:", total/len(docs), "bytes")
	fmt.Println(string(docs[0]))
	// Output:
	// row-major, Order struct: 64 bytes
	// column-major, status+amount: 9 bytes
	// JSON document, average: 208 bytes
	// {"type":"order","id":1,"customerId":152082,"createdAt":"2026-01-01T00:00:00.081Z","amount":24559,"tax":4666,"shipping":999,"itemCount":2,"warehouseId":17,"country":"PL","status":"pending","currency":"EUR"}
}

// Compressed bytes per row of each column for the 65,536 orders that
// BenchmarkCompress uses (flate level 1, one stream per column).
func Example_storedBytesPerColumn() {
	rows := Generate(1<<16, 42)
	delta := map[Field]bool{FieldID: true, FieldCreatedAt: true}
	layouts := [][][]byte{
		EncodeColumnMajor(ToColumns(rows), nil),
		EncodeColumnMajor(ToColumns(rows), delta),
		EncodeColumnMajor(ToColumns(SortRows(rows)), delta),
	}
	names := []string{"id", "customer_id", "created_at", "amount", "tax", "shipping",
		"item_count", "warehouse_id", "country", "status", "currency"}
	perRow := func(parts [][]byte) float64 {
		return float64(CompressedSize(parts, flate.BestSpeed)) / float64(len(rows))
	}
	fmt.Printf("%-13s %4s %6s %6s %6s\n", "column", "raw", "plain", "delta", "sorted")
	var raw int
	for i, f := range AllFields {
		raw += fieldWidth[f]
		fmt.Printf("%-13s %4d %6.2f %6.2f %6.2f\n", names[i], fieldWidth[f],
			perRow(layouts[0][i:i+1]), perRow(layouts[1][i:i+1]), perRow(layouts[2][i:i+1]))
	}
	fmt.Printf("%-13s %4d %6.2f %6.2f %6.2f\n", "total", raw, perRow(layouts[0]), perRow(layouts[1]), perRow(layouts[2]))
	// Output:
	// column         raw  plain  delta sorted
	// id               8   1.51   0.05   1.68
	// customer_id      8   3.21   3.21   3.21
	// created_at       8   2.22   1.64   2.72
	// amount           8   2.75   2.75   2.75
	// tax              8   2.50   2.50   2.49
	// shipping         8   0.69   0.69   0.69
	// item_count       4   0.78   0.78   0.78
	// warehouse_id     4   1.20   1.20   1.20
	// country          2   0.79   0.79   0.02
	// status           1   0.35   0.35   0.00
	// currency         1   0.21   0.21   0.00
	// total           60  16.20  14.17  15.54
}
