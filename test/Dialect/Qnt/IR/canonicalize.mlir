// Folders and canonicalization patterns of the qnt ops, and what they must
// leave alone.
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @quantize_of_dequantize_same_type
// CHECK-SAME: (%[[Q:.*]]: tensor<4x!quant.uniform<u8:f32, 5.000000e-02:128>>)
// CHECK-NOT: qnt.
// CHECK: return %[[Q]]
func.func @quantize_of_dequantize_same_type(%q: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.05:128>> {
  %d = qnt.dequantize %q : tensor<4x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4xf32>
  %r = qnt.quantize %d : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.05:128>>
  return %r : tensor<4x!quant.uniform<u8:f32, 0.05:128>>
}

// -----

// CHECK-LABEL: func.func @quantize_of_dequantize_new_params
// CHECK-SAME: (%[[Q:.*]]: tensor<4x!quant.uniform<i32:f32, 1.000000e-03>>)
// CHECK: %[[R:.*]] = qnt.requantize %[[Q]] : tensor<4x!quant.uniform<i32:f32, 1.000000e-03>> -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01:-3>>
// CHECK-NOT: qnt.quantize
// CHECK: return %[[R]]
func.func @quantize_of_dequantize_new_params(%q: tensor<4x!quant.uniform<i32:f32, 0.001>>) -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>> {
  %d = qnt.dequantize %q : tensor<4x!quant.uniform<i32:f32, 0.001>> -> tensor<4xf32>
  %r = qnt.quantize %d : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// Rounding x to the grid is the point of a QDQ pair: it must stay.
// CHECK-LABEL: func.func @dequantize_of_quantize_stays
// CHECK: %[[Q:.*]] = qnt.quantize
// CHECK: %[[D:.*]] = qnt.dequantize %[[Q]]
// CHECK: return %[[D]]
func.func @dequantize_of_quantize_stays(%x: tensor<4xf32>) -> tensor<4xf32> {
  %q = qnt.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.05:128>>
  %d = qnt.dequantize %q : tensor<4x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// Ties round to even: 0.25/0.5 = 0.5 -> 0, 0.75/0.5 = 1.5 -> 2,
// -0.25/0.5 = -0.5 -> -0, -0.75/0.5 = -1.5 -> -2; then + zero point 10,
// and 200 and -200 saturate.
// CHECK-LABEL: func.func @quantize_constant_ties_to_even
// CHECK: %[[C:.*]] = qnt.constant dense<[10, 12, 10, 8, 127, -128, 11]> : tensor<7xi8> -> tensor<7x!quant.uniform<i8:f32, 5.000000e-01:10>>
// CHECK-NOT: qnt.quantize
// CHECK: return %[[C]]
func.func @quantize_constant_ties_to_even() -> tensor<7x!quant.uniform<i8:f32, 0.5:10>> {
  %x = qnt.constant dense<[0.25, 0.75, -0.25, -0.75, 200.0, -200.0, 0.5]> : tensor<7xf32> -> tensor<7xf32>
  %q = qnt.quantize %x : tensor<7xf32> -> tensor<7x!quant.uniform<i8:f32, 0.5:10>>
  return %q : tensor<7x!quant.uniform<i8:f32, 0.5:10>>
}

// -----

// Unsigned storage: 255 prints as -1 in an i8 attribute.
// CHECK-LABEL: func.func @quantize_constant_unsigned_per_axis
// CHECK: qnt.constant dense<{{\[\[}}0, 2], [-1, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<u8:f32:0, {1.000000e+00,2.500000e-01}>>
func.func @quantize_constant_unsigned_per_axis() -> tensor<2x2x!quant.uniform<u8:f32:0, {1.0, 0.25}>> {
  %x = qnt.constant dense<[[-3.0, 2.0], [100.0, 1.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %q = qnt.quantize %x : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<u8:f32:0, {1.0, 0.25}>>
  return %q : tensor<2x2x!quant.uniform<u8:f32:0, {1.0, 0.25}>>
}

// -----

// CHECK-LABEL: func.func @dequantize_constant
// CHECK: %[[C:.*]] = qnt.constant dense<[-5.000000e-01, 0.000000e+00, 6.350000e+01]> : tensor<3xf32> -> tensor<3xf32>
// CHECK: return %[[C]]
func.func @dequantize_constant() -> tensor<3xf32> {
  %q = qnt.constant dense<[9, 10, -119]> : tensor<3xi8> -> tensor<3x!quant.uniform<u8:f32, 0.5:10>>
  %d = qnt.dequantize %q : tensor<3x!quant.uniform<u8:f32, 0.5:10>> -> tensor<3xf32>
  return %d : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @requantize_identity
// CHECK-SAME: (%[[Q:.*]]: tensor
// CHECK-NEXT: return %[[Q]]
func.func @requantize_identity(%q: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.05:128>> {
  %r = qnt.requantize %q : tensor<4x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4x!quant.uniform<u8:f32, 0.05:128>>
  return %r : tensor<4x!quant.uniform<u8:f32, 0.05:128>>
}

// -----

// Two requantizes round twice; one would round once. Not a canonicalization.
// CHECK-LABEL: func.func @requantize_chain_stays
// CHECK: qnt.requantize
// CHECK: qnt.requantize
func.func @requantize_chain_stays(%q: tensor<4x!quant.uniform<i32:f32, 0.001>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>> {
  %a = qnt.requantize %q : tensor<4x!quant.uniform<i32:f32, 0.001>> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %b = qnt.requantize %a : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return %b : tensor<4x!quant.uniform<i8:f32, 0.2>>
}

// -----

// CHECK-LABEL: func.func @clamp_of_clamp
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[C:.*]] = qnt.clamp %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}
// CHECK-NOT: qnt.clamp
// CHECK: return %[[C]]
func.func @clamp_of_clamp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = qnt.clamp %x {min = 0.0 : f32} : tensor<4xf32>
  %b = qnt.clamp %a {min = -1.0 : f32, max = 6.0 : f32} : tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// Disjoint ranges give a constant result, not an intersected clamp.
// CHECK-LABEL: func.func @clamp_disjoint_stays
// CHECK: qnt.clamp %{{.*}} {max = 1.000000e+00 : f32, min = 0.000000e+00 : f32}
// CHECK: qnt.clamp %{{.*}} {min = 5.000000e+00 : f32}
func.func @clamp_disjoint_stays(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = qnt.clamp %x {min = 0.0 : f32, max = 1.0 : f32} : tensor<4xf32>
  %b = qnt.clamp %a {min = 5.0 : f32} : tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @clamp_unbounded
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @clamp_unbounded(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = qnt.clamp %x {min = 0xFF800000 : f32} : tensor<4xf32>
  return %a : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_pair_cancels
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x5xf32>)
// CHECK-NEXT: return %[[X]]
func.func @transpose_pair_cancels(%x: tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32> {
  %a = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  %b = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x5x3xf32> -> tensor<1x3x4x5xf32>
  return %b : tensor<1x3x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_chain_composes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[T:.*]] = qnt.transpose %[[X]] {perm = array<i64: 2, 1, 0>} : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
// CHECK-NEXT: return %[[T]]
func.func @transpose_chain_composes(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %a = qnt.transpose %x {perm = array<i64: 1, 2, 0>} : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
  %b = qnt.transpose %a {perm = array<i64: 1, 0, 2>} : tensor<3x4x2xf32> -> tensor<4x3x2xf32>
  return %b : tensor<4x3x2xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_constant
// CHECK: qnt.constant dense<{{\[\[}}1, 4], [2, 5], [3, 6]]> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>
// CHECK-NOT: qnt.transpose
func.func @transpose_constant() -> tensor<3x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>> {
  %w = qnt.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  %t = qnt.transpose %w {perm = array<i64: 1, 0>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<3x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %t : tensor<3x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
}

// -----

// CHECK-LABEL: func.func @transpose_constant_4d
// CHECK: qnt.constant dense<{{\[\[\[\[}}0.000000e+00, 2.000000e+00], [4.000000e+00, 6.000000e+00]], {{\[\[}}8.000000e+00, 1.000000e+01], [1.200000e+01, 1.400000e+01]]], {{\[\[\[}}1.000000e+00, 3.000000e+00], [5.000000e+00, 7.000000e+00]], {{\[\[}}9.000000e+00, 1.100000e+01], [1.300000e+01, 1.500000e+01]]]]> : tensor<2x2x2x2xf32>
func.func @transpose_constant_4d() -> tensor<2x2x2x2xf32> {
  %w = qnt.constant dense<[[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]], [[[8.0, 9.0], [10.0, 11.0]], [[12.0, 13.0], [14.0, 15.0]]]]> : tensor<2x2x2x2xf32> -> tensor<2x2x2x2xf32>
  %t = qnt.transpose %w {perm = array<i64: 3, 0, 1, 2>} : tensor<2x2x2x2xf32> -> tensor<2x2x2x2xf32>
  return %t : tensor<2x2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[R:.*]] = qnt.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<24xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> tensor<24xf32> {
  %a = qnt.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %b = qnt.reshape %a : tensor<6x4xf32> -> tensor<24xf32>
  return %b : tensor<24xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_identity_and_constant
// CHECK-DAG: %[[C:.*]] = qnt.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK-NOT: qnt.reshape
// CHECK: return %{{.*}}, %[[C]]
func.func @reshape_identity_and_constant(%x: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2x!quant.uniform<i8:f32, 0.1>>) {
  %a = qnt.reshape %x : tensor<2x2xf32> -> tensor<2x2xf32>
  %c = qnt.constant dense<[1, 2, 3, 4]> : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  %r = qnt.reshape %c : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<2x2x!quant.uniform<i8:f32, 0.1>>
  return %a, %r : tensor<2x2xf32>, tensor<2x2x!quant.uniform<i8:f32, 0.1>>
}

// -----

// CHECK-LABEL: func.func @concat_single_and_zero_pad
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]], %[[X]]
func.func @concat_single_and_zero_pad(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %c = qnt.concat %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %p = qnt.pad %x {pads = array<i64: 0, 0, 0, 0>, mode = #qnt<pad_mode constant>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %c, %p : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Folders never rewrite ops that compute.
// CHECK-LABEL: func.func @compute_ops_stay
// CHECK: qnt.add
// CHECK: qnt.pad
func.func @compute_ops_stay(%x: tensor<2x3xf32>) -> tensor<4x5xf32> {
  %s = qnt.add %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %p = qnt.pad %s {pads = array<i64: 1, 1, 1, 1>, mode = #qnt<pad_mode edge>} : tensor<2x3xf32> -> tensor<4x5xf32>
  return %p : tensor<4x5xf32>
}

// -----

// Cast follows ONNX: integers wrap, floats truncate toward zero and
// saturate, NaN becomes 0.
// CHECK-LABEL: func.func @cast_constants
// CHECK-DAG: qnt.constant dense<[1, 44, 251]> : tensor<3xui8> -> tensor<3xui8>
// CHECK-DAG: qnt.constant dense<[1, -128, 0, 127]> : tensor<4xi8> -> tensor<4xi8>
// CHECK-DAG: qnt.constant dense<[1.000000e+00, 4.400000e+01, 2.510000e+02]> : tensor<3xf32> -> tensor<3xf32>
// CHECK-NOT: qnt.cast
func.func @cast_constants() -> (tensor<3xui8>, tensor<3xf32>, tensor<4xi8>) {
  %c = qnt.constant dense<[1, 300, -5]> : tensor<3xi32> -> tensor<3xi32>
  %u = qnt.cast %c : tensor<3xi32> -> tensor<3xui8>
  %f = qnt.cast %u : tensor<3xui8> -> tensor<3xf32>
  %fc = qnt.constant dense<[1.7, -300.5, 0x7FC00000, 127.9]> : tensor<4xf32> -> tensor<4xf32>
  %i = qnt.cast %fc : tensor<4xf32> -> tensor<4xi8>
  return %u, %f, %i : tensor<3xui8>, tensor<3xf32>, tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @storage_cast_round_trip
// CHECK-SAME: (%[[A:.*]]: tensor<2xui8>)
// CHECK-DAG: %[[C:.*]] = qnt.constant dense<[1, -1]> : tensor<2xi8> -> tensor<2x!quant.uniform<u8:f32, 1.000000e+00:3>>
// CHECK: return %[[A]], %[[C]]
func.func @storage_cast_round_trip(%a: tensor<2xui8>) -> (tensor<2xui8>, tensor<2x!quant.uniform<u8:f32, 1.0:3>>) {
  %q = qnt.storage_cast %a : tensor<2xui8> -> tensor<2x!quant.uniform<u8:f32, 1.0:3>>
  %b = qnt.storage_cast %q : tensor<2x!quant.uniform<u8:f32, 1.0:3>> -> tensor<2xui8>
  %c = qnt.constant dense<[1, 255]> : tensor<2xui8> -> tensor<2xui8>
  %cq = qnt.storage_cast %c : tensor<2xui8> -> tensor<2x!quant.uniform<u8:f32, 1.0:3>>
  return %b, %cq : tensor<2xui8>, tensor<2x!quant.uniform<u8:f32, 1.0:3>>
}

// -----

// CHECK-LABEL: func.func @concat_constants
// CHECK: %[[C:.*]] = qnt.constant dense<{{\[\[}}1, 2, 5], [3, 4, 6]]> : tensor<2x3xi64> -> tensor<2x3xi64>
// CHECK-NOT: qnt.concat
// CHECK: return %[[C]]
func.func @concat_constants() -> tensor<2x3xi64> {
  %a = qnt.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64> -> tensor<2x2xi64>
  %b = qnt.constant dense<[[5], [6]]> : tensor<2x1xi64> -> tensor<2x1xi64>
  %c = qnt.concat %a, %b {axis = 1 : i64} : (tensor<2x2xi64>, tensor<2x1xi64>) -> tensor<2x3xi64>
  return %c : tensor<2x3xi64>
}

// -----

// CHECK-LABEL: func.func @concat_splat_and_quantized
// CHECK: qnt.constant dense<[7, 7, -1]> : tensor<3xi8> -> tensor<3x!quant.uniform<u8:f32, 1.000000e-01>>
func.func @concat_splat_and_quantized() -> tensor<3x!quant.uniform<u8:f32, 0.1>> {
  %a = qnt.constant dense<7> : tensor<2xi8> -> tensor<2x!quant.uniform<u8:f32, 0.1>>
  %b = qnt.constant dense<255> : tensor<1xi8> -> tensor<1x!quant.uniform<u8:f32, 0.1>>
  %c = qnt.concat %a, %b {axis = 0 : i64} : (tensor<2x!quant.uniform<u8:f32, 0.1>>, tensor<1x!quant.uniform<u8:f32, 0.1>>) -> tensor<3x!quant.uniform<u8:f32, 0.1>>
  return %c : tensor<3x!quant.uniform<u8:f32, 0.1>>
}

// -----

// A bool tensor may be padded with true.
// CHECK-LABEL: func.func @pad_bool_true
// CHECK: qnt.pad %{{.*}} {mode = #qnt<pad_mode constant>, pads = array<i64: 1, 0>, value = 1.000000e+00 : f32} : tensor<2xi1> -> tensor<3xi1>
func.func @pad_bool_true(%x: tensor<2xi1>) -> tensor<3xi1> {
  %p = qnt.pad %x {pads = array<i64: 1, 0>, mode = #qnt<pad_mode constant>, value = 1.0 : f32} : tensor<2xi1> -> tensor<3xi1>
  return %p : tensor<3xi1>
}

// -----

// Casts to the small floats round to nearest even and saturate (the
// default) to the largest finite value, infinities included; NaN stays NaN.
// CHECK-LABEL: func.func @cast_f8e4m3fn_saturate
// CHECK: qnt.constant dense<[4.480000e+02, -4.480000e+02, 4.687500e-01, -0.000000e+00, 0x7F]> : tensor<5xf8E4M3FN>
func.func @cast_f8e4m3fn_saturate() -> tensor<5xf8E4M3FN> {
  %c = qnt.constant dense<[1.0e6, 0xFF800000, 0.4789, -1.0e-7, 0x7FC00000]> : tensor<5xf32> -> tensor<5xf32>
  %y = qnt.cast %c : tensor<5xf32> -> tensor<5xf8E4M3FN>
  return %y : tensor<5xf8E4M3FN>
}

// -----

// Without saturate, overflow is NaN where the type has no infinity
// (f8E4M3FN) and infinity where it has one (f8E5M2); f4E2M1FN always
// saturates; the FNUZ types have no negative zero.
// CHECK-LABEL: func.func @cast_small_float_no_saturate
// CHECK-DAG: qnt.constant dense<[0x7F, 0xFF, 3.500000e+00]> : tensor<3xf8E4M3FN>
// CHECK-DAG: qnt.constant dense<[0x7C, 0xFC, 3.500000e+00]> : tensor<3xf8E5M2>
// CHECK-DAG: qnt.constant dense<[6.000000e+00, -6.000000e+00, 4.000000e+00]> : tensor<3xf4E2M1FN>
// CHECK-DAG: qnt.constant dense<[0.000000e+00, 1.250000e-01]> : tensor<2xf8E5M2FNUZ>
func.func @cast_small_float_no_saturate() -> (tensor<3xf8E4M3FN>, tensor<3xf8E5M2>, tensor<3xf4E2M1FN>, tensor<2xf8E5M2FNUZ>) {
  %c = qnt.constant dense<[1.0e6, -1.0e6, 3.5]> : tensor<3xf32> -> tensor<3xf32>
  %a = qnt.cast %c {saturate = false} : tensor<3xf32> -> tensor<3xf8E4M3FN>
  %b = qnt.cast %c {saturate = false} : tensor<3xf32> -> tensor<3xf8E5M2>
  %d = qnt.cast %c {saturate = false} : tensor<3xf32> -> tensor<3xf4E2M1FN>
  %z = qnt.constant dense<[-1.0e-9, 0.125]> : tensor<2xf32> -> tensor<2xf32>
  %e = qnt.cast %z : tensor<2xf32> -> tensor<2xf8E5M2FNUZ>
  return %a, %b, %d, %e : tensor<3xf8E4M3FN>, tensor<3xf8E5M2>, tensor<3xf4E2M1FN>, tensor<2xf8E5M2FNUZ>
}

// -----

// A small float to f32 is exact; integers wrap to i2.
// CHECK-LABEL: func.func @cast_from_small_types
// CHECK-DAG: qnt.constant dense<[4.480000e+02, -0.001953125]> : tensor<2xf32>
// CHECK-DAG: qnt.constant dense<[1, -2, -1]> : tensor<3xi2>
func.func @cast_from_small_types() -> (tensor<2xf32>, tensor<3xi2>) {
  %c = qnt.constant dense<[448.0, -0.001953125]> : tensor<2xf8E4M3FN> -> tensor<2xf8E4M3FN>
  %f = qnt.cast %c : tensor<2xf8E4M3FN> -> tensor<2xf32>
  %i = qnt.constant dense<[5, 6, 7]> : tensor<3xi8> -> tensor<3xi8>
  %w = qnt.cast %i : tensor<3xi8> -> tensor<3xi2>
  return %f, %w : tensor<2xf32>, tensor<3xi2>
}
