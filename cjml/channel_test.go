package cjml

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// slowKey is normKey without its fast path: the reference the fast paths
// must agree with.
func slowKey(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n' || r == '\r':
		default:
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	return b.String()
}

func TestChannelInfo(t *testing.T) {
	for _, tc := range []struct {
		in     Channel
		family ChannelFamily
		name   string
		known  bool
	}{
		{"internetViaPC", FamilyWeb, "internetViaPC", true},
		{" Internet via PC ", FamilyWeb, "internetViaPC", true},
		{"e-mail", FamilyEmail, "email", true},
		{"E_MAIL", FamilyEmail, "email", true},
		{"sms", FamilySMS, "sms", true},
		{"carrier pigeon", FamilyUnknown, "carrier pigeon", false},
		{"unknownChannel", FamilyUnknown, "unknownChannel", false},
		{"", FamilyNone, "", false},
		{"Ærlig talt", FamilyUnknown, "Ærlig talt", false},
	} {
		info := tc.in.Info()
		assert.Equal(t, tc.family, info.Family, "%q", tc.in)
		assert.Equal(t, tc.name, info.Name, "%q", tc.in)
		assert.Equal(t, tc.known, info.Known, "%q", tc.in)
	}
}

// TestChannelFastPaths checks that the allocation-free paths give what the
// full normalization gives, for every known name and its variants.
func TestChannelFastPaths(t *testing.T) {
	var names []string
	for k, e := range knownChannels {
		names = append(names, k, e.name, strings.ToUpper(e.name), " "+e.name, e.name+"\t", "x"+e.name)
	}
	names = append(names, "", " ", "a b", "A", "ø", "Ø", "\v", "tab\f", "ǅ")
	for _, n := range names {
		assert.Equal(t, slowKey(n), normKey(n), "normKey(%q)", n)
		k := slowKey(n)
		want := ChannelInfo{}
		if k != "" {
			if e, ok := knownChannels[k]; ok {
				want = ChannelInfo{Key: k, Name: e.name, Family: e.family, Known: e.family != FamilyUnknown}
			} else {
				want = ChannelInfo{Key: k, Name: trim(n), Family: FamilyUnknown}
			}
		}
		assert.Equal(t, want, Channel(n).Info(), "Info(%q)", n)
	}
}

func TestChannelFamilyAllocs(t *testing.T) {
	for _, c := range []Channel{"internetViaPC", "email", "phone"} {
		n := testing.AllocsPerRun(100, func() { _ = c.Family() })
		assert.Zero(t, n, "%s.Family() allocates", c)
	}
}
