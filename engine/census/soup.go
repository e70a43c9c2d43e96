// Package census is an apgsearch-style soup search: random 16 x 16 soups
// made from SHA-256 digests as apgsearch makes them, each run until it
// settles, its ash separated into objects by [classify] and counted by
// apgcode, the counts kept in a haul that shards add up into.
package census

import (
	"crypto/sha256"
	"strconv"

	"github.com/life-go/life/engine/classify"
)

// SoupSize is the side of a C1 soup.
const SoupSize = 16

// Soup returns soup i of the search whose seed is root, as apgsearch builds
// an asymmetric (C1) soup: the SHA-256 digest of root followed by i in
// decimal ("k_abc123" and 7 hash "k_abc1237") fills a 16 x 16 square, two
// bytes a row from the top, the first byte the row's left half, the most
// significant bit of each byte its leftmost cell (apgsearch 1.x's hashsoup;
// lifelib's, in apgsearch 4 and later, lays the same bits out as the mirror
// image, which censuses the same). The top-left cell is (0, 0).
func Soup(root string, i int64) classify.Cells {
	d := sha256.Sum256([]byte(root + strconv.FormatInt(i, 10)))
	var c classify.Cells
	for j, b := range d {
		for k := range 8 {
			if b&(0x80>>k) != 0 {
				c = append(c, classify.Point{Y: int64(j / 2), X: int64(k + 8*(j%2))})
			}
		}
	}
	return c
}
