package modelfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/models"
)

// neuronGroup makes the k-th neuron group: from its equations, or from a
// model of package models named by its model key, with params changing
// the model's parameters.
func (f *File) neuronGroup(b *built, k int, g Neurons) (*cajal.NeuronGroup, error) {
	path := "neurons." + strconv.Itoa(k)
	name := strings.TrimSpace(g.Model)
	if m, ok := models.LookupNeuron(name); ok {
		for key, v := range map[string]string{"threshold": g.Threshold, "reset": g.Reset, "refractory": g.Refractory, "method": g.Method} {
			if v != "" {
				return nil, f.pos.errorf(join(path, key), "neurons %s: the model %s brings its own %s; change its parameters with params", g.Name, name, key)
			}
		}
		if g.Namespace != nil {
			return nil, f.pos.errorf(join(path, "namespace"), "neurons %s: the model %s has its own namespace; change its parameters with params", g.Name, name)
		}
		ng, err := m.With(cajal.Namespace(g.Params)).Group(b.net, g.Name, g.N)
		if err != nil {
			return nil, fmt.Errorf("%sneurons %s: %w", f.pos.where(join(path, "model")), g.Name, err)
		}
		return ng, nil
	}
	if g.Params != nil {
		msg := fmt.Sprintf("neurons %s: params changes the parameters of a named model (model = \"iaf_cond_exp\"); give equations' values in namespace", g.Name)
		if !strings.ContainsAny(name, ":=\n") {
			msg = fmt.Sprintf("neurons %s: %q is not a model of package models (they are %s)", g.Name, name, strings.Join(models.Neurons(), ", "))
			return nil, f.pos.errorf(join(path, "model"), "%s", msg)
		}
		return nil, f.pos.errorf(join(path, "params"), "%s", msg)
	}
	spec := cajal.Neurons{Name: g.Name, N: g.N, Model: g.Model, Threshold: g.Threshold, Reset: g.Reset,
		Method: g.Method, Namespace: f.ns(b, g.Namespace)}
	if g.Refractory != "" {
		spec.Refractory = g.Refractory
	}
	return b.net.NeuronGroup(spec)
}
