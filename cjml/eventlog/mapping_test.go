package eventlog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMapping(t *testing.T) {
	m, diags := ParseMapping("m.yaml", []byte(`
columns:
  case: Ticket
  receiverLabel: " Outcome "
endUser: [Customer, Kunde]
actors:
  NordNett: provider
plannedReference: PJ1
delimiter: tab
`))
	require.Empty(t, diags)
	assert.Equal(t, "Ticket", m.Columns[Case])
	assert.Equal(t, "Outcome", m.Columns[ReceiverLabel])
	assert.Equal(t, []string{"Customer", "Kunde"}, m.EndUser)
	assert.Equal(t, map[string]string{"NordNett": "provider"}, m.Actors)
	assert.Equal(t, "PJ1", m.PlannedReference)
	assert.Equal(t, '\t', m.Delimiter)
	assert.True(t, m.isEndUser(" kunde"))
	assert.False(t, m.isEndUser("user"))

	m, diags = ParseMapping("m.yaml", []byte("endUser: Kari\ndelimiter: ';'\n"))
	require.Empty(t, diags)
	assert.Equal(t, []string{"Kari"}, m.EndUser)
	assert.Equal(t, ';', m.Delimiter)

	m, diags = ParseMapping("m.yaml", []byte("# nothing\n"))
	require.Empty(t, diags)
	assert.Equal(t, &Mapping{}, m)
	assert.True(t, m.isEndUser("End user"), "default end users")
}

func TestParseMappingErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "columns:\n  case: c\nendusr: Kari\n",
			"m.yaml:3:1: error: unknown key \"endusr\" (known: columns, endUser, actors, plannedReference, delimiter) [import/mapping]\n"},
		{"unknown role", "columns:\n  case: c\n  cas: d\n",
			"m.yaml:3:3: error: unknown column role \"cas\" (known: case, activity, receiverLabel, time, initiator, receiver, channel, kind, compliance, rating, experience, phase, touchpoint, lifecycle, message, comment, endUserName) [import/mapping]\n"},
		{"column not a string", "columns:\n  case: [a, b]\n",
			"m.yaml:2:9: error: columns.case must be a string [import/mapping]\n"},
		{"columns not a mapping", "columns: case\n",
			"m.yaml:1:10: error: columns must be a mapping from roles (case, activity, ...) to column names [import/mapping]\n"},
		{"bad delimiter", "delimiter: ';;'\n",
			"m.yaml:1:12: error: delimiter \";;\" is not one character (or \"tab\"), or is a quote or line break [import/mapping]\n"},
		{"empty actor ID", "actors:\n  Shop: ''\n",
			"m.yaml:2:9: error: the actor ID of \"Shop\" is empty [import/mapping]\n"},
		{"repeated key", "endUser: a\nendUser: b\n",
			"m.yaml:2:1: error: key \"endUser\" is repeated [import/mapping]\n"},
		{"not a mapping", "- case\n",
			"m.yaml:1:1: error: a mapping file is a YAML mapping with the keys columns, endUser, actors, plannedReference, delimiter [import/mapping]\n"},
		{"not YAML", "columns:\n  case: [\n",
			"m.yaml:2: error: not YAML: did not find expected node content [import/mapping]\n"},
		{"null", "plannedReference:\n",
			"m.yaml:1:18: error: plannedReference must be a string [import/mapping]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, diags := ParseMapping("m.yaml", []byte(tt.src))
			assert.Nil(t, m)
			assert.Equal(t, tt.want, diagLines(diags))
		})
	}
}

func TestRoleNames(t *testing.T) {
	assert.Equal(t, "receiver-label", ReceiverLabel.FlagName())
	assert.Equal(t, "end-user-name", EndUserName.FlagName())
	assert.Equal(t, "case", Case.FlagName())
	assert.Len(t, Roles(), int(numRoles))
	for _, r := range Roles() {
		got, ok := roleByName(r.String())
		assert.True(t, ok)
		assert.Equal(t, r, got)
		assert.NotEmpty(t, DefaultNames(r), r.String())
	}
	assert.Equal(t, "invalid", Role(-1).String())
}
