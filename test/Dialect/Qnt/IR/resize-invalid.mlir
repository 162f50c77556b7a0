// RUN: quant-opt %s -split-input-file -verify-diagnostics

// The attributes of the interpolation filter: antialias and exclude_outside
// in linear and cubic modes, cubic_coeff_a in cubic mode.

func.func @resize_antialias_nearest(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{antialias is only used in linear mode or cubic mode}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, antialias} : tensor<1x4x4x3xf32> -> tensor<1x2x2x3xf32>
  return
}

// -----

func.func @resize_exclude_outside_nearest(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{exclude_outside is only used in linear mode or cubic mode}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, exclude_outside} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_cubic_coeff_a_linear(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{cubic_coeff_a is only used in cubic mode}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, cubic_coeff_a = -5.000000e-01 : f32} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_cubic_coeff_a_infinite(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{cubic_coeff_a must be finite, got -INF}}
  %y = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, cubic_coeff_a = 0xFF800000 : f32} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}
