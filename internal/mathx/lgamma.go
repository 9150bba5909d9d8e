package mathx

import "math"

// FDLIBM's coefficients of log-gamma (as in Go's math.Lgamma): on
// [0.7316, 1.2316] and [1.7316, 2] (lgA), around the minimum at 1.4616
// (lgT), on [0.9, 1.2316] and [0, 0.2316] (lgU/lgV), on [2, 3] (lgS/lgR)
// and Stirling's series above 8 (lgW).
var lgA = [...]float64{
	7.72156649015328655494e-02, // 0x3FB3C467E37DB0C8
	3.22467033424113591611e-01, // 0x3FD4A34CC4A60FAD
	6.73523010531292681824e-02, // 0x3FB13E001A5562A7
	2.05808084325167332806e-02, // 0x3F951322AC92547B
	7.38555086081402883957e-03, // 0x3F7E404FB68FEFE8
	2.89051383673415629091e-03, // 0x3F67ADD8CCB7926B
	1.19270763183362067845e-03, // 0x3F538A94116F3F5D
	5.10069792153511336608e-04, // 0x3F40B6C689B99C00
	2.20862790713908385557e-04, // 0x3F2CF2ECED10E54D
	1.08011567247583939954e-04, // 0x3F1C5088987DFB07
	2.52144565451257326939e-05, // 0x3EFA7074428CFA52
	4.48640949618915160150e-05, // 0x3F07858E90A45837
}

var lgR = [...]float64{
	1.0,                        // unused
	1.39200533467621045958e+00, // 0x3FF645A762C4AB74
	7.21935547567138069525e-01, // 0x3FE71A1893D3DCDC
	1.71933865632803078993e-01, // 0x3FC601EDCCFBDF27
	1.86459191715652901344e-02, // 0x3F9317EA742ED475
	7.77942496381893596434e-04, // 0x3F497DDACA41A95B
	7.32668430744625636189e-06, // 0x3EDEBAF7A5B38140
}

var lgS = [...]float64{
	-7.72156649015328655494e-02, // 0xBFB3C467E37DB0C8
	2.14982415960608852501e-01,  // 0x3FCB848B36E20878
	3.25778796408930981787e-01,  // 0x3FD4D98F4F139F59
	1.46350472652464452805e-01,  // 0x3FC2BB9CBEE5F2F7
	2.66422703033638609560e-02,  // 0x3F9B481C7E939961
	1.84028451407337715652e-03,  // 0x3F5E26B67368F239
	3.19475326584100867617e-05,  // 0x3F00BFECDD17E945
}

var lgT = [...]float64{
	4.83836122723810047042e-01,  // 0x3FDEF72BC8EE38A2
	-1.47587722994593911752e-01, // 0xBFC2E4278DC6C509
	6.46249402391333854778e-02,  // 0x3FB08B4294D5419B
	-3.27885410759859649565e-02, // 0xBFA0C9A8DF35B713
	1.79706750811820387126e-02,  // 0x3F9266E7970AF9EC
	-1.03142241298341437450e-02, // 0xBF851F9FBA91EC6A
	6.10053870246291332635e-03,  // 0x3F78FCE0E370E344
	-3.68452016781138256760e-03, // 0xBF6E2EFFB3E914D7
	2.25964780900612472250e-03,  // 0x3F6282D32E15C915
	-1.40346469989232843813e-03, // 0xBF56FE8EBF2D1AF1
	8.81081882437654011382e-04,  // 0x3F4CDF0CEF61A8E9
	-5.38595305356740546715e-04, // 0xBF41A6109C73E0EC
	3.15632070903625950361e-04,  // 0x3F34AF6D6C0EBBF7
	-3.12754168375120860518e-04, // 0xBF347F24ECC38C38
	3.35529192635519073543e-04,  // 0x3F35FD3EE8C2D3F4
}

var lgU = [...]float64{
	-7.72156649015328655494e-02, // 0xBFB3C467E37DB0C8
	6.32827064025093366517e-01,  // 0x3FE4401E8B005DFF
	1.45492250137234768737e+00,  // 0x3FF7475CD119BD6F
	9.77717527963372745603e-01,  // 0x3FEF497644EA8450
	2.28963728064692451092e-01,  // 0x3FCD4EAEF6010924
	1.33810918536787660377e-02,  // 0x3F8B678BBF2BAB09
}

var lgV = [...]float64{
	1.0,                        // unused
	2.45597793713041134822e+00, // 0x4003A5D7C2BD619C
	2.12848976379893395361e+00, // 0x40010725A42B18F5
	7.69285150456672783825e-01, // 0x3FE89DFBE45050AF
	1.04222645593369134254e-01, // 0x3FBAAE55D6537C88
	3.21709242282423911810e-03, // 0x3F6A5ABB57D0CF61
}

var lgW = [...]float64{
	4.18938533204672725052e-01,  // 0x3FDACFE390C97D69
	8.33333333333329678849e-02,  // 0x3FB555555555553B
	-2.77777777728775536470e-03, // 0xBF66C16C16B02E5C
	7.93650558643019558500e-04,  // 0x3F4A019F98CF38B6
	-5.95187557450339963135e-04, // 0xBF4380CB8C0FE741
	8.36339918996282139126e-04,  // 0x3F4B67BA4CDAD5D1
	-1.63092934096575273989e-03, // 0xBF5AB89D0B9E43E4
}

// Constants of log-gamma.
const (
	lgYmin  = 1.461632144968362245        // where Gamma has its minimum
	lgTc    = 1.46163214496836224576e+00  // 0x3FF762D86356BE3F
	lgTf    = -1.21486290535849611461e-01 // 0xBFBF19B9BCC38A42: lgamma(lgTc)
	lgTt    = -3.63867699703950536541e-18 // 0xBC50C7CAA48A971F: -(tail of lgTf)
	lgTiny  = 1.0 / (1 << 70)             // below, lgamma(x) = -log|x|
	lgTwo52 = 1 << 52
	lgTwo53 = 1 << 53
	lgTwo58 = 1 << 58 // above, lgamma(x) = x (log x - 1)
)

// Lgamma returns the natural logarithm of |Gamma(x)|, by FDLIBM's
// algorithm as in Go's math.Lgamma (whose second result, the sign of
// Gamma(x), it does not return), on this package's Log and Sin.
//
// Special cases are: Lgamma(+Inf) = +Inf, Lgamma(0) = +Inf, Lgamma(-n) =
// +Inf for integers n > 0, Lgamma(-Inf) = -Inf, Lgamma(NaN) = NaN.
func Lgamma(x float64) float64 {
	if x != x || math.Abs(x) > math.MaxFloat64 {
		return x
	}
	if x == 0 {
		return math.Inf(1)
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if x < lgTiny {
		return -Log(x)
	}
	nadj := 0.0
	if neg {
		if x >= lgTwo52 { // a negative integer
			return math.Inf(1)
		}
		t := sinPi(x)
		if t == 0 { // a negative integer
			return math.Inf(1)
		}
		nadj = Log(math.Pi / math.Abs(float64(t*x)))
	}
	var lg float64
	switch {
	case x == 1 || x == 2:
		lg = 0
	case x < 2:
		lg = lgammaSmall(x)
	case x < 8:
		lg = lgammaMid(x)
	case x < lgTwo58:
		t := Log(x)
		z := 1 / x
		y := float64(z * z)
		w := float64(y*lgW[6]) + lgW[5]
		w = float64(y*w) + lgW[4]
		w = float64(y*w) + lgW[3]
		w = float64(y*w) + lgW[2]
		w = float64(y*w) + lgW[1]
		w = float64(z*w) + lgW[0]
		lg = float64((x-0.5)*(t-1)) + w
	default:
		lg = float64(x * (Log(x) - 1))
	}
	if neg {
		lg = nadj - lg
	}
	return lg
}

// lgammaSmall is log-gamma on (0, 2) less 1: lgamma(x) = lgamma(x+1) -
// log(x) below 0.9, and one of three approximations chosen by where x
// lies around the minimum.
func lgammaSmall(x float64) float64 {
	var lg, y float64
	var i int
	if x <= 0.9 {
		lg = -Log(x)
		switch {
		case x >= lgYmin-1+0.27: // 0.7316 <= x <= 0.9
			y, i = 1-x, 0
		case x >= lgYmin-1-0.27: // 0.2316 <= x < 0.7316
			y, i = x-(lgTc-1), 1
		default: // 0 < x < 0.2316
			y, i = x, 2
		}
	} else {
		switch {
		case x >= lgYmin+0.27: // 1.7316 <= x < 2
			y, i = 2-x, 0
		case x >= lgYmin-0.27: // 1.2316 <= x < 1.7316
			y, i = x-lgTc, 1
		default: // 0.9 < x < 1.2316
			y, i = x-1, 2
		}
	}
	switch i {
	case 0:
		lg += lgammaA(y)
	case 1:
		lg += lgammaT(y)
	default:
		lg += lgammaUV(y)
	}
	return lg
}

// lgammaA is FDLIBM's approximation of lgamma(1-y) and lgamma(2-y).
func lgammaA(y float64) float64 {
	z := float64(y * y)
	p1 := float64(z*lgA[10]) + lgA[8]
	p1 = float64(z*p1) + lgA[6]
	p1 = float64(z*p1) + lgA[4]
	p1 = float64(z*p1) + lgA[2]
	p1 = float64(z*p1) + lgA[0]
	p2 := float64(z*lgA[11]) + lgA[9]
	p2 = float64(z*p2) + lgA[7]
	p2 = float64(z*p2) + lgA[5]
	p2 = float64(z*p2) + lgA[3]
	p2 = float64(z*p2) + lgA[1]
	p2 = float64(z * p2)
	p := float64(y*p1) + p2
	return p - float64(0.5*y)
}

// lgammaT approximates lgamma(lgTc + y) around the minimum.
func lgammaT(y float64) float64 {
	z := float64(y * y)
	w := float64(z * y)
	p1 := float64(w*lgT[12]) + lgT[9]
	p1 = float64(w*p1) + lgT[6]
	p1 = float64(w*p1) + lgT[3]
	p1 = float64(w*p1) + lgT[0]
	p2 := float64(w*lgT[13]) + lgT[10]
	p2 = float64(w*p2) + lgT[7]
	p2 = float64(w*p2) + lgT[4]
	p2 = float64(w*p2) + lgT[1]
	p3 := float64(w*lgT[14]) + lgT[11]
	p3 = float64(w*p3) + lgT[8]
	p3 = float64(w*p3) + lgT[5]
	p3 = float64(w*p3) + lgT[2]
	p := float64(z*p1) - (lgTt - float64(w*(p2+float64(y*p3))))
	return lgTf + p
}

// lgammaUV approximates lgamma(1+y) and lgamma(y) + log(y).
func lgammaUV(y float64) float64 {
	p1 := float64(y*lgU[5]) + lgU[4]
	p1 = float64(y*p1) + lgU[3]
	p1 = float64(y*p1) + lgU[2]
	p1 = float64(y*p1) + lgU[1]
	p1 = float64(y*p1) + lgU[0]
	p1 = float64(y * p1)
	p2 := float64(y*lgV[5]) + lgV[4]
	p2 = float64(y*p2) + lgV[3]
	p2 = float64(y*p2) + lgV[2]
	p2 = float64(y*p2) + lgV[1]
	p2 = float64(y*p2) + 1
	return float64(-0.5*y) + p1/p2
}

// lgammaMid is log-gamma on [2, 8): a rational approximation on [2, 3)
// and lgamma(x+1) = lgamma(x) + log(x) above.
func lgammaMid(x float64) float64 {
	i := int(x)
	y := x - float64(i)
	p := float64(y*lgS[6]) + lgS[5]
	p = float64(y*p) + lgS[4]
	p = float64(y*p) + lgS[3]
	p = float64(y*p) + lgS[2]
	p = float64(y*p) + lgS[1]
	p = float64(y*p) + lgS[0]
	p = float64(y * p)
	q := float64(y*lgR[6]) + lgR[5]
	q = float64(y*q) + lgR[4]
	q = float64(y*q) + lgR[3]
	q = float64(y*q) + lgR[2]
	q = float64(y*q) + lgR[1]
	q = float64(y*q) + 1
	lg := float64(0.5*y) + p/q
	z := 1.0
	switch i {
	case 7:
		z *= y + 6
		fallthrough
	case 6:
		z *= y + 5
		fallthrough
	case 5:
		z *= y + 4
		fallthrough
	case 4:
		z *= y + 3
		fallthrough
	case 3:
		z *= y + 2
		lg += Log(z)
	}
	return lg
}

// sinPi returns -sin(pi x) for x > 0 (FDLIBM's sin_pi, as in Go): x is
// reduced modulo 2 exactly, x - 2 floor(x/2), before the multiplication
// by pi.
func sinPi(x float64) float64 {
	if x < 0.25 {
		return -Sin(math.Pi * x)
	}
	z := math.Floor(x)
	var n int
	if z != x { // not an integer
		x = x - float64(2*math.Floor(x*0.5))
		n = int(x * 4)
	} else {
		if x >= lgTwo53 { // even
			x = 0
			n = 0
		} else {
			if x < lgTwo52 {
				z = x + lgTwo52 // the integer in the low bits
			}
			n = int(1 & math.Float64bits(z))
			x = float64(n)
			n <<= 2
		}
	}
	switch n {
	case 0:
		x = Sin(math.Pi * x)
	case 1, 2:
		x = Cos(math.Pi * (0.5 - x))
	case 3, 4:
		x = Sin(math.Pi * (1 - x))
	case 5, 6:
		x = -Cos(math.Pi * (x - 1.5))
	default:
		x = Sin(math.Pi * (x - 2))
	}
	return -x
}
