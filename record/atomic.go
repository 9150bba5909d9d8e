package record

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a file through write and makes it appear under path
// all at once: the bytes go to a temporary file in the same folder, which
// is synced and renamed to path, and the folder is synced. On an error,
// or if the process stops before the rename, path is untouched (a
// previous file of that name stays whole).
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if err = commit(f, path); err != nil {
		return err
	}
	return f.Close()
}

// commit syncs f, renames it to path and syncs the folder.
func commit(f *os.File, path string) error {
	if err := f.Sync(); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("record: syncing %s: %w", dir, err)
	}
	return nil
}

// CheckDir creates dir if needed and checks that files can be created in
// it, so that a run can fail before it simulates rather than after.
func CheckDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	f, err := os.CreateTemp(dir, ".cajal-check.*.tmp")
	if err != nil {
		return fmt.Errorf("record: cannot write to %s: %w", dir, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
