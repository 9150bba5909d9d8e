package modelfile

import "github.com/cajal-sim/cajal"

// connectOptions turns a file's connection rule into the options of
// cajal.SynapseGroup.Connect; validate has checked that its parts go
// together.
func connectOptions(c Connect) []cajal.ConnectOption {
	var opts []cajal.ConnectOption
	if c.P != nil {
		opts = append(opts, cajal.P(*c.P))
	}
	if c.Condition != "" {
		opts = append(opts, cajal.Condition(c.Condition))
	}
	if c.OneToOne {
		opts = append(opts, cajal.OneToOne())
	}
	if c.N > 1 {
		opts = append(opts, cajal.Multiplicity(c.N))
	}
	if c.I != nil || c.J != nil {
		opts = append(opts, cajal.Pairs(c.I, c.J))
	}
	if c.FixedInDegree != nil {
		opts = append(opts, cajal.FixedInDegree(*c.FixedInDegree))
	}
	if c.FixedOutDegree != nil {
		opts = append(opts, cajal.FixedOutDegree(*c.FixedOutDegree))
	}
	if c.FixedTotalNumber != nil {
		opts = append(opts, cajal.FixedTotalNumber(*c.FixedTotalNumber))
	}
	if len(c.Offsets) == 2 {
		opts = append(opts, cajal.Offsets(c.Offsets[0], c.Offsets[1]))
	}
	if c.AllowAutapses != nil {
		opts = append(opts, cajal.Autapses(*c.AllowAutapses))
	}
	if c.AllowMultapses != nil {
		opts = append(opts, cajal.Multapses(*c.AllowMultapses))
	}
	return opts
}

// connectRules names the rules a Connect gives, by their keys; at most
// one may be given.
func connectRules(c Connect) []string {
	var rules []string
	if c.OneToOne {
		rules = append(rules, "one_to_one")
	}
	if c.I != nil || c.J != nil {
		rules = append(rules, "i")
	}
	if c.FixedInDegree != nil {
		rules = append(rules, "fixed_indegree")
	}
	if c.FixedOutDegree != nil {
		rules = append(rules, "fixed_outdegree")
	}
	if c.FixedTotalNumber != nil {
		rules = append(rules, "fixed_total_number")
	}
	if c.Offsets != nil {
		rules = append(rules, "offsets")
	}
	return rules
}
