package unit

// Dimensions of the named units.
var (
	dimMetre    = Dim{1, 0, 0, 0, 0, 0, 0}
	dimKilogram = Dim{0, 1, 0, 0, 0, 0, 0}
	dimSecond   = Dim{0, 0, 1, 0, 0, 0, 0}
	dimAmp      = Dim{0, 0, 0, 1, 0, 0, 0}
	dimKelvin   = Dim{0, 0, 0, 0, 1, 0, 0}
	dimMole     = Dim{0, 0, 0, 0, 0, 1, 0}
	dimCandela  = Dim{0, 0, 0, 0, 0, 0, 1}
	dimVolt     = Dim{2, 1, -3, -1, 0, 0, 0}
	dimSiemens  = Dim{-2, -1, 3, 2, 0, 0, 0}
	dimFarad    = Dim{-2, -1, 4, 2, 0, 0, 0}
	dimOhm      = Dim{2, 1, -3, -2, 0, 0, 0}
	dimHertz    = Dim{0, 0, -1, 0, 0, 0, 0}
	dimCoulomb  = Dim{0, 0, 1, 1, 0, 0, 0}
	dimJoule    = Dim{2, 1, -2, 0, 0, 0, 0}
	dimWatt     = Dim{2, 1, -3, 0, 0, 0, 0}
	dimNewton   = Dim{1, 1, -2, 0, 0, 0, 0}
	dimPascal   = Dim{-1, 1, -2, 0, 0, 0, 0}
	dimMolar    = Dim{-3, 0, 0, 0, 0, 1, 0}
	dimVolume   = Dim{3, 0, 0, 0, 0, 0, 0}
)

// Base and derived SI units. Each is one of its unit, in SI base units.
var (
	One      = Quantity{1, Dimensionless}  // the dimensionless number 1
	Metre    = Quantity{1, dimMetre}       // SI base unit of length
	Meter    = Metre                       // American spelling of Metre
	Kilogram = Quantity{1, dimKilogram}    // SI base unit of mass
	Gram     = Quantity{1e-3, dimKilogram} // one thousandth of a kilogram
	Second   = Quantity{1, dimSecond}      // SI base unit of time
	Amp      = Quantity{1, dimAmp}         // SI base unit of electric current
	Ampere   = Amp                         // long name of Amp
	Kelvin   = Quantity{1, dimKelvin}      // SI base unit of temperature
	Mole     = Quantity{1, dimMole}        // SI base unit of amount of substance
	Candela  = Quantity{1, dimCandela}     // SI base unit of luminous intensity
	Volt     = Quantity{1, dimVolt}        // electric potential, kg m^2 s^-3 A^-1
	Siemens  = Quantity{1, dimSiemens}     // electric conductance, A/V
	Farad    = Quantity{1, dimFarad}       // capacitance, C/V
	Ohm      = Quantity{1, dimOhm}         // electric resistance, V/A
	Hertz    = Quantity{1, dimHertz}       // frequency, 1/s
	Coulomb  = Quantity{1, dimCoulomb}     // electric charge, A s
	Joule    = Quantity{1, dimJoule}       // energy, N m
	Watt     = Quantity{1, dimWatt}        // power, J/s
	Newton   = Quantity{1, dimNewton}      // force, kg m s^-2
	Pascal   = Quantity{1, dimPascal}      // pressure, N/m^2
	Molar    = Quantity{1e3, dimMolar}     // concentration, mol/l
	Liter    = Quantity{1e-3, dimVolume}   // volume, 1e-3 metre**3
	Litre    = Liter                       // British spelling of Liter
)

// Prefixed units in common use in neuron models.
var (
	Millivolt    = Quantity{1e-3, dimVolt}    // mV
	Microvolt    = Quantity{1e-6, dimVolt}    // uV
	Millisecond  = Quantity{1e-3, dimSecond}  // ms
	Microsecond  = Quantity{1e-6, dimSecond}  // us
	Nanosiemens  = Quantity{1e-9, dimSiemens} // nS
	Microsiemens = Quantity{1e-6, dimSiemens} // uS
	Millisiemens = Quantity{1e-3, dimSiemens} // mS
	Picofarad    = Quantity{1e-12, dimFarad}  // pF
	Nanofarad    = Quantity{1e-9, dimFarad}   // nF
	Microfarad   = Quantity{1e-6, dimFarad}   // uF
	Picoamp      = Quantity{1e-12, dimAmp}    // pA
	Nanoamp      = Quantity{1e-9, dimAmp}     // nA
	Microamp     = Quantity{1e-6, dimAmp}     // uA
	Megaohm      = Quantity{1e6, dimOhm}      // Mohm
	Kiloohm      = Quantity{1e3, dimOhm}      // kohm
	Gigaohm      = Quantity{1e9, dimOhm}      // Gohm
	Kilohertz    = Quantity{1e3, dimHertz}    // kHz
	Micrometre   = Quantity{1e-6, dimMetre}   // um
	Micrometer   = Micrometre                 // American spelling of Micrometre
	Centimetre   = Quantity{1e-2, dimMetre}   // cm
	Centimeter   = Centimetre                 // American spelling of Centimetre
	Millimetre   = Quantity{1e-3, dimMetre}   // mm
	Millimolar   = Quantity{1, dimMolar}      // mM
	Micromolar   = Quantity{1e-3, dimMolar}   // uM
)
