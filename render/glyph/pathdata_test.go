package glyph

import (
	"fmt"
	"math"
	"strconv"
)

// pathPoints parses SVG path data (SVG 1.1 grammar) and returns the
// absolute points the path passes through or is pulled towards: end
// points, Bézier control points (the curve lies in their convex hull) and
// points sampled along elliptical arcs. It reports malformed data.
func pathPoints(d string) ([][2]float64, error) {
	p := &pathParser{s: d}
	var pts [][2]float64
	var cx, cy, sx, sy float64 // current point, subpath start
	var cmd byte
	first := true
	for {
		p.space()
		if p.i >= len(p.s) {
			break
		}
		if c := p.s[p.i]; isCmd(c) {
			cmd = c
			p.i++
		} else if cmd == 0 || cmd == 'z' || cmd == 'Z' {
			return nil, fmt.Errorf("offset %d: expected a command, found %q", p.i, c)
		}
		if first && cmd != 'M' && cmd != 'm' {
			return nil, fmt.Errorf("path must start with M, starts with %c", cmd)
		}
		first = false
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = cx, cy
		}
		switch cmd | 0x20 {
		case 'z':
			cx, cy = sx, sy
			continue
		case 'm', 'l', 't':
			v, err := p.nums(2)
			if err != nil {
				return nil, err
			}
			cx, cy = ox+v[0], oy+v[1]
			if cmd|0x20 == 'm' {
				sx, sy = cx, cy
				// Further pairs are implicit line-tos.
				if cmd == 'm' {
					cmd = 'l'
				} else {
					cmd = 'L'
				}
			}
		case 'h':
			v, err := p.nums(1)
			if err != nil {
				return nil, err
			}
			cx = ox + v[0]
		case 'v':
			v, err := p.nums(1)
			if err != nil {
				return nil, err
			}
			cy = oy + v[0]
		case 'c':
			v, err := p.nums(6)
			if err != nil {
				return nil, err
			}
			pts = append(pts, [2]float64{ox + v[0], oy + v[1]}, [2]float64{ox + v[2], oy + v[3]})
			cx, cy = ox+v[4], oy+v[5]
		case 's', 'q':
			v, err := p.nums(4)
			if err != nil {
				return nil, err
			}
			pts = append(pts, [2]float64{ox + v[0], oy + v[1]})
			cx, cy = ox+v[2], oy+v[3]
		case 'a':
			v, err := p.arc()
			if err != nil {
				return nil, err
			}
			ex, ey := ox+v[5], oy+v[6]
			pts = append(pts, arcSamples(cx, cy, v[0], v[1], v[2], v[3] != 0, v[4] != 0, ex, ey)...)
			cx, cy = ex, ey
		}
		pts = append(pts, [2]float64{cx, cy})
	}
	if first {
		return nil, fmt.Errorf("empty path")
	}
	return pts, nil
}

func isCmd(c byte) bool {
	switch c | 0x20 {
	case 'm', 'z', 'l', 'h', 'v', 'c', 's', 'q', 't', 'a':
		return true
	}
	return false
}

type pathParser struct {
	s string
	i int
}

func (p *pathParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == ',' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// num reads one number: sign, digits, one dot, exponent.
func (p *pathParser) num() (float64, error) {
	p.space()
	start := p.i
	if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		p.i++
	}
	digits, dot := 0, false
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
		p.i++
	}
	if digits == 0 {
		return 0, fmt.Errorf("offset %d: expected a number", start)
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
		}
	}
	return strconv.ParseFloat(p.s[start:p.i], 64)
}

func (p *pathParser) nums(n int) ([]float64, error) {
	v := make([]float64, n)
	for k := range v {
		var err error
		if v[k], err = p.num(); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// arc reads rx ry rotation large-arc-flag sweep-flag x y; the flags are
// single digits that need no separator.
func (p *pathParser) arc() ([]float64, error) {
	v, err := p.nums(3)
	if err != nil {
		return nil, err
	}
	for k := 0; k < 2; k++ {
		p.space()
		if p.i >= len(p.s) || (p.s[p.i] != '0' && p.s[p.i] != '1') {
			return nil, fmt.Errorf("offset %d: expected an arc flag", p.i)
		}
		v = append(v, float64(p.s[p.i]-'0'))
		p.i++
	}
	xy, err := p.nums(2)
	if err != nil {
		return nil, err
	}
	if v[0] < 0 || v[1] < 0 {
		return nil, fmt.Errorf("negative arc radius")
	}
	return append(v, xy...), nil
}

// arcSamples returns 32 points along the elliptical arc from (x1,y1) to
// (x2,y2), by the endpoint-to-centre conversion of SVG 1.1 appendix F.6.
func arcSamples(x1, y1, rx, ry, phiDeg float64, large, sweep bool, x2, y2 float64) [][2]float64 {
	if rx == 0 || ry == 0 || (x1 == x2 && y1 == y2) {
		return nil
	}
	phi := phiDeg * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (x1-x2)/2, (y1-y2)/2
	x1p, y1p := cos*dx+sin*dy, -sin*dx+cos*dy
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	co := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		co = -co
	}
	cxp, cyp := co*rx*y1p/ry, -co*ry*x1p/rx
	cx, cy := cos*cxp-sin*cyp+(x1+x2)/2, sin*cxp+cos*cyp+(y1+y2)/2
	ang := func(ux, uy, vx, vy float64) float64 { return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy) }
	t1 := ang(1, 0, (x1p-cxp)/rx, (y1p-cyp)/ry)
	dt := ang((x1p-cxp)/rx, (y1p-cyp)/ry, (-x1p-cxp)/rx, (-y1p-cyp)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	var pts [][2]float64
	for k := 0; k <= 32; k++ {
		t := t1 + dt*float64(k)/32
		x, y := rx*math.Cos(t), ry*math.Sin(t)
		pts = append(pts, [2]float64{cos*x - sin*y + cx, sin*x + cos*y + cy})
	}
	return pts
}
