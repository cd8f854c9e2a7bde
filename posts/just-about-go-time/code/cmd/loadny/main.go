// Command loadny loads America/New_York without importing time/tzdata. Run it
// somewhere with no tz database (an empty chroot, a scratch image) to see
// the runtime error the article quotes; see ../../output.txt.
package main

import (
	"fmt"
	"time"
)

func main() {
	loc, err := time.LoadLocation("America/New_York")
	fmt.Println(loc, err)
}
