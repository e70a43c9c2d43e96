package patterns

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is what sort of pattern a library entry is.
type Kind string

// The kinds of the library's patterns.
const (
	StillLife  Kind = "still life"
	Oscillator Kind = "oscillator"
	Spaceship  Kind = "spaceship"
	Gun        Kind = "gun"
	Methuselah Kind = "methuselah"
	Puffer     Kind = "puffer"
	Breeder    Kind = "breeder"
)

var kinds = []Kind{StillLife, Oscillator, Spaceship, Gun, Methuselah, Puffer, Breeder}

//go:embed library
var libraryFS embed.FS

// Entry is a pattern of the built-in library. Its facts come from "key:
// value" comment lines in its file (#C in RLE, #D in Life 1.05), which the
// library's tests check by running the pattern.
type Entry struct {
	// Name is the file's name without its extension ("glider"), which
	// the command line takes.
	Name string
	// Title is the pattern's own name ("Glider").
	Title string
	// Kind is what sort of pattern it is.
	Kind Kind
	// Period is the generations after which it repeats (for a gun or a
	// puffer, its engine does), or 0 for a pattern that does not.
	Period int
	// DX and DY are how far a spaceship or puffer moves each period,
	// rightwards and downwards.
	DX, DY int
	// Source says where the pattern comes from.
	Source string
	// Facts are further claims the tests check, such as
	// "population 116 at generation 1103 on a 1024x1024 torus".
	Facts []string

	pattern *Pattern
}

// Pattern returns a copy of the entry's pattern, for the caller to keep.
func (e Entry) Pattern() *Pattern {
	p := *e.pattern
	p.Runs = slices.Clone(p.Runs)
	p.States = slices.Clone(p.States)
	p.Comments = slices.Clone(p.Comments)
	return &p
}

var library = sync.OnceValues(loadLibrary)

// Library returns the built-in patterns, sorted by kind (still lifes first,
// breeders last), then by name.
func Library() []Entry {
	entries, err := library()
	if err != nil {
		panic(err) // the embedded files are part of the program; a test reads them all
	}
	return slices.Clone(entries)
}

// Lookup returns the built-in pattern named name (an [Entry.Name],
// ignoring case), and false when there is none.
func Lookup(name string) (Entry, bool) {
	for _, e := range Library() {
		if strings.EqualFold(e.Name, name) {
			return e, true
		}
	}
	return Entry{}, false
}

func loadLibrary() ([]Entry, error) {
	files, err := fs.ReadDir(libraryFS, "library")
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for _, f := range files {
		file := path.Join("library", f.Name())
		data, err := libraryFS.ReadFile(file)
		if err != nil {
			return nil, err
		}
		p, err := Read(file, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		e, err := entryOf(file, p)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Entry) int {
		if ka, kb := slices.Index(kinds, a.Kind), slices.Index(kinds, b.Kind); ka != kb {
			return ka - kb
		}
		return strings.Compare(a.Name, b.Name)
	})
	return entries, nil
}

// entryOf reads the facts of the library file named file from its comments.
func entryOf(file string, p *Pattern) (Entry, error) {
	base := path.Base(file)
	e := Entry{Name: base[:strings.IndexByte(base, '.')], Title: p.Name, pattern: p}
	fail := func(format string, args ...any) (Entry, error) {
		return Entry{}, fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...))
	}
	for _, c := range p.Comments {
		key, value, ok := strings.Cut(c, ": ")
		if !ok {
			continue
		}
		switch key {
		case "Name":
			e.Title = value
		case "kind":
			e.Kind = Kind(value)
			if !slices.Contains(kinds, e.Kind) {
				return fail("unknown kind %q", value)
			}
		case "period":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return fail("period %q, want a whole number from 1", value)
			}
			e.Period = n
		case "displacement":
			if _, err := fmt.Sscanf(value, "%d %d", &e.DX, &e.DY); err != nil {
				return fail("displacement %q, want \"DX DY\"", value)
			}
		case "source":
			e.Source = value
		case "fact":
			e.Facts = append(e.Facts, value)
		}
	}
	switch {
	case e.Title == "":
		return fail("no name")
	case e.Kind == "":
		return fail("no kind")
	case e.Source == "":
		return fail("no source")
	}
	return e, nil
}
