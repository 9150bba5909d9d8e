package record

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// killEnv names the file the helper process writes.
const killEnv = "CAJAL_RECORD_KILL_FILE"

// TestKillHelper is the process TestKillLeavesConsistentPrefix kills: it
// writes blocks of rows (k, k/8) without end, printing the row count
// after each flush returns.
func TestKillHelper(t *testing.T) {
	path := os.Getenv(killEnv)
	if path == "" {
		t.Skip("run by TestKillLeavesConsistentPrefix")
	}
	w, err := Create(path, Meta{Kind: "spikes", Fields: spikeFields})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	w.Block, w.Every = 1<<30, 1e300 // flush only when asked
	for k := 0; ; k++ {
		w.Int32(int32(k))
		w.Float64(float64(k) / 8)
		w.EndRow()
		if (k+1)%50000 == 0 {
			if err := w.Flush(); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("flushed", w.Rows())
		}
	}
}

// A writer killed by SIGKILL while it writes leaves a file that reads as
// a whole prefix of its rows, holding at least every row whose flush
// returned.
func TestKillLeavesConsistentPrefix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "k_spikes.npy")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
	cmd.Env = append(os.Environ(), killEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	acked := int64(0)
	for n := 0; n < 4 && sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) != 2 || f[0] != "flushed" {
			cmd.Process.Kill()
			t.Fatalf("helper said %q", sc.Text())
		}
		acked, _ = strconv.ParseInt(f[1], 10, 64)
	}
	// The helper is now writing its next block.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if acked != 200000 {
		t.Fatalf("the helper acknowledged %d rows, want 200000", acked)
	}
	tab, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := tab.Rows
	tab.Close()
	if rows < acked || rows%50000 != 0 {
		t.Fatalf("%d rows after the kill; %d were acknowledged, in blocks of 50000", rows, acked)
	}
	checkSpikes(t, path, int(rows))
	if m, _ := ReadMeta(path); m.Complete {
		t.Error("a killed writer's file is marked complete")
	}
}
