package rng

// Ziggurat returns the tables of the normal generator (the layer bounds
// K, widths W and densities F), for a backend that draws normal numbers
// itself and must draw the same ones.
func Ziggurat() (k [128]uint32, w, f [128]float64) { return zigK, zigW, zigF }

// Mix constants of the generator, for a backend that ports it: the
// golden-ratio increment and the two SplitMix64 multipliers.
const (
	Golden = golden
	K1     = k1
	K2     = k2
)
