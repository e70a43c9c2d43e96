package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// wireLog is a Driver.Tap that writes each message as a line of a
// transcript: "band 1 -> Query(y=0..2, x=0..2)" for what a band sends,
// "band 1 <- Answer(...)" for what the driver sends it.
type wireLog []string

func (l *wireLog) tap(band int, m Msg) {
	arrow := "->"
	if _, ok := m.(AnswerRows); ok {
		arrow = "<-"
	}
	*l = append(*l, fmt.Sprintf("band %d %s %v", band, arrow, m))
}

// TestWireTranscript reads the channel driver's wire on a 3 x 3 torus, where
// every cell neighbours every other: three live cells make every cell live
// (a live cell has two live neighbours, a dead one three), and nine make
// every cell die. Each band asks for its rows and one either side, is
// answered their states, and hands in its transitions and its tick.
func TestWireTranscript(t *testing.T) {
	start := mustParse(t, `
		-*-
		--*
		*--`)
	for _, tc := range []struct {
		name  string
		d     Driver
		gens  uint64
		want  []string
		final string
	}{
		{"one band", Driver{Bands: 1, Reach: 1}, 2, []string{
			// Rows -1..1 are all three, the torus's row 2 first.
			`band 0 -> Query(y=-1..1, x=0..2)`,
			`band 0 <- Answer(y=-1..1, states="*--|-*-|--*")`,
			`band 0 -> Transition(y=0..2, x=0..2, state="***|***|***")`,
			`band 0 -> TICK`,
			`band 0 -> Query(y=-1..1, x=0..2)`,
			`band 0 <- Answer(y=-1..1, states="***|***|***")`,
			`band 0 -> Transition(y=0..2, x=0..2, state="---|---|---")`,
			`band 0 -> TICK`,
		}, "---\n---\n---\n"},
		{"a band a row", Driver{Bands: 3, Reach: 1}, 1, []string{
			`band 0 -> Query(y=-1..1, x=0..2)`,
			`band 0 <- Answer(y=-1..1, states="*--|-*-|--*")`,
			`band 1 -> Query(y=0..2, x=0..2)`,
			`band 1 <- Answer(y=0..2, states="-*-|--*|*--")`,
			`band 2 -> Query(y=1..3, x=0..2)`,
			`band 2 <- Answer(y=1..3, states="--*|*--|-*-")`,
			`band 0 -> Transition(y=0, x=0..2, state="***")`,
			`band 0 -> TICK`,
			`band 1 -> Transition(y=1, x=0..2, state="***")`,
			`band 1 -> TICK`,
			`band 2 -> Transition(y=2, x=0..2, state="***")`,
			`band 2 -> TICK`,
		}, "***\n***\n***\n"},
		{"reach beyond the torus", Driver{Bands: 2, Reach: 5}, 1, []string{
			`band 0 -> Query(y=-3..-1, x=0..2)`,
			`band 0 <- Answer(y=-3..-1, states="-*-|--*|*--")`,
			`band 1 -> Query(y=-2..0, x=0..2)`,
			`band 1 <- Answer(y=-2..0, states="--*|*--|-*-")`,
			`band 0 -> Transition(y=0, x=0..2, state="***")`,
			`band 0 -> TICK`,
			`band 1 -> Transition(y=1..2, x=0..2, state="***|***")`,
			`band 1 -> TICK`,
		}, "***\n***\n***\n"},
		{"two bands, reach unknown", Driver{Bands: 2}, 1, []string{
			// Told nothing of the step logic, each band asks for every row.
			`band 0 -> Query(y=0..2, x=0..2)`,
			`band 0 <- Answer(y=0..2, states="-*-|--*|*--")`,
			`band 1 -> Query(y=0..2, x=0..2)`,
			`band 1 <- Answer(y=0..2, states="-*-|--*|*--")`,
			`band 0 -> Transition(y=0, x=0..2, state="***")`,
			`band 0 -> TICK`,
			`band 1 -> Transition(y=1..2, x=0..2, state="***|***")`,
			`band 1 -> TICK`,
		}, "***\n***\n***\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var log wireLog
			d := tc.d
			d.Tap = log.tap
			g := start.Clone()
			if n, err := d.Run(context.Background(), g, StepCell(Life), tc.gens); err != nil || n != tc.gens {
				t.Fatalf("Run: %d generations, %v", n, err)
			}
			if got, want := strings.Join(log, "\n"), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("wire:\n%s\nwant:\n%s", got, want)
			}
			if g.String() != tc.final {
				t.Errorf("grid after %d generations:\n%vwant:\n%v", tc.gens, g, tc.final)
			}
		})
	}
}

// TestWireBands checks the shape of the wire on a larger torus, for every
// number of bands: per generation, each band's QueryRows and AnswerRows,
// then each band's TransitionRows and Tick, the bands in order, their rows
// covering the torus once.
func TestWireBands(t *testing.T) {
	g := mustParse(t, `
		-*------
		--*-----
		***-----
		--------
		--------`)
	for bands := 1; bands <= 5; bands++ {
		var msgs []Msg
		var from []int
		d := Driver{Bands: bands, Reach: StepReach(Life), Tap: func(band int, m Msg) {
			msgs, from = append(msgs, m), append(from, band)
		}}
		const gens = 3
		if _, err := d.Run(context.Background(), g.Clone(), StepCell(Life), gens); err != nil {
			t.Fatal(err)
		}
		if len(msgs) != gens*4*bands {
			t.Fatalf("%d bands: %d messages, want %d", bands, len(msgs), gens*4*bands)
		}
		for gen := range gens {
			m := msgs[gen*4*bands:]
			b := from[gen*4*bands:]
			next := 0
			for i := range bands {
				q, ok1 := m[2*i].(QueryRows)
				a, ok2 := m[2*i+1].(AnswerRows)
				tr, ok3 := m[2*bands+2*i].(TransitionRows)
				_, ok4 := m[2*bands+2*i+1].(Tick)
				if !ok1 || !ok2 || !ok3 || !ok4 || b[2*i] != i || b[2*bands+2*i] != i {
					t.Fatalf("%d bands, generation %d, band %d: %v %v %v %v", bands, gen, i, m[2*i], m[2*i+1], m[2*bands+2*i], m[2*bands+2*i+1])
				}
				if tr.Y != next || q.Y != tr.Y-1 || q.N != min(tr.N+2, 5) || a.Y != q.Y || a.N != q.N || q.W != 8 || tr.W != 8 {
					t.Errorf("%d bands, generation %d, band %d: %v, %v, %v", bands, gen, i, q, a, tr)
				}
				next = tr.Y + tr.N
			}
			if next != 5 {
				t.Errorf("%d bands: the bands' rows end at %d, want 5", bands, next)
			}
		}
	}
}

// TestBeyondReach: step logic that asks two rows away from a driver told it
// asks within one fails, naming the cell.
func TestBeyondReach(t *testing.T) {
	g := mustParse(t, "---\n---\n---\n---\n---\n---\n")
	far := func(c Conn, y, x int) { c.Transition(y, x, c.Query(y-2, x)) }
	_, err := Driver{Bands: 2, Reach: 1}.Run(context.Background(), g, far, 1)
	const want = "step logic for cell (y=0, x=0) panicked: runtime error: index out of range"
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "beyond its reach of 1 row") {
		t.Errorf("err = %v, want %q... beyond its reach of 1 row", err, want)
	}
	// Told nothing, the driver answers every row.
	if _, err := (Driver{Bands: 2}).Run(context.Background(), g, far, 1); err != nil {
		t.Error(err)
	}
}

func TestMsgStrings(t *testing.T) {
	for _, tc := range []struct {
		m    Msg
		want string
	}{
		{Query{-1, 2}, "Query(y=-1, x=2)"},
		{Transition{0, 1, Alive}, `Transition(y=0, x=1, state="*")`},
		{Tick{}, "TICK"},
		{QueryRows{Y: -1, N: 3, W: 2}, "Query(y=-1..1, x=0..1)"},
		{QueryRows{Y: 4, N: 1, W: 1}, "Query(y=4, x=0)"},
		{AnswerRows{Y: -1, N: 2, W: 2, cells: []byte{0, 1, 1, 0}}, `Answer(y=-1..0, states="-*|*-")`},
		{TransitionRows{Y: 0, N: 2, W: 2, rows: []byte{0, 1, 1, 0}}, `Transition(y=0..1, x=0..1, state="-*|*-")`},
		{TransitionRows{Y: 0, N: 1, W: 3, rows: []byte{2, 24, 255}}, `Transition(y=0, x=0..2, state="BXyO")`},
		{Transition{0, 1, 25}, `Transition(y=0, x=1, state="pA")`},
	} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("%#v: %s, want %s", tc.m, got, tc.want)
		}
	}
}
