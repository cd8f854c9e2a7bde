package layout

// The query every scan below answers:
//
//	SELECT sum(amount) FROM orders WHERE status = ?

// SumRows is the hand-written loop over row-major data. Every row's whole
// 64-byte cache line is pulled from memory to read 9 bytes of it.
func SumRows(rows []Order, status uint8) int64 {
	var sum int64
	for i := range rows {
		if rows[i].Status == status {
			sum += rows[i].Amount
		}
	}
	return sum
}

// SumColumns is the same loop over column-major data: it reads 1 byte of
// status and 8 bytes of amount per row and nothing else.
func SumColumns(c *Columns, status uint8) int64 {
	st, amt := c.Status, c.Amount[:len(c.Status)]
	var sum int64
	for i, s := range st {
		if s == status {
			sum += amt[i]
		}
	}
	return sum
}

// SumRowsNoBranch is SumRows without a data-dependent branch: the comparison
// becomes a mask (the compiler emits a conditional move), so a row whose
// status is unpredictable costs no misprediction.
func SumRowsNoBranch(rows []Order, status uint8) int64 {
	var sum int64
	for i := range rows {
		mask := int64(0)
		if rows[i].Status == status {
			mask = -1
		}
		sum += rows[i].Amount & mask
	}
	return sum
}

// SumColumnsNoBranch is SumColumns without a data-dependent branch.
func SumColumnsNoBranch(c *Columns, status uint8) int64 {
	st, amt := c.Status, c.Amount[:len(c.Status)]
	var sum int64
	for i, s := range st {
		mask := int64(0)
		if s == status {
			mask = -1
		}
		sum += amt[i] & mask
	}
	return sum
}

// ---- A tuple-at-a-time (Volcano-style) interpreter over rows ----

// Field names a column. An interpreter resolves it at run time.
type Field int

const (
	FieldID Field = iota
	FieldCustomerID
	FieldCreatedAt
	FieldAmount
	FieldTax
	FieldShipping
	FieldItemCount
	FieldWarehouseID
	FieldCountry
	FieldStatus
	FieldCurrency
)

// Expr is evaluated once per row, through an interface call.
type Expr interface{ Eval(r *Order) int64 }

// Eval reads the field from the row.
func (f Field) Eval(r *Order) int64 {
	switch f {
	case FieldID:
		return r.ID
	case FieldCustomerID:
		return r.CustomerID
	case FieldCreatedAt:
		return r.CreatedAt
	case FieldAmount:
		return r.Amount
	case FieldTax:
		return r.Tax
	case FieldShipping:
		return r.Shipping
	case FieldItemCount:
		return int64(r.ItemCount)
	case FieldWarehouseID:
		return int64(r.WarehouseID)
	case FieldCountry:
		return int64(r.Country)
	case FieldStatus:
		return int64(r.Status)
	case FieldCurrency:
		return int64(r.Currency)
	}
	panic("unknown field")
}

// Const is a literal.
type Const int64

// Eval returns the literal.
func (c Const) Eval(*Order) int64 { return int64(c) }

// Eq is L = R, evaluating to 1 or 0.
type Eq struct{ L, R Expr }

// Eval compares both sides.
func (e Eq) Eval(r *Order) int64 {
	if e.L.Eval(r) == e.R.Eval(r) {
		return 1
	}
	return 0
}

// Iterator is the Volcano operator interface: one row per Next call, nil at
// the end.
type Iterator interface{ Next() *Order }

// SeqScan produces every row of a table.
type SeqScan struct {
	Rows []Order
	pos  int
}

// Next returns the next row.
func (s *SeqScan) Next() *Order {
	if s.pos >= len(s.Rows) {
		return nil
	}
	r := &s.Rows[s.pos]
	s.pos++
	return r
}

// Filter passes on the rows for which Pred is non-zero.
type Filter struct {
	In   Iterator
	Pred Expr
}

// Next returns the next matching row.
func (f *Filter) Next() *Order {
	for {
		r := f.In.Next()
		if r == nil || f.Pred.Eval(r) != 0 {
			return r
		}
	}
}

// Sum drains an iterator and adds up e.
func Sum(in Iterator, e Expr) int64 {
	var sum int64
	for r := in.Next(); r != nil; r = in.Next() {
		sum += e.Eval(r)
	}
	return sum
}

// VolcanoSum builds and runs the plan Sum(Filter(SeqScan(rows), status = s), amount).
func VolcanoSum(rows []Order, status uint8) int64 {
	plan := &Filter{In: &SeqScan{Rows: rows}, Pred: Eq{FieldStatus, Const(status)}}
	return Sum(plan, FieldAmount)
}

// ---- The same tuple-at-a-time interpreter over columns ----

// CExpr is evaluated once per row of a column table, through an interface
// call, exactly like Expr; only the storage under it differs.
type CExpr interface{ EvalAt(c *Columns, i int) int64 }

// EvalAt reads field f of row i from its column.
func (f Field) EvalAt(c *Columns, i int) int64 { return c.Value(f, i) }

// EvalAt returns the literal.
func (k Const) EvalAt(*Columns, int) int64 { return int64(k) }

// CEq is L = R over a column table, evaluating to 1 or 0.
type CEq struct{ L, R CExpr }

// EvalAt compares both sides.
func (e CEq) EvalAt(c *Columns, i int) int64 {
	if e.L.EvalAt(c, i) == e.R.EvalAt(c, i) {
		return 1
	}
	return 0
}

// CIterator is the Volcano interface over a column table: one row number per
// Next call, -1 at the end.
type CIterator interface{ Next() int }

// CSeqScan produces every row number of a column table.
type CSeqScan struct {
	Cols *Columns
	pos  int
}

// Next returns the next row number.
func (s *CSeqScan) Next() int {
	if s.pos >= s.Cols.Len() {
		return -1
	}
	s.pos++
	return s.pos - 1
}

// CFilter passes on the row numbers for which Pred is non-zero.
type CFilter struct {
	In   CIterator
	Cols *Columns
	Pred CExpr
}

// Next returns the next matching row number.
func (f *CFilter) Next() int {
	for {
		i := f.In.Next()
		if i < 0 || f.Pred.EvalAt(f.Cols, i) != 0 {
			return i
		}
	}
}

// CSum drains an iterator and adds up e.
func CSum(in CIterator, c *Columns, e CExpr) int64 {
	var sum int64
	for i := in.Next(); i >= 0; i = in.Next() {
		sum += e.EvalAt(c, i)
	}
	return sum
}

// VolcanoColumnsSum runs the plan of VolcanoSum, row at a time, over columns.
func VolcanoColumnsSum(c *Columns, status uint8) int64 {
	plan := &CFilter{In: &CSeqScan{Cols: c}, Cols: c, Pred: CEq{FieldStatus, Const(status)}}
	return CSum(plan, c, FieldAmount)
}

// ---- A vector-at-a-time interpreter over columns ----

// VectorSize is the number of rows an operator handles per call.
const VectorSize = 1024

// Vector is a window of rows [Start, Start+Len) of a column table, plus a
// selection vector: the offsets inside the window that are still alive.
type Vector struct {
	Start, Len int
	Sel        []int32 // nil means all Len rows are selected
}

// VOperator produces one vector per call, nil at the end.
type VOperator interface{ NextVector() *Vector }

// VScan walks the table in windows of VectorSize rows. No data is copied.
type VScan struct {
	Cols *Columns
	pos  int
	v    Vector
}

// NextVector returns the next window.
func (s *VScan) NextVector() *Vector {
	n := s.Cols.Len()
	if s.pos >= n {
		return nil
	}
	l := VectorSize
	if n-s.pos < l {
		l = n - s.pos
	}
	s.v = Vector{Start: s.pos, Len: l}
	s.pos += l
	return &s.v
}

// VPredicate narrows a vector's selection.
type VPredicate interface {
	Select(c *Columns, v *Vector, out []int32) []int32
}

// EqUint8 is "column = constant" for a one-byte column. The interpreter's
// dispatch (which column? which type?) happens once per 1024 rows; the loop
// inside is a plain loop over a byte array.
type EqUint8 struct {
	Col Field
	Val uint8
}

// Select writes the offsets of matching rows into out.
func (p EqUint8) Select(c *Columns, v *Vector, out []int32) []int32 {
	var col []uint8
	switch p.Col {
	case FieldStatus:
		col = c.Status
	case FieldCurrency:
		col = c.Currency
	default:
		panic("EqUint8: not a one-byte column")
	}
	col = col[v.Start : v.Start+v.Len]
	out = out[:len(col)]
	n := 0
	if v.Sel == nil {
		for i, x := range col {
			out[n] = int32(i)
			if x == p.Val {
				n++
			}
		}
	} else {
		for _, i := range v.Sel {
			out[n] = i
			if col[i] == p.Val {
				n++
			}
		}
	}
	return out[:n]
}

// VFilter applies a predicate to each vector.
type VFilter struct {
	In   VOperator
	Cols *Columns
	Pred VPredicate
	sel  [VectorSize]int32
}

// NextVector returns the next vector with its selection narrowed.
func (f *VFilter) NextVector() *Vector {
	v := f.In.NextVector()
	if v == nil {
		return nil
	}
	v.Sel = f.Pred.Select(f.Cols, v, f.sel[:])
	return v
}

// VSum adds up an int64 column over the selected rows of every vector.
func VSum(in VOperator, c *Columns, col Field) int64 {
	var sum int64
	for v := in.NextVector(); v != nil; v = in.NextVector() {
		var data []int64
		switch col {
		case FieldAmount:
			data = c.Amount
		case FieldTax:
			data = c.Tax
		case FieldShipping:
			data = c.Shipping
		default:
			panic("VSum: not an int64 measure")
		}
		data = data[v.Start : v.Start+v.Len]
		if v.Sel == nil {
			for _, x := range data {
				sum += x
			}
			continue
		}
		for _, i := range v.Sel {
			sum += data[i]
		}
	}
	return sum
}

// VectorizedSum builds and runs the same plan as VolcanoSum, vector at a time.
func VectorizedSum(c *Columns, status uint8) int64 {
	plan := &VFilter{In: &VScan{Cols: c}, Cols: c, Pred: EqUint8{Col: FieldStatus, Val: status}}
	return VSum(plan, c, FieldAmount)
}

// ---- The same vector-at-a-time interpreter over rows ----

// RVScan walks a row table in windows of VectorSize rows. No data is copied.
type RVScan struct {
	Rows []Order
	pos  int
	v    Vector
}

// NextVector returns the next window.
func (s *RVScan) NextVector() *Vector {
	n := len(s.Rows)
	if s.pos >= n {
		return nil
	}
	l := VectorSize
	if n-s.pos < l {
		l = n - s.pos
	}
	s.v = Vector{Start: s.pos, Len: l}
	s.pos += l
	return &s.v
}

// RowsEqUint8 is EqUint8 over a row table: one dispatch per vector, then a
// plain loop that reads one byte out of each 64-byte row.
type RowsEqUint8 struct {
	Col Field
	Val uint8
}

// Select writes the offsets of matching rows into out.
func (p RowsEqUint8) Select(rows []Order, v *Vector, out []int32) []int32 {
	win := rows[v.Start : v.Start+v.Len]
	out = out[:len(win)]
	n := 0
	switch p.Col {
	case FieldStatus:
		for i := range win {
			out[n] = int32(i)
			if win[i].Status == p.Val {
				n++
			}
		}
	case FieldCurrency:
		for i := range win {
			out[n] = int32(i)
			if win[i].Currency == p.Val {
				n++
			}
		}
	default:
		panic("RowsEqUint8: not a one-byte column")
	}
	return out[:n]
}

// RVFilter applies a predicate to each vector of a row table.
type RVFilter struct {
	In   VOperator
	Rows []Order
	Pred RowsEqUint8
	sel  [VectorSize]int32
}

// NextVector returns the next vector with its selection narrowed.
func (f *RVFilter) NextVector() *Vector {
	v := f.In.NextVector()
	if v == nil {
		return nil
	}
	v.Sel = f.Pred.Select(f.Rows, v, f.sel[:])
	return v
}

// allOffsets is the selection vector 0, 1, ..., VectorSize-1.
var allOffsets = func() (a [VectorSize]int32) {
	for i := range a {
		a[i] = int32(i)
	}
	return a
}()

// RVSum adds up an int64 field over the selected rows of every vector.
func RVSum(in VOperator, rows []Order, col Field) int64 {
	var sum int64
	for v := in.NextVector(); v != nil; v = in.NextVector() {
		win := rows[v.Start : v.Start+v.Len]
		sel := v.Sel
		if sel == nil { // no filter ran: every row of the window
			sel = allOffsets[:len(win)]
		}
		switch col {
		case FieldAmount:
			for _, i := range sel {
				sum += win[i].Amount
			}
		case FieldTax:
			for _, i := range sel {
				sum += win[i].Tax
			}
		case FieldShipping:
			for _, i := range sel {
				sum += win[i].Shipping
			}
		default:
			panic("RVSum: not an int64 measure")
		}
	}
	return sum
}

// VectorizedRowsSum runs the plan of VectorizedSum, vector at a time, over rows.
func VectorizedRowsSum(rows []Order, status uint8) int64 {
	plan := &RVFilter{In: &RVScan{Rows: rows}, Rows: rows, Pred: RowsEqUint8{Col: FieldStatus, Val: status}}
	return RVSum(plan, rows, FieldAmount)
}
