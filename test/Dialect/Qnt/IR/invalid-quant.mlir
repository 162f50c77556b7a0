// One case per verifier rule of the quant ops, with the message that quotes it.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @quantize_linear_shape(%x: tensor<2x3xf32>, %s: tensor<f32>) {
  // expected-error @+1 {{'qnt.quantize_linear' op input shape [2, 3] and result shape [3, 2] must match}}
  %q = qnt.quantize_linear %x, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<3x2xui8>
  return
}

// -----

func.func @quantize_linear_result_type(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @+1 {{result element type must be one of i2, ui2, i4, ui4, i8, ui8, i16, ui16, f8E4M3FN, f8E4M3FNUZ, f8E5M2, f8E5M2FNUZ, f4E2M1FN, got 'i32'}}
  %q = qnt.quantize_linear %x, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xi32>
  return
}

// -----

func.func @dequantize_linear_input_type(%q: tensor<4xi64>, %s: tensor<f32>) {
  // expected-error @+1 {{input element type must be one of i2, ui2, i4, ui4, i8, ui8, i16, ui16, i32, f8E4M3FN, f8E4M3FNUZ, f8E5M2, f8E5M2FNUZ, f4E2M1FN, got 'i64'}}
  %x = qnt.dequantize_linear %q, %s : (tensor<4xi64>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @zero_point_type(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<ui8>) {
  // expected-error @+1 {{zero point element type 'ui8' must match the result element type 'i8'}}
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<ui8>) -> tensor<4xi8>
  return
}

// -----

func.func @zero_point_shape(%q: tensor<2x3xi8>, %s: tensor<3xf32>, %zp: tensor<i8>) {
  // expected-error @+1 {{zero point shape [] must match scale shape [3]}}
  %x = qnt.dequantize_linear %q, %s, %zp {axis = 1 : i64} : (tensor<2x3xi8>, tensor<3xf32>, tensor<i8>) -> tensor<2x3xf32>
  return
}

// -----

func.func @per_tensor_with_axis(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error @+1 {{a rank-0 scale quantizes per tensor; axis and block_size must be absent}}
  %q = qnt.quantize_linear %x, %s {axis = 0 : i64} : (tensor<4xf32>, tensor<f32>) -> tensor<4xui8>
  return
}

// -----

func.func @per_axis_without_axis(%x: tensor<4xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{a per-axis or blocked scale needs axis}}
  %q = qnt.quantize_linear %x, %s : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xui8>
  return
}

// -----

func.func @axis_out_of_range(%x: tensor<2x4xf32>, %s: tensor<4xf32>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %q = qnt.quantize_linear %x, %s {axis = 2 : i64} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xui8>
  return
}

// -----

func.func @scale_rank_without_block(%x: tensor<2x4xf32>, %s: tensor<2x4xf32>) {
  // expected-error @+1 {{scale must have rank 0 (per tensor) or 1 (per axis) without block_size, got rank 2}}
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xui8>
  return
}

// -----

func.func @per_axis_size(%q: tensor<2x4xui8>, %s: tensor<2xf32>) {
  // expected-error @+1 {{per-axis scale has 2 elements but dimension 1 has size 4}}
  %x = qnt.dequantize_linear %q, %s {axis = 1 : i64} : (tensor<2x4xui8>, tensor<2xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @block_size_not_positive(%x: tensor<2x4xf32>, %s: tensor<2x4xf32>) {
  // expected-error @+1 {{block_size must be positive, got 0}}
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64, block_size = 0 : i64} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xui8>
  return
}

// -----

func.func @blocked_scale_rank(%x: tensor<2x4xf32>, %s: tensor<2xf32>) {
  // expected-error @+1 {{a blocked scale must have the data's rank 2, got rank 1}}
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x4xf32>, tensor<2xf32>) -> tensor<2x4xui8>
  return
}

// -----

func.func @blocked_scale_shape(%q: tensor<2x5xi4>, %s: tensor<2x2xf32>) {
  // expected-error @+1 {{blocked scale must have shape [2, 5] with dimension 1 divided by block_size 2 (rounded up), got [2, 2]}}
  %x = qnt.dequantize_linear %q, %s {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x5xi4>, tensor<2x2xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @dynamic_quantize_empty(%x: tensor<0x4xf32>) {
  // expected-error @+1 {{'qnt.dynamic_quantize_linear' op input must have at least one element}}
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<0x4xf32> -> tensor<0x4xui8>, tensor<f32>, tensor<ui8>
  return
}

// -----

func.func @dynamic_quantize_shape(%x: tensor<2x4xf32>) {
  // expected-error @+1 {{input shape [2, 4] and result shape [4, 2] must match}}
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<2x4xf32> -> tensor<4x2xui8>, tensor<f32>, tensor<ui8>
  return
}

// -----

func.func @dynamic_quantize_output_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{output must have element type ui8, got 'i8'}}
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<4xf32> -> tensor<4xi8>, tensor<f32>, tensor<ui8>
  return
}

// -----

func.func @dynamic_quantize_scale_rank(%x: tensor<4xf32>) {
  // expected-error @+1 {{scale must be a rank-0 tensor, got 'tensor<1xf32>'}}
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<4xf32> -> tensor<4xui8>, tensor<1xf32>, tensor<ui8>
  return
}

// -----

func.func @dynamic_quantize_zero_point(%x: tensor<4xf32>) {
  // expected-error @+1 {{zero point must be a rank-0 ui8 tensor, got 'tensor<i8>'}}
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<4xf32> -> tensor<4xui8>, tensor<f32>, tensor<i8>
  return
}

// -----

func.func @matmul_integer_operand_type(%a: tensor<2x3xi16>, %b: tensor<3x2xi8>, %azp: tensor<i16>, %bzp: tensor<i8>) {
  // expected-error @+1 {{'qnt.matmul_integer' op lhs must have element type i8 or ui8, got 'i16'}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xi16>, tensor<3x2xi8>, tensor<i16>, tensor<i8>) -> tensor<2x2xi32>
  return
}

// -----

func.func @matmul_integer_rank(%a: tensor<2x3xi8>, %b: tensor<3xi8>, %azp: tensor<i8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{rhs must have rank at least 2, got rank 1}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xi8>, tensor<3xi8>, tensor<i8>, tensor<i8>) -> tensor<2xi32>
  return
}

// -----

func.func @matmul_integer_contraction(%a: tensor<2x3xi8>, %b: tensor<4x2xi8>, %azp: tensor<i8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{contraction sizes must match: lhs has 3 columns, rhs has 4 rows}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xi8>, tensor<4x2xi8>, tensor<i8>, tensor<i8>) -> tensor<2x2xi32>
  return
}

// -----

func.func @matmul_integer_batch(%a: tensor<2x2x3xi8>, %b: tensor<3x3x2xi8>, %azp: tensor<i8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{batch dimensions [2] and [3] must broadcast}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x2x3xi8>, tensor<3x3x2xi8>, tensor<i8>, tensor<i8>) -> tensor<2x2x2xi32>
  return
}

// -----

func.func @matmul_integer_result_shape(%a: tensor<2x3xi8>, %b: tensor<3x2xi8>, %azp: tensor<i8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{result shape must be [2, 2], got [2, 3]}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xi8>, tensor<3x2xi8>, tensor<i8>, tensor<i8>) -> tensor<2x3xi32>
  return
}

// -----

func.func @matmul_integer_result_type(%a: tensor<2x3xi8>, %b: tensor<3x2xi8>, %azp: tensor<i8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{result must have element type i32, got 'i64'}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xi8>, tensor<3x2xi8>, tensor<i8>, tensor<i8>) -> tensor<2x2xi64>
  return
}

// -----

func.func @matmul_integer_lhs_zero_point(%a: tensor<2x3xui8>, %b: tensor<3x2xi8>, %azp: tensor<2xui8>, %bzp: tensor<i8>) {
  // expected-error @+1 {{lhs zero point must be a rank-0 tensor of 'ui8', got 'tensor<2xui8>'}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xui8>, tensor<3x2xi8>, tensor<2xui8>, tensor<i8>) -> tensor<2x2xi32>
  return
}

// -----

func.func @matmul_integer_rhs_zero_point(%a: tensor<2x3xui8>, %b: tensor<3x2xi8>, %azp: tensor<ui8>, %bzp: tensor<3xi8>) {
  // expected-error @+1 {{rhs zero point must be a rank-0 tensor or one of 2 elements (one per column) of 'i8', got 'tensor<3xi8>'}}
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<2x2xi32>
  return
}

// -----

func.func @conv2d_integer_rank(%x: tensor<4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{'qnt.conv2d_integer' op input must have rank 4 (NHWC), got rank 3}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_operand_type(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xi16>, %xzp: tensor<ui8>, %wzp: tensor<i16>) {
  // expected-error @+1 {{filter must have element type i8 or ui8, got 'i16'}}
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi16>, tensor<ui8>, tensor<i16>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_groups(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{groups must be positive, got 0}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 0 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_filters_per_group(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x1xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{filters 3 must be a multiple of groups 2}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x1xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_group_channels(%x: tensor<1x4x4x2xui8>, %w: tensor<2x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{filter input channels 2 must equal input channels / groups = 1}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x4x2xui8>, tensor<2x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x2xi32>
  return
}

// -----

func.func @conv2d_integer_window(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{strides must have 2 values (sh, sw), got 1}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_result_shape(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{result shape must be [1, 3, 3, 3], got [1, 4, 4, 3]}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x4x4x3xi32>
  return
}

// -----

func.func @conv2d_integer_result_type(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %zp: tensor<ui8>) {
  // expected-error @+1 {{result must have element type i32, got 'ui32'}}
  %y = qnt.conv2d_integer %x, %w, %zp, %zp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x3x3x3xui32>
  return
}

// -----

func.func @conv2d_integer_input_zero_point(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %xzp: tensor<i8>, %wzp: tensor<ui8>) {
  // expected-error @+1 {{input zero point must be a rank-0 tensor of 'ui8', got 'tensor<i8>'}}
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<i8>, tensor<ui8>) -> tensor<1x3x3x3xi32>
  return
}

// -----

func.func @conv2d_integer_filter_zero_point(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xui8>, %xzp: tensor<ui8>, %wzp: tensor<2xui8>) {
  // expected-error @+1 {{filter zero point must be a rank-0 tensor or one of 3 elements (one per output channel) of 'ui8', got 'tensor<2xui8>'}}
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xui8>, tensor<ui8>, tensor<2xui8>) -> tensor<1x3x3x3xi32>
  return
}
