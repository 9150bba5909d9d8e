package modelfile

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/record"
)

// outputs writes, for each monitor's data file, a CSV file and figures
// beside it (record.CSV, plot.Figures), and for spike monitors with
// variables their values (spikeValues).
func (b *built) outputs() ([]string, error) {
	std := []record.Format{record.CSV, plot.Figures}
	var files []string
	export := func(path string, formats ...record.Format) error {
		if path == "" { // a process of a split network other than the first writes no data files
			return nil
		}
		out, err := record.Export(path, formats...)
		files = append(files, out...)
		return err
	}
	for _, m := range b.spikes {
		formats := std
		if len(m.vars) > 0 {
			formats = append(std[:len(std):len(std)], spikeValues{m})
		}
		if err := export(m.m.Path(), formats...); err != nil {
			return files, err
		}
	}
	for _, m := range append(b.states[:len(b.states):len(b.states)], b.synStates...) {
		if err := export(m.m.Path(), std...); err != nil {
			return files, err
		}
	}
	for _, w := range b.weights {
		if err := export(w.r.Path(), record.CSV); err != nil {
			return files, err
		}
	}
	for _, m := range b.rates {
		if err := export(m.m.Path(), std...); err != nil {
			return files, err
		}
	}
	return files, nil
}

// spikeValues writes the variables a spike monitor recorded at each
// spike to base_values.csv: i, t, then one column per variable (SI
// units). The values are kept in memory from the start of this process:
// after a resume from a checkpoint they cover the spikes since then, the
// last rows of the spike file.
type spikeValues struct{ m spikeMon }

func (spikeValues) Name() string { return "spike values" }

func (f spikeValues) Write(t *record.Table, base string) ([]string, error) {
	path, err := f.write(t, base)
	return []string{path}, err
}

func (f spikeValues) write(t *record.Table, base string) (string, error) {
	m := f.m
	path := base + "_values.csv"
	cols := make([][]float64, len(m.vars))
	var err error
	for k, v := range m.vars {
		if cols[k], err = m.m.Values(v); err != nil {
			return path, err
		}
	}
	n := int64(len(cols[0]))
	if n > t.Rows {
		return path, fmt.Errorf("%s: %d values of %s for %d spikes", m.name, n, m.vars[0], t.Rows)
	}
	is, err := t.Int32Range("i", t.Rows-n, t.Rows)
	if err != nil {
		return path, err
	}
	ts, err := t.Float64Range("t", t.Rows-n, t.Rows)
	if err != nil {
		return path, err
	}
	var b strings.Builder
	b.WriteString("i,t (second)")
	for k, v := range m.vars {
		fmt.Fprintf(&b, ",%s (%s)", v, m.units[k])
	}
	b.WriteByte('\n')
	for r := range ts {
		b.WriteString(strconv.Itoa(int(is[r])) + "," + strconv.FormatFloat(ts[r], 'g', -1, 64))
		for k := range m.vars {
			b.WriteString("," + strconv.FormatFloat(cols[k][r], 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}
