package textmeasure

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// fontMetrics is what textmeasure reads from a TrueType font.
type fontMetrics struct {
	unitsPerEm int32
	ascent     int32 // hhea ascender, positive up
	descent    int32 // −hhea descender, positive down
	lineGap    int32
	advances   map[rune]int32 // every rune the cmap maps to a glyph
}

var errShort = errors.New("truncated font data")

// parseFont reads the head, hhea, maxp, hmtx and cmap tables of a TrueType
// font. It checks every offset, so that malformed data gives an error, not a
// panic.
func parseFont(b []byte) (*fontMetrics, error) {
	if len(b) < 12 {
		return nil, errShort
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errShort
	}
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(ln) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q outside the file", rec[:4])
		}
		tables[string(rec[:4])] = b[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "cmap"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("no %s table", t)
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errShort
	}
	m := &fontMetrics{
		unitsPerEm: int32(binary.BigEndian.Uint16(head[18:])),
		ascent:     int32(int16(binary.BigEndian.Uint16(hhea[4:]))),
		descent:    -int32(int16(binary.BigEndian.Uint16(hhea[6:]))),
		lineGap:    int32(int16(binary.BigEndian.Uint16(hhea[8:]))),
	}
	if m.unitsPerEm < 16 || m.unitsPerEm > 16384 {
		return nil, fmt.Errorf("bad unitsPerEm %d", m.unitsPerEm)
	}
	numH := int(binary.BigEndian.Uint16(hhea[34:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	hmtx := tables["hmtx"]
	if numH == 0 || len(hmtx) < 4*numH {
		return nil, errShort
	}
	advance := func(g int) int32 {
		if g >= numH {
			g = numH - 1
		}
		return int32(binary.BigEndian.Uint16(hmtx[4*g:]))
	}
	glyphs, err := parseCmap(tables["cmap"])
	if err != nil {
		return nil, err
	}
	m.advances = make(map[rune]int32, len(glyphs))
	for r, g := range glyphs {
		if g > 0 && g < numGlyphs {
			m.advances[r] = advance(g)
		}
	}
	return m, nil
}

// maxCmapRunes bounds the runes read from a cmap (a Unicode font maps far
// fewer; the bound keeps malformed data from allocating without limit).
const maxCmapRunes = 1 << 17

// parseCmap returns the rune → glyph index map of the best Unicode subtable:
// format 12 (full Unicode) if there is one, else format 4 (BMP).
func parseCmap(c []byte) (map[rune]int, error) {
	if len(c) < 4 {
		return nil, errShort
	}
	n := int(binary.BigEndian.Uint16(c[2:]))
	if len(c) < 4+8*n {
		return nil, errShort
	}
	best, bestRank := -1, 0
	for i := 0; i < n; i++ {
		rec := c[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off < 0 || off+2 > len(c) {
			continue
		}
		format := binary.BigEndian.Uint16(c[off:])
		rank := 0
		switch {
		case format == 12 && (pid == 0 || pid == 3 && eid == 10):
			rank = 3
		case format == 4 && (pid == 0 || pid == 3 && eid == 1):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil, errors.New("no Unicode cmap subtable of format 4 or 12")
	}
	if bestRank == 3 {
		return parseCmap12(c[best:])
	}
	return parseCmap4(c[best:])
}

func parseCmap4(t []byte) (map[rune]int, error) {
	if len(t) < 14 {
		return nil, errShort
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	if len(t) < 16+8*segs {
		return nil, errShort
	}
	ends, starts := t[14:], t[16+2*segs:]
	deltas, ranges := t[16+4*segs:], t[16+6*segs:]
	out := map[rune]int{}
	for i := 0; i < segs; i++ {
		end := int(binary.BigEndian.Uint16(ends[2*i:]))
		start := int(binary.BigEndian.Uint16(starts[2*i:]))
		delta := int(binary.BigEndian.Uint16(deltas[2*i:]))
		ro := int(binary.BigEndian.Uint16(ranges[2*i:]))
		for ch := start; ch <= end && ch != 0xffff; ch++ {
			g := 0
			if ro == 0 {
				g = (ch + delta) & 0xffff
			} else {
				// idRangeOffset is relative to its own position.
				at := 16 + 6*segs + 2*i + ro + 2*(ch-start)
				if at+2 > len(t) {
					return nil, errShort
				}
				if g = int(binary.BigEndian.Uint16(t[at:])); g != 0 {
					g = (g + delta) & 0xffff
				}
			}
			if g != 0 {
				out[rune(ch)] = g
			}
			if len(out) > maxCmapRunes {
				return nil, errors.New("cmap too large")
			}
		}
	}
	return out, nil
}

func parseCmap12(t []byte) (map[rune]int, error) {
	if len(t) < 16 {
		return nil, errShort
	}
	groups := int(binary.BigEndian.Uint32(t[12:]))
	if groups < 0 || groups > (len(t)-16)/12 {
		return nil, errShort
	}
	out := map[rune]int{}
	for i := 0; i < groups; i++ {
		g := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:])
		glyph := binary.BigEndian.Uint32(g[8:])
		if end < start || end > 0x10ffff || end-start > maxCmapRunes {
			return nil, errors.New("bad cmap group")
		}
		for ch := start; ch <= end; ch++ {
			out[rune(ch)] = int(glyph + ch - start)
			if len(out) > maxCmapRunes {
				return nil, errors.New("cmap too large")
			}
		}
	}
	return out, nil
}
