package example

import (
	"errors"
	"github.com/cajal-sim/cajal/cluster"
	"runtime"
	"sync"
)

// Ensemble runs n independent runs, run(0) to run(n-1), at most parallel
// at once (GOMAXPROCS when parallel <= 0), and returns their results in
// order. Each run should use one thread when several run at once.
func Ensemble[T any](n, parallel int, run func(k int) (T, error)) ([]T, error) {
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	if !cluster.Single(cluster.World()) {
		// Processes started by mpirun split each network among them, so
		// every process must build the networks in one order.
		parallel = 1
	}
	parallel = max(min(parallel, n), 1)
	out := make([]T, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				out[k], errs[k] = run(k)
			}
		}()
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}
