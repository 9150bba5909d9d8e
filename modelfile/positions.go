package modelfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// keyPos records where the keys of a model file are, so that errors found
// after decoding can name the line and column, and in which order the keys
// of each table were written (initial values are set in that order).
// Paths join keys and array indices with dots: "neurons.0.init.v",
// "synapses.1.connect.n", "runs.2.namespace.eta".
type keyPos struct {
	file  string
	at    map[string]unstable.Position
	order map[string][]string // table path -> its keys in file order
}

// scanPositions walks the file's TOML syntax. It is called on text that
// decoded without error; anything it cannot follow is left out.
func scanPositions(file string, data []byte) *keyPos {
	k := &keyPos{file: file, at: map[string]unstable.Position{}, order: map[string][]string{}}
	var p unstable.Parser
	p.Reset(data)
	arrays := map[string]int{} // array-of-tables path -> elements so far
	// resolve turns key parts into a path, entering the last element of
	// each array of tables on the way.
	resolve := func(parts []string) string {
		path := ""
		for _, part := range parts {
			path = join(path, part)
			if n := arrays[path]; n > 0 {
				path = join(path, strconv.Itoa(n-1))
			}
		}
		return path
	}
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			parts, first := keyParts(e.Key())
			table = resolve(parts)
			k.mark(&p, table, first)
		case unstable.ArrayTable:
			parts, first := keyParts(e.Key())
			base := join(resolve(parts[:len(parts)-1]), parts[len(parts)-1])
			arrays[base]++
			table = join(base, strconv.Itoa(arrays[base]-1))
			k.mark(&p, table, first)
		case unstable.KeyValue:
			k.keyValue(&p, table, e)
		}
	}
	return k
}

// keyValue records a key = value line (or an entry of an inline table)
// under the table path, and what its value holds.
func (k *keyPos) keyValue(p *unstable.Parser, table string, e *unstable.Node) {
	parts, first := keyParts(e.Key())
	path := table
	for i, part := range parts {
		if i == len(parts)-1 {
			k.order[path] = append(k.order[path], part)
		}
		path = join(path, part)
	}
	k.mark(p, path, first)
	k.value(p, path, e.Value())
}

// value records the entries of inline tables and the elements of arrays.
func (k *keyPos) value(p *unstable.Parser, path string, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				k.keyValue(p, path, c)
			}
		}
	case unstable.Array:
		it := v.Children()
		for i := 0; it.Next(); i++ {
			c := it.Node()
			elem := join(path, strconv.Itoa(i))
			if c.Kind == unstable.InlineTable {
				if first := c.Child(); first != nil && first.Kind == unstable.KeyValue {
					_, at := keyParts(first.Key())
					k.mark(p, elem, at)
				}
			} else {
				k.mark(p, elem, c)
			}
			k.value(p, elem, c)
		}
	}
}

// mark records the position of node n as that of path.
func (k *keyPos) mark(p *unstable.Parser, path string, n *unstable.Node) {
	if n == nil || n.Raw.Length == 0 && n.Raw.Offset == 0 {
		return
	}
	if _, seen := k.at[path]; !seen {
		k.at[path] = p.Shape(n.Raw).Start
	}
}

// keyParts returns a key's parts and its first node.
func keyParts(it unstable.Iterator) ([]string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	for it.Next() {
		if first == nil {
			first = it.Node()
		}
		parts = append(parts, string(it.Node().Data))
	}
	return parts, first
}

func join(path, part string) string {
	if path == "" {
		return part
	}
	return path + "." + part
}

// where is "file:line:col: " for a path, or "file: " when its position is
// not known (a File made in Go rather than read).
func (k *keyPos) where(path string) string {
	if k == nil {
		return ""
	}
	if at, ok := k.at[path]; ok {
		return fmt.Sprintf("%s:%d:%d: ", k.file, at.Line, at.Column)
	}
	return k.file + ": "
}

// has reports whether the file wrote the key at path.
func (k *keyPos) has(path string) bool {
	if k == nil {
		return false
	}
	_, ok := k.at[path]
	return ok
}

// keys returns the keys of the table at path in file order, or nil when
// the order is not known.
func (k *keyPos) keys(path string) []string {
	if k == nil {
		return nil
	}
	return k.order[path]
}

// errorf is an error at the key at path.
func (k *keyPos) errorf(path, format string, args ...any) error {
	return fmt.Errorf("%s%s", k.where(path), strings.TrimSpace(fmt.Sprintf(format, args...)))
}
