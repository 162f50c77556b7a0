// RUN: quant-opt %s -split-input-file -qnt-fold-scales | FileCheck %s

// A float weight quantized to i8: x / 0.5, rounded half to even, saturated
// to [-128, 127]: 0.25 -> 0.5 -> 0, 0.75 -> 1.5 -> 2, 1.25 -> 2.5 -> 2,
// -0.25 -> -0.5 -> 0, 100 -> 200 -> 127, -100 -> -200 -> -128.
// CHECK-LABEL: func.func @weight
// CHECK: %[[W:.*]] = qnt.constant dense<[2, -1, 127, 0, 0, 2, 2, 0, 127, -128]> : tensor<10xi8> -> tensor<10x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NOT: qnt.quantize
// CHECK: return %[[W]]
func.func @weight() -> tensor<10x!quant.uniform<i8:f32, 0.5>> {
  %c = qnt.constant dense<[1.0, -0.5, 63.5, 0.0, 0.25, 0.75, 1.25, -0.25, 100.0, -100.0]> : tensor<10xf32> -> tensor<10xf32>
  %q = qnt.quantize %c : tensor<10xf32> -> tensor<10x!quant.uniform<i8:f32, 0.5>>
  return %q : tensor<10x!quant.uniform<i8:f32, 0.5>>
}

// -----

// u8 storage with a zero point: q = round(x / 0.5) + 128, saturated to
// [0, 255]; NaN stores the zero point. The stored 128, 0, 255, 129, 128
// print as signless i8.
// CHECK-LABEL: func.func @unsigned
// CHECK: qnt.constant dense<[-128, 0, -1, -127, -128]> : tensor<5xi8> -> tensor<5x!quant.uniform<u8:f32, 5.000000e-01:128>>
func.func @unsigned() -> tensor<5x!quant.uniform<u8:f32, 0.5:128>> {
  %c = qnt.constant dense<[0.0, -100.0, 100.0, 0.5, 0x7FC00000]> : tensor<5xf32> -> tensor<5xf32>
  %q = qnt.quantize %c : tensor<5xf32> -> tensor<5x!quant.uniform<u8:f32, 0.5:128>>
  return %q : tensor<5x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// A bias to i32 with scale s_in * s_w = 0.125 and zero point 0; values
// beyond the i32 range saturate.
// CHECK-LABEL: func.func @bias
// CHECK: qnt.constant dense<[1, -20, 2147483647, -2147483648]> : tensor<4xi32> -> tensor<4x!quant.uniform<i32:f32, 1.250000e-01>>
func.func @bias() -> tensor<4x!quant.uniform<i32:f32, 0.125>> {
  %c = qnt.constant dense<[0.125, -2.5, 1.0e10, -1.0e10]> : tensor<4xf32> -> tensor<4xf32>
  %q = qnt.quantize %c : tensor<4xf32> -> tensor<4x!quant.uniform<i32:f32, 0.125>>
  return %q : tensor<4x!quant.uniform<i32:f32, 0.125>>
}

// -----

// Per-axis types use each slice's scale: channel 0 at 0.5, channel 1 at
// 0.01.
// CHECK-LABEL: func.func @per_axis
// CHECK: qnt.constant dense<{{\[}}[127, 2], [-127, 1]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32:0, {5.000000e-01,1.000000e-02}>>
func.func @per_axis() -> tensor<2x2x!quant.uniform<i8:f32:0, {0.5, 0.01}>> {
  %c = qnt.constant dense<[[63.5, 1.0], [-1.27, 0.01]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %q = qnt.quantize %c : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.5, 0.01}>>
  return %q : tensor<2x2x!quant.uniform<i8:f32:0, {0.5, 0.01}>>
}

// -----

// A transpose of a constant folds before the quantize.
// CHECK-LABEL: func.func @transposed
// CHECK: %[[W:.*]] = qnt.constant dense<{{\[}}[1, 3], [2, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK-NOT: qnt.transpose
// CHECK: return %[[W]]
func.func @transposed() -> tensor<2x2x!quant.uniform<i8:f32, 1.0>> {
  %c = qnt.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %t = qnt.transpose %c {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %q = qnt.quantize %t : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<i8:f32, 1.0>>
  return %q : tensor<2x2x!quant.uniform<i8:f32, 1.0>>
}

// -----

// A bias imported with another scale is requantized exactly:
// (q - 0) * 0.25 / 0.125 doubles it; 3 * 0.5 / 1.0 = 1.5 rounds to 2,
// 5 * 0.5 = 2.5 to 2 (half to even).
// CHECK-LABEL: func.func @requantized
// CHECK-DAG: qnt.constant dense<[200, -400]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK-DAG: qnt.constant dense<[2, 2, -2]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 1.000000e+00>>
func.func @requantized() -> (tensor<2x!quant.uniform<i32:f32, 0.125>>, tensor<3x!quant.uniform<i32:f32, 1.0>>) {
  %b = qnt.constant dense<[100, -200]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 0.25>>
  %r = qnt.requantize %b : tensor<2x!quant.uniform<i32:f32, 0.25>> -> tensor<2x!quant.uniform<i32:f32, 0.125>>
  %c = qnt.constant dense<[3, 5, -3]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 0.5>>
  %s = qnt.requantize %c : tensor<3x!quant.uniform<i32:f32, 0.5>> -> tensor<3x!quant.uniform<i32:f32, 1.0>>
  return %r, %s : tensor<2x!quant.uniform<i32:f32, 0.125>>, tensor<3x!quant.uniform<i32:f32, 1.0>>
}

// -----

// A dequantized constant that is only quantized again folds through.
// CHECK-LABEL: func.func @dequantized
// CHECK: %[[C:.*]] = qnt.constant dense<[2, -4]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 5.000000e-01>>
// CHECK-NOT: qnt.dequantize
// CHECK: return %[[C]]
func.func @dequantized() -> tensor<2x!quant.uniform<i32:f32, 0.5>> {
  %b = qnt.constant dense<[1, -2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 1.0>>
  %f = qnt.dequantize %b : tensor<2x!quant.uniform<i8:f32, 1.0>> -> tensor<2xf32>
  %q = qnt.quantize %f : tensor<2xf32> -> tensor<2x!quant.uniform<i32:f32, 0.5>>
  return %q : tensor<2x!quant.uniform<i32:f32, 0.5>>
}

// -----

// Left alone: a quantize of a non-constant, and a dequantized constant with
// a float user (the canonicalizer's to fold).
// CHECK-LABEL: func.func @not_constant
// CHECK: qnt.quantize %{{.*}} : tensor<2xf32> -> tensor<2x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK: %[[D:.*]] = qnt.dequantize
// CHECK: qnt.add %[[D]]
func.func @not_constant(%x: tensor<2xf32>) -> (tensor<2x!quant.uniform<i8:f32, 1.0>>, tensor<2xf32>) {
  %q = qnt.quantize %x : tensor<2xf32> -> tensor<2x!quant.uniform<i8:f32, 1.0>>
  %b = qnt.constant dense<[1, -2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 1.0>>
  %f = qnt.dequantize %b : tensor<2x!quant.uniform<i8:f32, 1.0>> -> tensor<2xf32>
  %s = qnt.add %f, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %q, %s : tensor<2x!quant.uniform<i8:f32, 1.0>>, tensor<2xf32>
}
