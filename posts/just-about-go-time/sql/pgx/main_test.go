package main

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	gotime "playbook/posts/just-about-go-time/code"
)

// These tests need no server: they run pgx's own timestamptz codec, which is
// what turns a time.Time into bytes on the wire and back. run.sh shows the
// same behaviour against a real PostgreSQL in ../pgx-output.txt.

// pgx drops the nanoseconds a timestamptz cannot hold by truncating, in both
// wire formats, where the server rounds a literal it parses itself.
func TestPgxTruncatesToMicroseconds(t *testing.T) {
	m := pgtype.NewMap()

	bin, err := m.Encode(pgtype.TimestamptzOID, pgtype.BinaryFormatCode, written, nil)
	if err != nil {
		t.Fatal(err)
	}
	var decoded time.Time
	if err := m.Scan(pgtype.TimestamptzOID, pgtype.BinaryFormatCode, bin, &decoded); err != nil {
		t.Fatal(err)
	}
	if !decoded.Equal(gotime.ForPostgres(written)) {
		t.Errorf("binary round trip: got %s, want %s", decoded, gotime.ForPostgres(written))
	}

	text, err := m.Encode(pgtype.TimestamptzOID, pgtype.TextFormatCode, written, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(text), "2026-05-06 12:00:00.123456Z"; got != want {
		t.Errorf("text format: got %q, want %q", got, want)
	}
}

// pgx returns timestamptz values in time.Local unless its codec is given a
// ScanLocation: the instant is exact, the Location is the process's.
func TestPgxDecodesIntoLocal(t *testing.T) {
	m := pgtype.NewMap()
	bin, err := m.Encode(pgtype.TimestamptzOID, pgtype.BinaryFormatCode, written, nil)
	if err != nil {
		t.Fatal(err)
	}
	var decoded time.Time
	if err := m.Scan(pgtype.TimestamptzOID, pgtype.BinaryFormatCode, bin, &decoded); err != nil {
		t.Fatal(err)
	}
	if decoded.Location() != time.Local {
		t.Errorf("decoded Location = %q, want time.Local", decoded.Location())
	}
	if decoded == gotime.ForPostgres(written) || decoded.UTC() != gotime.ForPostgres(written) {
		t.Errorf("want decoded != ForPostgres(written) and decoded.UTC() == ForPostgres(written)")
	}
}

// ScanTimestamptzInUTC makes pgx return UTC, for single values and for
// arrays, in both wire formats; then a read-back is == to ForPostgres.
func TestScanTimestamptzInUTC(t *testing.T) {
	m := pgtype.NewMap()
	ScanTimestamptzInUTC(m)
	want := gotime.ForPostgres(written)

	for _, format := range []int16{pgtype.BinaryFormatCode, pgtype.TextFormatCode} {
		buf, err := m.Encode(pgtype.TimestamptzOID, format, written, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got time.Time
		if err := m.Scan(pgtype.TimestamptzOID, format, buf, &got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("format %d: got %s (%q), want == %s", format, got, got.Location(), want)
		}

		buf, err = m.Encode(pgtype.TimestamptzArrayOID, format, []time.Time{written, written}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var gotArray []time.Time
		if err := m.Scan(pgtype.TimestamptzArrayOID, format, buf, &gotArray); err != nil {
			t.Fatal(err)
		}
		for _, g := range gotArray {
			if g != want {
				t.Errorf("format %d, array element: got %s (%q), want == %s", format, g, g.Location(), want)
			}
		}
	}
}
