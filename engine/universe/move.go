package universe

import (
	"math/big"

	"github.com/life-go/life/engine"
)

// MoveTo returns u on e, an empty engine of u's rule and topology (a
// faster engine, say): it copies u's cells into e, in the same places,
// and keeps u's generation.
func (u Universe) MoveTo(e engine.Engine) Universe {
	CopyCells(e, u.Eng, 0, 0)
	// An engine that builds what was set only when it is next read
	// (hashlife) builds it now: the universe handed on may be read from
	// two goroutines at once, the UI's event loop and its animator.
	e.Population()
	return u.Swap(e)
}

// Swap returns u on e, another engine (with its own cells), at u's
// generation. When e's rule is a B0 rule without Smax, whose phases
// alternate as Golly emulates it ([engine.Rule.Phase]), e counts Golly's
// own generation, the file's (#CXRLE Gen) and those run since, whose
// parity chooses the rule it steps with next, and Gen0 is 0.
func (u Universe) Swap(e engine.Engine) Universe {
	gen := u.Gen()
	u.Eng, u.Gen0 = e, gen
	gs, ok := e.(interface{ SetGeneration(*big.Int) })
	if !ok || !e.Rule().Alternates() {
		return u
	}
	gs.SetGeneration(gen)
	u.Gen0 = nil
	return u
}

// Rehome returns u on e, an empty engine of another rule or topology, as
// Golly changes a universe's rule: the cells keep their place about the
// universe's middle (a bounded grid's, or the plane's origin), those that
// fall outside a smaller grid are dropped, and the generation is kept.
// implied says e's torus only stands in for the plane.
func (u Universe) Rehome(e engine.Engine, implied bool) Universe {
	from := u.Eng
	var dy, dx int64
	fb, fok := Bounds(from)
	tb, tok := Bounds(e)
	switch {
	case fok && tok:
		dy, dx = tb.H/2-fb.H/2, tb.W/2-fb.W/2
	case tok:
		dy, dx = tb.H/2, tb.W/2
	case fok:
		dy, dx = -(fb.H / 2), -(fb.W / 2)
	}
	CopyCells(e, from, dy, dx)
	e.Population() // built now, as MoveTo's is
	out := Universe{Eng: u.Eng, Gen0: u.Gen0, Implied: implied, Header: u.Header, OffY: u.OffY - dy, OffX: u.OffX - dx}.Swap(e)
	if !implied {
		// A bounded grid's middle is Golly's origin; the plane is Golly's
		// universe itself.
		out.OffY, out.OffX = -(tb.H / 2), -(tb.W / 2)
	}
	return out
}

// CopyCells makes every live cell of from, moved by (dy, dx), alive in
// to, dropping those that fall outside a bounded to. It sets runs of
// cells at once when to can ([engine.RunSetter]).
func CopyCells(to, from engine.Engine, dy, dx int64) {
	box, ok := from.Bounds()
	if !ok {
		return
	}
	tb, bounded := Bounds(to)
	if from.Rule().States() > 2 || to.Rule().States() > 2 {
		// Cells of many states, a cell at a time.
		engine.VisitStatesOf(from, box, func(y, x int64, s engine.State) {
			y, x = y+dy, x+dx
			if !bounded || y >= tb.Y && y < tb.Y+tb.H && x >= tb.X && x < tb.X+tb.W {
				engine.SetStateOf(to, y, x, s)
			}
		})
		return
	}
	rs, runs := to.(engine.RunSetter)
	var ry, rx, rn int64 // the run of live cells being gathered
	flush := func() {
		if rn > 0 {
			rs.SetRun(ry, rx, rn)
		}
		rn = 0
	}
	from.Visit(box, func(y, x int64) {
		y, x = y+dy, x+dx
		if bounded && (y < tb.Y || y >= tb.Y+tb.H || x < tb.X || x >= tb.X+tb.W) {
			return
		}
		if !runs {
			to.SetCell(y, x, true)
			return
		}
		if rn > 0 && y == ry && x == rx+rn {
			rn++
			return
		}
		flush()
		ry, rx, rn = y, x, 1
	})
	if runs {
		flush()
	}
}
