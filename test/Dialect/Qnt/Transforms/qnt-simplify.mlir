// The qnt-simplify pipeline: canonicalization, transpose sinking and CSE.
// RUN: quant-opt %s -split-input-file -qnt-simplify | FileCheck %s
// RUN: quant-opt %s -split-input-file -qnt-simplify=sink-transposes=false | FileCheck %s --check-prefix=NOSINK

// A quantized NCHW model fragment: conv -> requantize -> relu -> conv. The
// inner transposes cancel, the duplicated constant is CSE'd and the weights
// arrive as int8 constants.
// CHECK-LABEL: func.func @qdq_fragment
// CHECK-DAG: %[[W:.*]] = qnt.constant dense<{{.*}}> : tensor<2x1x1x2xi8> -> tensor<2x1x1x2x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-DAG: %[[XT:.*]] = qnt.transpose %{{.*}} {perm = array<i64: 0, 2, 3, 1>}
// CHECK: %[[C1:.*]] = qnt.conv2d %[[XT]], %[[W]]
// CHECK: %[[R:.*]] = qnt.clamp %[[C1]]
// CHECK: %[[C2:.*]] = qnt.conv2d %[[R]], %[[W]]
// CHECK: qnt.transpose %[[C2]] {perm = array<i64: 0, 3, 1, 2>}
// CHECK-NOT: qnt.transpose

// NOSINK-LABEL: func.func @qdq_fragment
// NOSINK-COUNT-4: qnt.transpose
func.func @qdq_fragment(%x: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>> {
  %wf = qnt.constant dense<[[[[1.0, -1.0]]], [[[0.5, 2.0]]]]> : tensor<2x1x1x2xf32> -> tensor<2x1x1x2xf32>
  %w1 = qnt.quantize %wf : tensor<2x1x1x2xf32> -> tensor<2x1x1x2x!quant.uniform<i8:f32, 0.5>>
  %w2 = qnt.quantize %wf : tensor<2x1x1x2xf32> -> tensor<2x1x1x2x!quant.uniform<i8:f32, 0.5>>
  %0 = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>
  %1 = qnt.conv2d %0, %w1 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>, tensor<2x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>
  %2 = qnt.transpose %1 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>>
  %3 = qnt.clamp %2 {min = 0.0 : f32} : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>>
  %4 = qnt.transpose %3 {perm = array<i64: 0, 2, 3, 1>} : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>
  %5 = qnt.conv2d %4, %w2 {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>, tensor<2x1x1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>>
  %6 = qnt.transpose %5 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x4x4x2x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>>
  return %6 : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.1:128>>
}
