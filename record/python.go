package record

import "os/exec"

// PythonWithNumpy returns a Python interpreter that imports numpy — python3
// on the PATH, else the system's /usr/bin/python3 (where Debian's
// python3-numpy installs) — or "" if there is none. The tests use it to
// read the files back with numpy, the way docs/data.md shows.
func PythonWithNumpy() string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import numpy").Run() == nil {
			return py
		}
	}
	return ""
}
