// Folders and canonicalization patterns of the elementwise ops of
// QntElementwiseOps.td: constants evaluate with each op's stated semantics,
// identities fold only where they hold bit for bit.
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// Integer sums and differences wrap; a rank-0 operand broadcasts.
// CHECK-LABEL: func.func @int_add_sub_wrap
// CHECK-DAG: %[[A:.*]] = qnt.constant dense<[-56, 0, -128]> : tensor<3xi8>
// CHECK-DAG: %[[B:.*]] = qnt.constant dense<[4, 11]> : tensor<2xui8>
// CHECK-DAG: %[[C:.*]] = qnt.constant dense<[248, 255]> : tensor<2xui8>
// CHECK-NOT: qnt.int_
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @int_add_sub_wrap() -> (tensor<3xi8>, tensor<2xui8>, tensor<2xui8>) {
  %a = qnt.constant dense<[100, -100, 127]> : tensor<3xi8> -> tensor<3xi8>
  %b = qnt.constant dense<[100, 100, 1]> : tensor<3xi8> -> tensor<3xi8>
  %0 = qnt.int_add %a, %b : (tensor<3xi8>, tensor<3xi8>) -> tensor<3xi8>
  %u = qnt.constant dense<[250, 1]> : tensor<2xui8> -> tensor<2xui8>
  %ten = qnt.constant dense<10> : tensor<ui8> -> tensor<ui8>
  %two = qnt.constant dense<2> : tensor<ui8> -> tensor<ui8>
  %1 = qnt.int_add %u, %ten : (tensor<2xui8>, tensor<ui8>) -> tensor<2xui8>
  %2 = qnt.int_sub %u, %two : (tensor<2xui8>, tensor<ui8>) -> tensor<2xui8>
  return %0, %1, %2 : tensor<3xi8>, tensor<2xui8>, tensor<2xui8>
}

// -----

// Shape arithmetic: [1, 3] * [[2], [4]] broadcasts to 2x2.
// CHECK-LABEL: func.func @int_mul_broadcast
// CHECK: %[[R:.*]] = qnt.constant dense<{{\[\[}}2, 6], [4, 12]]> : tensor<2x2xi64>
// CHECK-NOT: qnt.int_mul
// CHECK: return %[[R]]
func.func @int_mul_broadcast() -> tensor<2x2xi64> {
  %a = qnt.constant dense<[1, 3]> : tensor<2xi64> -> tensor<2xi64>
  %b = qnt.constant dense<[[2], [4]]> : tensor<2x1xi64> -> tensor<2x1xi64>
  %0 = qnt.int_mul %a, %b : (tensor<2xi64>, tensor<2x1xi64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// -----

// The low 16 bits of 300 * 300 = 90000 are 24464.
// CHECK-LABEL: func.func @int_mul_wrap
// CHECK: qnt.constant dense<24464> : tensor<i16>
func.func @int_mul_wrap() -> tensor<i16> {
  %a = qnt.constant dense<300> : tensor<i16> -> tensor<i16>
  %0 = qnt.int_mul %a, %a : (tensor<i16>, tensor<i16>) -> tensor<i16>
  return %0 : tensor<i16>
}

// -----

// Signed division truncates toward zero; x / 0 = 0; MIN / -1 wraps to MIN.
// CHECK-LABEL: func.func @int_div_signed
// CHECK: qnt.constant dense<[-1, 1, 1, -1, 0, -128]> : tensor<6xi8>
func.func @int_div_signed() -> tensor<6xi8> {
  %a = qnt.constant dense<[-3, 3, -3, 3, 7, -128]> : tensor<6xi8> -> tensor<6xi8>
  %b = qnt.constant dense<[2, 2, -2, -2, 0, -1]> : tensor<6xi8> -> tensor<6xi8>
  %0 = qnt.int_div %a, %b : (tensor<6xi8>, tensor<6xi8>) -> tensor<6xi8>
  return %0 : tensor<6xi8>
}

// -----

// Unsigned division reads 250 as 250, not -6.
// CHECK-LABEL: func.func @int_div_unsigned
// CHECK: qnt.constant dense<[35, 0]> : tensor<2xui8>
func.func @int_div_unsigned() -> tensor<2xui8> {
  %a = qnt.constant dense<[250, 9]> : tensor<2xui8> -> tensor<2xui8>
  %b = qnt.constant dense<[7, 0]> : tensor<2xui8> -> tensor<2xui8>
  %0 = qnt.int_div %a, %b : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// -----

// max and min compare signless values as signed, unsigned ones as unsigned.
// CHECK-LABEL: func.func @int_max_min
// CHECK-DAG: %[[SMAX:.*]] = qnt.constant dense<[100, 5]> : tensor<2xi8>
// CHECK-DAG: %[[SMIN:.*]] = qnt.constant dense<[-56, 0]> : tensor<2xi8>
// CHECK-DAG: %[[UMAX:.*]] = qnt.constant dense<[200, 5]> : tensor<2xui8>
// CHECK-DAG: %[[UMIN:.*]] = qnt.constant dense<[100, 0]> : tensor<2xui8>
// CHECK: return %[[SMAX]], %[[SMIN]], %[[UMAX]], %[[UMIN]]
func.func @int_max_min() -> (tensor<2xi8>, tensor<2xi8>, tensor<2xui8>, tensor<2xui8>) {
  %a = qnt.constant dense<[-56, 5]> : tensor<2xi8> -> tensor<2xi8>
  %b = qnt.constant dense<[100, 0]> : tensor<2xi8> -> tensor<2xi8>
  %0 = qnt.int_max %a, %b : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  %1 = qnt.int_min %a, %b : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  %c = qnt.constant dense<[200, 5]> : tensor<2xui8> -> tensor<2xui8>
  %d = qnt.constant dense<[100, 0]> : tensor<2xui8> -> tensor<2xui8>
  %2 = qnt.int_max %c, %d : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  %3 = qnt.int_min %c, %d : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xui8>
  return %0, %1, %2, %3 : tensor<2xi8>, tensor<2xi8>, tensor<2xui8>, tensor<2xui8>
}

// -----

// x + 0, 0 + x, x - 0, x * 1, 1 * x, x / 1, max(x, x) and min(x, x) are x.
// CHECK-LABEL: func.func @int_identities
// CHECK-SAME: (%[[X:.*]]: tensor<3xi32>)
// CHECK-NOT: qnt.int_
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]]
func.func @int_identities(%x: tensor<3xi32>) -> (tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) {
  %zero = qnt.constant dense<0> : tensor<i32> -> tensor<i32>
  %one = qnt.constant dense<1> : tensor<3xi32> -> tensor<3xi32>
  %0 = qnt.int_add %x, %zero : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  %1 = qnt.int_add %zero, %x : (tensor<i32>, tensor<3xi32>) -> tensor<3xi32>
  %2 = qnt.int_sub %x, %zero : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  %3 = qnt.int_mul %x, %one : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %4 = qnt.int_mul %one, %x : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %5 = qnt.int_div %x, %one : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %6 = qnt.int_max %x, %x : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %7 = qnt.int_min %x, %x : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>
}

// -----

// An identity that broadcasts x to a larger shape is not x; 0 - x is not x.
// CHECK-LABEL: func.func @int_identities_stay
// CHECK: qnt.int_add
// CHECK: qnt.int_sub
func.func @int_identities_stay(%x: tensor<1xi32>) -> (tensor<3xi32>, tensor<1xi32>) {
  %zeros = qnt.constant dense<0> : tensor<3xi32> -> tensor<3xi32>
  %zero = qnt.constant dense<0> : tensor<1xi32> -> tensor<1xi32>
  %0 = qnt.int_add %x, %zeros : (tensor<1xi32>, tensor<3xi32>) -> tensor<3xi32>
  %1 = qnt.int_sub %zero, %x : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  return %0, %1 : tensor<3xi32>, tensor<1xi32>
}

// -----

// IEEE f32 division: 1 / 0 = inf, -1 / 0 = -inf, 0 / 0 = NaN, 1 / 3
// rounded to nearest even.
// CHECK-LABEL: func.func @div_constants
// CHECK: qnt.constant dense<[0x7F800000, 0xFF800000, 0x7FC00000, 0.333333343]> : tensor<4xf32>
// CHECK-NOT: qnt.div
func.func @div_constants() -> tensor<4xf32> {
  %a = qnt.constant dense<[1.0, -1.0, 0.0, 1.0]> : tensor<4xf32> -> tensor<4xf32>
  %b = qnt.constant dense<[0.0, 0.0, 0.0, 3.0]> : tensor<4xf32> -> tensor<4xf32>
  %0 = qnt.div %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sub_constants
// CHECK: qnt.constant dense<{{\[\[}}-1.000000e+00, 5.000000e-01], [1.000000e+00, 2.500000e+00]]> : tensor<2x2xf32>
func.func @sub_constants() -> tensor<2x2xf32> {
  %a = qnt.constant dense<[[1.0], [3.0]]> : tensor<2x1xf32> -> tensor<2x1xf32>
  %b = qnt.constant dense<[2.0, 0.5]> : tensor<2xf32> -> tensor<2xf32>
  %0 = qnt.sub %a, %b : (tensor<2x1xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// x - (+0) and x / 1 are x; x - (-0) turns -0 into +0 and stays.
// CHECK-LABEL: func.func @float_identities
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[S:.*]] = qnt.sub %[[X]], %{{.*}}
// CHECK-NOT: qnt.div
// CHECK: return %[[X]], %[[X]], %[[S]]
func.func @float_identities(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %zero = qnt.constant dense<0.0> : tensor<f32> -> tensor<f32>
  %negzero = qnt.constant dense<-0.0> : tensor<f32> -> tensor<f32>
  %one = qnt.constant dense<1.0> : tensor<f32> -> tensor<f32>
  %0 = qnt.sub %x, %zero : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = qnt.div %x, %one : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %2 = qnt.sub %x, %negzero : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A fused clamp, or quantized operands (whose constants hold stored
// integers), keep a sub.
// CHECK-LABEL: func.func @sub_stays
// CHECK: qnt.sub {{.*}}clamp_min
// CHECK: qnt.sub {{.*}}!quant.uniform
func.func @sub_stays(%q: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> (tensor<2xf32>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  %a = qnt.constant dense<[1.0, -1.0]> : tensor<2xf32> -> tensor<2xf32>
  %0 = qnt.sub %a, %a {clamp_min = 0.0 : f32} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %c = qnt.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  %1 = qnt.sub %q, %c : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  return %0, %1 : tensor<2xf32>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>
}

// -----

// pow(2, 3) = 8, pow(NaN, 0) = 1, pow(-8, 1/3) = NaN (of either sign, as the
// host's libm makes it), pow(4, -0.5) = 0.5.
// CHECK-LABEL: func.func @pow_constants
// CHECK: qnt.constant dense<[8.000000e+00, 1.000000e+00, 0x{{7|F}}FC00000, 5.000000e-01]> : tensor<4xf32>
func.func @pow_constants() -> tensor<4xf32> {
  %a = qnt.constant dense<[2.0, 0x7FC00000, -8.0, 4.0]> : tensor<4xf32> -> tensor<4xf32>
  %b = qnt.constant dense<[3.0, 0.0, 0.333333343, -0.5]> : tensor<4xf32> -> tensor<4xf32>
  %0 = qnt.pow %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @unary_constants
// CHECK-DAG: qnt.constant dense<[1.000000e+00, 2.71828175, 0.000000e+00]> : tensor<3xf32>
// CHECK-DAG: qnt.constant dense<[0.000000e+00, 1.41421354, 0x{{7|F}}FC00000]> : tensor<3xf32>
// CHECK-DAG: qnt.constant dense<[0.000000e+00, 0.520499885, -1.000000e+00]> : tensor<3xf32>
// CHECK-NOT: qnt.exp
// CHECK-NOT: qnt.sqrt
// CHECK-NOT: qnt.erf
func.func @unary_constants() -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %a = qnt.constant dense<[0.0, 1.0, 0xFF800000]> : tensor<3xf32> -> tensor<3xf32>
  %0 = qnt.exp %a : tensor<3xf32>
  %b = qnt.constant dense<[0.0, 2.0, -1.0]> : tensor<3xf32> -> tensor<3xf32>
  %1 = qnt.sqrt %b : tensor<3xf32>
  %c = qnt.constant dense<[0.0, 0.5, -10.0]> : tensor<3xf32> -> tensor<3xf32>
  %2 = qnt.erf %c : tensor<3xf32>
  return %0, %1, %2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @prelu_constants
// CHECK: qnt.constant dense<{{\[\[}}-1.000000e+00, 0.000000e+00], [-6.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
func.func @prelu_constants() -> tensor<2x2xf32> {
  %x = qnt.constant dense<[[-2.0, 0.0], [-3.0, 4.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %s = qnt.constant dense<[[0.5], [2.0]]> : tensor<2x1xf32> -> tensor<2x1xf32>
  %0 = qnt.prelu %x, %s : (tensor<2x2xf32>, tensor<2x1xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// A splat slope is a leaky_relu; a per-channel one stays.
// CHECK-LABEL: func.func @prelu_splat_slope
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3xf32>)
// CHECK: %[[L:.*]] = qnt.leaky_relu %[[X]] {alpha = 2.500000e-01 : f32} : tensor<1x2x3xf32> -> tensor<1x2x3xf32>
// CHECK: %[[P:.*]] = qnt.prelu %[[X]]
// CHECK: return %[[L]], %[[P]]
func.func @prelu_splat_slope(%x: tensor<1x2x3xf32>) -> (tensor<1x2x3xf32>, tensor<1x2x3xf32>) {
  %s = qnt.constant dense<0.25> : tensor<2x1xf32> -> tensor<2x1xf32>
  %0 = qnt.prelu %x, %s : (tensor<1x2x3xf32>, tensor<2x1xf32>) -> tensor<1x2x3xf32>
  %t = qnt.constant dense<[[0.25], [0.5]]> : tensor<2x1xf32> -> tensor<2x1xf32>
  %1 = qnt.prelu %x, %t : (tensor<1x2x3xf32>, tensor<2x1xf32>) -> tensor<1x2x3xf32>
  return %0, %1 : tensor<1x2x3xf32>, tensor<1x2x3xf32>
}

// -----

// max(0, min(1, 0.2 * x + 0.5)), each step rounded to f32: 0.2 * 1 + 0.5 is
// 0.699999988 in f32; NaN stays NaN.
// CHECK-LABEL: func.func @hard_sigmoid_constants
// CHECK: qnt.constant dense<[0.000000e+00, 5.000000e-01, 0.699999988, 1.000000e+00, 0x7FC00000]> : tensor<5xf32>
func.func @hard_sigmoid_constants() -> tensor<5xf32> {
  %x = qnt.constant dense<[-10.0, 0.0, 1.0, 10.0, 0x7FC00000]> : tensor<5xf32> -> tensor<5xf32>
  %0 = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<5xf32> -> tensor<5xf32>
  return %0 : tensor<5xf32>
}
