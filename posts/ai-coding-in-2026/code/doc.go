// Package code holds the runnable snippets from "AI Coding in 2026:
// Productivity Multipliers vs. Skill Replacements". Each plausible-but-wrong
// snippet sits next to its fix, and the tests and examples in this package
// prove the article's claims about both: `go test ./...`. Two claims need
// more than the package: versionskew.sh builds and vets a module that
// states an older Go version (testdata/versionskew), and sql/run.sh runs the
// SQL examples on a throwaway PostgreSQL cluster. Both commit their output.
package code
