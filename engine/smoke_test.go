package engine

import (
	"context"
	"testing"

	"github.com/life-go/life/grid"
)

func TestSmokeGlider(t *testing.T) {
	g, _ := grid.Parse(`
-*------
--*-----
***-----
--------
--------
--------
--------
--------`)
	start := g.Clone()
	n, err := Run(context.Background(), g, StepCell(Life), 32)
	if err != nil || n != 32 {
		t.Fatal(n, err)
	}
	if !g.Equal(start) {
		t.Fatalf("got\n%v", g)
	}
}
