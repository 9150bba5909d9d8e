package example

// Progress makes, for each network an example builds, the function that
// network calls with its progress (cajal.Options.Progress): the simulated
// time done in its current run and the run's total, in seconds. Each
// network gets its own, so that the networks of an ensemble, run at once,
// are told apart. A nil Progress shows nothing.
type Progress func() func(done, total float64)

// Network is the progress function for one network: nil when p is nil.
func (p Progress) Network() func(done, total float64) {
	if p == nil {
		return nil
	}
	return p()
}
