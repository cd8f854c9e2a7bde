package layout

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"sort"
)

// RowBytes is the size of one row's fields without padding.
const RowBytes = 6*8 + 2*4 + 2 + 1 + 1

// fieldWidth is the encoded width of each Field, in Field order.
var fieldWidth = [...]int{8, 8, 8, 8, 8, 8, 4, 4, 2, 1, 1}

// AllFields lists the columns in table order.
var AllFields = []Field{FieldID, FieldCustomerID, FieldCreatedAt, FieldAmount, FieldTax,
	FieldShipping, FieldItemCount, FieldWarehouseID, FieldCountry, FieldStatus, FieldCurrency}

// EncodeRowMajor writes the rows one after the other, fields little-endian:
// the shape of a row store's page.
func EncodeRowMajor(rows []Order) []byte {
	out := make([]byte, 0, len(rows)*RowBytes)
	for i := range rows {
		for _, f := range AllFields {
			out = appendField(out, f, f.Eval(&rows[i]))
		}
	}
	return out
}

// EncodeColumn writes rows [a,b) of one column, little-endian. With delta
// set, an int64 column stores the first value and then differences between
// neighbours (what ClickHouse's Delta codec does before the general codec).
func EncodeColumn(c *Columns, f Field, a, b int, delta bool) []byte {
	out := make([]byte, 0, (b-a)*fieldWidth[f])
	prev := int64(0)
	for i := a; i < b; i++ {
		v := c.Value(f, i)
		if delta {
			v, prev = v-prev, v
		}
		out = appendField(out, f, v)
	}
	return out
}

// EncodeColumnMajor encodes each column separately, one byte slice per column
// (a column store keeps one file per column).
func EncodeColumnMajor(c *Columns, deltaCols map[Field]bool) [][]byte {
	parts := make([][]byte, 0, len(AllFields))
	for _, f := range AllFields {
		parts = append(parts, EncodeColumn(c, f, 0, c.Len(), deltaCols[f]))
	}
	return parts
}

// SortRows orders rows by (status, country, id), the way a column store's
// sorting key (ClickHouse's ORDER BY) lays a table out on disk.
func SortRows(rows []Order) []Order {
	s := append([]Order(nil), rows...)
	sort.Slice(s, func(i, j int) bool {
		a, b := &s[i], &s[j]
		if a.Status != b.Status {
			return a.Status < b.Status
		}
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return a.ID < b.ID
	})
	return s
}

// Compressor compresses byte slices with one reused flate writer into a
// byte counter: what it measures is compression, not allocating a writer
// (about 1 MB of state) or growing an output buffer.
type Compressor struct {
	w *flate.Writer
	n countingWriter
}

type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// NewCompressor returns a Compressor at the given flate level.
func NewCompressor(level int) *Compressor {
	z := &Compressor{}
	w, err := flate.NewWriter(&z.n, level)
	if err != nil {
		panic(err)
	}
	z.w = w
	return z
}

// Size compresses each part as its own flate stream and returns the total
// compressed size in bytes.
func (z *Compressor) Size(parts [][]byte) int {
	total := 0
	for _, p := range parts {
		z.n.n = 0
		z.w.Reset(&z.n)
		if _, err := z.w.Write(p); err != nil {
			panic(err)
		}
		if err := z.w.Close(); err != nil {
			panic(err)
		}
		total += z.n.n
	}
	return total
}

// CompressedSize is NewCompressor(level).Size(parts).
func CompressedSize(parts [][]byte, level int) int {
	return NewCompressor(level).Size(parts)
}

func appendField(out []byte, f Field, v int64) []byte {
	switch fieldWidth[f] {
	case 8:
		return binary.LittleEndian.AppendUint64(out, uint64(v))
	case 4:
		return binary.LittleEndian.AppendUint32(out, uint32(v))
	case 2:
		return binary.LittleEndian.AppendUint16(out, uint16(v))
	}
	return append(out, byte(v))
}

func readField(buf []byte, f Field, i int) int64 {
	switch w := fieldWidth[f]; w {
	case 8:
		return int64(binary.LittleEndian.Uint64(buf[i*8:]))
	case 4:
		return int64(int32(binary.LittleEndian.Uint32(buf[i*4:])))
	case 2:
		return int64(binary.LittleEndian.Uint16(buf[i*2:]))
	}
	return int64(buf[i])
}

// Value returns field f of row i as an int64.
func (c *Columns) Value(f Field, i int) int64 {
	switch f {
	case FieldID:
		return c.ID[i]
	case FieldCustomerID:
		return c.CustomerID[i]
	case FieldCreatedAt:
		return c.CreatedAt[i]
	case FieldAmount:
		return c.Amount[i]
	case FieldTax:
		return c.Tax[i]
	case FieldShipping:
		return c.Shipping[i]
	case FieldItemCount:
		return int64(c.ItemCount[i])
	case FieldWarehouseID:
		return int64(c.WarehouseID[i])
	case FieldCountry:
		return int64(c.Country[i])
	case FieldStatus:
		return int64(c.Status[i])
	case FieldCurrency:
		return int64(c.Currency[i])
	}
	panic("unknown field")
}

func (o *Order) set(f Field, v int64) {
	switch f {
	case FieldID:
		o.ID = v
	case FieldCustomerID:
		o.CustomerID = v
	case FieldCreatedAt:
		o.CreatedAt = v
	case FieldAmount:
		o.Amount = v
	case FieldTax:
		o.Tax = v
	case FieldShipping:
		o.Shipping = v
	case FieldItemCount:
		o.ItemCount = int32(v)
	case FieldWarehouseID:
		o.WarehouseID = int32(v)
	case FieldCountry:
		o.Country = uint16(v)
	case FieldStatus:
		o.Status = uint8(v)
	case FieldCurrency:
		o.Currency = uint8(v)
	}
}

// GranuleRows is ClickHouse's default index_granularity: the sparse primary
// index has one entry per 8,192 rows. A granule is the unit the index can skip;
// it is not the unit of compression.
const GranuleRows = 8192

// MinCompressBlock is ClickHouse's default min_compress_block_size (64 KiB):
// a MergeTree writer keeps adding whole granules of a column to the block it
// is compressing until the block holds at least this many uncompressed bytes
// (and at most max_compress_block_size, 1 MiB). With 8,192-row granules, a
// block of an 8-byte column holds one granule (64 KiB), a block of a 1-byte
// column eight (64 KiB as well).
const MinCompressBlock = 64 << 10

// BlockRows is the number of rows in one compressed block of field f.
func BlockRows(f Field) int {
	n := GranuleRows
	for n*fieldWidth[f] < MinCompressBlock {
		n += GranuleRows
	}
	return n
}

// BlockStore keeps every column as a sequence of compressed blocks of
// BlockRows(f) values each, 64 KiB before compression: the on-disk shape of a
// MergeTree column, held in memory.
type BlockStore struct {
	n      int
	blocks [][][]byte // [field][block] -> compressed bytes
	r      io.ReadCloser
	src    bytes.Reader
	buf    []byte
}

// BuildBlocks compresses each column in blocks of BlockRows(f) values.
func BuildBlocks(c *Columns, level int) *BlockStore {
	g := &BlockStore{n: c.Len(), blocks: make([][][]byte, len(AllFields)), buf: make([]byte, MinCompressBlock)}
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, level)
	if err != nil {
		panic(err)
	}
	for _, f := range AllFields {
		per := BlockRows(f)
		for a := 0; a < c.Len(); a += per {
			b := a + per
			if b > c.Len() {
				b = c.Len()
			}
			out.Reset()
			w.Reset(&out)
			if _, err := w.Write(EncodeColumn(c, f, a, b, false)); err != nil {
				panic(err)
			}
			if err := w.Close(); err != nil {
				panic(err)
			}
			g.blocks[f] = append(g.blocks[f], append([]byte(nil), out.Bytes()...))
		}
	}
	g.r = flate.NewReader(&g.src)
	return g
}

// CompressedBytes is the total size of all blocks.
func (g *BlockStore) CompressedBytes() int {
	total := 0
	for _, col := range g.blocks {
		for _, b := range col {
			total += len(b)
		}
	}
	return total
}

// Row fetches one whole row: for each of the 11 columns, decompress the
// 64 KiB block that holds row i and pick one value out of it.
func (g *BlockStore) Row(i int) Order {
	var o Order
	for _, f := range AllFields {
		per := BlockRows(f)
		bi, off := i/per, i%per
		rowsInBlock := per
		if rest := g.n - bi*per; rest < rowsInBlock {
			rowsInBlock = rest
		}
		g.src.Reset(g.blocks[f][bi])
		if err := g.r.(flate.Resetter).Reset(&g.src, nil); err != nil {
			panic(err)
		}
		block := g.buf[:rowsInBlock*fieldWidth[f]]
		if _, err := io.ReadFull(g.r, block); err != nil {
			panic(err)
		}
		o.set(f, readField(block, f, off))
	}
	return o
}
