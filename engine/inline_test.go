package engine

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestHotPathInlined asks the compiler whether Conn's methods still inline
// into the seed's step logic: the protocol engine's speed rests on it, and a
// change to Query or Transition (another field, another branch) can push
// them past the inliner's budget without any other test noticing.
func TestHotPathInlined(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with -gcflags=-m")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	out, err := exec.Command(gobin, "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	m := string(out)
	for _, want := range []string{"can inline Conn.Query", "can inline Conn.Transition"} {
		if !strings.Contains(m, want) {
			t.Errorf("go build -gcflags=-m ./engine does not say %q: keep the method within the inlining budget (see its comment)", want)
		}
	}
	// The seed's step logic: one query in StepCell's closure, eight in
	// CountNeighbors, and the transition.
	if n := len(regexp.MustCompile(`step\.go:\d+:\d+: inlining call to Conn\.Query`).FindAllString(m, -1)); n < 9 {
		t.Errorf("%d queries of the seed's step logic are inlined, want 9", n)
	}
	if !regexp.MustCompile(`step\.go:\d+:\d+: inlining call to Conn\.Transition`).MatchString(m) {
		t.Error("the seed's transition is not inlined")
	}
}
