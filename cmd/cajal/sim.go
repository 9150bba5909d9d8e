package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/cajal-sim/cajal/modelfile"
	"github.com/cajal-sim/cajal/record"
)

type simCmd struct {
	File string `arg:"" help:"Model file (TOML; see package modelfile)."`
	overrides
	Out             string `short:"o" default:"out" help:"Folder for the data (.npy with units in .json, and CSV) and figures (PNG)."`
	CheckpointEvery string `name:"checkpoint-every" placeholder:"DURATION" help:"Save the whole state every DURATION of simulated time (1s, 500ms, 1*second), at a stop and at the end."`
	Checkpoint      string `placeholder:"FILE" help:"Checkpoint file (default: checkpoint.ckpt in the -o folder); with it alone, a checkpoint is saved at a stop and at the end."`
	Resume          bool   `help:"Continue from the checkpoint: restore the state, reopen the data files at its rows, run the remaining steps."`
}

// defaultCheckpoint is the checkpoint's name in the output folder.
const defaultCheckpoint = "checkpoint.ckpt"

// checkpoints reads the command's checkpoint flags.
func (c simCmd) checkpoints() (modelfile.Checkpoints, error) {
	ck := modelfile.Checkpoints{Path: c.Checkpoint, Resume: c.Resume}
	if c.CheckpointEvery != "" {
		every, err := modelfile.ParseInterval(c.CheckpointEvery)
		if err != nil {
			return ck, fmt.Errorf("--checkpoint-every: %w", err)
		}
		ck.Every = every
	}
	if ck.Path == "" && (c.CheckpointEvery != "" || c.Resume) {
		ck.Path = filepath.Join(c.Out, defaultCheckpoint)
	}
	return ck, nil
}

// Run simulates a model file. The data files are written as the
// simulation goes; if it stops early (an error, SIGINT, SIGTERM), they
// hold every step run and are listed before the error, and, if
// checkpoints were asked for, a checkpoint of the step it stopped at is
// written, from which --resume continues.
func (c simCmd) Run(ctx context.Context, p *progress) error {
	f, err := c.load(c.File)
	if err != nil {
		return err
	}
	ck, err := c.checkpoints()
	if err != nil {
		return err
	}
	// A resumed run does only the steps after the checkpoint: its total
	// is that of the runs as they start.
	var total float64
	if d, err := f.Duration(); err == nil && !ck.Resume {
		total = d.Value
	}
	p.Start(filepath.Base(c.File), total)
	f.SetProgress(p.Network())
	start := time.Now()
	res, err := f.RunCheckpointed(ctx, c.Out, ck)
	p.Finish()
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
		if res.Checkpoint != "" {
			fmt.Println("checkpoint", res.Checkpoint)
		}
	}
	if err != nil {
		if res != nil {
			msg := "stopped early: the data files above hold every step run; no CSV or figures were made"
			if res.Checkpoint != "" && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
				msg += "; continue with --resume"
			}
			fmt.Println(msg)
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
