package cjml

// Diagnostic codes reported while reading. They are stable: a code keeps its
// meaning forever and is never reused. docs/rules.md explains each one with
// an example.
const (
	// CodeSyntax: the input is not well-formed XML (or YAML, or JSON).
	CodeSyntax = "parse/syntax"
	// CodeEncoding: the bytes are not valid UTF-8, or the declared
	// encoding is not supported.
	CodeEncoding = "parse/encoding"
	// CodeInvalidChar: a character XML 1.0 does not allow (control
	// characters, U+FFFE, U+FFFF), written directly or as a reference.
	CodeInvalidChar = "parse/invalid-char"
	// CodeEntity: a reference to an entity that is not one of XML's five
	// predefined entities. cjml never reads DTD entity declarations.
	CodeEntity = "parse/entity"
	// CodeIO: the input cannot be read at all (no such file, a directory,
	// no permission, an I/O error). Commands exit with 3 for it.
	CodeIO = "parse/io"
	// CodeTooLarge: the input exceeds the size limit.
	CodeTooLarge = "parse/too-large"
	// CodeTooDeep: elements (or YAML/JSON values) nest deeper than the
	// depth limit.
	CodeTooDeep = "parse/too-deep"
	// CodeRoot: the root element is not CJML, or the document has no root.
	CodeRoot = "parse/root"
	// CodeDoctype: a DOCTYPE declaration was ignored.
	CodeDoctype = "parse/doctype"
	// CodeProcInst: a processing instruction inside an element was
	// dropped.
	CodeProcInst = "parse/proc-inst"
	// CodeNameCase: a CJML element name was written with different
	// letter case and read as the CJML name.
	CodeNameCase = "parse/name-case"
	// CodeStrayText: text where CJML expects only elements was dropped.
	CodeStrayText = "parse/stray-text"
	// CodeBadKey: a YAML/JSON key or value that has no XML counterpart
	// (a key that is not an XML name, a value of the wrong shape).
	CodeBadKey = "parse/bad-key"
)

// ParseCodes lists the codes reading can report, for documentation tests.
var ParseCodes = []string{
	CodeIO, CodeSyntax, CodeEncoding, CodeInvalidChar, CodeEntity, CodeTooLarge, CodeTooDeep,
	CodeRoot, CodeDoctype, CodeProcInst, CodeNameCase, CodeStrayText, CodeBadKey,
}
