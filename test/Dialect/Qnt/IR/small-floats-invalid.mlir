// Verifier rules of the small-float forms of quantize_linear and
// dequantize_linear.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @zero_point_type(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<f8E5M2>) {
  // expected-error @+1 {{zero point element type 'f8E5M2' must match the result element type 'f8E4M3FN'}}
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<f8E5M2>) -> tensor<4xf8E4M3FN>
  return
}

// -----

func.func @dequantize_zero_point_type(%q: tensor<4xf4E2M1FN>, %s: tensor<f32>, %zp: tensor<i8>) {
  // expected-error @+1 {{zero point element type 'i8' must match the input element type 'f4E2M1FN'}}
  %x = qnt.dequantize_linear %q, %s, %zp : (tensor<4xf4E2M1FN>, tensor<f32>, tensor<i8>) -> tensor<4xf32>
  return
}

// -----

// f8E8M0FNU is not a QuantizeLinear type.
func.func @e8m0_result(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of}}
  %q = qnt.quantize_linear %x, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xf8E8M0FNU>
  return
}
