package main

import _ "embed" // the usage texts

// The commands' usage texts, in usage/*.txt as --help prints them, each
// followed by the command's flags (see [newFlags]). The verbs in some are
// filled in where they are used: run's and the UI's with the margin of
// the torus that stands in for the plane, render's with the renderer's
// limits, bench's with its workloads, the UI's with its keys.
var (
	//go:embed usage/bench.txt
	benchUsage string
	//go:embed usage/census.txt
	censusUsage string
	//go:embed usage/identify.txt
	identifyUsage string
	//go:embed usage/patterns.txt
	patternsUsage string
	//go:embed usage/render.txt
	renderUsage string
	//go:embed usage/run.txt
	runUsage string
	//go:embed usage/ui.txt
	uiUsage string
)
