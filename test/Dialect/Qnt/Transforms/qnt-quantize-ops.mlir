// RUN: quant-opt %s -split-input-file -qnt-quantize-ops | FileCheck %s

// A QDQ convolution as imported: dequantized input, weight and bias; the
// bias already has scale s_in * s_w = 0.5 * 0.25.
// CHECK-LABEL: func.func @conv_qdq
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK-DAG: %[[W:.*]] = qnt.constant {{.*}} -> tensor<3x1x1x2x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-DAG: %[[B:.*]] = qnt.constant {{.*}} -> tensor<3x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[C:.*]] = qnt.conv2d %[[X]], %[[W]], %[[B]] {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
// CHECK-SAME: -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.000000e+00:10>>
// CHECK-NOT: qnt.dequantize
// CHECK-NOT: qnt.quantize
// CHECK: return %[[C]]
func.func @conv_qdq(%x: tensor<1x4x4x2x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>> {
  %w = qnt.constant dense<[[[[1, -2]]], [[[3, 4]]], [[[-5, 6]]]]> : tensor<3x1x1x2xi8> -> tensor<3x1x1x2x!quant.uniform<i8:f32, 0.25>>
  %b = qnt.constant dense<[100, -200, 300]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 0.125>>
  %xf = qnt.dequantize %x : tensor<1x4x4x2x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x4x4x2xf32>
  %wf = qnt.dequantize %w : tensor<3x1x1x2x!quant.uniform<i8:f32, 0.25>> -> tensor<3x1x1x2xf32>
  %bf = qnt.dequantize %b : tensor<3x!quant.uniform<i32:f32, 0.125>> -> tensor<3xf32>
  %y = qnt.conv2d %xf, %wf, %bf {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
  %q = qnt.quantize %y : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>>
  return %q : tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>>
}

// -----

// After qnt-simplify the dequantized weight and bias are float constants.
// The weight's values are multiples of 0.5 up to 63.5 = 127 * 0.5, so they
// are quantized back to i8 with scale 0.5; the bias gets i32 with scale
// s_in * s_w = 0.25 * 0.5. Both quantizes are left for qnt-fold-scales.
// CHECK-LABEL: func.func @conv_float_constants
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-DAG: %[[WF:.*]] = qnt.constant dense<{{.*}}> : tensor<2x1x1x2xf32>
// CHECK-DAG: %[[BF:.*]] = qnt.constant dense<[1.250000e-01, -2.500000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[W:.*]] = qnt.quantize %[[WF]] : tensor<2x1x1x2xf32> -> tensor<2x1x1x2x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-DAG: %[[B:.*]] = qnt.quantize %[[BF]] : tensor<2xf32> -> tensor<2x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[C:.*]] = qnt.conv2d %[[X]], %[[W]], %[[B]]
// CHECK-SAME: -> tensor<1x4x4x2x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK: return %[[C]]
func.func @conv_float_constants(%x: tensor<1x4x4x2x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 1.0>> {
  %w = qnt.constant dense<[[[[1.0, -0.5]]], [[[63.5, 0.0]]]]> : tensor<2x1x1x2xf32> -> tensor<2x1x1x2xf32>
  %b = qnt.constant dense<[0.125, -2.5]> : tensor<2xf32> -> tensor<2xf32>
  %xf = qnt.dequantize %x : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.25>> -> tensor<1x4x4x2xf32>
  %y = qnt.conv2d %xf, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %q = qnt.quantize %y : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<i8:f32, 1.0>>
  return %q : tensor<1x4x4x2x!quant.uniform<i8:f32, 1.0>>
}

// -----

// Per-channel weights: no one 8-bit grid fits both filters (0.5 and 0.01
// steps), so each output channel gets its own symmetric i8 scale, and the
// bias one scale per channel (s_in = 1).
// CHECK-LABEL: func.func @conv_per_channel_constant
// CHECK: %[[W:.*]] = qnt.quantize %{{.*}} : tensor<2x1x1x2xf32> -> tensor<2x1x1x2x!quant.uniform<i8:f32:0, {5.000000e-01,0.0099999997764825821}>>
// CHECK: %[[B:.*]] = qnt.quantize %{{.*}} : tensor<2xf32> -> tensor<2x!quant.uniform<i32:f32:0, {5.000000e-01,0.0099999997764825821}>>
// CHECK: qnt.conv2d %{{.*}}, %[[W]], %[[B]]
func.func @conv_per_channel_constant(%x: tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0:0>>) -> tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0:0>> {
  %w = qnt.constant dense<[[[[63.5, 1.0]]], [[[-1.27, 0.01]]]]> : tensor<2x1x1x2xf32> -> tensor<2x1x1x2xf32>
  %b = qnt.constant dense<[1.0, 0.02]> : tensor<2xf32> -> tensor<2xf32>
  %xf = qnt.dequantize %x : tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0:0>> -> tensor<1x2x2x2xf32>
  %y = qnt.conv2d %xf, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %q = qnt.quantize %y : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0:0>>
  return %q : tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0:0>>
}

// -----

// The importer's layout: the dequantize sinks below the NCHW -> NHWC
// transpose, the quantize rises above the ReLU and the transpose back, so the
// convolution is quantized; the transposes and the clamp carry the types.
// CHECK-LABEL: func.func @conv_relu_nchw
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK: %[[IN:.*]] = qnt.transpose %[[X]] {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:128>> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK: %[[C:.*]] = qnt.conv2d %[[IN]], %{{.*}} -> tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e+00>>
// CHECK: %[[T:.*]] = qnt.transpose %[[C]] {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e+00>> -> tensor<1x1x4x4x!quant.uniform<u8:f32, 1.000000e+00>>
// CHECK: %[[R:.*]] = qnt.clamp %[[T]] {min = 0.000000e+00 : f32} : tensor<1x1x4x4x!quant.uniform<u8:f32, 1.000000e+00>>
// CHECK: return %[[R]]
func.func @conv_relu_nchw(%x: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x1x4x4x!quant.uniform<u8:f32, 1.0>> {
  %w = qnt.constant dense<[[[[1, -2]]]]> : tensor<1x1x1x2xi8> -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.25>>
  %xf = qnt.dequantize %x : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x2x4x4xf32>
  %wf = qnt.dequantize %w : tensor<1x1x1x2x!quant.uniform<i8:f32, 0.25>> -> tensor<1x1x1x2xf32>
  %t = qnt.transpose %xf {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x4x4xf32> -> tensor<1x4x4x2xf32>
  %y = qnt.conv2d %t, %wf {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x4x4x1xf32>
  %u = qnt.transpose %y {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x1xf32> -> tensor<1x1x4x4xf32>
  %r = qnt.clamp %u {min = 0.0 : f32} : tensor<1x1x4x4xf32>
  %q = qnt.quantize %r : tensor<1x1x4x4xf32> -> tensor<1x1x4x4x!quant.uniform<u8:f32, 1.0>>
  return %q : tensor<1x1x4x4x!quant.uniform<u8:f32, 1.0>>
}

// -----

// Residual add, mul and sub: each operand and the result with its own
// parameters.
// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<4x!quant.uniform<u8:f32, 1.000000e-01:3>>, %[[B:.*]]: tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>)
// CHECK: %[[S:.*]] = qnt.add %[[A]], %[[B]] : (tensor<4x!quant.uniform<u8:f32, 1.000000e-01:3>>, tensor<4x!quant.uniform<i8:f32, 2.000000e-01>>) -> tensor<4x!quant.uniform<u8:f32, 3.000000e-01:7>>
// CHECK: %[[P:.*]] = qnt.mul %[[A]], %[[B]] : ({{.*}}) -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK: %[[D:.*]] = qnt.sub %[[A]], %[[B]] : ({{.*}}) -> tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK: return %[[S]], %[[P]], %[[D]]
func.func @binary(%a: tensor<4x!quant.uniform<u8:f32, 0.1:3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2>>)
    -> (tensor<4x!quant.uniform<u8:f32, 0.3:7>>, tensor<4x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.25>>) {
  %af = qnt.dequantize %a : tensor<4x!quant.uniform<u8:f32, 0.1:3>> -> tensor<4xf32>
  %bf = qnt.dequantize %b : tensor<4x!quant.uniform<i8:f32, 0.2>> -> tensor<4xf32>
  %s = qnt.add %af, %bf : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %sq = qnt.quantize %s : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.3:7>>
  %p = qnt.mul %af, %bf : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %pq = qnt.quantize %p : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  %d = qnt.sub %af, %bf : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %dq = qnt.quantize %d : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %sq, %pq, %dq : tensor<4x!quant.uniform<u8:f32, 0.3:7>>, tensor<4x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// A constant operand of an add on an 8-bit grid: 127.5 and 0.5 are 255 and
// 1 steps of 0.5, so u8 with zero point 0 (no symmetric i8 grid fits).
// CHECK-LABEL: func.func @add_constant
// CHECK: %[[C:.*]] = qnt.quantize %{{.*}} : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 5.000000e-01>>
// CHECK: qnt.add %{{.*}}, %[[C]]
func.func @add_constant(%a: tensor<2x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<2x!quant.uniform<u8:f32, 0.3:7>> {
  %c = qnt.constant dense<[127.5, 0.5]> : tensor<2xf32> -> tensor<2xf32>
  %af = qnt.dequantize %a : tensor<2x!quant.uniform<u8:f32, 0.1:3>> -> tensor<2xf32>
  %s = qnt.add %af, %c : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %q = qnt.quantize %s : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 0.3:7>>
  return %q : tensor<2x!quant.uniform<u8:f32, 0.3:7>>
}

// -----

// Activations and pools with their own parameters.
// CHECK-LABEL: func.func @unary
// CHECK: %[[S:.*]] = qnt.sigmoid %{{.*}} : tensor<1x2x2x4x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<1x2x2x4x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: %[[G:.*]] = qnt.global_avg_pool %[[S]] : tensor<1x2x2x4x!quant.uniform<u8:f32, 3.906250e-03>> -> tensor<1x1x1x4x!quant.uniform<u8:f32, 2.000000e-03>>
// CHECK: return %[[G]]
func.func @unary(%x: tensor<1x2x2x4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<1x1x1x4x!quant.uniform<u8:f32, 0.002>> {
  %xf = qnt.dequantize %x : tensor<1x2x2x4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x2x2x4xf32>
  %s = qnt.sigmoid %xf : tensor<1x2x2x4xf32> -> tensor<1x2x2x4xf32>
  %sq = qnt.quantize %s : tensor<1x2x2x4xf32> -> tensor<1x2x2x4x!quant.uniform<u8:f32, 0.00390625>>
  %sf = qnt.dequantize %sq : tensor<1x2x2x4x!quant.uniform<u8:f32, 0.00390625>> -> tensor<1x2x2x4xf32>
  %g = qnt.global_avg_pool %sf : tensor<1x2x2x4xf32> -> tensor<1x1x1x4xf32>
  %gq = qnt.quantize %g : tensor<1x1x1x4xf32> -> tensor<1x1x1x4x!quant.uniform<u8:f32, 0.002>>
  return %gq : tensor<1x1x1x4x!quant.uniform<u8:f32, 0.002>>
}

// -----

// Max pooling selects stored values: it runs on the input's type and the
// dequantize -> quantize pair after it is left for qnt-fuse-requant.
// CHECK-LABEL: func.func @max_pool
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e-01:3>>
// CHECK: %[[P:.*]] = qnt.max_pool2d %[[X]] {{.*}} : tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e-01:3>> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 1.000000e-01:3>>
// CHECK: %[[D:.*]] = qnt.dequantize %[[P]]
// CHECK: %[[Q:.*]] = qnt.quantize %[[D]] : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 2.000000e-01:3>>
// CHECK: return %[[Q]]
func.func @max_pool(%x: tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<1x2x2x1x!quant.uniform<u8:f32, 0.2:3>> {
  %xf = qnt.dequantize %x : tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>> -> tensor<1x4x4x1xf32>
  %p = qnt.max_pool2d %xf {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x4x4x1xf32> -> tensor<1x2x2x1xf32>
  %q = qnt.quantize %p : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 0.2:3>>
  return %q : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.2:3>>
}

// -----

// Reshape, slice and pad of a dequantized value run on the stored values;
// the pad value 0 is stored exactly (as the zero point).
// CHECK-LABEL: func.func @data_movement
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x!quant.uniform<u8:f32, 5.000000e-01:4>>
// CHECK: %[[R:.*]] = qnt.reshape %[[X]] : tensor<2x3x!quant.uniform<u8:f32, 5.000000e-01:4>> -> tensor<6x!quant.uniform<u8:f32, 5.000000e-01:4>>
// CHECK: %[[S:.*]] = qnt.slice %[[R]] {{.*}} : tensor<6x!quant.uniform<u8:f32, 5.000000e-01:4>> -> tensor<3x!quant.uniform<u8:f32, 5.000000e-01:4>>
// CHECK: %[[P:.*]] = qnt.pad %[[S]] {{.*}} : tensor<3x!quant.uniform<u8:f32, 5.000000e-01:4>> -> tensor<5x!quant.uniform<u8:f32, 5.000000e-01:4>>
// CHECK: %[[D:.*]] = qnt.dequantize %[[P]]
// CHECK: return %[[D]]
func.func @data_movement(%x: tensor<2x3x!quant.uniform<u8:f32, 0.5:4>>) -> tensor<5xf32> {
  %xf = qnt.dequantize %x : tensor<2x3x!quant.uniform<u8:f32, 0.5:4>> -> tensor<2x3xf32>
  %r = qnt.reshape %xf : tensor<2x3xf32> -> tensor<6xf32>
  %s = qnt.slice %r {offsets = array<i64: 0>, strides = array<i64: 2>} : tensor<6xf32> -> tensor<3xf32>
  %p = qnt.pad %s {pads = array<i64: 1, 1>, mode = #qnt<pad_mode constant>, value = 0.0 : f32} : tensor<3xf32> -> tensor<5xf32>
  return %p : tensor<5xf32>
}

// -----

// A pad value off the input's grid keeps the pad in float.
// CHECK-LABEL: func.func @pad_off_grid
// CHECK: %[[D:.*]] = qnt.dequantize
// CHECK: qnt.pad %[[D]] {{.*}} : tensor<3xf32> -> tensor<5xf32>
func.func @pad_off_grid(%x: tensor<3x!quant.uniform<u8:f32, 0.5:4>>) -> tensor<5xf32> {
  %xf = qnt.dequantize %x : tensor<3x!quant.uniform<u8:f32, 0.5:4>> -> tensor<3xf32>
  %p = qnt.pad %xf {pads = array<i64: 1, 1>, mode = #qnt<pad_mode constant>, value = 0.3 : f32} : tensor<3xf32> -> tensor<5xf32>
  return %p : tensor<5xf32>
}

// -----

// Concat: one quantized type on every input runs on the stored values;
// inputs with different parameters are each quantized to the result's type.
// The quantize(dequantize) pairs are qnt-fuse-requant's (the first one
// vanishes, the others become requantizes).
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x!quant.uniform<u8:f32, 1.000000e-01>>, %[[B:.*]]: tensor<2x!quant.uniform<u8:f32, 1.000000e-01>>, %[[C:.*]]: tensor<2x!quant.uniform<u8:f32, 2.000000e-01>>)
// CHECK-DAG: %[[DA:.*]] = qnt.dequantize %[[A]]
// CHECK-DAG: %[[DC:.*]] = qnt.dequantize %[[C]]
// CHECK: %[[S:.*]] = qnt.concat %[[A]], %[[B]] {axis = 0 : i64} : (tensor<2x!quant.uniform<u8:f32, 1.000000e-01>>, tensor<2x!quant.uniform<u8:f32, 1.000000e-01>>) -> tensor<4x!quant.uniform<u8:f32, 1.000000e-01>>
// CHECK: %[[DS:.*]] = qnt.dequantize %[[S]]
// CHECK: %[[QS:.*]] = qnt.quantize %[[DS]] : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 1.000000e-01>>
// CHECK: %[[QA:.*]] = qnt.quantize %[[DA]] : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 2.000000e-01>>
// CHECK: %[[QC:.*]] = qnt.quantize %[[DC]] : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 2.000000e-01>>
// CHECK: %[[M:.*]] = qnt.concat %[[QA]], %[[QC]] {axis = 0 : i64} : ({{.*}}) -> tensor<4x!quant.uniform<u8:f32, 2.000000e-01>>
// CHECK: return %[[QS]], %[[M]]
func.func @concat(%a: tensor<2x!quant.uniform<u8:f32, 0.1>>, %b: tensor<2x!quant.uniform<u8:f32, 0.1>>, %c: tensor<2x!quant.uniform<u8:f32, 0.2>>)
    -> (tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2>>) {
  %af = qnt.dequantize %a : tensor<2x!quant.uniform<u8:f32, 0.1>> -> tensor<2xf32>
  %bf = qnt.dequantize %b : tensor<2x!quant.uniform<u8:f32, 0.1>> -> tensor<2xf32>
  %cf = qnt.dequantize %c : tensor<2x!quant.uniform<u8:f32, 0.2>> -> tensor<2xf32>
  %s = qnt.concat %af, %bf {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  %sq = qnt.quantize %s : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  %m = qnt.concat %af, %cf {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  %mq = qnt.quantize %m : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.2>>
  return %sq, %mq : tensor<4x!quant.uniform<u8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2>>
}

// -----

// ONNX Gemm as matmul + add (the weight was a DequantizeLinear output at
// import): one fully_connected with the transposed weight and an i32 bias of
// scale 0.5 * 0.25.
// CHECK-LABEL: func.func @matmul_add
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK-DAG: %[[WF:.*]] = qnt.constant dense<{{\[}}[2.500000e-01, -5.000000e-01], [7.500000e-01, 1.000000e+00], [0.000000e+00, 3.175000e+01]]> : tensor<3x2xf32>
// CHECK-DAG: %[[W:.*]] = qnt.quantize %[[WF]] : tensor<3x2xf32> -> tensor<3x2x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-DAG: %[[B:.*]] = qnt.quantize %{{.*}} : tensor<3xf32> -> tensor<3x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[Y:.*]] = qnt.fully_connected %[[X]], %[[W]], %[[B]] : ({{.*}}) -> tensor<1x3x!quant.uniform<u8:f32, 1.000000e+00:100>>
// CHECK: return %[[Y]]
func.func @matmul_add(%x: tensor<1x2x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x3x!quant.uniform<u8:f32, 1.0:100>> {
  %w = qnt.constant dense<[[0.25, 0.75, 0.0], [-0.5, 1.0, 31.75]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %b = qnt.constant dense<[[1.0, -0.125, 2.0]]> : tensor<1x3xf32> -> tensor<1x3xf32>
  %xf = qnt.dequantize %x : tensor<1x2x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x2xf32>
  %m = qnt.matmul %xf, %w : (tensor<1x2xf32>, tensor<2x3xf32>) -> tensor<1x3xf32>
  %s = qnt.add %m, %b : (tensor<1x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
  %q = qnt.quantize %s : tensor<1x3xf32> -> tensor<1x3x!quant.uniform<u8:f32, 1.0:100>>
  return %q : tensor<1x3x!quant.uniform<u8:f32, 1.0:100>>
}

// -----

// A matmul whose result stays float (no quantize takes it) still runs on
// integers: the exact i32 accumulator with scale s_lhs * s_rhs, dequantized.
// CHECK-LABEL: func.func @matmul_float_result
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x!quant.uniform<u8:f32, 5.000000e-01:128>>, %[[B:.*]]: tensor<3x4x!quant.uniform<i8:f32, 2.500000e-01>>)
// CHECK: %[[M:.*]] = qnt.matmul %[[A]], %[[B]] : ({{.*}}) -> tensor<2x4x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[D:.*]] = qnt.dequantize %[[M]] : tensor<2x4x!quant.uniform<i32:f32, 1.250000e-01>> -> tensor<2x4xf32>
// CHECK: return %[[D]]
func.func @matmul_float_result(%a: tensor<2x3x!quant.uniform<u8:f32, 0.5:128>>, %b: tensor<3x4x!quant.uniform<i8:f32, 0.25>>) -> tensor<2x4xf32> {
  %af = qnt.dequantize %a : tensor<2x3x!quant.uniform<u8:f32, 0.5:128>> -> tensor<2x3xf32>
  %bf = qnt.dequantize %b : tensor<3x4x!quant.uniform<i8:f32, 0.25>> -> tensor<3x4xf32>
  %m = qnt.matmul %af, %bf : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %m : tensor<2x4xf32>
}

// -----

// PyTorch's QuantizeLinear -> Cast(to int32) -> DequantizeLinear: the cast
// keeps every u8 value and the parameters agree, so it is looked through.
// CHECK-LABEL: func.func @look_through_cast
// CHECK-SAME: (%[[X:.*]]: tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[S:.*]] = qnt.sigmoid %[[X]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<4x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: return %[[S]]
func.func @look_through_cast(%x: tensor<4x!quant.uniform<u8:f32, 0.5:3>>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %i = qnt.storage_cast %x : tensor<4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<4xui8>
  %w = qnt.cast %i : tensor<4xui8> -> tensor<4xi32>
  %q = qnt.storage_cast %w : tensor<4xi32> -> tensor<4x!quant.uniform<i32:f32, 0.5:3>>
  %xf = qnt.dequantize %q : tensor<4x!quant.uniform<i32:f32, 0.5:3>> -> tensor<4xf32>
  %s = qnt.sigmoid %xf : tensor<4xf32> -> tensor<4xf32>
  %sq = qnt.quantize %s : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %sq : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// A cast from u8 to i8 wraps values above 127: not looked through, and the
// sigmoid on the i8 value is quantized as it stands.
// CHECK-LABEL: func.func @wrapping_cast
// CHECK: %[[Q:.*]] = qnt.storage_cast %{{.*}} : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01:3>>
// CHECK: qnt.sigmoid %[[Q]]
func.func @wrapping_cast(%x: tensor<4x!quant.uniform<u8:f32, 0.5:3>>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %i = qnt.storage_cast %x : tensor<4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<4xui8>
  %w = qnt.cast %i : tensor<4xui8> -> tensor<4xi8>
  %q = qnt.storage_cast %w : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5:3>>
  %xf = qnt.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.5:3>> -> tensor<4xf32>
  %s = qnt.sigmoid %xf : tensor<4xf32> -> tensor<4xf32>
  %sq = qnt.quantize %s : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %sq : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// Left alone: a weight that is a function argument (not dequantized), and a
// constant weight off any 8-bit grid.
// CHECK-LABEL: func.func @float_weights
// CHECK: qnt.conv2d %{{.*}}, %{{.*}} {{.*}} -> tensor<1x2x2x1xf32>
// CHECK: qnt.conv2d %{{.*}}, %{{.*}} {{.*}} -> tensor<1x2x2x1xf32>
// CHECK-NOT: qnt.conv2d
func.func @float_weights(%x: tensor<1x2x2x3x!quant.uniform<u8:f32, 0.5>>, %w: tensor<1x1x1x3xf32>) -> (tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>, tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>) {
  %c = qnt.constant dense<[[[[0.1, 0.2, 0.3337]]]]> : tensor<1x1x1x3xf32> -> tensor<1x1x1x3xf32>
  %xf = qnt.dequantize %x : tensor<1x2x2x3x!quant.uniform<u8:f32, 0.5>> -> tensor<1x2x2x3xf32>
  %y = qnt.conv2d %xf, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x1xf32>
  %q = qnt.quantize %y : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>
  %z = qnt.conv2d %xf, %c {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x2x2x1xf32>
  %r = qnt.quantize %z : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>
  return %q, %r : tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>, tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>
}

// -----

// Left alone: an add with a float operand, a sigmoid whose result is used
// both quantized and as float, and a per-channel matmul weight with a float
// result (the i32 accumulator would need a per-column scale).
// CHECK-LABEL: func.func @not_quantized
// CHECK: qnt.add %{{.*}}, %{{.*}} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
// CHECK: qnt.sigmoid %{{.*}} : tensor<2xf32> -> tensor<2xf32>
// CHECK: qnt.matmul %{{.*}}, %{{.*}} : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
func.func @not_quantized(%a: tensor<2x!quant.uniform<u8:f32, 0.1>>, %f: tensor<2xf32>, %m: tensor<1x2x!quant.uniform<u8:f32, 0.1>>, %w: tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>)
    -> (tensor<2x!quant.uniform<u8:f32, 0.1>>, tensor<2x!quant.uniform<u8:f32, 0.1>>, tensor<2xf32>, tensor<1x2xf32>) {
  %af = qnt.dequantize %a : tensor<2x!quant.uniform<u8:f32, 0.1>> -> tensor<2xf32>
  %s = qnt.add %af, %f : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %sq = qnt.quantize %s : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 0.1>>
  %g = qnt.sigmoid %af : tensor<2xf32> -> tensor<2xf32>
  %gq = qnt.quantize %g : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 0.1>>
  %mf = qnt.dequantize %m : tensor<1x2x!quant.uniform<u8:f32, 0.1>> -> tensor<1x2xf32>
  %wf = qnt.dequantize %w : tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>> -> tensor<2x2xf32>
  %y = qnt.matmul %mf, %wf : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  return %sq, %gq, %g, %y : tensor<2x!quant.uniform<u8:f32, 0.1>>, tensor<2x!quant.uniform<u8:f32, 0.1>>, tensor<2xf32>, tensor<1x2xf32>
}

// -----

// Left alone: a clamp with two users keeps the quantize below it, so the
// convolution's result goes to the i32 accumulator instead of the clamp's
// type.
// CHECK-LABEL: func.func @clamp_two_users
// CHECK: %[[C:.*]] = qnt.conv2d {{.*}} -> tensor<1x2x2x1x!quant.uniform<i32:f32, 2.500000e-01>>
// CHECK: %[[D:.*]] = qnt.dequantize %[[C]]
// CHECK: %[[R:.*]] = qnt.clamp %[[D]] {min = 0.000000e+00 : f32} : tensor<1x2x2x1xf32>
// CHECK: qnt.quantize %[[R]]
func.func @clamp_two_users(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>>, %w: tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>) -> (tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>, tensor<1x2x2x1xf32>) {
  %xf = qnt.dequantize %x : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5>> -> tensor<1x2x2x1xf32>
  %wf = qnt.dequantize %w : tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x1x1xf32>
  %y = qnt.conv2d %xf, %wf {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x2x2x1xf32>
  %r = qnt.clamp %y {min = 0.0 : f32} : tensor<1x2x2x1xf32>
  %q = qnt.quantize %r : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>
  return %q, %r : tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0>>, tensor<1x2x2x1xf32>
}

// -----

// Nearest resize selects stored values, so it runs on the input's type. A
// linear resize interpolates: quantized only when the input and the result
// share one type; with another result type it stays float, and so does
// tf_crop_and_resize, whose extrapolation value is real.
// CHECK-LABEL: func.func @resize
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x1x!quant.uniform<u8:f32, 1.000000e-01:3>>
// CHECK: %[[N:.*]] = qnt.resize %[[X]] {{.*}}mode = #qnt<resize_mode nearest>{{.*}} : tensor<1x2x2x1x!quant.uniform<u8:f32, 1.000000e-01:3>> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e-01:3>>
// CHECK: %[[L:.*]] = qnt.resize %[[X]] {{.*}}mode = #qnt<resize_mode linear>{{.*}} : tensor<1x2x2x1x!quant.uniform<u8:f32, 1.000000e-01:3>> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 1.000000e-01:3>>
// CHECK: qnt.resize %{{.*}} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
// CHECK: qnt.resize %{{.*}} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
func.func @resize(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1:3>>) -> (tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.2:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>) {
  %xf = qnt.dequantize %x : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1:3>> -> tensor<1x2x2x1xf32>
  %n = qnt.resize %xf {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
  %nq = qnt.quantize %n : tensor<1x4x4x1xf32> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>
  %l = qnt.resize %xf {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
  %lq = qnt.quantize %l : tensor<1x4x4x1xf32> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>
  %m = qnt.resize %xf {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
  %mq = qnt.quantize %m : tensor<1x4x4x1xf32> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 0.2:3>>
  %c = qnt.resize %xf {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode floor>, roi = array<f32: 0.0, 0.0, 1.0, 1.0>, extrapolation_value = 0.0 : f32} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
  %cq = qnt.quantize %c : tensor<1x4x4x1xf32> -> tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>
  return %nq, %lq, %mq, %cq : tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.2:3>>, tensor<1x4x4x1x!quant.uniform<u8:f32, 0.1:3>>
}
