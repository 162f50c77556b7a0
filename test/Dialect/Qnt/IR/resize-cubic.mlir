// RUN: quant-opt %s | quant-opt | FileCheck %s

// Cubic resize and its filter attributes round-trip.
// CHECK-LABEL: func.func @resize_cubic
// CHECK: qnt.resize %{{.*}} {antialias, coordinate_transform = #qnt<coordinate_transform align_corners>, cubic_coeff_a = -5.000000e-01 : f32, exclude_outside, mode = #qnt<resize_mode cubic>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 8.000000e-01, 8.000000e-01>} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>
func.func @resize_cubic(%x: tensor<1x4x4x1xf32>) -> tensor<1x3x3x1xf32> {
  %y = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform align_corners>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 0.8, 0.8>, cubic_coeff_a = -0.5 : f32, exclude_outside, antialias} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>
  return %y : tensor<1x3x3x1xf32>
}
