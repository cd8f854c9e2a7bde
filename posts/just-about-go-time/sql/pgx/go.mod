module playbook/posts/just-about-go-time/sql/pgx

go 1.26

require (
	github.com/jackc/pgx/v5 v5.13.0
	playbook/posts/just-about-go-time/code v0.0.0
)

require (
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/text v0.41.0 // indirect
)

// The article's helpers (ForPostgres), from this post's code/ module.
replace playbook/posts/just-about-go-time/code => ../../code
