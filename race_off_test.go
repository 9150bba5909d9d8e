//go:build !race

package cajal

// raceEnabled says that the race detector is on (race_on_test.go).
const raceEnabled = false
