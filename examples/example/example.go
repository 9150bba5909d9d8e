package example

import "github.com/cajal-sim/cajal/cluster"

// Size is the size of a run.
type Size int

const (
	// Reduced is the run of the tests and of `cajal run NAME --quick`:
	// seconds, not checked against the published result.
	Reduced Size = iota
	// Full is the published model at its full size, with the ensemble its
	// check needs, as `cajal validate` runs it.
	Full
)

// String names the size.
func (s Size) String() string {
	if s == Full {
		return "full"
	}
	return "reduced"
}

// Options are the settings of one run of an example.
type Options struct {
	Size    Size
	OutDir  string // where the figures go; empty for none
	Threads int    // worker goroutines; 0 for all processors
	// Progress, if set, is given to every network of the run.
	Progress Progress
	// Comm splits the networks over processes (cajal.Options.Comm); nil
	// for cluster.World(). Examples that pass it on say so.
	Comm cluster.Comm
}

// Outcome is what a run of an example reports.
type Outcome struct {
	Summary string   // a few lines of the run's statistics
	Figures []string // paths of the figures written
	// Report compares the statistics with the references; nil for a
	// reduced run, which the package's tests check.
	Report Report
}

// Example is a model that the command knows. Each example package
// implements it on a type of its own and is listed once in package
// examples.
type Example interface {
	// Name is the name on the command line, which is also the package's.
	Name() string
	// Description is one line about the model.
	Description() string
	// Seed is the project's number of the example ("000"), or "" for a
	// demonstration that is not one of the published seeds.
	Seed() string
	// References are the example's stored reference numbers; nil for an
	// example checked against an analytic result only.
	References() (*References, error)
	// Run runs the example at the size the options ask for, writes its
	// figures and, at full size, checks its result.
	Run(o Options) (Outcome, error)
}

// Figures drops the empty paths of figures not written.
func Figures(paths ...string) []string {
	var out []string
	for _, p := range paths {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
