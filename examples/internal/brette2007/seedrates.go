package brette2007

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// SeedRates are the reference simulator's rates of one configuration,
// one per seed.
type SeedRates struct {
	Seeds        []int
	RateE, RateI []float64 // mean rate per neuron of each population, Hz
}

// ReadSeedRates reads a file of rates per seed: CSV with the header
// size,seed,rate_e,rate_i and lines starting with # as comments. The
// result maps each size ("full", "reduced") to its rates.
func ReadSeedRates(data []byte) (map[string]*SeedRates, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 4
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("rates per seed: %w", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "size,seed,rate_e,rate_i" {
		return nil, fmt.Errorf("rates per seed: want the header size,seed,rate_e,rate_i")
	}
	out := map[string]*SeedRates{}
	for k, row := range rows[1:] {
		seed, err1 := strconv.Atoi(row[1])
		e, err2 := strconv.ParseFloat(row[2], 64)
		i, err3 := strconv.ParseFloat(row[3], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("rates per seed, row %d: %v is not a seed and two rates", k+2, row)
		}
		s := out[row[0]]
		if s == nil {
			s = &SeedRates{}
			out[row[0]] = s
		}
		s.Seeds, s.RateE, s.RateI = append(s.Seeds, seed), append(s.RateE, e), append(s.RateI, i)
	}
	return out, nil
}
