// Package swapped holds the layout typo that go vet has reported since Go
// 1.20. It lives under testdata so that ./... (and npm test) skip it; run.sh
// vets it on purpose and records the report in output.txt.
//
// vet's timeformat check looks only at constant layouts passed to
// (time.Time).Format and time.Parse. The same constant passed to
// time.ParseInLocation or (time.Time).AppendFormat, or a layout that is not a
// constant, is not reported: output.txt shows two reports for the five calls.
package swapped

import "time"

const dayFirst = "2006-02-01" // yyyy-dd-mm: meant 2006-01-02

func ISODate(t time.Time) string {
	return t.Format("2006-02-01") // reported
}

func Parse(s string) (time.Time, error) {
	return time.Parse(dayFirst, s) // reported: a named constant is a constant
}

func ParseNY(s string, ny *time.Location) (time.Time, error) {
	return time.ParseInLocation(dayFirst, s, ny) // not reported
}

func AppendISODate(b []byte, t time.Time) []byte {
	return t.AppendFormat(b, dayFirst) // not reported
}

func FormatWith(t time.Time, layout string) string {
	return t.Format(layout) // not a constant: not reported
}
