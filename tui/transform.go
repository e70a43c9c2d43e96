package tui

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/life-go/life/engine"
	"github.com/life-go/life/engine/universe"
	"github.com/life-go/life/patterns"
)

// The transforms and clears, as Golly's Edit menu has them: x flips left
// to right and y top to bottom, > turns clockwise and < anticlockwise,
// the floating paste when there is one, else the selection; Delete clears
// the selection and Shift-Delete (or D) what lies outside it; F fills the
// selection (or the view) at random; S shrinks the selection. Each is one
// edit, one undo step. The cell logic is engine/universe's.

// transformKind is one of the four transforms.
type transformKind int

const (
	flipLeftRight transformKind = iota
	flipTopBottom
	turnClockwise
	turnAnticlockwise
)

// String names the transform for messages.
func (k transformKind) String() string {
	return [...]string{"flipped left-right", "flipped top-bottom", "rotated clockwise", "rotated anticlockwise"}[k]
}

// transform applies k to the floating paste, or else to the selection. It
// reports false when there is neither, so that the key may mean something
// else (x toggles a cell in edit mode).
func (u *controller) transform(k transformKind) bool {
	if f := u.paste; f != nil {
		f.p = [...]func(*patterns.Pattern) *patterns.Pattern{
			universe.FlipLeftRight, universe.FlipTopBottom, universe.RotateClockwise, universe.RotateAnticlockwise,
		}[k](f.p)
		u.msg = "paste " + k.String()
		return true
	}
	if !u.sel.on {
		return false
	}
	r := u.sel.rect()
	if !u.canEdit("transform", r) {
		return true
	}
	w := u.cur.Clone()
	switch k {
	case flipLeftRight, flipTopBottom:
		universe.Flip(w.Eng, r, k == flipLeftRight)
	default:
		n, err := universe.Rotate(w.Eng, r, k == turnClockwise)
		if err != nil {
			u.msg = "rotate: " + err.Error()
			if errors.Is(err, universe.ErrOutsideGrid) {
				u.msg += " (nothing was changed)"
			}
			return true
		}
		u.edit(w)
		u.sel = selectionOf(n)
		u.msg = "selection " + k.String()
		return true
	}
	u.edit(w)
	u.msg = "selection " + k.String()
	return true
}

// canEdit reports whether an edit of the cells in r may visit them one by
// one, saying why not (what: "clear") when there are too many.
func (u *controller) canEdit(what string, r engine.Rect) bool {
	if n := universe.CountIn(u.cur.Eng, r); !n.IsInt64() || n.Int64() > maxVisit {
		u.msg = fmt.Sprintf("%s: %s live cells are too many to edit one by one (at most %d)", what, readable(n), maxVisit)
		return false
	}
	return true
}

// clearSelection clears the cells in the selection, or with outside the
// cells outside it.
func (u *controller) clearSelection(outside bool) {
	what := "clear"
	if outside {
		what = "clear outside"
	}
	r, ok := u.needSelection(what)
	if !ok {
		return
	}
	if box, ok := u.cur.Eng.Bounds(); !ok || contains(r, box) {
		// Every live cell is inside: clearing it is clearing the universe,
		// at once however many cells there are; outside there is nothing.
		if !outside && ok {
			u.clear()
		}
		u.msg = fmt.Sprintf("%s the %d x %d selection: %s cells left", map[bool]string{false: "cleared", true: "cleared outside"}[outside], r.W, r.H, readable(u.cur.Eng.Population()))
		return
	}
	if outside {
		box, ok := u.cur.Eng.Bounds()
		if !ok || !u.canEdit(what, box) {
			return
		}
	} else if !u.canEdit(what, r) {
		return
	}
	w := u.cur.Clone()
	if outside {
		universe.ClearOutside(w.Eng, r)
	} else {
		universe.Clear(w.Eng, r)
	}
	u.edit(w)
	u.msg = fmt.Sprintf("%s the %d x %d selection: %s cells left", map[bool]string{false: "cleared", true: "cleared outside"}[outside], r.W, r.H, readable(u.cur.Eng.Population()))
}

// maxFill is the most cells F fills at once.
const maxFill = 1 << 24

// fillRect returns what F fills: the selection, or the cells in view.
func (u *controller) fillRect() (engine.Rect, string) {
	if u.sel.on {
		return universe.Clip(u.cur.Eng, u.sel.rect()), "selection"
	}
	return u.viewRect(), "view"
}

// askFill asks a density and fills the selection, or the cells in view,
// with a random soup.
func (u *controller) askFill() {
	r, where := u.fillRect()
	u.prompt("fill", "Random fill", "density (0-1): ", "0.35", func(s string) (string, bool) {
		d, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || d < 0 || d > 1 {
			return "want a number from 0 to 1, such as 0.35", false
		}
		return fmt.Sprintf("each of the %d x %d cells of the %s will be alive with probability %g", r.W, r.H, where, d), true
	}, func(s string) error {
		d, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return u.fill(d)
	})
}

// fill makes each cell of the selection, or in view, alive with
// probability d: one edit.
func (u *controller) fill(d float64) error {
	r, where := u.fillRect()
	if r.W <= 0 || r.H <= 0 {
		return fmt.Errorf("fill: no cell of the universe is in the %s", where)
	}
	if r.W*r.H > maxFill {
		return fmt.Errorf("fill: the %s's %d x %d cells are more than %d; zoom in or select fewer", where, r.W, r.H, maxFill)
	}
	if !u.canEdit("fill", r) {
		return errors.New(u.msg)
	}
	w := u.cur.Clone()
	universe.Fill(w.Eng, r, d, rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())))
	u.edit(w)
	return nil
}

// contains reports whether the rectangle a holds all of b.
func contains(a, b engine.Rect) bool {
	return b.X >= a.X && b.Y >= a.Y && b.X+b.W <= a.X+a.W && b.Y+b.H <= a.Y+a.H
}
