// RUN: quant-opt %s -split-input-file -qnt-fuse-requant | FileCheck %s

// ReLU6 on a quantized convolution becomes its epilogue.
// CHECK-LABEL: func.func @relu6_into_conv
// CHECK: %[[C:.*]] = qnt.conv2d %{{.*}}, %{{.*}} {clamp_max = 6.000000e+00 : f32, clamp_min = 0.000000e+00 : f32, dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
// CHECK-NOT: qnt.clamp
// CHECK: return %[[C]]
func.func @relu6_into_conv(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, %w: tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>>
  %r = qnt.clamp %y {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>>
  return %r : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>>
}

// -----

// Bounds the producer already has are intersected with the clamp's.
// CHECK-LABEL: func.func @intersect_bounds
// CHECK: %[[S:.*]] = qnt.add %{{.*}}, %{{.*}} {clamp_max = 6.000000e+00 : f32, clamp_min = 1.000000e+00 : f32}
// CHECK: return %[[S]]
func.func @intersect_bounds(%a: tensor<4x!quant.uniform<u8:f32, 0.1>>, %b: tensor<4x!quant.uniform<u8:f32, 0.1>>) -> tensor<4x!quant.uniform<u8:f32, 0.1>> {
  %s = qnt.add %a, %b {clamp_min = 1.0 : f32} : (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>) -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %r = qnt.clamp %s {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x!quant.uniform<u8:f32, 0.1>>
  return %r : tensor<4x!quant.uniform<u8:f32, 0.1>>
}

// -----

// Left alone: a producer with another user, a producer without the epilogue
// (max_pool2d), disjoint bounds, and a float clamp.
// CHECK-LABEL: func.func @clamp_not_fused
// CHECK: %[[S:.*]] = qnt.add %{{.*}}, %{{.*}} : (
// CHECK: qnt.clamp %[[S]] {min = 0.000000e+00 : f32}
// CHECK: %[[P:.*]] = qnt.max_pool2d
// CHECK: qnt.clamp %[[P]]
// CHECK: %[[M:.*]] = qnt.mul %{{.*}}, %{{.*}} {clamp_min = 8.000000e+00 : f32}
// CHECK: qnt.clamp %[[M]] {max = 6.000000e+00 : f32}
// CHECK: %[[F:.*]] = qnt.add %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: qnt.clamp %[[F]]
func.func @clamp_not_fused(%a: tensor<4x!quant.uniform<u8:f32, 0.1>>, %x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>>, %f: tensor<4xf32>)
    -> (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4xf32>) {
  %s = qnt.add %a, %a : (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>) -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %r = qnt.clamp %s {min = 0.0 : f32} : tensor<4x!quant.uniform<u8:f32, 0.1>>
  %p = qnt.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>> -> tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>>
  %pr = qnt.clamp %p {min = 0.0 : f32} : tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>>
  %m = qnt.mul %a, %a {clamp_min = 8.0 : f32} : (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>) -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %mr = qnt.clamp %m {max = 6.0 : f32} : tensor<4x!quant.uniform<u8:f32, 0.1>>
  %g = qnt.add %f, %f : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %gr = qnt.clamp %g {min = 0.0 : f32} : tensor<4xf32>
  return %s, %r, %pr, %mr, %gr : tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4xf32>
}

// -----

// The i32 accumulator of a matmul requantized to u8 (QLinearMatMul's
// shape): the matmul produces u8 directly.
// CHECK-LABEL: func.func @requantize_into_matmul
// CHECK: %[[M:.*]] = qnt.matmul %{{.*}}, %{{.*}} : ({{.*}}) -> tensor<2x2x!quant.uniform<u8:f32, 1.000000e+00:3>>
// CHECK-NOT: qnt.requantize
// CHECK: return %[[M]]
func.func @requantize_into_matmul(%a: tensor<2x2x!quant.uniform<u8:f32, 0.5>>, %b: tensor<2x2x!quant.uniform<i8:f32, 0.25>>) -> tensor<2x2x!quant.uniform<u8:f32, 1.0:3>> {
  %m = qnt.matmul %a, %b : (tensor<2x2x!quant.uniform<u8:f32, 0.5>>, tensor<2x2x!quant.uniform<i8:f32, 0.25>>) -> tensor<2x2x!quant.uniform<i32:f32, 0.125>>
  %r = qnt.requantize %m : tensor<2x2x!quant.uniform<i32:f32, 0.125>> -> tensor<2x2x!quant.uniform<u8:f32, 1.0:3>>
  return %r : tensor<2x2x!quant.uniform<u8:f32, 1.0:3>>
}

// -----

// An activation quantizes to its own result type: the requantize folds in.
// CHECK-LABEL: func.func @requantize_into_activation
// CHECK: %[[S:.*]] = qnt.sigmoid %{{.*}} -> tensor<4x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: return %[[S]]
func.func @requantize_into_activation(%x: tensor<4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %s = qnt.sigmoid %x : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4x!quant.uniform<u8:f32, 0.0078125>>
  %r = qnt.requantize %s : tensor<4x!quant.uniform<u8:f32, 0.0078125>> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %r : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// Left alone: a requantize after an op whose result type is tied to its
// input (max_pool2d), after an op with another user, and to a per-axis type.
// CHECK-LABEL: func.func @requantize_not_fused
// CHECK: %[[P:.*]] = qnt.max_pool2d
// CHECK: qnt.requantize %[[P]]
// CHECK: %[[S:.*]] = qnt.add
// CHECK: qnt.requantize %[[S]]
// CHECK: %[[M:.*]] = qnt.matmul
// CHECK: qnt.requantize %[[M]] : {{.*}} -> tensor<2x2x!quant.uniform<i8:f32:1, {1.000000e+00,2.000000e+00}>>
func.func @requantize_not_fused(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>>, %a: tensor<4x!quant.uniform<u8:f32, 0.1>>, %m: tensor<2x2x!quant.uniform<u8:f32, 0.5>>)
    -> (tensor<1x1x1x1x!quant.uniform<u8:f32, 0.2>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2>>, tensor<2x2x!quant.uniform<i8:f32:1, {1.0, 2.0}>>) {
  %p = qnt.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1>> -> tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>>
  %pr = qnt.requantize %p : tensor<1x1x1x1x!quant.uniform<u8:f32, 0.1>> -> tensor<1x1x1x1x!quant.uniform<u8:f32, 0.2>>
  %s = qnt.add %a, %a : (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>) -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %sr = qnt.requantize %s : tensor<4x!quant.uniform<u8:f32, 0.1>> -> tensor<4x!quant.uniform<u8:f32, 0.2>>
  %mm = qnt.matmul %m, %m : (tensor<2x2x!quant.uniform<u8:f32, 0.5>>, tensor<2x2x!quant.uniform<u8:f32, 0.5>>) -> tensor<2x2x!quant.uniform<i32:f32, 0.25>>
  %mr = qnt.requantize %mm : tensor<2x2x!quant.uniform<i32:f32, 0.25>> -> tensor<2x2x!quant.uniform<i8:f32:1, {1.0, 2.0}>>
  return %pr, %s, %sr, %mr : tensor<1x1x1x1x!quant.uniform<u8:f32, 0.2>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2>>, tensor<2x2x!quant.uniform<i8:f32:1, {1.0, 2.0}>>
}

// -----

// A lossless requantize (i8 at 0.5 to i32 at 0.25 holds every value) folds
// into the next one.
// CHECK-LABEL: func.func @lossless_chain
// CHECK-SAME: (%[[X:.*]]: tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>)
// CHECK: %[[R:.*]] = qnt.requantize %[[X]] : tensor<4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x!quant.uniform<u8:f32, 1.000000e+00:128>>
// CHECK-NEXT: return %[[R]]
func.func @lossless_chain(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<u8:f32, 1.0:128>> {
  %a = qnt.requantize %x : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i32:f32, 0.25>>
  %b = qnt.requantize %a : tensor<4x!quant.uniform<i32:f32, 0.25>> -> tensor<4x!quant.uniform<u8:f32, 1.0:128>>
  return %b : tensor<4x!quant.uniform<u8:f32, 1.0:128>>
}

// -----

// Left alone: the inner requantize rounds (to a coarser grid) and so does
// the outer one; collapsing them would change results.
// CHECK-LABEL: func.func @lossy_chain
// CHECK: %[[A:.*]] = qnt.requantize %{{.*}} -> tensor<4x!quant.uniform<u8:f32, 2.000000e+00>>
// CHECK: %[[B:.*]] = qnt.requantize %[[A]] {{.*}} -> tensor<4x!quant.uniform<u8:f32, 5.000000e-01>>
// CHECK: return %[[B]]
func.func @lossy_chain(%x: tensor<4x!quant.uniform<u8:f32, 1.0>>) -> tensor<4x!quant.uniform<u8:f32, 0.5>> {
  %a = qnt.requantize %x : tensor<4x!quant.uniform<u8:f32, 1.0>> -> tensor<4x!quant.uniform<u8:f32, 2.0>>
  %b = qnt.requantize %a : tensor<4x!quant.uniform<u8:f32, 2.0>> -> tensor<4x!quant.uniform<u8:f32, 0.5>>
  return %b : tensor<4x!quant.uniform<u8:f32, 0.5>>
}

// -----

// dequantize -> quantize pairs: one requantize, or nothing for the same
// parameters; an identity requantize vanishes.
// CHECK-LABEL: func.func @pairs
// CHECK-SAME: (%[[X:.*]]: tensor<4x!quant.uniform<u8:f32, 1.000000e-01>>)
// CHECK: %[[R:.*]] = qnt.requantize %[[X]] : tensor<4x!quant.uniform<u8:f32, 1.000000e-01>> -> tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK-NOT: qnt.quantize
// CHECK-NOT: qnt.dequantize
// CHECK: return %[[R]], %[[X]], %[[X]]
func.func @pairs(%x: tensor<4x!quant.uniform<u8:f32, 0.1>>) -> (tensor<4x!quant.uniform<i8:f32, 0.2>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>) {
  %f = qnt.dequantize %x : tensor<4x!quant.uniform<u8:f32, 0.1>> -> tensor<4xf32>
  %a = qnt.quantize %f : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  %b = qnt.quantize %f : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %c = qnt.requantize %x : tensor<4x!quant.uniform<u8:f32, 0.1>> -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  return %a, %b, %c : tensor<4x!quant.uniform<i8:f32, 0.2>>, tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.1>>
}

// -----

// The importer's layout: a ReLU after the transpose back to NCHW still
// fuses, since a clamp commutes with the transpose.
// CHECK-LABEL: func.func @relu_after_transpose
// CHECK: %[[C:.*]] = qnt.conv2d %{{.*}}, %{{.*}} {clamp_min = 0.000000e+00 : f32
// CHECK: %[[T:.*]] = qnt.transpose %[[C]]
// CHECK-NOT: qnt.clamp
// CHECK: return %[[T]]
func.func @relu_after_transpose(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, %w: tensor<3x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, tensor<3x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x2x3x!quant.uniform<u8:f32, 0.1>>
  %t = qnt.transpose %y {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3x!quant.uniform<u8:f32, 0.1>> -> tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
  %r = qnt.clamp %t {min = 0.0 : f32} : tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
  return %r : tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
}

// -----

// Left alone: the transpose has another user, which must not see the clamp.
// CHECK-LABEL: func.func @transpose_two_users
// CHECK: %[[C:.*]] = qnt.conv2d %{{.*}}, %{{.*}} {dilations
// CHECK: %[[T:.*]] = qnt.transpose %[[C]]
// CHECK: %[[R:.*]] = qnt.clamp %[[T]]
// CHECK: return %[[R]], %[[T]]
func.func @transpose_two_users(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, %w: tensor<3x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> (tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>, tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>) {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, tensor<3x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x2x3x!quant.uniform<u8:f32, 0.1>>
  %t = qnt.transpose %y {perm = array<i64: 0, 3, 1, 2>} : tensor<1x2x2x3x!quant.uniform<u8:f32, 0.1>> -> tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
  %r = qnt.clamp %t {min = 0.0 : f32} : tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
  return %r, %t : tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>, tensor<1x3x2x2x!quant.uniform<u8:f32, 0.1>>
}
