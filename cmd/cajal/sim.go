package main

import (
	"context"
	"fmt"
	"time"

	"github.com/cajal-sim/cajal/modelfile"
	"github.com/cajal-sim/cajal/record"
)

type simCmd struct {
	File string `arg:"" help:"Model file (TOML; see package modelfile)." type:"existingfile"`
	Out  string `short:"o" default:"out" help:"Folder for the data (.npy with units in .json, and CSV) and figures (PNG)."`
}

// Run simulates a model file. The data files are written as the
// simulation goes; if it stops early (an error, SIGINT, SIGTERM), they
// hold every step run and are listed before the error.
func (c simCmd) Run(ctx context.Context) error {
	f, err := modelfile.Load(c.File)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := f.RunContext(ctx, c.Out)
	if res != nil {
		if res.Summary != "" {
			fmt.Println(res.Summary)
		}
		for _, p := range res.Data {
			fmt.Printf("data %s (%s), units in %s\n", p, rows(p), record.MetaPath(p))
		}
		for _, p := range res.Files {
			fmt.Println("wrote", p)
		}
	}
	if err != nil {
		if res != nil {
			fmt.Println("stopped early: the data files above hold every step run; no CSV or figures were made")
		}
		return err
	}
	fmt.Printf("took %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// rows describes how many rows a data file holds.
func rows(path string) string {
	t, err := record.Open(path)
	if err != nil {
		return err.Error()
	}
	defer t.Close()
	return fmt.Sprintf("%d rows", t.Rows)
}
