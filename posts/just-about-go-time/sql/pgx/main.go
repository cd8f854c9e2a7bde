// Command pgx writes one Go time.Time into a PostgreSQL timestamptz column
// through pgx, in the ways application code commonly does it, reads each row
// back, and prints what survived; then reads the same rows through a pool
// whose connections scan timestamptz in UTC, and shows which session zone
// wins: the role's default or the client's. ../run.sh starts a throwaway
// server, creates the role app with ALTER ROLE app SET TimeZone = 'UTC',
// runs this as app with DATABASE_URL set, and writes ../pgx-output.txt.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

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
	// No RuntimeParams["timezone"]: the session zone is the role's default.
	conn, err := pgx.ConnectConfig(ctx, config)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)

	var server, sessionZone string
	if err := conn.QueryRow(ctx, "SELECT version(), current_setting('TimeZone')").Scan(&server, &sessionZone); err != nil {
		return err
	}
	fmt.Println("go:", runtime.Version())
	fmt.Println("pgx:", moduleVersion("github.com/jackc/pgx/v5"))
	fmt.Println("postgres:", server)
	fmt.Printf("process: TZ=%s, so time.Local is that zone\n", os.Getenv("TZ"))
	fmt.Printf("session: user %s, TimeZone=%s\n", config.User, sessionZone)
	fmt.Println()

	if _, err := conn.Exec(ctx, "CREATE TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL)"); err != nil {
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
		printRead(read, forPG)
	}

	// The same rows through a pool whose connections scan timestamptz in UTC.
	poolConfig, err := pgxpool.ParseConfig(url)
	if err != nil {
		return err
	}
	poolConfig.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		ScanTimestamptzInUTC(conn.TypeMap())
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, poolConfig)
	if err != nil {
		return err
	}
	defer pool.Close()
	fmt.Println()
	fmt.Println("6. rows 1-5 again, through a pgxpool.Pool whose AfterConnect calls ScanTimestamptzInUTC")
	rows, err := pool.Query(ctx, "SELECT id, at FROM events ORDER BY id")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		var read time.Time
		if err := rows.Scan(&id, &read); err != nil {
			return err
		}
		fmt.Printf("   row %d: %s, read == ForPostgres(t): %v\n", id, read, read == forPG)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var reads []time.Time
	if err := pool.QueryRow(ctx, "SELECT array_agg(at ORDER BY id) FROM events WHERE id IN (1, 4)").Scan(&reads); err != nil {
		return err
	}
	fmt.Printf("   array_agg of rows 1 and 4 into []time.Time: %v\n", reads)

	// A client's own TimeZone beats the role's default: pgx sends
	// RuntimeParams (and PGTZ, which ParseConfig maps to it) at startup.
	config.RuntimeParams["timezone"] = "Asia/Tokyo"
	tokyo, err := pgx.ConnectConfig(ctx, config)
	if err != nil {
		return err
	}
	defer tokyo.Close(ctx)
	if err := tokyo.QueryRow(ctx, "SHOW TimeZone").Scan(&sessionZone); err != nil {
		return err
	}
	fmt.Println()
	fmt.Printf("7. user %s again, with RuntimeParams[\"timezone\"] = \"Asia/Tokyo\": SHOW TimeZone = %s\n", config.User, sessionZone)
	return nil
}

func printRead(read, forPG time.Time) {
	fmt.Printf("   read back: %s (Location %q, which is time.Local: %v)\n", read, read.Location(), read.Location() == time.Local)
	fmt.Printf("   read == written: %v, read.Equal(written): %v\n", read == written, read.Equal(written))
	fmt.Printf("   read == ForPostgres(t): %v, read.Equal(ForPostgres(t)): %v, read.UTC() == ForPostgres(t): %v\n",
		read == forPG, read.Equal(forPG), read.UTC() == forPG)
}

// ScanTimestamptzInUTC makes the connection whose type map this is return
// timestamptz values in UTC instead of time.Local; pgx's own tests set
// ScanLocation the same way (pgtype/timestamptz_test.go). Arrays follow:
// their codec looks up its element type by OID in the same map
// (pgtype/array_codec.go).
func ScanTimestamptzInUTC(m *pgtype.Map) {
	m.RegisterType(&pgtype.Type{
		Name:  "timestamptz",
		OID:   pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC},
	})
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
