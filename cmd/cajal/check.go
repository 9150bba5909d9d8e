package main

import "fmt"

// checkCmd validates a model file without running it.
type checkCmd struct {
	File string `arg:"" help:"Model file (TOML; see package modelfile)."`
	overrides
}

// Run builds the file's network without connecting or running it and
// prints its size and memory estimate (modelfile.File.Check).
func (c checkCmd) Run() error {
	f, err := c.load(c.File)
	if err != nil {
		return err
	}
	s, err := f.Check()
	if err != nil {
		return err
	}
	fmt.Printf("%s: ok\n%s\n", c.File, s)
	return nil
}
