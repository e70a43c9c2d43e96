package patterns

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the most bytes a reader takes from a file, after gzip
// decompression.
const MaxFileSize = 256 << 20

// MaxRuns bounds the runs of live cells a pattern may have (and, for a
// macrocell file, its live cells), so that no file makes a reader allocate
// more than a few hundred megabytes.
const MaxRuns = 1 << 23

// runLimit is the limit the readers apply: MaxRuns, or less in the fuzz
// tests, where a few bytes of macrocell making millions of cells would only
// slow the search.
var runLimit = MaxRuns

// Format is a pattern file format: how to recognise it, read it and write
// it. The registry of formats ([Formats]) picks the reader by the content,
// as image.RegisterFormat does, and the writer by the extension.
type Format struct {
	// Name is the format's name, as messages give it ("RLE").
	Name string
	// Exts are the extensions files written in the format take, the
	// usual one first (".rle"); none for a format that is only read.
	Exts []string
	// Sniff reports whether a file whose first line that is not blank
	// is first holds this format.
	Sniff func(first string) bool
	// Read reads a whole file; name is the file's name for messages.
	Read func(name string, data []byte) (*Pattern, error)
	// Write writes p in the format, or is nil for a format only read.
	Write func(w io.Writer, p *Pattern) error
}

var formats []Format

// RegisterFormat adds f to the registry. Formats are tried in the order they
// were registered, and the first whose Sniff accepts a file reads it.
// RegisterFormat is meant for init functions: it is not safe to call while
// another goroutine reads.
func RegisterFormat(f Format) { formats = append(formats, f) }

// Formats returns the registered formats, in the order they are tried.
func Formats() []Format { return append([]Format(nil), formats...) }

func init() {
	RegisterFormat(Format{Name: "macrocell", Exts: []string{".mc"}, Sniff: sniffMacrocell, Read: readMacrocell, Write: WriteMacrocell})
	RegisterFormat(Format{Name: "Life 1.05", Sniff: sniffLife105, Read: readLife})
	RegisterFormat(Format{Name: "Life 1.06", Exts: []string{".lif", ".life"}, Sniff: sniffLife106, Read: readLife, Write: WriteLife106})
	RegisterFormat(Format{Name: "RLE", Exts: []string{".rle"}, Sniff: sniffRLE, Read: readRLE, Write: WriteRLE})
	RegisterFormat(Format{Name: "plaintext", Exts: []string{".cells"}, Sniff: sniffPlaintext, Read: readPlaintext, Write: WritePlaintext})
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Read reads a pattern from r in whichever registered format its content
// shows, never by the file's name; name is the file's name for messages.
// Gzip-compressed content is decompressed first. Errors in the content are
// [*Error]s.
func Read(name string, r io.Reader) (*Pattern, error) { return ReadWith(name, r, ReadOptions{}) }

// ReadWith reads a pattern as [Read] does, handing its live cells to
// o.Sink, when there is one, instead of keeping them in Pattern.Runs.
func ReadWith(name string, r io.Reader, o ReadOptions) (*Pattern, error) {
	data, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, gzipMagic) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, &Error{File: name, Msg: fmt.Sprintf("gzip: %v", err)}
		}
		data, err = io.ReadAll(io.LimitReader(zr, MaxFileSize+1))
		if err != nil {
			return nil, &Error{File: name, Msg: fmt.Sprintf("gzip: %v", err)}
		}
		if len(data) > MaxFileSize {
			return nil, &Error{File: name, Msg: fmt.Sprintf("more than the limit of %d bytes after decompression", MaxFileSize)}
		}
	}
	first := firstLine(data)
	if first == "" {
		return nil, &Error{File: name, Msg: "empty file, want a pattern (RLE, macrocell, Life 1.05 or 1.06, or plaintext)"}
	}
	for _, f := range formats {
		if f.Sniff(first) {
			if o.Sink == nil {
				p, err := f.Read(name, data)
				if p != nil {
					p.Format = f.Name
				}
				return p, err
			}
			p, err := readTo(f, name, data, formatSink{f.Name, o.Sink})
			if p != nil {
				p.Format = f.Name
			}
			return p, err
		}
	}
	l := newLexer(name, data)
	line, col := 1, 1
	for c := l.next(); c != eof; c = l.next() {
		if c != '\n' && !isBlank(c) {
			line, col = l.line, l.col
			break
		}
	}
	c := int(strings.TrimLeft(first, " \t")[0])
	return nil, l.errorf(line, col, "unexpected %s at the start, want a pattern file: RLE (\"x = \" or '#'), macrocell (\"[M2]\"), Life 1.05 or 1.06 (\"#Life\"), or plaintext ('!', '.', 'O' or '*')", quote(c))
}

// readAll reads r to its end, failing past [MaxFileSize].
func readAll(name string, r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		// A file's size is known: read it into a buffer of that size
		// rather than one grown by copying as it fills.
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() <= MaxFileSize {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("more than the limit of %d bytes", MaxFileSize)}
	}
	return data, nil
}

// firstLine returns the first line of data that is not blank, without its
// line end, or "".
func firstLine(data []byte) string {
	for len(data) > 0 {
		i := bytes.IndexAny(data, "\r\n")
		line := data
		if i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.Trim(line, " \t")) > 0 {
			return string(line)
		}
	}
	return ""
}

// ReadFile reads the pattern file at path, as [Read] does.
func ReadFile(path string) (*Pattern, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f)
}

// FormatFor returns the format a file named path is written in, by its
// extension (".rle", ".mc", ".cells", ".lif"), and whether it ends in ".gz"
// and so is compressed. A name with no extension is RLE.
func FormatFor(path string) (f Format, gz bool, err error) {
	base := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(base, ".gz") {
		base, gz = strings.TrimSuffix(base, ".gz"), true
	}
	ext := filepath.Ext(base)
	var known []string
	for _, f := range formats {
		if ext == "" && f.Name == "RLE" {
			return f, gz, nil
		}
		for _, e := range f.Exts {
			if e == ext {
				return f, gz, nil
			}
		}
		known = append(known, f.Exts...)
	}
	return Format{}, false, fmt.Errorf("%s: unknown pattern file extension %q, want one of %s (and .gz after it to compress)", path, ext, strings.Join(known, ", "))
}

// WriterFor returns a function that writes a pattern as a file named path
// should hold it: in the format its extension names, compressed when it
// ends in ".gz". See [FormatFor].
func WriterFor(path string) (func(w io.Writer, p *Pattern) error, error) {
	f, gz, err := FormatFor(path)
	if err != nil {
		return nil, err
	}
	if !gz {
		return f.Write, nil
	}
	return func(w io.Writer, p *Pattern) error {
		zw := gzip.NewWriter(w)
		if err := f.Write(zw, p); err != nil {
			return err
		}
		return zw.Close()
	}, nil
}

// formatSink is a sink that tells the pattern's format to the one it
// hands the cells on to, in Begin's pattern.
type formatSink struct {
	format string
	Sink
}

func (s formatSink) Begin(p *Pattern) error {
	p.Format = s.format
	return s.Sink.Begin(p)
}
