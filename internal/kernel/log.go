package kernel

import (
	"fmt"
	"os"
	"sync"
)

// LogEnv names the environment variable that, when set to a file name,
// makes LogSource append the Go source of every program compiled for a run
// to that file: `cajal gen` collects programs this way.
const LogEnv = "CAJAL_KERNEL_LOG"

var logMu sync.Mutex

// LogSource appends p's Go source to the file named by $CAJAL_KERNEL_LOG,
// if it is set.
func LogSource(p *Program) error {
	path := os.Getenv(LogEnv)
	if path == "" {
		return nil
	}
	logMu.Lock()
	defer logMu.Unlock()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	key := p.Key()
	_, err = fmt.Fprintf(f, "//KEY %s\n%s", key, p.GoSource("k"+key))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
