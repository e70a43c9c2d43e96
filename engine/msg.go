package engine

import "fmt"

// State is a cell's state: Dead or Alive.
type State uint8

// The two states of a Life-like cell.
const (
	Dead  State = 0
	Alive State = 1
)

// String returns the seed's characters: "*" for Alive and "-" for Dead.
func (s State) String() string {
	if s == Alive {
		return "*"
	}
	return "-"
}

// Msg is one message of the protocol: a [Query], a [Transition] or a [Tick].
// The set is closed: no other type implements Msg.
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

// Tick ends a generation: every cell has made its transition.
type Tick struct{}

func (Query) isMsg()      {}
func (Transition) isMsg() {}
func (Tick) isMsg()       {}

// String returns the message as the seed's namedtuple prints it.
func (q Query) String() string { return fmt.Sprintf("Query(y=%d, x=%d)", q.Y, q.X) }

// String returns the message as the seed's namedtuple prints it, with the
// state in the seed's characters.
func (t Transition) String() string {
	return fmt.Sprintf("Transition(y=%d, x=%d, state=%q)", t.Y, t.X, t.State.String())
}

// String returns "TICK", the seed's name for it.
func (Tick) String() string { return "TICK" }
