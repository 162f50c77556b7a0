// One case per verifier rule of the qnt ops, with the message that quotes it.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @expressed_not_f32(%x: tensor<4x!quant.uniform<i8:f64, 0.1>>) {
  // expected-error @+1 {{'qnt.dequantize' op operand #0 must be quantized from f32 values, got 'f64'}}
  %y = qnt.dequantize %x : tensor<4x!quant.uniform<i8:f64, 0.1>> -> tensor<4xf32>
  return
}

// -----

func.func @zero_point_out_of_range(%x: tensor<4x!quant.uniform<i8:f32, 0.1:200>>) {
  // expected-error @+1 {{operand #0 zero point 200 is outside the storage range [-128, 127]}}
  %y = qnt.dequantize %x : tensor<4x!quant.uniform<i8:f32, 0.1:200>> -> tensor<4xf32>
  return
}

// -----

func.func @per_axis_zero_point_out_of_range(%x: tensor<2xf32>) {
  // expected-error @+1 {{result #0 zero point -1 is outside the storage range [0, 255]}}
  %y = qnt.quantize %x : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2:-1}>>
  return
}

// -----

func.func @per_axis_dimension_out_of_range(%x: tensor<2x2xf32>) {
  // expected-error @+1 {{result #0 quantized dimension 2 is out of range for rank 2}}
  %y = qnt.quantize %x : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<i8:f32:2, {0.1, 0.2}>>
  return
}

// -----

func.func @per_axis_scale_count(%x: tensor<3xf32>) {
  // expected-error @+1 {{result #0 has 2 scales but its quantized dimension 0 has size 3; per-axis types need one scale per slice}}
  %y = qnt.quantize %x : tensor<3xf32> -> tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @constant_shape() {
  // expected-error @+1 {{value shape [2] must match result shape [3]}}
  %c = qnt.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<3xf32>
  return
}

// -----

func.func @constant_float_element() {
  // expected-error @+1 {{value element type 'f16' must match result element type 'f32'}}
  %c = qnt.constant dense<[1.0, 2.0]> : tensor<2xf16> -> tensor<2xf32>
  return
}

// -----

func.func @constant_storage_type() {
  // expected-error @+1 {{value of a quantized constant must hold storage integers of type 'i8', got 'i32'}}
  %c = qnt.constant dense<[1, 2]> : tensor<2xi32> -> tensor<2x!quant.uniform<i8:f32, 0.02:-3>>
  return
}

// -----

func.func @constant_storage_range() {
  // expected-error @+1 {{stored value 300 is outside the storage range [0, 255]}}
  %c = qnt.constant dense<[1, 300]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32<0:255>:f32, 0.1>>
  return
}

// -----

func.func @quantize_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{input shape [4] and result shape [5] must match}}
  %y = qnt.quantize %x : tensor<4xf32> -> tensor<5x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @quantize_float_result(%x: tensor<4xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of uniform quantized type values}}
  %y = qnt.quantize %x : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_shape(%x: tensor<4x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{input shape [4] and result shape [4, 1] must match}}
  %y = qnt.dequantize %x : tensor<4x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4x1xf32>
  return
}

// -----

func.func @requantize_axis(%x: tensor<2x2x!quant.uniform<i32:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{per-axis input and result must share the quantized dimension, got 0 and 1}}
  %y = qnt.requantize %x : tensor<2x2x!quant.uniform<i32:f32:0, {0.1, 0.2}>> -> tensor<2x2x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return
}

// -----

func.func @conv_input_rank(%x: tensor<8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{input must have rank 4 (NHWC), got rank 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_filter_rank(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3xf32>) {
  // expected-error @+1 {{filter must have rank 4 (FHWC), got rank 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_result_rank(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{result must have rank 4 (NHWC), got rank 2}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<36x4xf32>
  return
}

// -----

func.func @conv_groups_positive(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{groups must be positive, got 0}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 0 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_channels_divisible(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x1xf32>) {
  // expected-error @+1 {{input channels 3 must be divisible by groups 2}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x1xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_filters_divisible(%x: tensor<1x8x8x6xf32>, %w: tensor<4x3x3x2xf32>) {
  // expected-error @+1 {{filter count 4 must be divisible by groups 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 3 : i64} : (tensor<1x8x8x6xf32>, tensor<4x3x3x2xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_group_channels(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x2xf32>) {
  // expected-error @+1 {{filter input channels 2 must equal input channels / groups = 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x2xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_bias_shape(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{bias must have shape [4], got [3]}}
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_strides_count(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{strides must have 2 values (sh, sw), got 1}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_strides_positive(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{strides must be positive, got 0}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 0>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_dilations_count(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{dilations must have 2 values (dh, dw), got 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_pads_count(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{pads must have 4 values (top, left, bottom, right), got 2}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_pads_negative(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{pads must be non-negative, got -1}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, -1, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_kernel_too_large(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{dilated kernel 9 exceeds padded input 8 in spatial dimension 0}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 4, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_result_shape(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 3, 3, 4], got [1, 6, 6, 4]}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_mixed_domain(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_storage_width(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<4x3x3x3x!quant.uniform<i16:f32, 0.5>>) {
  // expected-error @+1 {{filter storage must be at most 8 bits, got 16}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x3x3x3x!quant.uniform<i16:f32, 0.5>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_input_per_axis(%x: tensor<1x8x8x3x!quant.uniform<i8:f32:3, {0.1, 0.2, 0.3}>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32:3, {0.1, 0.2, 0.3}>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_filter_axis(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32:3, {0.1, 0.2, 0.3}>>) {
  // expected-error @+1 {{filter may be per-axis only along dimension 0 (its output dimension), got 3}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:3, {0.1, 0.2, 0.3}>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_bias_storage(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.0004>>) {
  // expected-error @+1 {{quantized bias must have i32 storage, got 'i8'}}
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x!quant.uniform<i8:f32, 0.0004>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_bias_zero_point(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>, %b: tensor<4x!quant.uniform<i32:f32, 0.0004:5>>) {
  // expected-error @+1 {{quantized bias must have zero point 0}}
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x!quant.uniform<i32:f32, 0.0004:5>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_bias_scale(%x: tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.02, 0.02, 0.02, 0.02}>>, %b: tensor<4x!quant.uniform<i32:f32:0, {0.0004, 0.001, 0.0004, 0.0004}>>) {
  // expected-error @+1 {{bias scale 1.000000e-03 of channel 1 must equal input scale * weight scale = 4.000000e-04}}
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x8x8x3x!quant.uniform<i8:f32, 0.02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.02, 0.02, 0.02, 0.02}>>, tensor<4x!quant.uniform<i32:f32:0, {0.0004, 0.001, 0.0004, 0.0004}>>) -> tensor<1x6x6x4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @conv_clamp_order(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{clamp_min (6.000000e+00) must not exceed clamp_max (0.000000e+00)}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64, clamp_min = 6.0 : f32, clamp_max = 0.0 : f32} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @conv_clamp_nan(%x: tensor<1x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{clamp_min and clamp_max must not be NaN}}
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64, clamp_min = 0x7FC00000 : f32} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @matmul_rank(%a: tensor<8xf32>, %b: tensor<8x3xf32>) {
  // expected-error @+1 {{operands must have rank at least 2}}
  %y = qnt.matmul %a, %b : (tensor<8xf32>, tensor<8x3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<4x8xf32>, %b: tensor<7x3xf32>) {
  // expected-error @+1 {{contraction sizes must match: lhs has 8 columns, rhs has 7 rows}}
  %y = qnt.matmul %a, %b : (tensor<4x8xf32>, tensor<7x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x4x8xf32>, %b: tensor<3x8x3xf32>) {
  // expected-error @+1 {{batch dimensions [2] and [3] must broadcast}}
  %y = qnt.matmul %a, %b : (tensor<2x4x8xf32>, tensor<3x8x3xf32>) -> tensor<2x4x3xf32>
  return
}

// -----

func.func @matmul_result_shape(%a: tensor<2x4x8xf32>, %b: tensor<8x3xf32>) {
  // expected-error @+1 {{result shape must be [2, 4, 3], got [4, 3]}}
  %y = qnt.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @matmul_rhs_axis(%a: tensor<4x2x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{rhs may be per-axis only along dimension 1 (its output dimension), got 0}}
  %y = qnt.matmul %a, %b : (tensor<4x2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<4x3x!quant.uniform<i32:f32, 0.001>>
  return
}

// -----

func.func @matmul_lhs_storage(%a: tensor<4x2x!quant.uniform<i32:f32, 0.1>>, %b: tensor<2x3x!quant.uniform<i8:f32, 0.02:-3>>) {
  // expected-error @+1 {{lhs storage must be at most 8 bits, got 32}}
  %y = qnt.matmul %a, %b : (tensor<4x2x!quant.uniform<i32:f32, 0.1>>, tensor<2x3x!quant.uniform<i8:f32, 0.02:-3>>) -> tensor<4x3x!quant.uniform<i32:f32, 0.001>>
  return
}

// -----

func.func @fc_input_rank(%x: tensor<1x2x8xf32>, %w: tensor<4x8xf32>) {
  // expected-error @+1 {{input must have rank 2 (M, K), got rank 3}}
  %y = qnt.fully_connected %x, %w : (tensor<1x2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @fc_weight_rank(%x: tensor<2x8xf32>, %w: tensor<8xf32>) {
  // expected-error @+1 {{weight must have rank 2 (N, K), got rank 1}}
  %y = qnt.fully_connected %x, %w : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @fc_columns(%x: tensor<2x8xf32>, %w: tensor<4x7xf32>) {
  // expected-error @+1 {{input columns 8 must equal weight columns 7}}
  %y = qnt.fully_connected %x, %w : (tensor<2x8xf32>, tensor<4x7xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @fc_bias_shape(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>, %b: tensor<1x4xf32>) {
  // expected-error @+1 {{bias must have shape [4], got [1, 4]}}
  %y = qnt.fully_connected %x, %w, %b : (tensor<2x8xf32>, tensor<4x8xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @fc_result_shape(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) {
  // expected-error @+1 {{result shape must be [2, 4], got [4, 2]}}
  %y = qnt.fully_connected %x, %w : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operand shapes [2, 3] and [2] must broadcast}}
  %y = qnt.add %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @mul_result_shape(%a: tensor<2x3xf32>, %b: tensor<4x1x3xf32>) {
  // expected-error @+1 {{result shape must be [4, 2, 3], got [2, 3]}}
  %y = qnt.mul %a, %b : (tensor<2x3xf32>, tensor<4x1x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @add_per_axis(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{rhs must be quantized per tensor, not per axis}}
  %y = qnt.add %a, %b : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>) -> tensor<2x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @mul_mixed_domain(%a: tensor<2x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.mul %a, %b : (tensor<2x!quant.uniform<u8:f32, 0.05:128>>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @clamp_no_bounds(%x: tensor<4xf32>) {
  // expected-error @+1 {{needs at least one of min and max}}
  %y = qnt.clamp %x : tensor<4xf32>
  return
}

// -----

func.func @clamp_order(%x: tensor<4xf32>) {
  // expected-error @+1 {{min (1.000000e+00) must not exceed max (-1.000000e+00)}}
  %y = qnt.clamp %x {min = 1.0 : f32, max = -1.0 : f32} : tensor<4xf32>
  return
}

// -----

func.func @sigmoid_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{input shape [4] and result shape [2, 2] must match}}
  %y = qnt.sigmoid %x : tensor<4xf32> -> tensor<2x2xf32>
  return
}

// -----

func.func @tanh_domain(%x: tensor<4xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.tanh %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @hard_swish_per_axis(%x: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{result must be quantized per tensor, not per axis}}
  %y = qnt.hard_swish %x : tensor<2x!quant.uniform<u8:f32, 0.05:128>> -> tensor<2x!quant.uniform<u8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @leaky_relu_alpha(%x: tensor<4xf32>) {
  // expected-error @+1 {{alpha must be finite, got INF}}
  %y = qnt.leaky_relu %x {alpha = 0x7F800000 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<2x4xf32>) {
  // expected-error @+1 {{axis -1 must be in [0, 2)}}
  %y = qnt.softmax %x {axis = -1 : i64} : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @pool_input_rank(%x: tensor<8x8x3xf32>) {
  // expected-error @+1 {{input must have rank 4 (NHWC), got rank 3}}
  %y = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} : tensor<8x8x3xf32> -> tensor<6x6x3xf32>
  return
}

// -----

func.func @pool_kernel_count(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{kernel must have 2 values (kh, kw), got 1}}
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} : tensor<1x8x8x3xf32> -> tensor<1x6x6x3xf32>
  return
}

// -----

func.func @pool_kernel_positive(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{kernel must be positive, got 0}}
  %y = qnt.max_pool2d %x {kernel = array<i64: 0, 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} : tensor<1x8x8x3xf32> -> tensor<1x6x6x3xf32>
  return
}

// -----

func.func @pool_pads_vs_kernel(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{pads must be smaller than the dilated kernel 3 so that every window sees the input}}
  %y = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 3, 0, 3, 0>, dilations = array<i64: 1, 1>} : tensor<1x8x8x3xf32> -> tensor<1x12x6x3xf32>
  return
}

// -----

func.func @pool_result_shape(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 6, 6, 3], got [1, 6, 6, 4]}}
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} : tensor<1x8x8x3xf32> -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @pool_ceil_mode_shape(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 4, 4, 3], got [1, 3, 3, 3]}}
  %y = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode} : tensor<1x8x8x3xf32> -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @max_pool_quant_params(%x: tensor<1x8x8x3x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{quantized input and result must have identical quantization parameters}}
  %y = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>} : tensor<1x8x8x3x!quant.uniform<u8:f32, 0.05:128>> -> tensor<1x6x6x3x!quant.uniform<u8:f32, 0.1:128>>
  return
}

// -----

func.func @global_avg_pool_shape(%x: tensor<1x8x8x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 1, 1, 3], got [1, 3]}}
  %y = qnt.global_avg_pool %x : tensor<1x8x8x3xf32> -> tensor<1x3xf32>
  return
}

// -----

func.func @global_avg_pool_rank(%x: tensor<8x3xf32>) {
  // expected-error @+1 {{input must have rank 4 (NHWC), got rank 2}}
  %y = qnt.global_avg_pool %x : tensor<8x3xf32> -> tensor<1x1x1x3xf32>
  return
}

// -----

func.func @resize_rank(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{result must have rank 4 (NHWC), got rank 3}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x4x4x3xf32> -> tensor<8x8x3xf32>
  return
}

// -----

func.func @resize_channels(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{resizes only H and W: input [1, 4, 4, 3] and result [1, 8, 8, 6] must agree in N and C}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x6xf32>
  return
}

// -----

func.func @resize_element_type(%x: tensor<1x4x4x3x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{input element type '!quant.uniform<u8:f32, 5.000000e-02:128>' must be identical to the result element type '!quant.uniform<u8:f32, 1.000000e-01:128>'}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x4x4x3x!quant.uniform<u8:f32, 0.05:128>> -> tensor<1x8x8x3x!quant.uniform<u8:f32, 0.1:128>>
  return
}

// -----

func.func @reshape_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{input and result must have the same number of elements, got 6 and 8}}
  %y = qnt.reshape %x : tensor<2x3xf32> -> tensor<8xf32>
  return
}

// -----

func.func @reshape_element_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{input element type 'f32' must be identical to the result element type '!quant.uniform<u8:f32, 5.000000e-02:128>'}}
  %y = qnt.reshape %x : tensor<2x3xf32> -> tensor<6x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @reshape_per_axis(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.reshape %x : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x3x1x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @transpose_perm_size(%x: tensor<1x2x3xf32>) {
  // expected-error @+1 {{perm must have one entry per dimension (rank 3), got 2}}
  %y = qnt.transpose %x {perm = array<i64: 1, 0>} : tensor<1x2x3xf32> -> tensor<2x1x3xf32>
  return
}

// -----

func.func @transpose_not_permutation(%x: tensor<1x2x3xf32>) {
  // expected-error @+1 {{perm must be a permutation of [0, 3)}}
  %y = qnt.transpose %x {perm = array<i64: 0, 1, 1>} : tensor<1x2x3xf32> -> tensor<1x2x2xf32>
  return
}

// -----

func.func @transpose_result_shape(%x: tensor<1x2x3xf32>) {
  // expected-error @+1 {{result shape must be [3, 1, 2], got [2, 3, 1]}}
  %y = qnt.transpose %x {perm = array<i64: 2, 0, 1>} : tensor<1x2x3xf32> -> tensor<2x3x1xf32>
  return
}

// -----

func.func @transpose_per_axis_dimension(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{result must keep the input's per-axis parameters, quantized along dimension 1}}
  %y = qnt.transpose %x {perm = array<i64: 1, 0>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<3x2x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  return
}

// -----

func.func @transpose_element_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{input element type 'f32' must be identical to the result element type '!quant.uniform<u8:f32, 5.000000e-02:128>'}}
  %y = qnt.transpose %x {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @concat_empty() {
  // expected-error @+1 {{needs at least one input}}
  %y = qnt.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return
}

// -----

func.func @concat_axis(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %y = qnt.concat %a, %b {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{input #1 must have rank 2, got rank 1}}
  %y = qnt.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_other_dims(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+1 {{input #1 dimension 0 is 3 but the result's is 2; only the concat axis may differ}}
  %y = qnt.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_element_type(%a: tensor<2x!quant.uniform<u8:f32, 0.1:128>>, %b: tensor<2x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{input #0 element type '!quant.uniform<u8:f32, 1.000000e-01:128>' must be identical to the result element type '!quant.uniform<u8:f32, 5.000000e-02:128>'}}
  %y = qnt.concat %a, %b {axis = 0 : i64} : (tensor<2x!quant.uniform<u8:f32, 0.1:128>>, tensor<2x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @concat_sum(%a: tensor<2x3xf32>, %b: tensor<2x2xf32>) {
  // expected-error @+1 {{result dimension 1 must be the sum of the inputs' = 5, got 6}}
  %y = qnt.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @pad_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{pads must have 2 * rank = 4 values (all begins, then all ends), got 2}}
  %y = qnt.pad %x {pads = array<i64: 1, 1>, mode = #qnt<pad_mode constant>} : tensor<2x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @pad_negative(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{pads must be non-negative}}
  %y = qnt.pad %x {pads = array<i64: -1, 0, 0, 0>, mode = #qnt<pad_mode constant>} : tensor<2x3xf32> -> tensor<1x3xf32>
  return
}

// -----

func.func @pad_reflect_size(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{reflect padding of dimension 1 must be smaller than its size 3}}
  %y = qnt.pad %x {pads = array<i64: 0, 3, 0, 0>, mode = #qnt<pad_mode reflect>} : tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @pad_edge_empty(%x: tensor<0x3xf32>) {
  // expected-error @+1 {{edge padding needs a non-empty dimension 0}}
  %y = qnt.pad %x {pads = array<i64: 1, 0, 0, 0>, mode = #qnt<pad_mode edge>} : tensor<0x3xf32> -> tensor<1x3xf32>
  return
}

// -----

func.func @pad_result_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result shape must be [4, 5], got [4, 4]}}
  %y = qnt.pad %x {pads = array<i64: 1, 1, 1, 1>, mode = #qnt<pad_mode constant>} : tensor<2x3xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @pad_element_type(%x: tensor<2x3x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{input element type '!quant.uniform<u8:f32, 5.000000e-02:128>' must be identical to the result element type 'f32'}}
  %y = qnt.pad %x {pads = array<i64: 1, 1, 1, 1>, mode = #qnt<pad_mode constant>} : tensor<2x3x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4x5xf32>
  return
}

// -----

func.func @pad_value_representable(%x: tensor<2x3x!quant.uniform<u8:f32, 0.05:128>>) {
  // expected-error @+1 {{pad value 1.000000e-02 is not exactly representable in '!quant.uniform<u8:f32, 5.000000e-02:128>'}}
  %y = qnt.pad %x {pads = array<i64: 1, 1, 1, 1>, mode = #qnt<pad_mode constant>, value = 0.01 : f32} : tensor<2x3x!quant.uniform<u8:f32, 0.05:128>> -> tensor<4x5x!quant.uniform<u8:f32, 0.05:128>>
  return
}

// -----

func.func @pad_constant_per_axis(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.pad %x {pads = array<i64: 0, 1, 0, 1>, mode = #qnt<pad_mode constant>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x5x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @storage_cast_two_integers(%x: tensor<2xi8>) {
  // expected-error @+1 {{casts between an integer tensor and a quantized tensor, one of each}}
  %y = qnt.storage_cast %x : tensor<2xi8> -> tensor<2xui8>
  return
}

// -----

func.func @storage_cast_signedness(%x: tensor<2xi8>) {
  // expected-error @+1 {{integer type 'i8' must have the width and signedness of the storage of '!quant.uniform<u8:f32, 1.000000e+00>'}}
  %y = qnt.storage_cast %x : tensor<2xi8> -> tensor<2x!quant.uniform<u8:f32, 1.0>>
  return
}

// -----

func.func @storage_cast_width(%x: tensor<2x!quant.uniform<i8:f32, 1.0>>) {
  // expected-error @+1 {{integer type 'i32' must have the width and signedness of the storage of '!quant.uniform<i8:f32, 1.000000e+00>'}}
  %y = qnt.storage_cast %x : tensor<2x!quant.uniform<i8:f32, 1.0>> -> tensor<2xi32>
  return
}

// -----

func.func @storage_cast_shape(%x: tensor<2xi8>) {
  // expected-error @+1 {{input shape [2] and result shape [3] must match}}
  %y = qnt.storage_cast %x : tensor<2xi8> -> tensor<3x!quant.uniform<i8:f32, 1.0>>
  return
}

// -----

func.func @cast_quantized(%x: tensor<2x!quant.uniform<i8:f32, 1.0>>) {
  // expected-error @+1 {{converts f32 and integer tensors; quantized tensors go through quantize, dequantize or storage_cast}}
  %y = qnt.cast %x : tensor<2x!quant.uniform<i8:f32, 1.0>> -> tensor<2xf32>
  return
}

// -----

func.func @pad_integer_value(%x: tensor<2xui8>) {
  // expected-error @+1 {{pad value -1.000000e+00 is not exactly representable in 'ui8'}}
  %y = qnt.pad %x {pads = array<i64: 1, 1>, mode = #qnt<pad_mode constant>, value = -1.0 : f32} : tensor<2xui8> -> tensor<4xui8>
  return
}

// -----

func.func @sigmoid_integer(%x: tensor<2xi8>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float or uniform quantized type values}}
  %y = qnt.sigmoid %x : tensor<2xi8> -> tensor<2xi8>
  return
}

// -----

func.func @resize_scales_count(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{scales must have 2 values (scale_h, scale_w), got 1}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>, scales = array<f32: 2.0>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_scales_positive(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{scales must be positive and finite, got 0.000000e+00}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>, scales = array<f32: 2.0, 0.0>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_roi_without_crop(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{roi is only used by coordinate_transform tf_crop_and_resize}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, roi = array<f32: 0.0, 0.0, 1.0, 1.0>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_roi_size(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{roi must have 4 values (start_h, start_w, end_h, end_w), got 2}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode floor>, roi = array<f32: 0.0, 1.0>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_roi_finite(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{roi values must be finite, got INF}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode floor>, roi = array<f32: 0.0, 0.0, 0x7F800000, 1.0>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{coordinate_transform tf_crop_and_resize needs roi}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_extrapolation_without_crop(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{extrapolation_value is only used by coordinate_transform tf_crop_and_resize}}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform align_corners>, nearest_mode = #qnt<nearest_mode floor>, extrapolation_value = 1.0 : f32} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @resize_crop_quantized(%x: tensor<1x4x4x3x!quant.uniform<u8:f32, 0.5:3>>) {
  // expected-error @+1 {{coordinate_transform tf_crop_and_resize needs a float tensor (extrapolation_value is a real value)}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode floor>, roi = array<f32: 0.0, 0.0, 1.0, 1.0>} : tensor<1x4x4x3x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x8x8x3x!quant.uniform<u8:f32, 0.5:3>>
  return
}

// -----

func.func @resize_antialias_nearest(%x: tensor<1x4x4x3xf32>) {
  // expected-error @+1 {{antialias is only used in linear mode}}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode floor>, antialias} : tensor<1x4x4x3xf32> -> tensor<1x8x8x3xf32>
  return
}

// -----

func.func @cast_small_float_to_integer(%x: tensor<2xf8E4M3FN>) {
  // expected-error @+1 {{converts a small float type only to or from f32, got 'f8E4M3FN' to 'i8'}}
  %y = qnt.cast %x : tensor<2xf8E4M3FN> -> tensor<2xi8>
  return
}

