package tui

import (
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"strings"

	"github.com/life-go/life/patterns"
)

// The one rule for the names the UI offers for the files it writes (s, P
// and G): for a pattern (s), the file last saved to, else the file the
// pattern came from when its directory could be written to and the
// writers know its extension; otherwise, and for pictures,
// NAME[-GEN].EXT in that directory when it could be written to, else in
// the current directory. NAME is the pattern's name (#N), or else its
// file's, in lower case with dashes ("gosper-glider-gun"), or "life"; GEN
// is the generation, for pictures; EXT is the file's own extension when
// the writers know it, else ".rle", for a pattern, and ".png" or ".gif"
// for a picture.

// baseName returns NAME of the rule above.
func (u *controller) baseName() string {
	name := ""
	if h := u.start.Header; h != nil {
		name = h.Name
	}
	if d := u.doc; name == "" && d != nil && !strings.HasPrefix(d.name, "<") {
		name = strings.TrimPrefix(d.name, builtinPrefix)
		name = strings.TrimSuffix(filepath.Base(name), patternExt(name))
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "life"
	}
	return b.String()
}

// patternExt returns the extension of a pattern file's name, with ".gz"
// after it when there is one (".rle.gz"), or "".
func patternExt(name string) string {
	ext := filepath.Ext(name)
	if strings.EqualFold(ext, ".gz") {
		return filepath.Ext(strings.TrimSuffix(name, ext)) + ext
	}
	return ext
}

// writtenExt reports whether the writers know the extension of the file
// name (as [patterns.FormatFor] reads it).
func writtenExt(name string) bool {
	if filepath.Ext(name) == "" {
		return false
	}
	f, _, err := patterns.FormatFor(name)
	return err == nil && f.Write != nil
}

// nameDir returns the directory names go in: the pattern file's when it
// could be written to, else "" (the current directory).
func (u *controller) nameDir() string {
	if d := u.doc; d != nil && d.file != "" && d.writable {
		return filepath.Dir(d.file)
	}
	return ""
}

// saveName returns the name s offers.
func (u *controller) saveName() string {
	d := u.doc
	switch {
	case d == nil:
		return "life.rle"
	case d.savedAs != "":
		return d.savedAs
	case d.file != "" && d.writable && writtenExt(d.file):
		return d.file
	}
	ext := ".rle"
	if d.file != "" && writtenExt(d.file) {
		ext = patternExt(d.file)
	}
	return filepath.Join(u.nameDir(), u.baseName()+ext)
}

// pictureName returns the name P and G offer for a picture of generation
// gen: NAME-GEN.ext.
func (u *controller) pictureName(gen *big.Int, ext string) string {
	return filepath.Join(u.nameDir(), fmt.Sprintf("%s-%s%s", u.baseName(), gen, ext))
}

// saveExt is the check of the names s takes: an extension the writers
// know, or none (RLE), with .gz after it to compress.
func saveExt(name string) string {
	if filepath.Ext(name) == "" || writtenExt(name) {
		return ""
	}
	var exts []string
	for _, f := range patterns.Formats() {
		if f.Write != nil {
			exts = append(exts, f.Exts...)
		}
	}
	slices.Sort(exts)
	return fmt.Sprintf("want a name ending in %s (or none, for RLE; .gz after it compresses)", strings.Join(exts, ", "))
}
