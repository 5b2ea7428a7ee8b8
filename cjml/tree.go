package cjml

import "strings"

// node is the syntax-neutral element tree that sits between the syntaxes and
// the model: the XML scanner and the YAML/JSON readers produce it, the
// decoder turns it into the model; the encoder turns the model back into it
// and the writers serialize it. It is the XML infoset cjml cares about:
// elements with attributes, text and children, plus comments attached to
// the element they precede.
type node struct {
	name     string
	attrs    []attr
	text     string // character data directly inside the element, joined
	first    *node  // first child element
	last     *node
	next     *node // next sibling
	comments []string
	pos      Pos // element start: '<' in XML, the key in YAML/JSON
	textPos  Pos // first character of the text (or the scalar value)
	// num marks a scalar that a YAML/JSON writer should write as a number.
	num bool
	// extra marks an element the encoder built from a model node's Extra.
	extra bool
}

type attr struct {
	name, value string
	pos, vpos   Pos
}

func (n *node) add(k *node) {
	if n.last == nil {
		n.first = k
	} else {
		n.last.next = k
	}
	n.last = k
}

func (n *node) hasKids() bool { return n.first != nil }

func (n *node) kids() []*node {
	var out []*node
	for k := n.first; k != nil; k = k.next {
		out = append(out, k)
	}
	return out
}

// local returns the element name without a namespace prefix.
func local(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// slab hands out nodes from large blocks, so that a 20 MB document does not
// cost a million separate allocations. A slab can be reset and reused once
// nothing refers to its nodes any more.
type slab struct {
	blocks [][]node
	block  int // index of the block in use
	used   int // nodes used in that block
}

const slabBlock = 1024

func (s *slab) node() *node {
	if s.block >= len(s.blocks) {
		s.blocks = append(s.blocks, make([]node, slabBlock))
	}
	b := s.blocks[s.block]
	n := &b[s.used]
	s.used++
	if s.used == slabBlock {
		s.block++
		s.used = 0
	}
	return n
}

// reset zeroes the nodes handed out so far and makes them available again.
func (s *slab) reset() {
	for i := 0; i <= s.block && i < len(s.blocks); i++ {
		n := slabBlock
		if i == s.block {
			n = s.used
		}
		clear(s.blocks[i][:n])
	}
	s.block, s.used = 0, 0
}

// isBlank reports whether s holds only XML white space.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
