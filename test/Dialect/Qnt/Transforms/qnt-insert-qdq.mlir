// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json narrow-outputs}))' 2>/dev/null | FileCheck %s
// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json narrow-outputs weight-granularity=per-tensor}))' 2>/dev/null | FileCheck %s --check-prefix=PERTENSOR
// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json narrow-outputs activation-type=s8}))' 2>/dev/null | FileCheck %s --check-prefix=S8
// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json narrow-outputs activation-type=s8 symmetric-activations}))' 2>/dev/null | FileCheck %s --check-prefix=SYM
// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json}))' 2>/dev/null | FileCheck %s --check-prefix=WIDE
// RUN: quant-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json weight-rounding=nearest}))' 2>/dev/null | FileCheck %s --check-prefix=NEAREST

// Statistics (Inputs/insert-qdq-stats.json) are chosen so that every scale
// is a power of two: x in [-1, 2.984375] is u8 with scale 1/64 and zero
// point 64 (s8: -64). The bias add folds into the convolution, which takes
// the add's name; its result is quantized with the ReLU's calibrated
// "range" [0, 3.984375] (not its min/max), so the clamp costs nothing.
// Weights are per output channel, symmetric s8: 127 maps to each channel's
// largest magnitude (1.984375, 0.9921875, 3.96875).

// CHECK-LABEL: func.func @conv_bias_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>
// CHECK-DAG: %[[W:.*]] = qnt.constant dense<{{.*}}> : tensor<3x1x1x2xf32>
// CHECK-DAG: %[[B:.*]] = qnt.constant dense<[5.000000e-01, -1.000000e+00, 2.000000e+00]> : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[XQ:.*]] = qnt.quantize %[[X]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[XD:.*]] = qnt.dequantize %[[XQ]] : tensor<1x4x4x2x!quant.uniform<u8:f32, 1.562500e-02:64>> -> tensor<1x4x4x2xf32>
// CHECK: %[[WQ:.*]] = qnt.quantize %[[W]] : tensor<3x1x1x2xf32> -> tensor<3x1x1x2x!quant.uniform<i8:f32:0, {1.562500e-02,7.812500e-03,3.125000e-02}>>
// CHECK: %[[WD:.*]] = qnt.dequantize %[[WQ]]
// CHECK: %[[C:.*]] = qnt.conv2d %[[XD]], %[[WD]], %[[B]] {dilations = array<i64: 1, 1>, groups = 1 : i64, onnx.name = "biased", pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}
// CHECK: %[[CQ:.*]] = qnt.quantize %[[C]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.562500e-02>>
// CHECK: %[[CD:.*]] = qnt.dequantize %[[CQ]]
// CHECK: %[[R:.*]] = qnt.clamp %[[CD]] {min = 0.000000e+00 : f32, onnx.name = "relu"}
// CHECK: %[[RQ:.*]] = qnt.quantize %[[R]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.562500e-02>>
// CHECK: %[[RD:.*]] = qnt.dequantize %[[RQ]]
// CHECK: return %[[RD]]

// PERTENSOR-LABEL: func.func @conv_bias_relu
// PERTENSOR: qnt.quantize %{{.*}} : tensor<3x1x1x2xf32> -> tensor<3x1x1x2x!quant.uniform<i8:f32, 3.125000e-02>>

// S8-LABEL: func.func @conv_bias_relu
// S8: qnt.quantize %{{.*}} : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<i8:f32, 1.562500e-02:-64>>
// S8: qnt.conv2d
// S8: qnt.quantize %{{.*}} : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<i8:f32, 1.562500e-02:-128>>

// Symmetric s8: zero point 0, 127 is the largest magnitude (2.984375 and
// 3.984375).
// SYM-LABEL: func.func @conv_bias_relu
// SYM: qnt.quantize %{{.*}} : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.023499015718698502>>
// SYM: qnt.conv2d
// SYM: qnt.quantize %{{.*}} : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<i8:f32, 0.031373031437397003>>
// By default a graph output keeps the accumulator's precision: i32, zero
// point 0, scale 2^-24 of the calibrated magnitude 5.96875 of "biased";
// the ReLU of it keeps that type.
// WIDE-LABEL: func.func @conv_bias_relu
// WIDE: %[[C:.*]] = qnt.conv2d
// WIDE: %[[CQ:.*]] = qnt.quantize %[[C]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<i32:f32, 3.5576522350311279E-7>>
// WIDE: %[[CD:.*]] = qnt.dequantize %[[CQ]]
// WIDE: %[[R:.*]] = qnt.clamp %[[CD]]
// WIDE: %[[RQ:.*]] = qnt.quantize %[[R]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<i32:f32, 3.5576522350311279E-7>>
// WIDE: %[[RD:.*]] = qnt.dequantize %[[RQ]]
// WIDE: return %[[RD]]
func.func @conv_bias_relu(%x: tensor<1x4x4x2xf32> {onnx.name = "x"}) -> tensor<1x4x4x3xf32> {
  %w = qnt.constant dense<[[[[1.984375, -0.5]]], [[[0.25, -0.9921875]]], [[[3.96875, 0.0]]]]> : tensor<3x1x1x2xf32> -> tensor<3x1x1x2xf32>
  %c = qnt.constant dense<[[[[0.5, -1.0, 2.0]]]]> : tensor<1x1x1x3xf32> -> tensor<1x1x1x3xf32>
  %0 = qnt.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, onnx.name = "conv"} : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>) -> tensor<1x4x4x3xf32>
  %1 = qnt.add %0, %c {onnx.name = "biased"} : (tensor<1x4x4x3xf32>, tensor<1x1x1x3xf32>) -> tensor<1x4x4x3xf32>
  %2 = qnt.clamp %1 {min = 0.0 : f32, onnx.name = "relu"} : tensor<1x4x4x3xf32>
  return %2 : tensor<1x4x4x3xf32>
}

// -----

// MatMul by a constant plus a constant bias is a fully connected layer: the
// weight is transposed to [N, K] and quantized per output row. "fc" in
// [-4, 3.96875] is scale 1/32, zero point 128.

// CHECK-LABEL: func.func @matmul_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x2xf32>
// CHECK-DAG: %[[W:.*]] = qnt.constant dense<{{\[}}[1.984375, -1.000000e+00], [5.000000e-01, -0.9921875], [-0.49609375, 2.500000e-01]]> : tensor<3x2xf32>
// CHECK-DAG: %[[B:.*]] = qnt.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK: %[[XQ:.*]] = qnt.quantize %[[X]] : tensor<1x2xf32> -> tensor<1x2x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[XD:.*]] = qnt.dequantize %[[XQ]]
// CHECK: %[[WQ:.*]] = qnt.quantize %[[W]] : tensor<3x2xf32> -> tensor<3x2x!quant.uniform<i8:f32:0, {1.562500e-02,7.812500e-03,3.906250e-03}>>
// CHECK: %[[WD:.*]] = qnt.dequantize %[[WQ]]
// CHECK: %[[Y:.*]] = qnt.fully_connected %[[XD]], %[[WD]], %[[B]] {onnx.name = "fc"}
// CHECK: %[[YQ:.*]] = qnt.quantize %[[Y]] : tensor<1x3xf32> -> tensor<1x3x!quant.uniform<u8:f32, 3.125000e-02:128>>
// CHECK: %[[YD:.*]] = qnt.dequantize %[[YQ]]
// CHECK: return %[[YD]]
// WIDE-LABEL: func.func @matmul_bias
// WIDE: qnt.fully_connected
// WIDE: qnt.quantize %{{.*}} : tensor<1x3xf32> -> tensor<1x3x!quant.uniform<i32:f32, 2.384185791015625E-7>>
func.func @matmul_bias(%x: tensor<1x2xf32> {onnx.name = "x"}) -> tensor<1x3xf32> {
  %w = qnt.constant dense<[[1.984375, 0.5, -0.49609375], [-1.0, -0.9921875, 0.25]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %b = qnt.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32> -> tensor<3xf32>
  %0 = qnt.matmul %x, %w {onnx.name = "mm"} : (tensor<1x2xf32>, tensor<2x3xf32>) -> tensor<1x3xf32>
  %1 = qnt.add %0, %b {onnx.name = "fc"} : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return %1 : tensor<1x3xf32>
}

// -----

// Max pooling keeps its input's parameters; concat brings every input to
// its result's ("cat": scale 1/32, zero point 64), so the pooled value is
// quantized again and the float argument "b" is quantized with "cat"'s
// parameters, not its own.

// CHECK-LABEL: func.func @pool_concat
// CHECK-SAME: (%[[A:.*]]: tensor<1x4x4x2xf32> {onnx.name = "a"}, %[[B:.*]]: tensor<1x2x2x2xf32> {onnx.name = "b"})
// CHECK: %[[AQ:.*]] = qnt.quantize %[[A]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[AD:.*]] = qnt.dequantize %[[AQ]]
// CHECK: %[[P:.*]] = qnt.max_pool2d %[[AD]]
// CHECK: %[[PQ:.*]] = qnt.quantize %[[P]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[PD:.*]] = qnt.dequantize %[[PQ]]
// CHECK: %[[PQ2:.*]] = qnt.quantize %[[PD]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.125000e-02:64>>
// CHECK: %[[PD2:.*]] = qnt.dequantize %[[PQ2]]
// CHECK: %[[BQ:.*]] = qnt.quantize %[[B]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.125000e-02:64>>
// CHECK: %[[BD:.*]] = qnt.dequantize %[[BQ]]
// CHECK: %[[CAT:.*]] = qnt.concat %[[PD2]], %[[BD]]
// CHECK: %[[CQ:.*]] = qnt.quantize %[[CAT]] : tensor<1x2x2x4xf32> -> tensor<1x2x2x4x!quant.uniform<u8:f32, 3.125000e-02:64>>
// CHECK: %[[CD:.*]] = qnt.dequantize %[[CQ]]
// CHECK: return %[[CD]]
func.func @pool_concat(%a: tensor<1x4x4x2xf32> {onnx.name = "a"}, %b: tensor<1x2x2x2xf32> {onnx.name = "b"}) -> tensor<1x2x2x4xf32> {
  %p = qnt.max_pool2d %a {dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  %c = qnt.concat %p, %b {axis = 3 : i64, onnx.name = "cat"} : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x4xf32>
  return %c : tensor<1x2x2x4xf32>
}

// -----

// Names are found through layout ops: the transposed argument has x's
// statistics, and the add, unnamed since its NCHW transpose carries the
// ONNX name, takes "sum" (scale 1/32, zero point 48). A range that does
// not contain 0 is widened to: "positive" in [0.5, 7.96875] is [0, 7.96875].

// CHECK-LABEL: func.func @names_through_layout
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32> {onnx.name = "x"}, %[[Y:.*]]: tensor<1x4x4x2xf32> {onnx.name = "positive"})
// CHECK: %[[XQ:.*]] = qnt.quantize %[[X]] : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[XD:.*]] = qnt.dequantize %[[XQ]]
// CHECK: %[[T:.*]] = qnt.transpose %[[XD]]
// CHECK: %[[TQ:.*]] = qnt.quantize %[[T]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 1.562500e-02:64>>
// CHECK: %[[TD:.*]] = qnt.dequantize %[[TQ]]
// CHECK: %[[YQ:.*]] = qnt.quantize %[[Y]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 3.125000e-02>>
// CHECK: %[[YD:.*]] = qnt.dequantize %[[YQ]]
// CHECK: %[[S:.*]] = qnt.add %[[TD]], %[[YD]]
// CHECK: %[[SQ:.*]] = qnt.quantize %[[S]] : tensor<1x4x4x2xf32> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 3.125000e-02:48>>
// CHECK: %[[SD:.*]] = qnt.dequantize %[[SQ]]
// CHECK: %[[U:.*]] = qnt.transpose %[[SD]] {onnx.name = "sum"
// CHECK: %[[UQ:.*]] = qnt.quantize %[[U]] : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 3.125000e-02:48>>
// CHECK: %[[UD:.*]] = qnt.dequantize %[[UQ]]
// CHECK: return %[[UD]]
func.func @names_through_layout(%x: tensor<1x2x4x4xf32> {onnx.name = "x"}, %y: tensor<1x4x4x2xf32> {onnx.name = "positive"}) -> tensor<1x2x4x4xf32> {
  %t = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x4x4xf32> -> tensor<1x4x4x2xf32>
  %s = qnt.add %t, %y : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  %u = qnt.transpose %s {perm = array<i64: 0, 3, 1, 2>, onnx.name = "sum"} : tensor<1x4x4x2xf32> -> tensor<1x2x4x4xf32>
  return %u : tensor<1x2x4x4xf32>
}

// -----

// Ops without a quantized form stay float between dequantize and quantize;
// so does a quantizable op whose result has no statistics (the remarks are
// checked in qnt-insert-qdq-remarks.mlir). A sigmoid is quantized with the
// range of its result ("b": [0, 0.99609375], scale 1/256).

// CHECK-LABEL: func.func @left_float
// CHECK: %[[S:.*]] = qnt.sigmoid %{{.*}} {onnx.name = "b"} : tensor<1x4xf32> -> tensor<1x4xf32>
// CHECK-NEXT: %[[SQ:.*]] = qnt.quantize %[[S]] : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK-NEXT: %[[SD:.*]] = qnt.dequantize %[[SQ]]
// CHECK-NEXT: %[[L:.*]] = qnt.log_softmax %[[SD]] {axis = 1 : i64} : tensor<1x4xf32>
// CHECK-NEXT: %[[M:.*]] = qnt.mul %[[L]], %[[L]] : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
// CHECK-NEXT: return %[[M]]
func.func @left_float(%x: tensor<1x4xf32> {onnx.name = "x"}) -> tensor<1x4xf32> {
  %s = qnt.sigmoid %x {onnx.name = "b"} : tensor<1x4xf32> -> tensor<1x4xf32>
  %l = qnt.log_softmax %s {axis = 1 : i64} : tensor<1x4xf32>
  %m = qnt.mul %l, %l : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %m : tensor<1x4xf32>
}

// -----

// A BatchNormalization after a ReLU is a multiplication and an addition by
// per-channel constants. The factors 0.125 and 64 cannot share one scale
// (64 / 255 is twice 0.125), so the multiplication stays float; the unnamed
// product's range is bounded from both sides: relu [0, 3.984375] times
// [0.125, 64] is [0, 255], and the
// sum "positive" [0, 7.96875] minus [-1, 0.5] is [-0.5, 8.96875]; together
// [0, 8.96875], scale 8.96875 / 255.

// CHECK-LABEL: func.func @batchnorm_after_relu
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x2xf32>
// CHECK-NOT: qnt.quantize
// CHECK: %[[M:.*]] = qnt.mul %[[X]], %{{.*}} : (tensor<1x2x2x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x2x2x2xf32>
// CHECK: %[[MQ:.*]] = qnt.quantize %[[M]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.035171568393707275>>
// CHECK: %[[MD:.*]] = qnt.dequantize %[[MQ]]
// CHECK: %[[DQ:.*]] = qnt.quantize %{{.*}} : tensor<1x1x1x2xf32> -> tensor<1x1x1x2x!quant.uniform<u8:f32, 0.0058823530562222004:170>>
// CHECK: %[[DD:.*]] = qnt.dequantize %[[DQ]]
// CHECK: %[[A:.*]] = qnt.add %[[MD]], %[[DD]] {onnx.name = "positive"}
// CHECK: qnt.quantize %[[A]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.125000e-02>>
func.func @batchnorm_after_relu(%x: tensor<1x2x2x2xf32> {onnx.name = "relu"}) -> tensor<1x2x2x2xf32> {
  %s = qnt.constant dense<[[[[0.125, 64.0]]]]> : tensor<1x1x1x2xf32> -> tensor<1x1x1x2xf32>
  %d = qnt.constant dense<[[[[-1.0, 0.5]]]]> : tensor<1x1x1x2xf32> -> tensor<1x1x1x2xf32>
  %m = qnt.mul %x, %s : (tensor<1x2x2x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x2x2x2xf32>
  %a = qnt.add %m, %d {onnx.name = "positive"} : (tensor<1x2x2x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x2x2x2xf32>
  return %a : tensor<1x2x2x2xf32>
}

// -----

// One factor fits one scale: the product is quantized, its range bounded
// by relu's [0, 3.984375] times 2.

// CHECK-LABEL: func.func @scale_by_constant
// CHECK: %[[CQ:.*]] = qnt.quantize %{{.*}} : tensor<1xf32> -> tensor<1x!quant.uniform<u8:f32, 0.0078431377187371254>>
// CHECK: %[[CD:.*]] = qnt.dequantize %[[CQ]]
// CHECK: %[[M:.*]] = qnt.mul %{{.*}}, %[[CD]]
// CHECK: qnt.quantize %[[M]] : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.125000e-02>>
func.func @scale_by_constant(%x: tensor<1x2x2x2xf32> {onnx.name = "relu"}) -> tensor<1x2x2x2xf32> {
  %c = qnt.constant dense<[2.0]> : tensor<1xf32> -> tensor<1xf32>
  %m = qnt.mul %x, %c : (tensor<1x2x2x2xf32>, tensor<1xf32>) -> tensor<1x2x2x2xf32>
  return %m : tensor<1x2x2x2xf32>
}

// -----

// A result that is also used inside the graph is an activation like any
// other: 8 bits even though it is returned too. An op other than a
// convolution or matrix product whose result is returned stays float (the
// add computes in f32 on its dequantized operands).

// WIDE-LABEL: func.func @output_used_inside
// WIDE: %[[C:.*]] = qnt.conv2d
// WIDE: %[[CQ:.*]] = qnt.quantize %[[C]] : tensor<1x4x4x3xf32> -> tensor<1x4x4x3x!quant.uniform<u8:f32, 3.125000e-02:64>>
// WIDE: %[[CD:.*]] = qnt.dequantize %[[CQ]]
// WIDE: %[[S:.*]] = qnt.add %[[CD]], %[[CD]]
// WIDE-NEXT: return %[[CD]], %[[S]]
func.func @output_used_inside(%x: tensor<1x4x4x2xf32> {onnx.name = "x"}) -> (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) {
  %w = qnt.constant dense<[[[[1.984375, -0.5]]], [[[0.25, -0.9921875]]], [[[3.96875, 0.0]]]]> : tensor<3x1x1x2xf32> -> tensor<3x1x1x2xf32>
  %0 = qnt.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, onnx.name = "biased"} : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>) -> tensor<1x4x4x3xf32>
  %1 = qnt.add %0, %0 {onnx.name = "sum"} : (tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %0, %1 : tensor<1x4x4x3xf32>, tensor<1x4x4x3xf32>
}

// -----

// Convolution weights keep each kernel's sum. The 2x2 kernel divided by its
// scale 1/64 is [127, 0.4, 0.4, 0.4]: nearest rounding gives [127, 0, 0, 0],
// whose sum is 1.2 short; the first of the taps rounded down the furthest
// is rounded up instead, [127, 1, 0, 0] (0.2 short). The constant is
// replaced by those values times the scale, which quantize exactly.

// CHECK-LABEL: func.func @kernel_sum
// CHECK: %[[W:.*]] = qnt.constant dense<{{\[\[\[\[}}1.984375], [1.562500e-02]], {{\[\[}}0.000000e+00], [0.000000e+00]]]]> : tensor<1x2x2x1xf32>
// CHECK: qnt.quantize %[[W]] : tensor<1x2x2x1xf32> -> tensor<1x2x2x1x!quant.uniform<i8:f32:0, {1.562500e-02}>>
// NEAREST-LABEL: func.func @kernel_sum
// NEAREST: %[[W:.*]] = qnt.constant dense<{{\[\[\[\[}}1.984375], [6.250000e-03]], {{\[\[}}6.250000e-03], [6.250000e-03]]]]> : tensor<1x2x2x1xf32>
// NEAREST: qnt.quantize %[[W]]
func.func @kernel_sum(%x: tensor<1x4x4x1xf32> {onnx.name = "x"}) -> tensor<1x3x3x1xf32> {
  %w = qnt.constant dense<[[[[1.984375], [0.00625]], [[0.00625], [0.00625]]]]> : tensor<1x2x2x1xf32> -> tensor<1x2x2x1xf32>
  %0 = qnt.conv2d %x, %w {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, onnx.name = "biased"} : (tensor<1x4x4x1xf32>, tensor<1x2x2x1xf32>) -> tensor<1x3x3x1xf32>
  return %0 : tensor<1x3x3x1xf32>
}
