package patterns

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// MaxFileSize is the most bytes a reader takes from a file, after gzip
// decompression.
const MaxFileSize = 256 << 20

// MaxRuns bounds the runs of live cells a pattern may have (and, for a
// macrocell file, its live cells), so that no file makes a reader allocate
// more than a few hundred megabytes.
const MaxRuns = 1 << 23

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
	Read func(name string, data []byte, o *ReadOptions) (*Pattern, error)
	// Write writes the pattern p, whose cells are cells (p itself when it
	// holds them), within the limits lim, or is nil for a format only read.
	Write func(w io.Writer, p *Pattern, cells Source, lim Limits) error
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
	RegisterFormat(Format{Name: "macrocell", Exts: []string{".mc"}, Sniff: sniffMacrocell, Read: readMacrocell, Write: writeMacrocell})
	RegisterFormat(Format{Name: "Life 1.05", Sniff: sniffLife105, Read: readLife})
	RegisterFormat(Format{Name: "Life 1.06", Exts: []string{".lif", ".life"}, Sniff: sniffLife106, Read: readLife, Write: writeLife106})
	RegisterFormat(Format{Name: "RLE", Exts: []string{".rle"}, Sniff: sniffRLE, Read: readRLE, Write: writeRLE})
	RegisterFormat(Format{Name: "plaintext", Exts: []string{".cells"}, Sniff: sniffPlaintext, Read: readPlaintext, Write: writePlaintext})
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Read reads a pattern from r in whichever registered format its content
// shows, never by the file's name; name is the file's name for messages.
// Gzip-compressed content is decompressed first. It reads within
// [DefaultLimits]. Errors in the content are [*Error]s.
func Read(name string, r io.Reader) (*Pattern, error) {
	return ReadWith(name, r, ReadOptions{})
}

// ReadWith reads a pattern as [Read] does, within o's limits, watching o's
// context, and handing the cells to o's sink when it has one (then the
// Pattern returned has no Runs). r is read as the data arrives, never past
// the byte limit: an endless stream (standard input from /dev/zero) costs
// a buffer of that limit at most, and fails at it.
func ReadWith(name string, r io.Reader, o ReadOptions) (*Pattern, error) {
	lim := o.Limits.withDefaults()
	data, err := readAll(name, r, lim.Bytes, o.Ctx)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, gzipMagic) {
		if data, err = gunzip(name, data, lim.Bytes, o.Ctx); err != nil {
			return nil, err
		}
	}
	return decode(name, data, &o)
}

// decode reads data, picking the format by its first line.
func decode(name string, data []byte, o *ReadOptions) (*Pattern, error) {
	first := firstLine(data)
	if first == "" {
		return nil, &Error{File: name, Msg: "empty file, want a pattern (RLE, macrocell, Life 1.05 or 1.06, or plaintext)"}
	}
	for _, f := range formats {
		if f.Sniff(first) {
			if fs, ok := o.Sink.(FormatSink); ok {
				fs.SetFormat(f.Name)
			}
			p, err := f.Read(name, data, o)
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

// gunzip decompresses data, a gzip file of one member or more, within max
// bytes. Bytes after the last member that do not start another are
// ignored, as gzip(1) and Golly ignore them ("trailing garbage").
func gunzip(name string, data []byte, max int64, ctx context.Context) ([]byte, error) {
	var out bytes.Buffer
	if len(data) >= 4 {
		// The last member's trailer gives its size (modulo 2^32): room
		// for that at once, rather than a buffer grown by copying, which
		// would take twice the limit at its peak. A hint only: trailing
		// garbage or more members make it wrong, and it is bounded.
		hint := int64(binary.LittleEndian.Uint32(data[len(data)-4:]))
		out.Grow(int(min(hint, max)) + bytes.MinRead)
	}
	in := bytes.NewReader(data)
	for member := 0; ; member++ {
		zr, err := gzip.NewReader(in)
		if err != nil {
			if member > 0 {
				return out.Bytes(), nil // trailing garbage
			}
			return nil, &Error{File: name, Msg: fmt.Sprintf("gzip: %v", err), Err: err}
		}
		zr.Multistream(false)
		var src io.Reader = zr
		if ctx != nil {
			src = ctxReader{ctx, zr}
		}
		_, err = out.ReadFrom(io.LimitReader(src, max+1-int64(out.Len())))
		if err != nil {
			if ctx != nil && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &Error{File: name, Msg: fmt.Sprintf("gzip: %v", err), Err: err}
		}
		if int64(out.Len()) > max {
			return nil, &Error{File: name, Msg: fmt.Sprintf("more than the limit of %d bytes after decompression", max)}
		}
		if !bytes.HasPrefix(data[len(data)-in.Len():], gzipMagic) {
			return out.Bytes(), nil // the end, or trailing garbage
		}
	}
}

// readAll reads r to its end, failing past max bytes as soon as they have
// arrived, and checking ctx (when not nil) between reads. A file of known
// size is read into a buffer of that size; a stream of unknown size
// (standard input, a pipe) in chunks joined at the end, so that its peak
// is twice its size, not the three times of a buffer grown by copying,
// and an endless one costs the limit and no more before it fails.
func readAll(name string, r io.Reader, max int64, ctx context.Context) ([]byte, error) {
	size := int64(-1)
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil {
			if fi.IsDir() {
				return nil, &Error{File: name, Msg: "is a directory, want a pattern file"}
			}
			if fi.Mode().IsRegular() && fi.Size() <= max {
				size = fi.Size()
			}
		}
	}
	if ctx != nil {
		r = ctxReader{ctx, r}
	}
	fail := func(err error) ([]byte, error) {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		if errors.Is(err, syscall.EISDIR) {
			return nil, &Error{File: name, Msg: "is a directory, want a pattern file"}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if size >= 0 {
		var buf bytes.Buffer
		buf.Grow(int(size) + bytes.MinRead)
		if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
			return fail(err)
		}
		if int64(buf.Len()) > max {
			return nil, &Error{File: name, Msg: fmt.Sprintf("more than the limit of %d bytes", max)}
		}
		return buf.Bytes(), nil
	}
	var chunks [][]byte
	var total int64
	next := int64(64 << 10)
	for {
		c := make([]byte, min(next, max+1-total))
		n, err := io.ReadFull(r, c)
		chunks = append(chunks, c[:n])
		total += int64(n)
		if total > max {
			return nil, &Error{File: name, Msg: fmt.Sprintf("more than the limit of %d bytes", max)}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		next = min(2*next, 16<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	data := make([]byte, 0, total)
	for _, c := range chunks {
		data = append(data, c...)
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

// FormatSink is a [Sink] that is told, before Begin, the format the file
// is read in ([Format.Name]), as [Pattern.Format] gives it once the file
// is read. The sink is told directly rather than through a wrapper, so
// that its Run, called for every run of cells, costs one call.
type FormatSink interface {
	Sink
	SetFormat(name string)
}
