//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cputime

import "time"

// Process is the user and system time of all threads of the process so
// far; zero where the system does not say, as here.
func Process() time.Duration { return 0 }
