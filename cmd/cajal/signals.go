package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// stopSignals is what a run stops for, flushing its files first.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// signalContext returns a context cancelled at the first SIGINT or SIGTERM,
// and a function that tells which signal it was (nil if none). After the
// first signal the default action is restored: a second one ends the
// process at once.
func signalContext() (context.Context, func() os.Signal) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	var got atomic.Value
	go func() {
		s := <-ch
		got.Store(s)
		signal.Stop(ch)
		cancel(fmt.Errorf("signal: %v", s))
	}()
	return ctx, func() os.Signal {
		s, _ := got.Load().(os.Signal)
		return s
	}
}

// exitCode is the shell's convention for a process ended by a signal:
// 128 + its number (130 for SIGINT, 143 for SIGTERM).
func exitCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}
