package main

import (
	"github.com/life-go/life/engine"
)

// engineNames lists the names --engine accepts.
func engineNames() string { return engine.AlgoNames() }
