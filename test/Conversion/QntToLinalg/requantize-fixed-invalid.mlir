// RUN: quant-opt %s --convert-qnt-to-linalg=requant=fixed -split-input-file -verify-diagnostics

// M = 1.0 / 1.0e-10 is past 2^30: the fixed contract has no shift for it,
// and the op is left unconverted.
func.func @multiplier_too_large(%q: tensor<4x!quant.uniform<i8:f32, 1.0>>) -> tensor<4x!quant.uniform<i8:f32, 1.0e-10>> {
  // expected-error @+2 {{fixed-point requantization cannot represent the multiplier 1.000000e+10 (it must be below 2^30)}}
  // expected-error @+1 {{failed to legalize operation 'qnt.requantize'}}
  %r = qnt.requantize %q : tensor<4x!quant.uniform<i8:f32, 1.0>> -> tensor<4x!quant.uniform<i8:f32, 1.0e-10>>
  return %r : tensor<4x!quant.uniform<i8:f32, 1.0e-10>>
}
