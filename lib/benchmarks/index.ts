// Benchmark results, from the text a benchmark program printed to what a reader sees. parse.ts reads Go's
// benchmark format (every program in the journal prints it) into each metric's runs and median; stats.ts holds the
// statistics benchstat reports (the median's confidence interval, the Mann–Whitney U test); table.ts selects,
// names and compares the rows of a <BenchmarkTable> for the page, its chart and the Markdown copy; format.ts
// writes the figures; profile.ts reads `go tool pprof -raw` output into the tree a flame graph draws. Nothing
// here knows about posts or React.
export * from './format'
export * from './parse'
export * from './profile'
export * from './stats'
export * from './table'
