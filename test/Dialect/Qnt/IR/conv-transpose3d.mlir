// Round trip of qnt.conv_transpose3d through the custom and the generic
// form.
// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s --mlir-print-op-generic | quant-opt | FileCheck %s

// (3 - 1) * 1 + 3 = 5, (4 - 1) * 2 + 3 - 1 = 8, (5 - 1) * 2 + 3 + 1 = 12.
// CHECK-LABEL: func.func @float
func.func @float(%x: tensor<1x3x4x5x2xf32>, %w: tensor<4x3x3x3x2xf32>, %b: tensor<4xf32>) -> tensor<1x5x8x12x4xf32> {
  // CHECK: qnt.conv_transpose3d %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1, 1>, groups = 1 : i64, pads = array<i64: 0, 1, 0, 0, 0, -1>, strides = array<i64: 1, 2, 2>} : (tensor<1x3x4x5x2xf32>, tensor<4x3x3x3x2xf32>, tensor<4xf32>) -> tensor<1x5x8x12x4xf32>
  %y = qnt.conv_transpose3d %x, %w, %b {strides = array<i64: 1, 2, 2>, pads = array<i64: 0, 1, 0, 0, 0, -1>,
                                        dilations = array<i64: 1, 1, 1>, groups = 1 : i64}
       : (tensor<1x3x4x5x2xf32>, tensor<4x3x3x3x2xf32>, tensor<4xf32>) -> tensor<1x5x8x12x4xf32>
  return %y : tensor<1x5x8x12x4xf32>
}

// -----

// Grouped and quantized, with a per-axis filter and a fused clamp.
// CHECK-LABEL: func.func @quantized
func.func @quantized(%x: tensor<1x2x2x2x4x!quant.uniform<i8:f32, 0.5:1>>,
                     %w: tensor<2x2x2x2x2x!quant.uniform<i8:f32:0, {0.25, 0.5}>>)
    -> tensor<1x3x3x3x2x!quant.uniform<u8:f32, 0.1:128>> {
  // CHECK: qnt.conv_transpose3d %{{.*}}, %{{.*}} {clamp_min = 0.000000e+00 : f32, dilations = array<i64: 1, 1, 1>, groups = 2 : i64, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
                                    dilations = array<i64: 1, 1, 1>, groups = 2 : i64, clamp_min = 0.0 : f32}
       : (tensor<1x2x2x2x4x!quant.uniform<i8:f32, 0.5:1>>, tensor<2x2x2x2x2x!quant.uniform<i8:f32:0, {0.25, 0.5}>>)
       -> tensor<1x3x3x3x2x!quant.uniform<u8:f32, 0.1:128>>
  return %y : tensor<1x3x3x3x2x!quant.uniform<u8:f32, 0.1:128>>
}
