package unit_test

import (
	"fmt"

	"github.com/cajal-sim/cajal/unit"
)

func Example() {
	gL := unit.Q(10, unit.Nanosiemens)
	EL := unit.MustParse("-60 mV")
	C, err := unit.Parse("200*pF")
	if err != nil {
		panic(err)
	}

	tau := C.Div(gL)
	ms, _ := tau.In(unit.Millisecond)
	fmt.Println(tau, tau.Dim, ms)
	fmt.Println(gL.Mul(EL))

	_, err = EL.Add(gL)
	fmt.Println(err)
	_, err = unit.Parse("10*mVV")
	fmt.Println(err)
	// Output:
	// 20 ms second 20
	// -600 pA
	// unit: cannot add volt and siemens
	// unit: unknown unit "mVV" at column 4
}

func ExampleParse() {
	for _, s := range []string{"3*Hz*20*ms*2", "siemens/meter**2", "(1/ms)", "0.5*second**-0.5"} {
		q, err := unit.Parse(s)
		fmt.Println(q, err)
	}
	// Output:
	// 0.12 <nil>
	// 1 siemens/metre**2 <nil>
	// 1 kHz <nil>
	// 0.5 second**-0.5 <nil>
}
