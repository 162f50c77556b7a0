// Folds of the shape ops: constants, identities, slice chains.
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// CHECK-LABEL: func.func @slice_constant
// CHECK-DAG: %[[A:.*]] = qnt.constant dense<{{\[\[}}8, 6], [3, 1]]> : tensor<2x2xi64> -> tensor<2x2xi64>
// CHECK-DAG: %[[B:.*]] = qnt.constant dense<[true, false]> : tensor<2xi1> -> tensor<2xi1>
// CHECK-NOT: qnt.slice
// CHECK: return %[[A]], %[[B]]
func.func @slice_constant() -> (tensor<2x2xi64>, tensor<2xi1>) {
  %c = qnt.constant dense<[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]> : tensor<2x5xi64> -> tensor<2x5xi64>
  %s = qnt.slice %c {offsets = array<i64: 1, 3>, strides = array<i64: -1, -2>} : tensor<2x5xi64> -> tensor<2x2xi64>
  %b = qnt.constant dense<[false, true, true, false]> : tensor<4xi1> -> tensor<4xi1>
  %t = qnt.slice %b {offsets = array<i64: 1>, strides = array<i64: 2>} : tensor<4xi1> -> tensor<2xi1>
  return %s, %t : tensor<2x2xi64>, tensor<2xi1>
}

// -----

// Quantized constants hold storage integers; the slice keeps them.
// CHECK-LABEL: func.func @slice_quantized_constant
// CHECK: %[[C:.*]] = qnt.constant dense<[3, -1]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32:0, {3.000000e-01,1.000000e-01}>>
// CHECK: return %[[C]]
func.func @slice_quantized_constant() -> tensor<2x!quant.uniform<i8:f32:0, {0.3, 0.1}>> {
  %c = qnt.constant dense<[-1, 2, 3]> : tensor<3xi8> -> tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  %s = qnt.slice %c {offsets = array<i64: 2>, strides = array<i64: -2>} : tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>> -> tensor<2x!quant.uniform<i8:f32:0, {0.3, 0.1}>>
  return %s : tensor<2x!quant.uniform<i8:f32:0, {0.3, 0.1}>>
}

// -----

// CHECK-LABEL: func.func @slice_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: qnt.slice
// CHECK: return %[[X]]
func.func @slice_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %s = qnt.slice %x {offsets = array<i64: 0, 0>, strides = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %s : tensor<2x3xf32>
}

// -----

// A reversal of a reversal is kept as one slice; x[1 + 2 * (3 - i)] = x[7 - 2i].
// CHECK-LABEL: func.func @slice_chain
// CHECK-SAME: (%[[X:.*]]: tensor<10xf32>)
// CHECK: %[[S:.*]] = qnt.slice %[[X]] {offsets = array<i64: 7>, strides = array<i64: -2>} : tensor<10xf32> -> tensor<3xf32>
// CHECK: return %[[S]]
func.func @slice_chain(%x: tensor<10xf32>) -> tensor<3xf32> {
  %a = qnt.slice %x {offsets = array<i64: 1>, strides = array<i64: 2>} : tensor<10xf32> -> tensor<5xf32>
  %b = qnt.slice %a {offsets = array<i64: 3>, strides = array<i64: -1>} : tensor<5xf32> -> tensor<3xf32>
  return %b : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @gather_constant
// CHECK-DAG: %[[A:.*]] = qnt.constant dense<7> : tensor<i64> -> tensor<i64>
// CHECK-DAG: %[[B:.*]] = qnt.constant dense<{{\[\[\[}}2.000000e+00, 1.000000e+00], [1.000000e+00, 1.000000e+00]], {{\[\[}}5.000000e+00, 4.000000e+00], [4.000000e+00, 4.000000e+00]]]> : tensor<2x2x2xf32> -> tensor<2x2x2xf32>
// CHECK-NOT: qnt.gather
// CHECK: return %[[A]], %[[B]]
func.func @gather_constant() -> (tensor<i64>, tensor<2x2x2xf32>) {
  %s = qnt.constant dense<[1, 3, 7, 9]> : tensor<4xi64> -> tensor<4xi64>
  %a = qnt.gather %s {axis = 0 : i64, indices = dense<2> : tensor<i64>} : tensor<4xi64> -> tensor<i64>
  %m = qnt.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %b = qnt.gather %m {axis = 1 : i64, indices = dense<[[2, 1], [1, 1]]> : tensor<2x2xi64>} : tensor<2x3xf32> -> tensor<2x2x2xf32>
  return %a, %b : tensor<i64>, tensor<2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @gather_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[G:.*]] = qnt.gather %[[X]] {axis = 1 : i64, indices = dense<[0, 2, 1]> : tensor<3xi64>}
// CHECK: return %[[X]], %[[G]]
func.func @gather_identity(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %a = qnt.gather %x {axis = 1 : i64, indices = dense<[0, 1, 2]> : tensor<3xi64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %b = qnt.gather %x {axis = 1 : i64, indices = dense<[0, 2, 1]> : tensor<3xi64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %a, %b : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// The mean of one element is the element; a mean that drops the dimension
// or changes the parameters stays.
// CHECK-LABEL: func.func @reduce_mean_single_element
// CHECK-SAME: (%[[X:.*]]: tensor<2x1xf32>, %[[Q:.*]]: tensor<2x1x!quant.uniform<u8:f32, 1.000000e-01>>)
// CHECK: %[[A:.*]] = qnt.reduce_mean %[[X]] {axes = array<i64: 1>} : tensor<2x1xf32> -> tensor<2xf32>
// CHECK: %[[B:.*]] = qnt.reduce_mean %[[Q]] {axes = array<i64: 1>, keepdims} : tensor<2x1x!quant.uniform<u8:f32, 1.000000e-01>> -> tensor<2x1x!quant.uniform<u8:f32, 2.000000e-01>>
// CHECK: return %[[X]], %[[A]], %[[Q]], %[[B]]
func.func @reduce_mean_single_element(%x: tensor<2x1xf32>, %q: tensor<2x1x!quant.uniform<u8:f32, 0.1>>) -> (tensor<2x1xf32>, tensor<2xf32>, tensor<2x1x!quant.uniform<u8:f32, 0.1>>, tensor<2x1x!quant.uniform<u8:f32, 0.2>>) {
  %a = qnt.reduce_mean %x {axes = array<i64: 1>, keepdims} : tensor<2x1xf32> -> tensor<2x1xf32>
  %b = qnt.reduce_mean %x {axes = array<i64: 1>} : tensor<2x1xf32> -> tensor<2xf32>
  %c = qnt.reduce_mean %q {axes = array<i64: 1>, keepdims} : tensor<2x1x!quant.uniform<u8:f32, 0.1>> -> tensor<2x1x!quant.uniform<u8:f32, 0.1>>
  %d = qnt.reduce_mean %q {axes = array<i64: 1>, keepdims} : tensor<2x1x!quant.uniform<u8:f32, 0.1>> -> tensor<2x1x!quant.uniform<u8:f32, 0.2>>
  return %a, %b, %c, %d : tensor<2x1xf32>, tensor<2xf32>, tensor<2x1x!quant.uniform<u8:f32, 0.1>>, tensor<2x1x!quant.uniform<u8:f32, 0.2>>
}

// -----

// Constant indices make a qnt.gather: -1 wraps to 3, 9 clamps to 3.
// CHECK-LABEL: func.func @gather_dynamic_constant_indices
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>)
// CHECK: %[[G:.*]] = qnt.gather %[[X]] {axis = 0 : i64, indices = dense<[3, 0, 3]> : tensor<3xi64>} : tensor<4x3xf32> -> tensor<3x3xf32>
// CHECK-NOT: gather_dynamic
// CHECK: return %[[G]]
func.func @gather_dynamic_constant_indices(%x: tensor<4x3xf32>) -> tensor<3x3xf32> {
  %i = qnt.constant dense<[-1, 0, 9]> : tensor<3xi32> -> tensor<3xi32>
  %g = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<3x3xf32>
  return %g : tensor<3x3xf32>
}
