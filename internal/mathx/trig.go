package mathx

import "math"

// Cephes' coefficients of sin and cos on [-pi/4, pi/4].
var sinC = [...]float64{
	1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
	-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
	2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
	-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
	8.33333333332211858878e-3,  // 0x3f8111111110f7d0
	-1.66666666666666307295e-1, // 0xbfc5555555555548
}

var cosC = [...]float64{
	-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
	2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
	-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
	2.48015872888517045348e-5,   // 0x3efa01a019c844f5
	-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
	4.16666666666665929218e-2,   // 0x3fa555555555554b
}

// Cephes' rational approximation of tan on [-pi/4, pi/4].
var tanP = [...]float64{
	-1.30936939181383777646e4, // 0xc0c992d8d24f3f38
	1.15351664838587416140e6,  // 0x413199eca5fc9ddd
	-1.79565251976484877988e7, // 0xc1711fead3299176
}

var tanQ = [...]float64{
	1.00000000000000000000e0,
	1.36812963470692954678e4,  // 0x40cab8a5eeb36572
	-1.32089234440210967447e6, // 0xc13427bc582abc96
	2.50083801823357915839e7,  // 0x4177d98fc2ead8ef
	-5.38695755929454629881e7, // 0xc189afe03cbe5a31
}

// pi/4 in three parts, for reduction below reduceThreshold.
const (
	pi4A       = 7.85398125648498535156e-1  // 0x3fe921fb40000000
	pi4B       = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4C       = 2.69515142907905952645e-15 // 0x3ce8469898cc5170
	fourOverPi = 0x1.45f306dc9c883p+00
)

// trigOctant returns j (the even octant modulo 8) and z with x = j pi/4 +
// z, |z| <= pi/4, for finite x >= 0.
func trigOctant(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * fourOverPi)
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	j &= 7
	z = ((x - float64(y*pi4A)) - float64(y*pi4B)) - float64(y*pi4C)
	return j, z
}

// sinPoly and cosPoly approximate sin and cos on [-pi/4, pi/4]; zz = z*z.
func sinPoly(z, zz float64) float64 {
	q := float64(sinC[0]*zz) + sinC[1]
	q = float64(q*zz) + sinC[2]
	q = float64(q*zz) + sinC[3]
	q = float64(q*zz) + sinC[4]
	q = float64(q*zz) + sinC[5]
	return z + float64(float64(z*zz)*q)
}

func cosPoly(zz float64) float64 {
	q := float64(cosC[0]*zz) + cosC[1]
	q = float64(q*zz) + cosC[2]
	q = float64(q*zz) + cosC[3]
	q = float64(q*zz) + cosC[4]
	q = float64(q*zz) + cosC[5]
	return (1.0 - float64(0.5*zz)) + float64(float64(zz*zz)*q)
}

// Sin returns the sine of x (radians).
//
// Special cases are: Sin(±0) = ±0, Sin(±Inf) = NaN, Sin(NaN) = NaN.
func Sin(x float64) float64 {
	if x == 0 || x != x {
		return x
	}
	if math.Abs(x) > math.MaxFloat64 {
		return math.Float64frombits(nanBits)
	}
	j, z := trigOctant(math.Abs(x))
	sign := x < 0
	if j > 3 {
		sign = !sign
		j -= 4
	}
	zz := float64(z * z)
	y := sinPoly(z, zz)
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	}
	if sign {
		y = -y
	}
	return y
}

// Cos returns the cosine of x (radians).
//
// Special cases are: Cos(±Inf) = NaN, Cos(NaN) = NaN.
func Cos(x float64) float64 {
	if x != x || math.Abs(x) > math.MaxFloat64 {
		return math.Float64frombits(nanBits)
	}
	j, z := trigOctant(math.Abs(x))
	sign := false
	if j > 3 {
		j -= 4
		sign = !sign
	}
	if j > 1 {
		sign = !sign
	}
	zz := float64(z * z)
	y := cosPoly(zz)
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	}
	if sign {
		y = -y
	}
	return y
}

// Tan returns the tangent of x (radians).
//
// Special cases are: Tan(±0) = ±0, Tan(±Inf) = NaN, Tan(NaN) = NaN.
func Tan(x float64) float64 {
	if x == 0 || x != x {
		return x
	}
	if math.Abs(x) > math.MaxFloat64 {
		return math.Float64frombits(nanBits)
	}
	j, z := trigOctant(math.Abs(x))
	zz := float64(z * z)
	p := float64(tanP[0]*zz) + tanP[1]
	p = float64(p*zz) + tanP[2]
	q := zz + tanQ[1]
	q = float64(q*zz) + tanQ[2]
	q = float64(q*zz) + tanQ[3]
	q = float64(q*zz) + tanQ[4]
	y := z
	if zz > 1e-14 {
		y = z + float64(z*(float64(zz*p)/q))
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if x < 0 {
		y = -y
	}
	return y
}
