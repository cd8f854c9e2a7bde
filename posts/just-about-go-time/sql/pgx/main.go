// Command pgx writes one Go time.Time into a PostgreSQL timestamptz column
// through pgx, in the ways application code commonly does it, reads each row
// back, and prints what survived. ../run.sh starts a throwaway server, runs
// it with DATABASE_URL set, and writes ../pgx-output.txt.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/jackc/pgx/v5"

	gotime "playbook/posts/just-about-go-time/code"
)

// written has nanoseconds a timestamptz cannot hold: .123456789 seconds is
// .123456 truncated and .123457 rounded to microseconds.
var written = time.Date(2026, 5, 6, 12, 0, 0, 123456789, time.UTC)

type write struct {
	how  string
	mode pgx.QueryExecMode
	arg  any
}

func writes() []write {
	return []write{
		{"time.Time, pgx's default (extended protocol, binary format)", pgx.QueryExecModeCacheStatement, written},
		{"time.Time, simple protocol (pgx interpolates text)", pgx.QueryExecModeSimpleProtocol, written},
		{"string from Format(time.RFC3339Nano), parsed by the server", pgx.QueryExecModeCacheStatement, written.Format(time.RFC3339Nano)},
		{"gotime.ForPostgres(t), pgx's default", pgx.QueryExecModeCacheStatement, gotime.ForPostgres(written)},
		{"gotime.ForPostgres(t) as an RFC3339Nano string, parsed by the server", pgx.QueryExecModeCacheStatement, gotime.ForPostgres(written).Format(time.RFC3339Nano)},
	}
}

func main() {
	if err := run(context.Background(), os.Getenv("DATABASE_URL")); err != nil {
		fmt.Fprintln(os.Stderr, "pgx:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, url string) error {
	config, err := pgx.ParseConfig(url)
	if err != nil {
		return err
	}
	config.RuntimeParams["timezone"] = "UTC" // the session zone, for the stored text
	conn, err := pgx.ConnectConfig(ctx, config)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)

	var server string
	if err := conn.QueryRow(ctx, "SELECT version()").Scan(&server); err != nil {
		return err
	}
	fmt.Println("go:", runtime.Version())
	fmt.Println("pgx:", moduleVersion("github.com/jackc/pgx/v5"))
	fmt.Println("postgres:", server)
	fmt.Printf("process: TZ=%s, so time.Local is that zone\n", os.Getenv("TZ"))
	fmt.Println("session: TimeZone=UTC")
	fmt.Println()

	if _, err := conn.Exec(ctx, "CREATE TEMP TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL)"); err != nil {
		return err
	}
	forPG := gotime.ForPostgres(written)
	fmt.Println("written:               ", written)
	fmt.Println("gotime.ForPostgres(t): ", forPG)
	for i, w := range writes() {
		var stored string
		var read time.Time
		err := conn.QueryRow(ctx, "INSERT INTO events (id, at) VALUES ($1, $2) RETURNING at::text, at",
			w.mode, i+1, w.arg).Scan(&stored, &read)
		if err != nil {
			return fmt.Errorf("%s: %w", w.how, err)
		}
		fmt.Println()
		fmt.Printf("%d. %s\n", i+1, w.how)
		fmt.Printf("   stored:    %s\n", stored)
		fmt.Printf("   read back: %s (Location %q, which is time.Local: %v)\n", read, read.Location(), read.Location() == time.Local)
		fmt.Printf("   read == written: %v, read.Equal(written): %v\n", read == written, read.Equal(written))
		fmt.Printf("   read == ForPostgres(t): %v, read.Equal(ForPostgres(t)): %v, read.UTC() == ForPostgres(t): %v\n",
			read == forPG, read.Equal(forPG), read.UTC() == forPG)
	}
	return nil
}

// moduleVersion reports the version of a dependency compiled into this binary.
func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == path {
				return m.Version
			}
		}
	}
	return "unknown"
}
