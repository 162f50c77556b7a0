// RUN: quant-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json}))'
// RUN: not quant-opt %s --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/missing.json}))' 2>&1 | FileCheck %s --check-prefix=NOFILE
// RUN: not quant-opt %s --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json activation-type=u4}))' 2>&1 | FileCheck %s --check-prefix=TYPE
// RUN: not quant-opt %s --pass-pipeline='builtin.module(func.func(qnt-insert-qdq))' 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not quant-opt %s --pass-pipeline='builtin.module(func.func(qnt-insert-qdq{stats=%S/Inputs/insert-qdq-stats.json weight-rounding=up}))' 2>&1 | FileCheck %s --check-prefix=ROUNDING

// NOFILE: cannot read statistics '{{.*}}missing.json'
// TYPE: activation-type must be u8 or s8, not 'u4'
// NOSTATS: qnt-insert-qdq needs stats=<file>
// ROUNDING: weight-rounding must be kernel-sum or nearest, not 'up'

// Every op left in float is reported where it is.

func.func @left_float(%x: tensor<1x4xf32> {onnx.name = "x"}) -> tensor<1x4xf32> {
  %t = qnt.reshape %x : tensor<1x4xf32> -> tensor<1x4xf32>
  // expected-remark @below {{left in float: 'qnt.log_softmax' has no quantized form}}
  %s = qnt.log_softmax %t {axis = 1 : i64} : tensor<1x4xf32>
  // expected-remark @below {{left in float: no calibration statistics for its operand, which has no ONNX name}}
  %m = qnt.mul %s, %s : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %m : tensor<1x4xf32>
}

// -----

func.func @no_result_statistics(%x: tensor<1x4xf32> {onnx.name = "x"}) -> tensor<1x4xf32> {
  // expected-remark @below {{left in float: no calibration statistics for its result 'unknown'}}
  %m = qnt.mul %x, %x {onnx.name = "unknown"} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %m : tensor<1x4xf32>
}

// -----

func.func @batchnorm_factors(%x: tensor<1x2x2x2xf32> {onnx.name = "relu"}) -> tensor<1x2x2x2xf32> {
  %s = qnt.constant dense<[[[[0.125, 64.0]]]]> : tensor<1x1x1x2xf32> -> tensor<1x1x1x2xf32>
  // expected-remark @below {{left in float: one scale cannot hold its constant factors (per channel, as in a BatchNormalization) to 1/32}}
  %m = qnt.mul %x, %s {onnx.name = "positive"} : (tensor<1x2x2x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x2x2x2xf32>
  return %m : tensor<1x2x2x2xf32>
}

// -----

// A graph output other than a convolution's or matrix product's stays
// float, computed on the dequantized operands.
func.func @softmax_output(%x: tensor<1x4xf32> {onnx.name = "x"}) -> tensor<1x4xf32> {
  // expected-remark @below {{left in float: its result is a graph output}}
  %0 = qnt.softmax %x {axis = 1 : i64, onnx.name = "sum"} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
