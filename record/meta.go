package record

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Layout names this package's layout in every JSON file it writes.
const Layout = "cajal-record/1"

// Meta is what the JSON file beside a .npy file says about it.
type Meta struct {
	Format string `json:"format"`
	// Kind is the kind of monitor: "spikes", "states", "rate", "events".
	Kind   string `json:"kind"`
	Source string `json:"source,omitempty"` // the group, subgroup or synapses recorded
	Fields Schema `json:"fields"`
	// Elements are the recorded elements (neurons, synapses, counted
	// within the source) that a subarray field's values belong to, in
	// order.
	Elements []int `json:"elements,omitempty"`
	// Rows is the number of rows when the file was closed; while it is
	// written, the .npy header's count is the one to trust.
	Rows int64 `json:"rows"`
	// Complete is true once the writer closed the file: it then holds
	// every row the run recorded.
	Complete bool `json:"complete"`
	// Note says why recording ended early, if it did (a cancelled or
	// diverging run).
	Note string `json:"note,omitempty"`
	// Attrs are facts about the recording: the time step, the sampling
	// interval, the recorded elements.
	Attrs map[string]any `json:"attrs,omitempty"`
}

// MetaPath is the JSON file that describes the .npy file path.
func MetaPath(path string) string { return strings.TrimSuffix(path, ".npy") + ".json" }

// writeMeta writes m atomically beside the .npy file path.
func writeMeta(path string, m Meta) error {
	return WriteFile(MetaPath(path), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	})
}

// ReadMeta reads the JSON file beside the .npy file path.
func ReadMeta(path string) (Meta, error) {
	var m Meta
	b, err := os.ReadFile(MetaPath(path))
	if err != nil {
		return m, fmt.Errorf("record: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("record: %s: %w", MetaPath(path), err)
	}
	if m.Format != Layout {
		return m, fmt.Errorf("record: %s: format %q, want %q", MetaPath(path), m.Format, Layout)
	}
	return m, m.Fields.check()
}
