// One case per verifier rule of the elementwise ops of QntElementwiseOps.td.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @sub_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operand shapes [2, 3] and [2] must broadcast}}
  %y = qnt.sub %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @sub_result_shape(%a: tensor<2x3xf32>, %b: tensor<4x1x3xf32>) {
  // expected-error @+1 {{result shape must be [4, 2, 3], got [2, 3]}}
  %y = qnt.sub %a, %b : (tensor<2x3xf32>, tensor<4x1x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @sub_mixed_domain(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.sub %a, %b : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2xf32>) -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @sub_lhs_per_axis(%a: tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>, %b: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{lhs must be quantized per tensor, not per axis}}
  %y = qnt.sub %a, %b : (tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @sub_rhs_per_axis(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{rhs must be quantized per tensor, not per axis}}
  %y = qnt.sub %a, %b : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @sub_result_per_axis(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{result must be quantized per tensor, not per axis}}
  %y = qnt.sub %a, %a : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @sub_clamp_order(%a: tensor<2xf32>) {
  // expected-error @+1 {{clamp_min (6.000000e+00) must not exceed clamp_max (0.000000e+00)}}
  %y = qnt.sub %a, %a {clamp_min = 6.0 : f32, clamp_max = 0.0 : f32} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @sub_clamp_nan(%a: tensor<2xf32>) {
  // expected-error @+1 {{clamp_min and clamp_max must not be NaN}}
  %y = qnt.sub %a, %a {clamp_min = 0x7FC00000 : f32} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @div_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operand shapes [2, 3] and [2] must broadcast}}
  %y = qnt.div %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @div_result_shape(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{result shape must be [2, 3], got [3]}}
  %y = qnt.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @div_quantized(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float values}}
  %y = qnt.div %a, %a : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<2xf32>
  return
}

// -----

func.func @pow_broadcast(%a: tensor<4xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{operand shapes [4] and [3] must broadcast}}
  %y = qnt.pow %a, %b : (tensor<4xf32>, tensor<3xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @pow_result_shape(%a: tensor<4xf32>, %b: tensor<f32>) {
  // expected-error @+1 {{result shape must be [4], got [1, 4]}}
  %y = qnt.pow %a, %b : (tensor<4xf32>, tensor<f32>) -> tensor<1x4xf32>
  return
}

// -----

func.func @int_add_element_types(%a: tensor<4xi32>, %b: tensor<4xi64>) {
  // expected-error @+1 {{operands and result must have one element type, got 'i32', 'i64' and 'i64'}}
  %y = qnt.int_add %a, %b : (tensor<4xi32>, tensor<4xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @int_sub_signedness(%a: tensor<4xui8>) {
  // expected-error @+1 {{operands and result must have one element type, got 'ui8', 'ui8' and 'i8'}}
  %y = qnt.int_sub %a, %a : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi8>
  return
}

// -----

func.func @int_mul_broadcast(%a: tensor<4xi64>, %b: tensor<2xi64>) {
  // expected-error @+1 {{operand shapes [4] and [2] must broadcast}}
  %y = qnt.int_mul %a, %b : (tensor<4xi64>, tensor<2xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @int_div_result_shape(%a: tensor<2x4xi32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{result shape must be [2, 4], got [4]}}
  %y = qnt.int_div %a, %b : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @int_max_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 8-bit signless integer or 16-bit signless integer or 32-bit signless integer or 64-bit signless integer or 8-bit unsigned integer or 16-bit unsigned integer or 32-bit unsigned integer or 64-bit unsigned integer values}}
  %y = qnt.int_max %a, %a : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return
}

// -----

func.func @int_min_float(%a: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 8-bit signless integer}}
  %y = qnt.int_min %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @exp_types(%x: tensor<4xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %y = "qnt.exp"(%x) : (tensor<4xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @sqrt_integer(%x: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float values}}
  %y = qnt.sqrt %x : tensor<4xi32>
  return
}

// -----

func.func @erf_quantized(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float values}}
  %y = qnt.erf %x : tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @prelu_slope_rank(%x: tensor<4xf32>, %s: tensor<1x4xf32>) {
  // expected-error @+1 {{slope rank 2 must not exceed the input rank 1 (slope broadcasts to the input)}}
  %y = qnt.prelu %x, %s : (tensor<4xf32>, tensor<1x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @prelu_slope_shape(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>) {
  // expected-error @+1 {{slope shape [8] must broadcast to the input shape [1, 8, 4, 4]: each slope dimension equals the input's or is 1}}
  %y = qnt.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

func.func @prelu_result_type(%x: tensor<2x4xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{result type 'tensor<4x2xf32>' must be the input type 'tensor<2x4xf32>'}}
  %y = qnt.prelu %x, %s : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @hard_sigmoid_alpha(%x: tensor<4xf32>) {
  // expected-error @+1 {{alpha and beta must be finite, got INF and 5.000000e-01}}
  %y = qnt.hard_sigmoid %x {alpha = 0x7F800000 : f32, beta = 0.5 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @hard_sigmoid_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{input shape [4] and result shape [2, 2] must match}}
  %y = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<4xf32> -> tensor<2x2xf32>
  return
}

// -----

func.func @hard_sigmoid_domain(%x: tensor<4xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return
}

// -----

func.func @hard_sigmoid_per_axis(%x: tensor<2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<2x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x!quant.uniform<u8:f32, 0.00390625>>
  return
}

// -----

func.func @hard_sigmoid_result_per_axis(%x: tensor<2x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{result must be quantized per tensor, not per axis}}
  %y = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<2x!quant.uniform<i8:f32, 0.1>> -> tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @log_softmax_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %y = qnt.log_softmax %x {axis = 2 : i64} : tensor<2x3xf32>
  return
}

// -----

func.func @log_softmax_negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis -1 must be in [0, 2)}}
  %y = qnt.log_softmax %x {axis = -1 : i64} : tensor<2x3xf32>
  return
}
