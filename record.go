package cajal

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cajal-sim/cajal/record"
)

// MonitorOption changes where a monitor keeps its records.
type MonitorOption func(*monitorSpec)

// monitorSpec is what the options of a monitor chose.
type monitorSpec struct {
	file     string
	diskOnly bool
	vars     []string
}

// Variables makes a spike monitor record the values of the named
// variables of the spiking neuron at each spike, as Brian2's
// SpikeMonitor(variables=...): after the threshold, before the reset.
// They are kept in memory (SpikeMonitor.Values), not in the file.
func Variables(names ...string) MonitorOption {
	return func(s *monitorSpec) { s.vars = append(s.vars, names...) }
}

// File streams the monitor's records to the .npy file path (and a JSON
// file beside it, see package record) as the run goes; a relative path is
// taken within Options.RecordDir when that is set.
func File(path string) MonitorOption { return func(s *monitorSpec) { s.file = path } }

// DiskOnly keeps none of the monitor's records in memory, only in its
// file, so that a run needs as much memory for 1e9 spikes as for 1e6.
// Accessors that return records (I, T, Values, Rate, ...) then return
// nothing; read the file with package record, or with numpy. Counts
// (SpikeMonitor.Count, Num) are still kept.
func DiskOnly() MonitorOption { return func(s *monitorSpec) { s.diskOnly = true } }

// monitorFile is a monitor's file: where it goes and what it holds, and
// the monitor's writer, made when the first run starts (or resumed by
// Restore).
type monitorFile struct {
	path string
	meta record.Meta
	out  **record.Writer
}

// writer plans the file of a monitor, if its options or RecordDir ask for
// one: name is the default file name (without .npy). The file is made
// when the next run starts (openFiles) and *out set to its writer; the
// folder is checked now. An error is remembered, and the next Run returns
// it. keep says whether the monitor keeps its records in memory.
func (n *Network) writer(out **record.Writer, opts []MonitorOption, name string, meta record.Meta) (keep bool) {
	var spec monitorSpec
	for _, o := range opts {
		o(&spec)
	}
	path := spec.file
	if n.sim.Split() && n.opts.Comm.Rank() > 0 {
		return !spec.diskOnly // the first rank writes the files
	}
	if path == "" && n.opts.RecordDir != "" {
		path = n.uniqueName(safeName(name)) + ".npy"
	}
	if path == "" {
		if spec.diskOnly {
			n.recordErr = errors.Join(n.recordErr, fmt.Errorf("cajal: monitor %s: DiskOnly needs a File or Options.RecordDir", name))
		}
		return true
	}
	if !filepath.IsAbs(path) && n.opts.RecordDir != "" {
		path = filepath.Join(n.opts.RecordDir, path)
	}
	if meta.Attrs == nil {
		meta.Attrs = map[string]any{}
	}
	meta.Attrs["dt"] = n.dt
	if err := record.CheckDir(filepath.Dir(path)); err != nil {
		n.recordErr = errors.Join(n.recordErr, fmt.Errorf("cajal: monitor %s: %w", name, err))
		return !spec.diskOnly
	}
	n.files = append(n.files, &monitorFile{path: path, meta: meta, out: out})
	return !spec.diskOnly
}

// openFiles makes the files of the monitors that have none yet, empty.
func (n *Network) openFiles() error {
	for _, f := range n.files {
		if *f.out != nil {
			continue
		}
		w, err := record.Create(f.path, f.meta)
		if err != nil {
			n.recordErr = fmt.Errorf("cajal: monitor file %s: %w", f.path, err)
			return n.recordErr
		}
		*f.out = w
		n.writers = append(n.writers, w)
	}
	return nil
}

// uniqueName returns name, or name_2, name_3 ... if a monitor of this
// network already has it.
func (n *Network) uniqueName(name string) string {
	if n.names == nil {
		n.names = map[string]bool{}
	}
	u := name
	for k := 2; n.names[u]; k++ {
		u = fmt.Sprintf("%s_%d", name, k)
	}
	n.names[u] = true
	return u
}

// safeName replaces the characters of a group or slice name that do not
// belong in a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]: /\`, r) {
			return '_'
		}
		return r
	}, s)
}

// sourceName names a group or subgroup: "exc", or "exc_0_400".
func sourceName(src Source) string {
	g, lo, hi := src.span()
	if _, whole := src.(*NeuronGroup); whole {
		return g.spec.Name
	}
	return fmt.Sprintf("%s_%d_%d", g.spec.Name, lo, hi)
}

// Flush writes every record held in memory by the monitors' writers to
// their files. Run flushes at its end.
func (n *Network) Flush() error {
	if n.invalid() {
		return errNetwork
	}
	var errs []error
	for _, w := range n.writers {
		errs = append(errs, w.Flush())
	}
	return errors.Join(errs...)
}

// Close flushes and closes the monitors' files and marks them complete
// (with a note of why, if the last run stopped early). Monitors record
// no more to files after Close.
func (n *Network) Close() error {
	if n.invalid() {
		return errNetwork
	}
	var errs []error
	if !n.closed && n.recordErr == nil {
		errs = append(errs, n.openFiles())
	}
	for _, w := range n.writers {
		errs = append(errs, w.Close(n.stopNote))
	}
	n.closed = true
	return errors.Join(errs...)
}

// Files lists the .npy files the monitors write, each with a JSON file
// beside it (record.MetaPath).
func (n *Network) Files() []string {
	if n.invalid() {
		return nil
	}
	var out []string
	for _, w := range n.writers {
		out = append(out, w.Path())
	}
	return out
}

// Export writes every monitor's data file in each format — record.CSV,
// plot.Figures, or a record.Format of your own — beside it, after flushing
// the files, and returns the files written. Only monitors that stream to
// files (Options.RecordDir, File) are exported.
func (n *Network) Export(formats ...record.Format) ([]string, error) {
	if n.invalid() {
		return nil, errNetwork
	}
	if len(formats) == 0 {
		return nil, fmt.Errorf("cajal: Export needs at least one format (record.CSV, plot.Figures)")
	}
	if err := n.Flush(); err != nil {
		return nil, err
	}
	var files []string
	for _, path := range n.Files() {
		out, err := record.Export(path, formats...)
		files = append(files, out...)
		if err != nil {
			return files, err
		}
	}
	return files, nil
}
