package modelfile

import "fmt"

func fmtSscanf(line string, i *int, t *float64) (int, error) {
	return fmt.Sscanf(line, "%d,%f", i, t)
}

func fmtSscanfFloat(line string, a, b *float64) (int, error) {
	return fmt.Sscanf(line, "%f,%f", a, b)
}
