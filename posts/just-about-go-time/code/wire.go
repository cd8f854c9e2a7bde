// Package gotime holds the helpers and the runnable claims of the article
// "Just About Go Time". Every behaviour the article describes is pinned by an
// Example (with // Output:) or a Test in this directory.
package gotime

import (
	"fmt"
	"strconv"
	"time"
)

// WireLayout is the one format instants leave the process in: RFC 3339, UTC,
// always exactly three fractional digits. For years 0000 to 9999 it is the
// shape JavaScript's Date.prototype.toISOString produces (ECMA-262, "Date Time
// String Format": YYYY-MM-DDTHH:mm:ss.sssZ), and because every value has the
// same width, sorting the strings sorts the instants.
const WireLayout = "2006-01-02T15:04:05.000Z07:00"

// ToWire formats an instant for databases, queues and clients.
func ToWire(t time.Time) string {
	return t.UTC().Truncate(time.Millisecond).Format(WireLayout)
}

// FromWire parses an RFC 3339 timestamp with an uppercase T and Z, with or
// without fractional seconds, with any offset, and returns it in UTC. It
// rejects what time.Parse rejects: the lowercase t and z that RFC 3339
// section 5.6 also allows, and a leap second (:60).
func FromWire(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s) // accepts fractional seconds too
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// ForPostgres prepares an instant for a timestamptz column: UTC, no
// monotonic reading, and no precision the column cannot hold. The value read
// back is then Equal to the value written. It is not ==: drivers choose the
// Location of what they return (pgx uses time.Local), so call UTC() on the
// way in too, after which == holds as well (see ../sql/pgx).
func ForPostgres(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}

// Millis is a time.Time that travels as a JSON number of milliseconds since
// the Unix epoch: the shape Couchbase's SQL++ date functions call "millis" and
// the value JavaScript's Date is built on. The zero Millis means "no value": it
// marshals as null, and with the omitzero tag option (Go 1.24) the field is
// left out. (omitempty does nothing for it: Millis is a struct type.)
type Millis time.Time

// IsZero reports whether m is the zero time, "no value". encoding/json's
// omitzero option calls it.
func (m Millis) IsZero() bool { return time.Time(m).IsZero() }

// MarshalJSON writes the instant as an integer count of milliseconds, and the
// zero Millis as null: written as a number it would be -62135596800000, a
// real instant in year 1 that every "before X" range predicate matches.
func (m Millis) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatInt(time.Time(m).UnixMilli(), 10)), nil
}

// UnmarshalJSON reads an integer count of milliseconds. Like the standard
// library's unmarshalers, it treats JSON null as "no value" and leaves m
// unchanged, so an optional field decodes without error.
func (m *Millis) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	ms, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("gotime.Millis: want integer milliseconds, got %s", b)
	}
	*m = Millis(time.UnixMilli(ms).UTC())
	return nil
}
