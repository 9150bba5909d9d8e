package record

import (
	"fmt"
	"strings"
)

// A Format writes a monitor's records, read from its data file, in another
// form beside it: a CSV table (CSV), figures (package plot's Figures). The
// command line, model files and the library (Network.Export) write every
// output through this interface, so that a new format is one type in one
// file.
type Format interface {
	// Name names the format ("csv", "figures").
	Name() string
	// Write writes t, whose data file is base.npy, and returns the paths
	// of the files it wrote.
	Write(t *Table, base string) ([]string, error)
}

// CSV writes base.csv: a header of field names with their units, then
// one line per row (a field of width w as w columns).
var CSV Format = csvFormat{}

type csvFormat struct{}

func (csvFormat) Name() string { return "csv" }

func (csvFormat) Write(t *Table, base string) ([]string, error) {
	path := base + ".csv"
	return []string{path}, WriteCSV(path, t)
}

// Export opens the data file at path (a .npy written by a monitor) and
// writes it in each format, returning the files written.
func Export(path string, formats ...Format) ([]string, error) {
	if !strings.HasSuffix(path, ".npy") {
		return nil, fmt.Errorf("record: %s is not a data file (.npy)", path)
	}
	t, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	base := strings.TrimSuffix(path, ".npy")
	var files []string
	for _, f := range formats {
		out, err := f.Write(t, base)
		files = append(files, out...)
		if err != nil {
			return files, fmt.Errorf("record: %s of %s: %w", f.Name(), path, err)
		}
	}
	return files, nil
}
