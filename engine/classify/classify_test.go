package classify

import (
	"context"
	"fmt"
	"testing"

	"github.com/life-go/life/engine"
)

// known are objects whose apgcodes and speeds LifeWiki and Catagolue give.
var known = []struct {
	name, rle string
	kind      Kind
	period    int64
	speed     string
	apgcode   string
}{
	{"block", "2o$2o!", Still, 1, "", "xs4_33"},
	{"blinker", "3o!", Oscillator, 2, "", "xp2_7"},
	{"beehive", "b2o$o2bo$b2o!", Still, 1, "", "xs6_696"},
	{"loaf", "b2o$o2bo$bobo$2bo!", Still, 1, "", "xs7_2596"},
	{"boat", "2o$obo$bo!", Still, 1, "", "xs5_253"},
	{"tub", "bo$obo$bo!", Still, 1, "", "xs4_252"},
	{"ship", "2o$obo$b2o!", Still, 1, "", "xs6_356"},
	{"pond", "b2o$o2bo$o2bo$b2o!", Still, 1, "", "xs8_6996"},
	{"toad", "b3o$3o!", Oscillator, 2, "", "xp2_7e"},
	{"glider", "bo$2bo$3o!", Spaceship, 4, "c/4 diagonal", "xq4_153"},
	{"lwss", "bo2bo$o4b$o3bo$4o!", Spaceship, 4, "c/2 orthogonal", "xq4_6frc"},
	{"mwss", "3bo$bo3bo$o$o4bo$5o!", Spaceship, 4, "c/2 orthogonal", "xq4_27dee6"},
	{"hwss", "3b2o$bo4bo$o$o5bo$6o!", Spaceship, 4, "c/2 orthogonal", "xq4_27deee6"},
	{"pentadecathlon", "2bo4bo$2ob4ob2o$2bo4bo!", Oscillator, 15, "", "xp15_4r4z4r4"},
	{"pulsar", "2b3o3b3o2$o4bobo4bo$o4bobo4bo$o4bobo4bo$2b3o3b3o2$2b3o3b3o$o4bobo4bo$o4bobo4bo$o4bobo4bo2$2b3o3b3o!",
		Oscillator, 3, "", "xp3_co9nas0san9oczgoldlo0oldlogz1047210127401"},
}

// TestKnownObjects classifies each known object in the 8 orientations and,
// for those that change, from several phases: the same kind, period, speed
// and apgcode each time, settled at the phase's generation.
func TestKnownObjects(t *testing.T) {
	for _, k := range known {
		for o := range 8 {
			for phase := range min(k.period, 3) {
				t.Run(fmt.Sprintf("%s/%d/%d", k.name, o, phase), func(t *testing.T) {
					e := plane(t, engine.Life, orient(rle(t, k.rle), o))
					if err := e.Step(context.Background(), uint64(phase)); err != nil {
						t.Fatal(err)
					}
					r, err := Classify(context.Background(), e, Options{})
					if err != nil {
						t.Fatal(err)
					}
					if r.Kind != k.kind || r.Period != k.period || r.Speed != k.speed || r.Apgcode != k.apgcode {
						t.Errorf("got %v, %d, %q, %s; want %v, %d, %q, %s", r.Kind, r.Period, r.Speed, r.Apgcode, k.kind, k.period, k.speed, k.apgcode)
					}
					if r.Settled.Int64() != int64(phase) {
						t.Errorf("settled at %s, want %d", r.Settled, phase)
					}
					if len(r.Objects) != 0 {
						t.Errorf("%d objects, want the pattern alone", len(r.Objects))
					}
				})
			}
		}
	}
}

// TestStatistics checks LifeViewer's and LifeWiki's figures: the heat of a
// blinker is 4 and of an LWSS 11; the blinker's volatility is 0.8 (4 rotor
// cells among 5).
func TestStatistics(t *testing.T) {
	for _, tc := range []struct {
		rle  string
		want Stats
	}{
		{"3o!", Stats{MinPop: 3, MaxPop: 3, MeanPop: 3, W: 3, H: 3, Heat: 4, Temperature: 0.8, Volatility: 0.8, StrictVolatility: 0.8}},
		{"2o$2o!", Stats{MinPop: 4, MaxPop: 4, MeanPop: 4, W: 2, H: 2}},
		{"bo2bo$o4b$o3bo$4o!", Stats{MinPop: 9, MaxPop: 12, MeanPop: 10.5, W: 5, H: 4, Heat: 11, Temperature: 11.0 / 23}},
	} {
		r := classify(t, rle(t, tc.rle), Options{})
		if r.Stats == nil || *r.Stats != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.rle, r.Stats, tc.want)
		}
	}
}

// TestRPentomino: the R-pentomino settles at generation 1103 (LifeWiki)
// into 25 objects: 8 blocks, 6 gliders, 4 beehives, 4 blinkers, a boat, a
// loaf and a ship, in every orientation.
func TestRPentomino(t *testing.T) {
	want := map[string]int{"xs4_33": 8, "xq4_153": 6, "xs6_696": 4, "xp2_7": 4, "xs5_253": 1, "xs7_2596": 1, "xs6_356": 1}
	orients := []int{0, 3, 5}
	if raceEnabled {
		orients = orients[:1]
	}
	for _, o := range orients {
		r := classify(t, orient(rle(t, "b2o$2o$bo!"), o), Options{})
		if r.Kind != Constellation || r.Settled.Int64() != 1103 {
			t.Fatalf("orientation %d: %v", o, r)
		}
		got := map[string]int{}
		for _, ob := range r.Objects {
			got[ob.Apgcode]++
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("orientation %d: objects %v, want %v", o, got, want)
		}
	}
}

// TestGosperGun: the Gosper glider gun is a gun of period 30 that adds a
// glider (5 cells) a period, in every orientation.
func TestGosperGun(t *testing.T) {
	gun := "24bo$22bobo$12b2o6b2o12b2o$11bo3bo4b2o12b2o$2o8bo5bo3b2o$2o8bo3bob2o4bobo$10bo5bo7bo$11bo3bo$12b2o!"
	for o := range 8 {
		if raceEnabled && o%3 != 0 {
			continue
		}
		r := classify(t, orient(rle(t, gun), o), Options{})
		if r.Kind != Gun || r.Period != 30 || r.Growth != 5 {
			t.Errorf("orientation %d: %v", o, r)
		}
	}
}

// TestSwitchEngine: the smallest pattern of infinite growth (10 cells)
// becomes a block-laying switch engine, a puffer that travels at c/12
// diagonally, laying blocks with period 288.
func TestSwitchEngine(t *testing.T) {
	orients := []int{0, 2, 6}
	if raceEnabled {
		orients = orients[:1]
	}
	for _, o := range orients {
		r := classify(t, orient(rle(t, "6bo$4bob2o$4bobo$4bo$2bo$obo!"), o), Options{})
		if r.Kind != Puffer || r.Period != 288 || r.Speed != "c/12 diagonal" {
			t.Errorf("orientation %d: %v", o, r)
		}
	}
}

func TestSpeed(t *testing.T) {
	for _, tc := range []struct {
		dx, dy, p int64
		want      string
	}{
		{1, 1, 4, "c/4 diagonal"}, {-2, 0, 4, "c/2 orthogonal"}, {0, 2, 5, "2c/5 orthogonal"},
		{2, 1, 6, "(2,1)c/6"}, {-1, 2, 6, "(2,1)c/6"}, {8, 8, 96, "c/12 diagonal"}, {0, 0, 3, ""},
		{4, 2, 12, "(2,1)c/6"},
	} {
		if got := Speed(tc.dx, tc.dy, tc.p); got != tc.want {
			t.Errorf("Speed(%d, %d, %d) = %q, want %q", tc.dx, tc.dy, tc.p, got, tc.want)
		}
	}
}

func TestWechsler(t *testing.T) {
	for _, tc := range []struct{ rle, want string }{
		{"o!", "1"}, {"o40bo!", "1yz01"}, {"o$4$o!", "1z1"}, {"o$5$o!", "1z2"}, {"obo!", "101"}, {"o2bo!", "1w1"}, {"o3bo!", "1x1"}, {"o4bo!", "1y01"},
	} {
		if got := Wechsler(rle(t, tc.rle)); got != tc.want {
			t.Errorf("Wechsler(%s) = %s, want %s", tc.rle, got, tc.want)
		}
	}
}

// TestBudget: a pattern that has not settled within the budget is
// unsettled, with ErrBudget.
func TestBudget(t *testing.T) {
	r, err := Classify(context.Background(), plane(t, engine.Life, rle(t, "b2o$2o$bo!")), Options{MaxGens: 500})
	if err != ErrBudget || r.Kind != Unsettled || r.Gens != 500 {
		t.Errorf("got %v, %v", r, err)
	}
}

// TestSeparation: objects near one another that do not interact are
// separate objects: two blocks a cell apart (a pseudo still life), two
// gliders flying side by side two cells apart; a beacon (two blocks that do
// interact) is one.
func TestSeparation(t *testing.T) {
	glider := rle(t, "bo$2bo$3o!")
	for _, tc := range []struct {
		name  string
		cells Cells
		want  string
	}{
		{"bi-block", rle(t, "2ob2o$2ob2o!"), "[xs4_33 xs4_33]"},
		{"two gliders", Union(glider, glider.Shift(4, 3)), "[xq4_153 xq4_153]"},
		{"beacon", rle(t, "2o$2o$2b2o$2b2o!"), "[]"},
	} {
		r := classify(t, tc.cells, Options{})
		var got []string
		for _, o := range r.Objects {
			got = append(got, o.Apgcode)
		}
		if fmt.Sprint(got) != tc.want && !(tc.want == "[]" && len(got) == 0) {
			t.Errorf("%s: objects %v, want %s (%v)", tc.name, got, tc.want, r)
		}
	}
}

// TestGollySpaceships classifies Golly's collection of the smallest
// spaceship of each period below 32 (ships whose parts lie apart in some
// phases, at many speeds; their periods' least common multiple is far past
// what the population shows): 23 objects that never meet, settled from the
// start.
func TestGollySpaceships(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a big collection")
	}
	cells := gollyCells(t, "Spaceships/smallest-low-period.rle")
	r := classify(t, cells, Options{MaxGens: 9000})
	periods := map[int64]bool{}
	for _, o := range r.Objects {
		if o.Kind != Spaceship {
			t.Errorf("object %v is not a spaceship", o)
		}
		periods[o.Period] = true
	}
	if r.Kind != Constellation || r.Settled.Int64() != 0 || len(r.Objects) != 23 || len(periods) != 23 {
		t.Errorf("got %v, %d periods", r, len(periods))
	}
}
