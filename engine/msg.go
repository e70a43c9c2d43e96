package engine

import (
	"fmt"
	"strings"
)

// State is a cell's state: Dead or Alive.
type State uint8

// The two states of a Life-like cell.
const (
	Dead  State = 0
	Alive State = 1
)

// String returns the seed's characters: "*" for Alive and "-" for Dead.
func (s State) String() string {
	switch {
	case s == Alive:
		return "*"
	case s == Dead:
		return "-"
	case s <= 24:
		// States of many: extended RLE's letters from B (2).
		return string(rune('A' + s - 1))
	}
	k := int(s) - 25
	return string([]byte{byte('p' + k/24), byte('A' + k%24)})
}

// Msg is one message of the protocol. The set is closed: no other type
// implements Msg.
//
// The seed's three messages are what per-cell step logic exchanges, one cell
// at a time: [Query], [Transition] and [Tick] (see [Transcript]). On the
// channel driver's wire they travel in batches, a band of rows at a time
// (see [Driver]): a band sends [QueryRows], the driver answers with
// [AnswerRows], and the band hands in its [TransitionRows] and closes its
// generation with a [Tick]. Every message prints as the seed's namedtuples
// print, so that a failing test reads as a transcript.
type Msg interface {
	fmt.Stringer
	isMsg()
}

// Query asks for the state of the cell at (Y, X). The grid answers it,
// wrapping the coordinates.
type Query struct{ Y, X int }

// Transition gives the cell at (Y, X) its state in the next generation.
type Transition struct {
	Y, X  int
	State State
}

// Tick ends a generation: every cell (on the wire, every cell of the band
// that sends it) has made its transition.
type Tick struct{}

// QueryRows is a band's batch of queries: Query(y, x) for every cell of the
// N rows from Y, x from 0 to W-1. Y counts rows as the step logic does,
// before wrapping: the band of row 0 asks from Y = -1 for the row above it.
type QueryRows struct{ Y, N, W int }

// AnswerRows answers a [QueryRows]: the states of its rows in the current
// generation, a byte a cell, row after row, each W cells long. It is a
// read-only view of the driver's copy of the generation, valid until the
// band that asked sends its [Tick]; whoever keeps a message longer (a tap)
// keeps its String.
type AnswerRows struct {
	Y, N, W int
	cells   []byte
}

// TransitionRows is a band's batch of transitions: Transition(y, x, state)
// for every cell of the N rows from Y, x from 0 to W-1, a byte a cell. The
// driver assigns them into the progeny (packing them for a two-state
// grid); the rows belong to the driver until it answers the band's next
// QueryRows.
type TransitionRows struct {
	Y, N, W int
	rows    []byte
}

func (Query) isMsg()          {}
func (Transition) isMsg()     {}
func (Tick) isMsg()           {}
func (QueryRows) isMsg()      {}
func (AnswerRows) isMsg()     {}
func (TransitionRows) isMsg() {}

// String returns the message as the seed's namedtuple prints it.
func (q Query) String() string { return fmt.Sprintf("Query(y=%d, x=%d)", q.Y, q.X) }

// String returns the message as the seed's namedtuple prints it, with the
// state in the seed's characters.
func (t Transition) String() string {
	return fmt.Sprintf("Transition(y=%d, x=%d, state=%q)", t.Y, t.X, t.State.String())
}

// String returns "TICK", the seed's name for it.
func (Tick) String() string { return "TICK" }

// String returns the batch as the seed's Query with ranges:
// "Query(y=-1..1, x=0..2)".
func (q QueryRows) String() string {
	return fmt.Sprintf("Query(y=%s, x=%s)", span(q.Y, q.N), span(0, q.W))
}

// State returns the answer for the cell at (y, x), for Y <= y < Y+N and
// 0 <= x < W.
func (a AnswerRows) State(y, x int) State {
	if y < a.Y || y >= a.Y+a.N || x < 0 || x >= a.W {
		panic(fmt.Sprintf("engine: AnswerRows for rows %s, columns %s, has no cell (%d, %d)", span(a.Y, a.N), span(0, a.W), y, x))
	}
	return State(a.cells[(y-a.Y)*a.W+x])
}

// String returns the answer with a row of the seed's characters for each
// row asked: `Answer(y=-1..1, states="--*|*--|---")`.
func (a AnswerRows) String() string {
	return fmt.Sprintf("Answer(y=%s, states=%q)", span(a.Y, a.N), drawRows(a.Y, a.N, a.W, a.State))
}

// State returns the state the batch gives the cell at (y, x), for
// Y <= y < Y+N and 0 <= x < W.
func (t TransitionRows) State(y, x int) State {
	if y < t.Y || y >= t.Y+t.N || x < 0 || x >= t.W {
		panic(fmt.Sprintf("engine: TransitionRows for rows %s, columns %s, has no cell (%d, %d)", span(t.Y, t.N), span(0, t.W), y, x))
	}
	return State(t.rows[(y-t.Y)*t.W+x])
}

// String returns the batch as the seed's Transition with ranges and a row of
// the seed's characters for each row: `Transition(y=0..1, x=0..2,
// state="-*-|---")`.
func (t TransitionRows) String() string {
	return fmt.Sprintf("Transition(y=%s, x=%s, state=%q)", span(t.Y, t.N), span(0, t.W), drawRows(t.Y, t.N, t.W, t.State))
}

// span writes the n numbers from a as "a..b", or "a" when n is 1.
func span(a, n int) string {
	if n == 1 {
		return fmt.Sprint(a)
	}
	return fmt.Sprintf("%d..%d", a, a+n-1)
}

// drawRows draws n rows from y0, w cells each, in the seed's characters,
// separated by '|'.
func drawRows(y0, n, w int, state func(y, x int) State) string {
	var b strings.Builder
	for y := y0; y < y0+n; y++ {
		if y > y0 {
			b.WriteByte('|')
		}
		for x := range w {
			b.WriteString(state(y, x).String())
		}
	}
	return b.String()
}
