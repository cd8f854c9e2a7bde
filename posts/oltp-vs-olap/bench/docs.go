package layout

import (
	"encoding/json"
	"time"
)

// OrderDoc is the same order as a JSON document, the way a document store
// such as Couchbase holds it: self-describing, field names in every document.
type OrderDoc struct {
	Type        string `json:"type"`
	ID          int64  `json:"id"`
	CustomerID  int64  `json:"customerId"`
	CreatedAt   string `json:"createdAt"`
	Amount      int64  `json:"amount"`
	Tax         int64  `json:"tax"`
	Shipping    int64  `json:"shipping"`
	ItemCount   int32  `json:"itemCount"`
	WarehouseID int32  `json:"warehouseId"`
	Country     string `json:"country"`
	Status      string `json:"status"`
	Currency    string `json:"currency"`
}

// ToDocs encodes every row as a JSON document.
func ToDocs(rows []Order) [][]byte {
	docs := make([][]byte, len(rows))
	for i := range rows {
		o := &rows[i]
		b, err := json.Marshal(OrderDoc{
			Type: "order", ID: o.ID, CustomerID: o.CustomerID,
			CreatedAt: time.UnixMilli(o.CreatedAt).UTC().Format("2006-01-02T15:04:05.000Z"),
			Amount:    o.Amount, Tax: o.Tax, Shipping: o.Shipping,
			ItemCount: o.ItemCount, WarehouseID: o.WarehouseID,
			Country: Countries[o.Country], Status: Statuses[o.Status], Currency: Currencies[o.Currency],
		})
		if err != nil {
			panic(err)
		}
		docs[i] = b
	}
	return docs
}

// SumDocs answers the query over JSON documents. Even though it asks for two
// fields, the parser has to walk every byte of every document.
func SumDocs(docs [][]byte, status string) int64 {
	var sum int64
	for _, d := range docs {
		var v struct {
			Status string `json:"status"`
			Amount int64  `json:"amount"`
		}
		if err := json.Unmarshal(d, &v); err != nil {
			panic(err)
		}
		if v.Status == status {
			sum += v.Amount
		}
	}
	return sum
}
