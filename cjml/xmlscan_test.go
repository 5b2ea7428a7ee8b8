package cjml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"cjml.dev/internal/textutil"
)

// TestMalformedXML checks that every kind of broken input gets one error
// with the right code at the right place.
func TestMalformedXML(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "line:col code"
	}{
		{"empty", ``, "1:1 parse/root"},
		{"only space", "  \n ", "2:2 parse/root"},
		{"text before root", `hello<CJML/>`, "1:1 parse/syntax"},
		{"unclosed root", "<CJML>\n  <actualJourney>", "2:18 parse/syntax"},
		{"mismatched end tag", "<CJML>\n<a></b>\n</CJML>", "2:4 parse/syntax"},
		{"two roots", `<CJML/><CJML/>`, "1:8 parse/syntax"},
		{"text after root", "<CJML/>\nx", "2:1 parse/syntax"},
		{"attr without quotes", `<CJML version=2.0/>`, "1:15 parse/syntax"},
		{"attr without value", `<CJML version/>`, "1:14 parse/syntax"},
		{"attrs without space", `<CJML a="1"b="2"/>`, "1:12 parse/syntax"},
		{"duplicate attr", `<CJML a="1" a="2"/>`, "1:13 parse/syntax"},
		{"lt in attr", `<CJML a="<"/>`, "1:10 parse/syntax"},
		{"unclosed attr", `<CJML a="x/>`, "1:9 parse/syntax"},
		{"bad name", `<CJML><1a/></CJML>`, "1:8 parse/syntax"},
		{"bare ampersand", "<CJML>\n<a>fish & chips</a></CJML>", "2:9 parse/syntax"},
		{"unknown entity", `<CJML><a>&nbsp;</a></CJML>`, "1:10 parse/entity"},
		{"external entity", "<!DOCTYPE CJML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<CJML><a>&x;</a></CJML>", "2:10 parse/entity"},
		{"billion laughs", "<!DOCTYPE CJML [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<CJML>&b;</CJML>", "2:7 parse/entity"},
		{"bad char ref", `<CJML><a>&#0;</a></CJML>`, "1:10 parse/invalid-char"},
		{"bad char ref hex", `<CJML><a>&#xFFFE;</a></CJML>`, "1:10 parse/invalid-char"},
		{"control char", "<CJML><a>\x01</a></CJML>", "1:10 parse/invalid-char"},
		{"invalid utf8", "<CJML>\n<a>\xff</a></CJML>", "2:4 parse/encoding"},
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC"?><CJML/>`, "1:31 parse/encoding"},
		{"cdata end in text", `<CJML>a]]>b</CJML>`, "1:8 parse/syntax"},
		{"double dash comment", `<CJML><!-- a -- b --></CJML>`, "1:14 parse/syntax"},
		{"unclosed comment", `<CJML><!-- a </CJML>`, "1:7 parse/syntax"},
		{"late declaration", ` <?xml version="1.0"?><CJML/>`, "1:2 parse/syntax"},
		{"unclosed cdata", `<CJML><![CDATA[x</CJML>`, "1:7 parse/syntax"},
		{"doctype after root", `<CJML/><!DOCTYPE CJML>`, "1:8 parse/syntax"},
		{"wrong root", "<?xml version=\"1.0\"?>\n<html/>", "2:1 parse/root"},
		{"unclosed start tag", `<CJML version="2.0"`, "1:20 parse/syntax"},
		{"eof in end tag", `<CJML></CJML`, "1:7 parse/syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := Parse("in.xml", []byte(tt.in))
			var errs []string
			for _, d := range diags {
				if d.Severity == Error {
					errs = append(errs, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Code))
					assert.Equal(t, "in.xml", d.Pos.File)
					assert.NotEmpty(t, d.Message)
				}
			}
			require.Equal(t, []string{tt.want}, errs, "diagnostics: %v", diags)
			if tt.name != "wrong root" {
				assert.Nil(t, doc)
			}
		})
	}
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000)
	doc, diags := Parse("deep.xml", []byte("<CJML>"+deep+"</CJML>"))
	require.Nil(t, doc)
	require.Len(t, diags, 1)
	assert.Equal(t, CodeTooDeep, diags[0].Code)
	assert.Equal(t, 1, diags[0].Pos.Line)
	assert.Equal(t, 1+len("<CJML>")+3*(DefaultMaxDepth-1), diags[0].Pos.Column)
}

func TestSizeLimit(t *testing.T) {
	big := []byte("<CJML>" + strings.Repeat(" ", 2000) + "</CJML>")
	doc, diags := ParseOptions("big.xml", big, ReadOptions{MaxBytes: 1000})
	require.Nil(t, doc)
	require.Len(t, diags, 1)
	assert.Equal(t, CodeTooLarge, diags[0].Code)
	assert.Contains(t, diags[0].String(), "big.xml: error: the input is 2.0 KiB, more than the 1000 bytes limit")

	doc, diags = Read(strings.NewReader(string(big)), "-", ReadOptions{MaxBytes: 1000})
	require.Nil(t, doc)
	assert.Equal(t, CodeTooLarge, diags[0].Code)
}

// TestTolerance reads what the known producers write without complaint.
func TestTolerance(t *testing.T) {
	in := "\xEF\xBB\xBF<!-- Produced by: ExcelToCJML -->\n" + `<CJML version="2.0">
<actualJourney>
<journeyID> AJ1 </journeyID>
<plannedReference>PJ1</plannedReference>
<journeyPhases><journeyPhase phaseID =" Ordering"><phaseName> Ordering</phaseName><phaseDescription></phaseDescription></journeyPhase></journeyPhases>
<actors>
<endUser actorID ="Customer"/>
<serviceProvider actorIDref="Shop"></serviceProvider>
<attacker actorID="evil"/>
</actors>
<touchpoints>
<actualCommunicationPoint>
<touchpointID>T1</touchpointID>
<belongsTo phaseIDref=""></belongsTo>
<receiver><refersTo actorIDref="Shop"/><receiverLabel>Receiving</receiverLabel></receiver>
<initiator><refersTo actorIDref=" Customer"/><initiatorLabel>Sending</initiatorLabel></initiator>
<channel><channelName>Internet Via Smartphone</channelName></channel>
<comment/>
<timestamps><timeCompleted>2024-12-05 10:00:00</timeCompleted></timestamps>
</actualCommunicationPoint>
</touchpoints>
</actualJourney>
</CJML>`
	doc, diags := Parse("excel.xml", []byte(in))
	require.Empty(t, diags)
	j := doc.Journeys[0]
	assert.Equal(t, "AJ1", j.ID)
	assert.Equal(t, "Ordering", j.Phases[0].ID)
	assert.Equal(t, "Ordering", j.Phases[0].Name)
	require.Len(t, j.Actors, 3)
	assert.Equal(t, EndUser, j.Actors[0].Kind)
	assert.Equal(t, "Customer", j.Actors[0].ID)
	assert.Equal(t, "Shop", j.Actors[1].Ref)
	assert.Equal(t, "Shop", j.Actors[1].Key())
	assert.Equal(t, OtherActor, j.Actors[2].Kind)
	assert.Equal(t, "attacker", j.Actors[2].Tag)
	tp := j.Touchpoints[0]
	assert.Equal(t, "", tp.Phase)
	assert.Equal(t, "Customer", tp.Initiator.Actor)
	assert.Equal(t, "Shop", tp.Receiver.Actor)
	assert.Equal(t, FamilyWeb, tp.Channel.Family())
	assert.Equal(t, "internetViaSmartphone", tp.Channel.Info().Name)
	assert.True(t, doc.Journeys[0].Extra.IsZero())
	assert.Equal(t, []string{"Produced by: ExcelToCJML"}, doc.Comments)
}

func TestNameCase(t *testing.T) {
	in := `<cjml version="2.0"><actualJourney><JourneyID>AJ1</JourneyID><actors/><touchpoints/></actualJourney></cjml>`
	doc, diags := Parse("lc.xml", []byte(in))
	require.NotNil(t, doc)
	require.Len(t, diags, 2)
	for _, d := range diags {
		assert.Equal(t, CodeNameCase, d.Code)
		assert.Equal(t, Warning, d.Severity)
	}
	assert.Equal(t, "AJ1", doc.Journeys[0].ID)
	assert.Equal(t, "lc.xml:1:36: warning: element <JourneyID> read as journeyID; CJML names are case-sensitive [parse/name-case]", diags[1].String())
}

// TestUnknownKept checks that content the model does not interpret is
// written back where it was.
func TestUnknownKept(t *testing.T) {
	in := `<CJML version="2.0" xmlns:x="urn:x" x:flag="1">
  <actualJourney>
    <journeyID>AJ1</journeyID>
    <journeyID>AJ1-dup</journeyID>
    <x:owner>CX team</x:owner>
    <actors foo="bar"><endUser actorID="u" role="main"/><note>not an actor</note></actors>
    <touchpoints>
      <actualAction>
        <touchpointID>T1</touchpointID>
        <initiator><refersTo actorIDref="u" weight="2"/><initiatorLabel lang="en">Reads the meter</initiatorLabel><extra/></initiator>
        <threat side="initiator">Shoulder surfing</threat>
      </actualAction>
    </touchpoints>
  </actualJourney>
  <futureThing a="b"><c>d</c><c>e</c></futureThing>
</CJML>`
	doc, diags := Parse("u.xml", []byte(in))
	require.Empty(t, diags)
	j := doc.Journeys[0]
	assert.Equal(t, "AJ1", j.ID)
	var names []string
	for _, e := range j.Extra.Elems {
		names = append(names, e.In+":"+e.Name)
	}
	assert.Equal(t, []string{":journeyID", ":x:owner", "actors:note"}, names)
	require.Len(t, j.Extra.Attrs, 1)
	assert.Equal(t, Attr{In: "actors", Name: "foo", Value: "bar", Pos: j.Extra.Attrs[0].Pos}, j.Extra.Attrs[0])
	tp := j.Touchpoints[0]
	assert.Equal(t, []SecurityMarker{{Kind: "threat", Side: "initiator", Text: "Shoulder surfing", Pos: tp.Extra.Lookup("threat").Pos}}, tp.SecurityMarkers())
	out, err := doc.Marshal(XML)
	require.NoError(t, err)
	for _, s := range []string{
		`<CJML version="2.0" xmlns:x="urn:x" x:flag="1">`,
		"<journeyID>AJ1</journeyID>\n    <journeyID>AJ1-dup</journeyID>",
		`<actors foo="bar">`,
		`<endUser actorID="u" role="main"/>`,
		`<refersTo actorIDref="u" weight="2"/>`,
		`<initiatorLabel lang="en">Reads the meter</initiatorLabel>`,
		`<futureThing a="b">`,
	} {
		assert.Contains(t, string(out), s)
	}
}

// TestWellFormednessAgreesWithEncodingXML compares the scanner's verdict with
// encoding/xml's strict decoder on a table of small documents. The fuzz test
// FuzzXMLWellFormed extends this to random input.
func TestWellFormednessAgreesWithEncodingXML(t *testing.T) {
	for _, in := range []string{
		`<CJML/>`, `<CJML a='1' b="2"/>`, `<CJML><!-- c --><?pi x?></CJML>`, `<CJML>&lt;&#65;&#x42;</CJML>`,
		`<CJML><![CDATA[<x>]]></CJML>`, `<CJML><a></a></CJML>`, `<CJML><a></CJML>`, `<CJML a="1" a="2"/>`,
		`<CJML>&bogus;</CJML>`, `<CJML>]]></CJML>`, "<CJML>\x00</CJML>", `<CJML/><x/>`, `<a:b xmlns:a="u"/>`,
		`<CJML><a b = "c" /></CJML>`, `<CJML><!----></CJML>`, `<CJML><!-- - --></CJML>`,
	} {
		ours := wellFormed(in)
		theirs := stdWellFormed(in)
		assert.Equal(t, theirs, ours, "%q", in)
	}
}

func wellFormed(s string) bool {
	ok, _ := wellFormedWhy(s)
	return ok
}

// wellFormedWhy returns the scanner's verdict and, for a rejection, the
// message.
func wellFormedWhy(s string) (bool, string) {
	src, diags := prepareXML("f", []byte(s), false)
	if diags.HasErrors() {
		return false, diags[0].Message
	}
	p := &xmlParser{src: src, s: string(src.Text), maxDepth: DefaultMaxDepth}
	if p.parse() == nil {
		return false, p.diags[0].Message
	}
	return true, ""
}

// stdLax lists well-formedness rules of XML 1.0 that encoding/xml does not
// enforce; where the scanner rejects input for one of these reasons, the two
// are expected to disagree.
var stdLax = []string{
	"expected white space",            // §3.1: S between attributes
	"is not allowed inside a comment", // §2.5: "--" in comments
	"is not allowed in text",          // §2.4: "]]>" in character data
	"must be at the very start",       // §2.8: XML declaration first
	"not a valid qualified name",      // Namespaces in XML §3
	"in the XML declaration",          // §2.8: its pseudo-attributes
	"is not allowed in XML",           // §2.2: Char production
	"not a character XML allows",      // §4.1: character references
	"expected an element name",        // §2.3: Name production
	"expected an attribute name",      // §2.3
	"processing instruction target",   // §2.6
	"expected white space after <?",   // §2.6
}

func stdWellFormed(s string) bool {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	roots, depth := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return roots == 1 && depth == 0
		}
		if err != nil {
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			// encoding/xml does not reject repeated attributes.
			seen := map[xml.Name]bool{}
			for _, a := range tok.Attr {
				if seen[a.Name] {
					return false
				}
				seen[a.Name] = true
			}
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && !isBlank(string(tok)) {
				return false
			}
		case xml.Directive:
			return false
		}
	}
}

// TestFirstBadChar compares the word-at-a-time check with a plain loop.
func TestFirstBadChar(t *testing.T) {
	naive := func(s string) (int, bool) {
		for i, r := range s {
			if r == utf8.RuneError {
				if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
					return i, true
				}
			}
			if !textutil.IsXMLChar(r) {
				return i, true
			}
		}
		return 0, false
	}
	base := "<CJML>\tabc\r\ndéf 漢字 \U0001F600 text of some length</CJML>"
	for _, bad := range []string{"", "\x00", "\x01", "\x1f", "\x7f", "\x08", "\x0b", "\x0c", "\xff", "\xc3", "\uFFFE", "\uFFFF", "\x80"} {
		for i := 0; i <= len(base); i++ {
			if !utf8.RuneStart(base[min(i, len(base)-1)]) && i < len(base) {
				continue
			}
			s := base[:i] + bad + base[i:]
			off, _, got := firstBadChar(s)
			woff, want := naive(s)
			require.Equal(t, want, got, "%q", s)
			if want {
				require.Equal(t, woff, off, "%q", s)
			}
		}
	}
}
