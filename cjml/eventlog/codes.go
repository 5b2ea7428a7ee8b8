package eventlog

// Diagnostic codes of the importer. docs/import.md explains each one. A code
// keeps its meaning forever.
const (
	// Fatal: nothing is imported.

	// CodeMapping: the mapping file (or a flag) is wrong: not YAML, an
	// unknown key, a value of the wrong shape.
	CodeMapping = "import/mapping"
	// CodeNoColumn: a column the mapping names is not in the CSV header, or
	// the header has no column for the case or the activity.
	CodeNoColumn = "import/no-column"
	// CodeSyntax: the input cannot be read as CSV or XES at all (XML that
	// is not well-formed, a root element that is not <log>, an empty file).
	CodeSyntax = "import/syntax"
	// CodeTooLarge: the input exceeds the size limit.
	CodeTooLarge = "import/too-large"
	// CodeTooDeep: XES elements nest deeper than the depth limit.
	CodeTooDeep = "import/too-deep"

	// Errors: the event is skipped and counted.

	// CodeBadRow: a CSV row that cannot be read (a stray quote) or has a
	// different number of fields than the header.
	CodeBadRow = "import/bad-row"
	// CodeNoCase: the event names no case.
	CodeNoCase = "import/no-case"
	// CodeNoActivity: the event has no activity (label).
	CodeNoActivity = "import/no-activity"
	// CodeBadTime: the timestamp is not a date or date-time cjml reads.
	CodeBadTime = "import/bad-time"
	// CodeNoInitiator: the event has no initiator (no actor at all, or only
	// a receiver).
	CodeNoInitiator = "import/no-initiator"
	// CodeBadKind: the kind is neither an action nor a communication, or
	// says communication for an event without a receiver.
	CodeBadKind = "import/bad-kind"
	// CodeInvalidChar: a value holds invalid UTF-8 or a character XML does
	// not allow.
	CodeInvalidChar = "import/invalid-char"
	// CodeOutsideTrace: an XES event outside any trace.
	CodeOutsideTrace = "import/outside-trace"

	// Warnings: the event is imported, with something changed or dropped.

	// CodeBadValue: a compliance or rating value cjml does not know; it is
	// kept as written.
	CodeBadValue = "import/bad-value"
	// CodeReceiverIgnored: an event whose kind says action has a receiver,
	// which is dropped.
	CodeReceiverIgnored = "import/receiver-ignored"
	// CodeDuplicateID: a touchpoint ID repeated in one case, or a case ID
	// repeated by a later XES trace; the later one gets a suffix.
	CodeDuplicateID = "import/duplicate-id"
	// CodeNoEndUser: no actor of a journey is the end user.
	CodeNoEndUser = "import/no-end-user"
	// CodeUnmatchedStart: an XES start event without its complete event;
	// the touchpoint has only a start time.
	CodeUnmatchedStart = "import/unmatched-start"
	// CodeBadAttribute: an XES attribute without a key, ignored.
	CodeBadAttribute = "import/bad-attribute"
	// CodeEmptyCase: an XES trace without events; no journey is made.
	CodeEmptyCase = "import/empty-case"

	// Info: the event is ignored by rule, not an error.

	// CodeLifecycle: an event whose lifecycle transition is neither start
	// nor complete (schedule, suspend, abort, ...).
	CodeLifecycle = "import/lifecycle"
)

// Codes lists every code, for the documentation test.
var Codes = []string{
	CodeMapping, CodeNoColumn, CodeSyntax, CodeTooLarge, CodeTooDeep,
	CodeBadRow, CodeNoCase, CodeNoActivity, CodeBadTime, CodeNoInitiator, CodeBadKind, CodeInvalidChar, CodeOutsideTrace,
	CodeBadValue, CodeReceiverIgnored, CodeDuplicateID, CodeNoEndUser, CodeUnmatchedStart, CodeBadAttribute, CodeEmptyCase,
	CodeLifecycle,
}
