package main

import (
	"fmt"
	"time"

	"github.com/cajal-sim/cajal/modelfile"
)

type simCmd struct {
	File string `arg:"" help:"Model file (TOML; see package modelfile)." type:"existingfile"`
	Out  string `short:"o" default:"out" help:"Folder for the spikes (CSV) and rasters (PNG)."`
}

// Run simulates a model file.
func (c simCmd) Run() error {
	f, err := modelfile.Load(c.File)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := f.Run(c.Out)
	if err != nil {
		return err
	}
	fmt.Println(res.Summary)
	for _, p := range res.Files {
		fmt.Println("wrote", p)
	}
	fmt.Printf("took %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
