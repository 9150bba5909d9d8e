module github.com/cajal-sim/cajal

go 1.26.8
