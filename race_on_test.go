//go:build race

package cajal

// raceEnabled says that the race detector is on: it allocates and slows
// everything, so allocation counts mean nothing.
const raceEnabled = true
