// A module that says it supports Go 1.23, built with a newer toolchain. The
// go command ignores testdata/, so the article's module never builds this;
// ../../versionskew.sh does, and TestVersionSkew checks what it reports.
module example.com/versionskew

go 1.23
