// Package swapped holds the layout typo that go vet has reported since Go
// 1.20. It lives under testdata so that ./... (and npm test) skip it; run.sh
// vets it on purpose and records the report in output.txt.
package swapped

import "time"

func ISODate(t time.Time) string {
	return t.Format("2006-02-01") // yyyy-dd-mm: meant 2006-01-02
}
