package compare

import "time"

// Weights are the integer costs of the alignment. A matched pair costs the
// sum of the weights of the attributes that differ; a planned touchpoint
// left unmatched costs Missing and an actual one AdHoc. Integer costs keep
// the alignment exact and reproducible in other implementations (the
// Python peer in bench/align.py gets the same total cost).
type Weights struct {
	// Kind: one is a communication point, the other an action.
	Kind int
	// Initiator, Receiver: the actors differ (by actor ID).
	Initiator, Receiver int
	// Channel: the channels belong to different families; ChannelFamily:
	// the channels differ but share a family (cjml.Channel.Family), such
	// as "internetViaPC" and "website".
	Channel, ChannelFamily int
	// Label is the cost of labels with no word in common; labels that
	// share words cost Label × (1 − Jaccard similarity of their word
	// sets), rounded half up.
	Label int
	// Phase: both touchpoints name a phase and the phases differ.
	Phase int
	// Missing and AdHoc are the gap costs: a planned touchpoint without
	// an actual one, an actual touchpoint without a planned one.
	Missing, AdHoc int
	// Irregular and Failing are added to a matched pair's cost when the
	// pair is out of the planned order, or asserted failing. A pair never
	// costs more than Missing + AdHoc, so fitness stays in [0, 1].
	Irregular, Failing int
}

// DefaultWeights are the weights of the zero Options.
var DefaultWeights = Weights{
	Kind:          40,
	Initiator:     25,
	Receiver:      25,
	Channel:       20,
	ChannelFamily: 10,
	Label:         60,
	Phase:         10,
	Missing:       50,
	AdHoc:         50,
	Irregular:     25,
	Failing:       25,
}

// DefaultThreshold is the highest cost of a pair that still counts as a
// match. With the default weights labels without a word in common never
// match; labels that share words match when little else differs (see
// docs/compare.md).
const DefaultThreshold = 55

// Options configure an alignment. The zero value uses [DefaultWeights],
// [DefaultThreshold], pairs touchpoints by ID and trusts compliance values.
type Options struct {
	// Weights of the costs; the zero value means DefaultWeights.
	Weights Weights
	// Threshold is the highest cost of a pair that counts as a match; 0
	// means DefaultThreshold. Pairs costing more are left as a missing
	// and an ad hoc step. A negative threshold allows only pairs of cost
	// 0 (identical touchpoints).
	Threshold int
	// IgnoreIDs aligns by content only, without pairing touchpoints that
	// share a touchpointID.
	IgnoreIDs bool
	// IgnoreCompliance disregards compliance values written in the actual
	// journey and computes every status.
	IgnoreCompliance bool
	// TimeTolerance is how much later than planned a touchpoint may be
	// before it is reported late.
	TimeTolerance time.Duration
}

func (o Options) weights() Weights {
	if o.Weights == (Weights{}) {
		return DefaultWeights
	}
	return o.Weights
}

func (o Options) threshold() int {
	switch {
	case o.Threshold == 0:
		return DefaultThreshold
	case o.Threshold < 0:
		return 0
	}
	return o.Threshold
}
