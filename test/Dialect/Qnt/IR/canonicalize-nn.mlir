// Canonicalization of the nn ops (QntNNOps.td).
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// A pointwise transposed convolution is the 1x1 convolution with the same
// filter, bias, groups and fused clamp.
// CHECK-LABEL: func.func @pointwise_conv_transpose_is_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x6xf32>, %[[W:.*]]: tensor<4x1x1x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = qnt.conv2d %[[X]], %[[W]], %[[B]] {clamp_max = 6.000000e+00 : f32, dilations = array<i64: 1, 1>, groups = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x6xf32>, tensor<4x1x1x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
// CHECK-NOT: qnt.conv_transpose2d
// CHECK: return %[[Y]]
func.func @pointwise_conv_transpose_is_conv(%x: tensor<1x4x4x6xf32>, %w: tensor<4x1x1x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                                        dilations = array<i64: 3, 3>, groups = 2 : i64,
                                        clamp_max = 6.0 : f32}
       : (tensor<1x4x4x6xf32>, tensor<4x1x1x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Quantized operands carry over unchanged.
// CHECK-LABEL: func.func @pointwise_conv_transpose_quantized
// CHECK: qnt.conv2d {{.*}} : (tensor<1x2x2x3x!quant.uniform<i8:f32, 2.000000e-02:-3>>, tensor<2x1x1x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>) -> tensor<1x2x2x2x!quant.uniform<u8:f32, 5.000000e-02:128>>
// CHECK-NOT: qnt.conv_transpose2d
func.func @pointwise_conv_transpose_quantized(%x: tensor<1x2x2x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<2x1x1x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.05:128>> {
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                                    dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<2x1x1x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.05:128>>
  return %y : tensor<1x2x2x2x!quant.uniform<u8:f32, 0.05:128>>
}

// -----

// A stride scatters the pixels apart: not a convolution.
// CHECK-LABEL: func.func @strided_pointwise_stays
// CHECK: qnt.conv_transpose2d
func.func @strided_pointwise_stays(%x: tensor<1x2x2x3xf32>, %w: tensor<4x1x1x3xf32>) -> tensor<1x3x3x4xf32> {
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>,
                                    dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3xf32>, tensor<4x1x1x3xf32>) -> tensor<1x3x3x4xf32>
  return %y : tensor<1x3x3x4xf32>
}

// -----

// Negative pads add output pixels that no input reaches: not a convolution.
// CHECK-LABEL: func.func @padded_pointwise_stays
// CHECK: qnt.conv_transpose2d
func.func @padded_pointwise_stays(%x: tensor<1x2x2x3xf32>, %w: tensor<4x1x1x3xf32>) -> tensor<1x3x3x4xf32> {
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, -1, -1>,
                                    dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3xf32>, tensor<4x1x1x3xf32>) -> tensor<1x3x3x4xf32>
  return %y : tensor<1x3x3x4xf32>
}

// -----

// A larger kernel overlaps neighbouring pixels' contributions.
// CHECK-LABEL: func.func @kernel_3x3_stays
// CHECK: qnt.conv_transpose2d
func.func @kernel_3x3_stays(%x: tensor<1x2x2x3xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                                    dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}
