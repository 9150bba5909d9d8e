package modelfile

import (
	"strings"
	"testing"
)

// A file without monitors runs, warns, and its summary gives the
// simulated time and size; a run of no time gives counts without a rate
// (never NaN Hz).
func TestSummary(t *testing.T) {
	cases := []struct{ text, want string }{
		{"runs = [\"10*ms\"]\n[[neurons]]\nname = \"quiet\"\nn = 3\nmodel = \"v : 1\"\n",
			"simulated 0.01 s (100 steps) of 3 neurons in 1 groups; no spike monitor counted spikes\n" +
				"warning: the file has no monitors, so the run recorded nothing; add one, e.g. [[spikes]] with source = \"quiet\""},
		{"runs = [\"0*ms\"]\n[[neurons]]\nname = \"a\"\nn = 3\nmodel = \"v : 1\"\n[[spikes]]\nsource = \"a\"\n", "a: 0 spikes"},
		{"runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 3\nmodel = \"v : 1\"\n[[rates]]\nsource = \"a\"\n",
			"simulated 0.001 s (10 steps) of 3 neurons in 1 groups; no spike monitor counted spikes"},
	}
	for _, c := range cases {
		f, err := Parse("m.toml", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		res, err := f.Run("")
		if err != nil {
			t.Fatal(err)
		}
		if res.Summary != c.want {
			t.Errorf("summary\n%s\nwant\n%s", res.Summary, c.want)
		}
		if warned := len(res.Warnings) > 0; warned != strings.Contains(c.want, "warning:") {
			t.Errorf("warnings %v for\n%s", res.Warnings, c.text)
		}
	}
}
