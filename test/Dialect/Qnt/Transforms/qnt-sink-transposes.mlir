// RUN: quant-opt %s -split-input-file -qnt-sink-transposes | FileCheck %s

// The importer's NCHW wrapping of two NHWC convs with a ReLU between them:
// the transposes between the convs cancel.
// CHECK-LABEL: func.func @conv_relu_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>
// CHECK: %[[IN:.*]] = qnt.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>}
// CHECK: %[[C1:.*]] = qnt.conv2d %[[IN]]
// CHECK: %[[R:.*]] = qnt.clamp %[[C1]] {min = 0.000000e+00 : f32} : tensor<1x8x8x4xf32>
// CHECK: %[[C2:.*]] = qnt.conv2d %[[R]]
// CHECK: %[[OUT:.*]] = qnt.transpose %[[C2]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[OUT]]
func.func @conv_relu_conv(%x: tensor<1x3x8x8xf32>, %w1: tensor<4x1x1x3xf32>, %w2: tensor<2x1x1x4xf32>) -> tensor<1x2x8x8xf32> {
  %0 = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
  %1 = qnt.conv2d %0, %w1 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x8x8x3xf32>, tensor<4x1x1x3xf32>) -> tensor<1x8x8x4xf32>
  %2 = qnt.transpose %1 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x8x8x4xf32> -> tensor<1x4x8x8xf32>
  %3 = qnt.clamp %2 {min = 0.0 : f32} : tensor<1x4x8x8xf32>
  %4 = qnt.transpose %3 {perm = array<i64: 0, 2, 3, 1>} : tensor<1x4x8x8xf32> -> tensor<1x8x8x4xf32>
  %5 = qnt.conv2d %4, %w2 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x8x8x4xf32>, tensor<2x1x1x4xf32>) -> tensor<1x8x8x2xf32>
  %6 = qnt.transpose %5 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x8x8x2xf32> -> tensor<1x2x8x8xf32>
  return %6 : tensor<1x2x8x8xf32>
}

// -----

// Quantize, dequantize and requantize keep a per-axis dimension attached to
// its dimension.
// CHECK-LABEL: func.func @domain_crossings
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x4xf32>)
// CHECK: %[[Q:.*]] = qnt.quantize %[[X]] : tensor<1x2x3x4xf32> -> tensor<1x2x3x4x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>
// CHECK: %[[R:.*]] = qnt.requantize %[[Q]] : {{.*}} -> tensor<1x2x3x4x!quant.uniform<i8:f32:1, {1.000000e+00,1.000000e+00}>>
// CHECK: %[[D:.*]] = qnt.dequantize %[[R]]
// CHECK: %[[T:.*]] = qnt.transpose %[[D]] {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x3x4xf32> -> tensor<1x3x4x2xf32>
// CHECK: return %[[T]]
func.func @domain_crossings(%x: tensor<1x2x3x4xf32>) -> tensor<1x3x4x2xf32> {
  %t = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x3x4xf32> -> tensor<1x3x4x2xf32>
  %q = qnt.quantize %t : tensor<1x3x4x2xf32> -> tensor<1x3x4x2x!quant.uniform<i8:f32:3, {0.5, 0.25}>>
  %r = qnt.requantize %q : tensor<1x3x4x2x!quant.uniform<i8:f32:3, {0.5, 0.25}>> -> tensor<1x3x4x2x!quant.uniform<i8:f32:3, {1.0, 1.0}>>
  %d = qnt.dequantize %r : tensor<1x3x4x2x!quant.uniform<i8:f32:3, {1.0, 1.0}>> -> tensor<1x3x4x2xf32>
  return %d : tensor<1x3x4x2xf32>
}

// -----

// A residual add of two transposed values sinks, and so does the mul after
// it: its broadcast constant operand is permuted to the untransposed layout
// and folded.
// CHECK-LABEL: func.func @add_with_constant_and_residual
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x2x3xf32>, %[[B:.*]]: tensor<1x2x2x3xf32>)
// CHECK: %[[C:.*]] = qnt.constant dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00]]]]> : tensor<1x1x1x3xf32>
// CHECK: %[[S:.*]] = qnt.add %[[A]], %[[B]] : (tensor<1x2x2x3xf32>, tensor<1x2x2x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK: %[[M:.*]] = qnt.mul %[[S]], %[[C]] : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK: %[[T:.*]] = qnt.transpose %[[M]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK: return %[[T]]
func.func @add_with_constant_and_residual(%a: tensor<1x2x2x3xf32>, %b: tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32> {
  %ta = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3xf32> -> tensor<1x3x2x2xf32>
  %tb = qnt.transpose %b {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3xf32> -> tensor<1x3x2x2xf32>
  %s = qnt.add %ta, %tb : (tensor<1x3x2x2xf32>, tensor<1x3x2x2xf32>) -> tensor<1x3x2x2xf32>
  %c = qnt.constant dense<[[[1.0]], [[2.0]], [[3.0]]]> : tensor<3x1x1xf32> -> tensor<3x1x1xf32>
  %m = qnt.mul %s, %c : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32>
  return %m : tensor<1x3x2x2xf32>
}

// -----

// A constant that is itself a folded reshape counts as a constant; the
// original constant keeps its other user.
// CHECK-LABEL: func.func @mul_constant_sinks
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x2x3xf32>)
// CHECK: %[[C:.*]] = qnt.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[CT:.*]] = qnt.constant dense<{{.*}}> : tensor<1x1x1x3xf32>
// CHECK: %[[M:.*]] = qnt.mul %[[A]], %[[CT]] : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK: qnt.transpose %[[M]] {perm = array<i64: 0, 3, 1, 2>}
func.func @mul_constant_sinks(%a: tensor<1x2x2x3xf32>) -> (tensor<1x3x2x2xf32>, tensor<3xf32>) {
  %ta = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3xf32> -> tensor<1x3x2x2xf32>
  %c = qnt.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32> -> tensor<3xf32>
  %cr = qnt.reshape %c : tensor<3xf32> -> tensor<3x1x1xf32>
  %m = qnt.mul %ta, %cr : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32>
  return %m, %c : tensor<1x3x2x2xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @concat_and_pad
// CHECK-SAME: (%[[A:.*]]: tensor<1x4x4x2xf32>, %[[B:.*]]: tensor<1x4x4x3xf32>)
// CHECK: %[[C:.*]] = qnt.concat %[[A]], %[[B]] {axis = 3 : i64} : (tensor<1x4x4x2xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x5xf32>
// CHECK: %[[P:.*]] = qnt.pad %[[C]] {mode = #qnt<pad_mode constant>, pads = array<i64: 0, 1, 2, 0, 0, 3, 4, 0>} : tensor<1x4x4x5xf32> -> tensor<1x8x10x5xf32>
// CHECK: %[[T:.*]] = qnt.transpose %[[P]] {perm = array<i64: 0, 3, 1, 2>} : tensor<1x8x10x5xf32> -> tensor<1x5x8x10xf32>
// CHECK: return %[[T]]
func.func @concat_and_pad(%a: tensor<1x4x4x2xf32>, %b: tensor<1x4x4x3xf32>) -> tensor<1x5x8x10xf32> {
  %ta = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x2xf32> -> tensor<1x2x4x4xf32>
  %tb = qnt.transpose %b {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x3xf32> -> tensor<1x3x4x4xf32>
  %c = qnt.concat %ta, %tb {axis = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x5x4x4xf32>
  %p = qnt.pad %c {pads = array<i64: 0, 0, 1, 2, 0, 0, 3, 4>, mode = #qnt<pad_mode constant>} : tensor<1x5x4x4xf32> -> tensor<1x5x8x10xf32>
  return %p : tensor<1x5x8x10xf32>
}

// -----

// CHECK-LABEL: func.func @softmax_axis_moves
// CHECK: qnt.softmax %{{.*}} {axis = 3 : i64} : tensor<1x4x4x5xf32> -> tensor<1x4x4x5xf32>
// CHECK: qnt.transpose
func.func @softmax_axis_moves(%a: tensor<1x4x4x5xf32>) -> tensor<1x5x4x4xf32> {
  %t = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x5xf32> -> tensor<1x5x4x4xf32>
  %s = qnt.softmax %t {axis = 1 : i64} : tensor<1x5x4x4xf32> -> tensor<1x5x4x4xf32>
  return %s : tensor<1x5x4x4xf32>
}

// -----

// A transpose with another user stays where it is: moving it would add one.
// CHECK-LABEL: func.func @shared_transpose_stays
// CHECK: %[[T:.*]] = qnt.transpose
// CHECK: qnt.sigmoid %[[T]]
// CHECK: qnt.tanh %[[T]]
func.func @shared_transpose_stays(%a: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>) {
  %t = qnt.transpose %a {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  %s = qnt.sigmoid %t : tensor<3x2xf32> -> tensor<3x2xf32>
  %h = qnt.tanh %t : tensor<3x2xf32> -> tensor<3x2xf32>
  return %s, %h : tensor<3x2xf32>, tensor<3x2xf32>
}

// -----

// Operands transposed differently, or a non-constant operand that is not a
// transpose, keep the binary op where it is.
// CHECK-LABEL: func.func @binary_mismatch_stays
// CHECK: qnt.transpose
// CHECK: qnt.transpose
// CHECK: qnt.add
// CHECK: qnt.transpose
// CHECK: qnt.mul
func.func @binary_mismatch_stays(%a: tensor<2x3x4xf32>, %b: tensor<3x4x2xf32>, %c: tensor<4x2x3xf32>) -> (tensor<4x2x3xf32>, tensor<2x3x4xf32>) {
  %ta = qnt.transpose %a {perm = array<i64: 2, 0, 1>} : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %tb = qnt.transpose %b {perm = array<i64: 1, 2, 0>} : tensor<3x4x2xf32> -> tensor<4x2x3xf32>
  %s = qnt.add %ta, %tb : (tensor<4x2x3xf32>, tensor<4x2x3xf32>) -> tensor<4x2x3xf32>
  %tc = qnt.transpose %c {perm = array<i64: 1, 2, 0>} : tensor<4x2x3xf32> -> tensor<2x3x4xf32>
  %m = qnt.mul %tc, %a : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %s, %m : tensor<4x2x3xf32>, tensor<2x3x4xf32>
}

// -----

// Math functions, sub with a constant, and log_softmax sink too; the
// constant is permuted and folded.
// CHECK-LABEL: func.func @math_and_sub
// CHECK-SAME: (%[[A:.*]]: tensor<1x2x2x3xf32>)
// CHECK-DAG: %[[C:.*]] = qnt.constant dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00]]]]> : tensor<1x1x1x3xf32>
// CHECK: %[[E:.*]] = qnt.exp %[[A]] : tensor<1x2x2x3xf32>
// CHECK: %[[S:.*]] = qnt.sub %[[E]], %[[C]] : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x3xf32>
// CHECK: %[[L:.*]] = qnt.log_softmax %[[S]] {axis = 3 : i64}
// CHECK: qnt.transpose %[[L]] {perm = array<i64: 0, 3, 1, 2>}
func.func @math_and_sub(%a: tensor<1x2x2x3xf32>) -> tensor<1x3x2x2xf32> {
  %t = qnt.transpose %a {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3xf32> -> tensor<1x3x2x2xf32>
  %e = qnt.exp %t : tensor<1x3x2x2xf32>
  %c = qnt.constant dense<[[[1.0]], [[2.0]], [[3.0]]]> : tensor<3x1x1xf32> -> tensor<3x1x1xf32>
  %s = qnt.sub %e, %c : (tensor<1x3x2x2xf32>, tensor<3x1x1xf32>) -> tensor<1x3x2x2xf32>
  %l = qnt.log_softmax %s {axis = 1 : i64} : tensor<1x3x2x2xf32>
  return %l : tensor<1x3x2x2xf32>
}

// -----

// Integer data through storage_cast and int_add.
// CHECK-LABEL: func.func @integer_chain
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<2x3xi32>)
// CHECK: %[[S:.*]] = qnt.int_add %[[A]], %[[B]] : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK: %[[Q:.*]] = qnt.storage_cast %[[S]] : tensor<2x3xi32> -> tensor<2x3x!quant.uniform<i32:f32, 1.000000e+00>>
// CHECK: qnt.transpose %[[Q]] {perm = array<i64: 1, 0>}
func.func @integer_chain(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>) -> tensor<3x2x!quant.uniform<i32:f32, 1.0>> {
  %ta = qnt.transpose %a {perm = array<i64: 1, 0>} : tensor<2x3xi32> -> tensor<3x2xi32>
  %tb = qnt.transpose %b {perm = array<i64: 1, 0>} : tensor<2x3xi32> -> tensor<3x2xi32>
  %s = qnt.int_add %ta, %tb : (tensor<3x2xi32>, tensor<3x2xi32>) -> tensor<3x2xi32>
  %q = qnt.storage_cast %s : tensor<3x2xi32> -> tensor<3x2x!quant.uniform<i32:f32, 1.0>>
  return %q : tensor<3x2x!quant.uniform<i32:f32, 1.0>>
}
