package bench

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/life-go/life/engine"
)

func TestSelect(t *testing.T) {
	all, err := Select("")
	if err != nil || len(all) != len(Workloads()) {
		t.Fatalf("every workload: %d, %v", len(all), err)
	}
	ws, err := Select(" dense-256 ,dense-1024")
	if err != nil || len(ws) != 2 || ws[0].Name != "dense-256" || ws[1].Name != "dense-1024" {
		t.Errorf("two workloads: %v, %v", ws, err)
	}
	if _, err := Select("dense-256,nope"); err == nil || !strings.HasPrefix(err.Error(), `unknown workload "nope", want one of [`) {
		t.Errorf("unknown workload: %v", err)
	}
	as, err := SelectEngines("")
	if err != nil || len(as) != len(engine.Algos()) {
		t.Fatalf("every engine: %d, %v", len(as), err)
	}
	as, err = SelectEngines("protocol, bitwise")
	if err != nil || len(as) != 2 || as[0].Name != "protocol" || as[1].Name != "bitwise" {
		t.Errorf("two engines: %v, %v", as, err)
	}
	if _, err := SelectEngines("warp"); !errors.Is(err, engine.ErrUnknownEngine) {
		t.Errorf("unknown engine: %v", err)
	}
}

func TestDescribe(t *testing.T) {
	got := Describe([]Workload{{Name: "dense-256", Summary: "a soup", Gens: 100}})
	if want := "  dense-256        a soup, 100 generations\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	err := WriteTable(&b, []Row{
		{Workload: "dense-256", Engine: "bitwise", Gens: 1000, Seconds: 0.0123456789, CellsPerSec: 5.31e9, PerCore: 2.655e9, Ratio: 123.456, Population: "9876"},
		{Workload: "dense-256", Engine: "protocol", Gens: 10, Seconds: 1.5, CellsPerSec: 4.3e7, PerCore: 2.15e7, Population: "10000"},
	})
	want := fmt.Sprintf("kernel: %s, %d cores\n", Kernel(), runtime.GOMAXPROCS(0)) +
		"   workload    engine  generations      time   cells/s  per core  vs protocol  population\n" +
		"  dense-256   bitwise         1000  12.346ms  5.31e+09  2.66e+09       123.5x        9876\n" +
		"  dense-256  protocol           10      1.5s   4.3e+07  2.15e+07            -       10000\n"
	if err != nil || b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
