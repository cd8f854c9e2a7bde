package gotime_test

import (
	"os"
	"testing"
	"time"

	// Embed the IANA database so the examples behave the same in a scratch
	// container with no /usr/share/zoneinfo.
	_ "time/tzdata"
)

// Parsing and JSON decoding consult time.Local, which comes from the TZ
// variable or /etc/localtime. Pin it so the // Output: blocks do not depend on
// the machine that runs them.
func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}
