// Package code holds the runnable snippets from "AI Coding in 2026:
// Productivity Multipliers vs. Skill Replacements". Each plausible-but-wrong
// snippet sits next to its fix, and the tests and examples in this package
// prove the article's claims about both: `go test ./...`.
package code
