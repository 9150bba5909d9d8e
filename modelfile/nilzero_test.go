package modelfile

import "testing"

// Zero and nil values give errors, not panics: a nil or empty File, an
// empty name and text, a missing file.
func TestNilAndZeroValues(t *testing.T) {
	if _, err := (*File)(nil).Run(""); err == nil {
		t.Error("a nil File ran")
	}
	if _, err := (&File{}).Run(""); err == nil {
		t.Error("an empty File ran")
	}
	if _, err := Parse("", nil); err == nil {
		t.Error("Parse accepted no text")
	}
	if _, err := Load(""); err == nil {
		t.Error("Load accepted no path")
	}
	// Zero values inside a file: a group without a size, synapses without
	// a source, a monitor without a source, an empty run.
	for _, text := range []string{
		"runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\n",
		"runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[synapses]]\n",
		"runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[spikes]]\n",
		"runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[states]]\nsource = \"a\"\n",
		"runs = [\"1*ms\"]\n[[poisson]]\nname = \"p\"\nn = 1\n",
		"runs = [\"\"]\n",
		"runs = [{}]\n",
	} {
		f, err := Parse("z.toml", []byte(text))
		if err == nil {
			_, err = f.Run("")
		}
		if err == nil {
			t.Errorf("no error for\n%s", text)
		}
	}
}
