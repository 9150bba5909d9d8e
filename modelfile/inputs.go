package modelfile

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"codeberg.org/sbinet/npyio/npy"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// buildTimedArrays makes the file's TimedArrays, by name.
func (f *File) buildTimedArrays() (map[string]*cajal.TimedArray, error) {
	out := map[string]*cajal.TimedArray{}
	for k, t := range f.TimedArrays {
		path := "timed_arrays." + strconv.Itoa(k)
		if t.Name == "" {
			return nil, f.pos.errorf(path, "timed_arrays %d: a TimedArray needs a name", k+1)
		}
		if _, dup := out[t.Name]; dup {
			return nil, f.pos.errorf(join(path, "name"), "timed_arrays %q: two TimedArrays have this name", t.Name)
		}
		ta := &cajal.TimedArray{Values: t.Values, Neurons: t.Neurons}
		var err error
		switch {
		case t.File != "" && t.Values != nil:
			return nil, f.pos.errorf(join(path, "file"), "timed_arrays %s: give values or a file, not both", t.Name)
		case t.File != "":
			if t.Neurons != 0 {
				return nil, f.pos.errorf(join(path, "neurons"), "timed_arrays %s: the file's shape gives the neurons (rows by neurons)", t.Name)
			}
			if ta.Values, ta.Neurons, err = readNpy(f.path(t.File)); err != nil {
				return nil, f.pos.errorf(join(path, "file"), "timed_arrays %s: %v", t.Name, err)
			}
		}
		if t.Unit != "" {
			if ta.Unit, err = unit.Parse(t.Unit); err != nil {
				return nil, f.pos.errorf(join(path, "unit"), "timed_arrays %s: unit: %v", t.Name, err)
			}
		}
		if t.Dt == "" {
			return nil, f.pos.errorf(path, "timed_arrays %s: give dt, the length of a row, such as \"1*ms\"", t.Name)
		}
		if ta.Dt, err = unit.Parse(t.Dt); err != nil {
			return nil, f.pos.errorf(join(path, "dt"), "timed_arrays %s: dt (the length of a row) such as \"1*ms\": %v", t.Name, err)
		}
		out[t.Name] = ta
	}
	return out, nil
}

// path is a path the file names, taken relative to the file's folder.
func (f *File) path(p string) string {
	if filepath.IsAbs(p) || f.dir == "" {
		return p
	}
	return filepath.Join(f.dir, p)
}

// readNpy reads a .npy file of float64 with one dimension (columns 0) or
// two (rows by columns), in C order.
func readNpy(path string) (values []float64, columns int, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer fh.Close()
	defer func() {
		if p := recover(); p != nil {
			values, columns, err = nil, 0, fmt.Errorf("%s: malformed .npy file: %v", path, p)
		}
	}()
	r, err := npy.NewReader(fh)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %v", path, err)
	}
	shape := r.Header.Descr.Shape
	if r.Header.Descr.Fortran || len(shape) < 1 || len(shape) > 2 || strings.Trim(r.Header.Descr.Type, "'") != "<f8" {
		return nil, 0, fmt.Errorf("%s: want a 1- or 2-dimensional array of float64 in C order, got %s of shape %v (fortran %v)",
			path, r.Header.Descr.Type, shape, r.Header.Descr.Fortran)
	}
	if err := r.Read(&values); err != nil {
		return nil, 0, fmt.Errorf("%s: %v", path, err)
	}
	if len(shape) == 2 {
		columns = shape[1]
	}
	return values, columns, nil
}

// buildGenerators makes the spike generator groups.
func (f *File) buildGenerators(b *built) error {
	for k, g := range f.Generators {
		path := "generators." + strconv.Itoa(k)
		if g.Name == "" {
			return f.pos.errorf(path, "generators %d: a group needs a name", k+1)
		}
		if _, dup := b.groups[g.Name]; dup {
			return f.pos.errorf(join(path, "name"), "generators %q: two groups have this name", g.Name)
		}
		spec := cajal.SpikeGenerator{Name: g.Name, N: g.N, Indices: g.Indices, Weights: g.Weights}
		for i, s := range g.Times {
			q, err := unit.Parse(s)
			if err != nil || !q.Dim.Equal(unit.Second.Dim) {
				return f.pos.errorf(join(path, "times."+strconv.Itoa(i)), "generators %s: times[%d] = %q is not a duration such as \"5*ms\"", g.Name, i, s)
			}
			spec.Times = append(spec.Times, q)
		}
		if g.Period != "" {
			q, err := unit.Parse(g.Period)
			if err != nil {
				return f.pos.errorf(join(path, "period"), "generators %s: period: %v", g.Name, err)
			}
			spec.Period = q
		}
		ng, err := b.net.SpikeGeneratorGroup(spec)
		if err != nil {
			return fmt.Errorf("%s%w", f.pos.where(path), err)
		}
		b.groups[g.Name] = ng
	}
	return nil
}

var identRE = regexp.MustCompile(`^\s*[A-Za-z_]\w*\s*$`)

// buildPoissonInputs adds the PoissonInputs.
func (f *File) buildPoissonInputs(b *built) error {
	for k, p := range f.PoissonInputs {
		path := "poisson_inputs." + strconv.Itoa(k)
		tgt, err := b.source(p.Target)
		if err != nil {
			return f.pos.errorf(join(path, "target"), "poisson_inputs %d: target: %v", k+1, err)
		}
		rate, err := unit.Parse(p.Rate)
		if err != nil {
			return f.pos.errorf(join(path, "rate"), "poisson_inputs %d: rate such as \"10*Hz\": %v", k+1, err)
		}
		var weight any = p.Weight
		// A name is an expression, even one that is also a unit's (J).
		if q, err := unit.Parse(p.Weight); err == nil && !identRE.MatchString(p.Weight) {
			weight = q
		}
		if err := b.net.PoissonInput(cajal.PoissonInput{Target: tgt, Var: p.Var, N: p.N, Rate: rate, Weight: weight}); err != nil {
			return fmt.Errorf("%s%w", f.pos.where(path), err)
		}
	}
	return nil
}

// buildRegularly adds the run_regularly blocks to their neuron or synapse
// groups.
func (f *File) buildRegularly(b *built) error {
	for k, r := range f.Regularly {
		path := "run_regularly." + strconv.Itoa(k)
		every, err := unit.Parse(r.Interval)
		if err != nil {
			return f.pos.errorf(join(path, "interval"), "run_regularly %d: interval such as \"1*ms\": %v", k+1, err)
		}
		if g, ok := b.groups[r.Group]; ok {
			err = g.RunRegularly(r.Code, every)
		} else if s, ok := b.syns[r.Group]; ok {
			err = s.RunRegularly(r.Code, every)
		} else {
			return f.pos.errorf(join(path, "group"), "run_regularly %d: no neuron or synapse group named %q", k+1, r.Group)
		}
		if err != nil {
			return fmt.Errorf("%srun_regularly %d: %w", f.pos.where(path), k+1, err)
		}
	}
	return nil
}
