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
		b.modelOf[g.Name] = name
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

// namedSynapses makes a synapse group of a model of package models: its
// params change the model's parameters, and its receptor is a receptor
// (port) of the target's named model ("ex") or a statement ("v += w*mV")
// that passes each presynaptic spike to the target.
func (f *File) namedSynapses(b *built, path, name string, sm models.Synapse, s Synapses, src, tgt cajal.Source) (*cajal.SynapseGroup, error) {
	for key, v := range map[string]string{"on_pre": s.OnPre, "on_post": s.OnPost, "method": s.Method, "delay": s.Delay} {
		if v != "" {
			return nil, f.pos.errorf(join(path, key), "synapses %s: the model %s brings its own %s; change its parameters with params", name, sm.Name, key)
		}
	}
	if s.Namespace != nil {
		return nil, f.pos.errorf(join(path, "namespace"), "synapses %s: the model %s has its own namespace; change its parameters with params", name, sm.Name)
	}
	post := b.modelOf[sliceRE.FindStringSubmatch(s.Target)[1]]
	if !sm.Fits(post) {
		return nil, f.pos.errorf(join(path, "target"), "synapses %s: the model %s targets neurons of the models %s", name, sm.Name, strings.Join(sm.Targets, ", "))
	}
	receptor := s.Receptor
	if m, ok := models.LookupNeuron(post); ok && receptor != "" && !strings.Contains(receptor, "=") {
		stmt, ok := m.Receptors[receptor]
		if !ok {
			return nil, f.pos.errorf(join(path, "receptor"), "synapses %s: the target's model %s has no receptor %q; its receptors are %s", name, post, receptor, strings.Join(sortedKeys(m.Receptors), ", "))
		}
		receptor = stmt
	}
	sg, err := sm.With(cajal.Namespace(s.Params)).Connect(b.net, name, src, tgt, receptor, connectOptions(s.Connect)...)
	if err != nil {
		return nil, fmt.Errorf("%ssynapses %s: %w", f.pos.where(join(path, "model")), name, err)
	}
	return sg, nil
}
