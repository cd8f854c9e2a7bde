// Command tzlocal decodes the same timestamps as the examples
// Example_decodeAttachesLocalOnlyAtItsOffset and Example_parseZoneAbbreviation,
// but takes time.Local from the process's environment instead of assigning
// it: run.sh runs it with TZ=UTC and with TZ=America/New_York and records
// both in ../../output.txt.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{`"2026-03-07T09:00:00-05:00"`, `"2026-07-07T09:00:00-05:00"`} {
		var t time.Time
		if err := json.Unmarshal([]byte(s), &t); err != nil {
			fmt.Println(s, err)
			continue
		}
		where := "a fixed zone"
		if t.Location() == time.Local {
			where = "time.Local"
		}
		fmt.Printf("json.Unmarshal %s -> %s\n", s, where)
	}

	const rfc1123 = "Sun, 08 Mar 2026 09:00:00 EST"
	t, err := time.Parse(time.RFC1123, rfc1123)
	fmt.Printf("time.Parse(time.RFC1123, %q) = %s, %v\n", rfc1123, t.UTC(), err)
}
