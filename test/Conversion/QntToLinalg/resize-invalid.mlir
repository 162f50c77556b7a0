// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file -verify-diagnostics

// Linear interpolation mixes rows, so quantization parameters that vary
// along H are only lowered when every output row reads its own input row;
// the scale 0.6 maps the two rows to x = 1/3 and 2.
func.func @per_row_parameters_mixed(%x: tensor<1x2x3x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>) -> tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> {
  // expected-error @+1 {{failed to legalize operation 'qnt.resize'}}
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 0.6, 1.6666666>} : tensor<1x2x3x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> -> tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
  return %0 : tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
}
