// One failing case per verifier rule of the nn ops (QntNNOps.td).
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{input must have rank 4 (NHWC), got rank 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @filter_rank(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3xf32>) {
  // expected-error @+1 {{filter must have rank 4 (FHWC), got rank 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @result_rank(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{result must have rank 4 (NHWC), got rank 2}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<36x2xf32>
  return
}

// -----

func.func @groups_positive(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{groups must be positive, got 0}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 0 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @channels_divisible(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x1xf32>) {
  // expected-error @+1 {{input channels 3 must be divisible by groups 2}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x1xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @filters_divisible(%x: tensor<1x4x4x6xf32>, %w: tensor<4x3x3x2xf32>) {
  // expected-error @+1 {{filter count 4 must be divisible by groups 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 3 : i64} : (tensor<1x4x4x6xf32>, tensor<4x3x3x2xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

func.func @group_channels(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x2xf32>) {
  // expected-error @+1 {{filter input channels 2 must equal input channels / groups = 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x2xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @bias_shape(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{bias must have shape [2], got [3]}}
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>, tensor<3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @strides_count(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{strides must have 2 values (sh, sw), got 1}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @strides_positive(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{strides must be positive, got 0}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 0>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @dilations_count(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{dilations must have 2 values (dh, dw), got 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @dilations_positive(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{dilations must be positive, got -1}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: -1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @pads_count(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{pads must have 4 values (top, left, bottom, right), got 2}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @output_size_positive(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{pads 3 and 3 crop the whole transposed output of spatial dimension 0; its size (in - 1) * stride + dilation * (kernel - 1) + 1 - pads must be positive, got 0}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 3, 0, 3, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @result_shape(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 6, 6, 2], got [1, 7, 6, 2]}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x7x6x2xf32>
  return
}

// -----

func.func @result_shape_negative_pads(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 8, 6, 2], got [1, 6, 6, 2]}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, -2, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @same_domain(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @narrow_input(%x: tensor<1x4x4x3x!quant.uniform<i16:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{input storage must be at most 8 bits, got 16}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i16:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @narrow_filter(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i16:f32, 0.5>>) {
  // expected-error @+1 {{filter storage must be at most 8 bits, got 16}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i16:f32, 0.5>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @input_per_tensor(%x: tensor<1x4x4x3x!quant.uniform<i8:f32:3, {0.1, 0.1, 0.1}>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32:3, {0.1, 0.1, 0.1}>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @result_per_tensor(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{result must be quantized per tensor, not per axis}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32:3, {0.1, 0.1}>>
  return
}

// -----

func.func @filter_axis(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32:3, {0.5, 0.5, 0.5}>>) {
  // expected-error @+1 {{filter may be per-axis only along dimension 0 (its output dimension), got 3}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32:3, {0.5, 0.5, 0.5}>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @bias_storage(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, %b: tensor<2x!quant.uniform<i8:f32, 0.05>>) {
  // expected-error @+1 {{quantized bias must have i32 storage, got 'i8'}}
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.05>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @bias_zero_point(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, %b: tensor<2x!quant.uniform<i32:f32, 0.05:1>>) {
  // expected-error @+1 {{quantized bias must have zero point 0}}
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i32:f32, 0.05:1>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @bias_scale(%x: tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, %b: tensor<2x!quant.uniform<i32:f32, 0.1>>) {
  // expected-error @+1 {{bias scale 1.000000e-01 of channel 0 must equal input scale * weight scale = 5.000000e-02}}
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x3x3x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i32:f32, 0.1>>) -> tensor<1x6x6x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @clamp_bounds(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{clamp_min (1.000000e+00) must not exceed clamp_max (0.000000e+00)}}
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64, clamp_min = 1.0 : f32, clamp_max = 0.0 : f32} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x6x6x2xf32>
  return
}

// -----

func.func @pool3d_input_rank(%x: tensor<1x4x4x1xf32>) {
  // expected-error @+1 {{input must have rank 5 (NDHWC), got rank 4}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_kernel_count(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{kernel must have 3 values (kd, kh, kw), got 2}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_kernel_positive(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{kernel must be positive, got 0}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 0, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_strides(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{strides must have 3 values (sd, sh, sw), got 2}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_dilations(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{dilations must be positive, got 0}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 0, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_pads_count(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{pads must have 6 values (front, top, left, back, bottom, right), got 4}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_pads_negative(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{pads must be non-negative, got -1}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, -1>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @pool3d_window_fit(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{dilated kernel 5 exceeds padded input 4 in spatial dimension 2}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 3>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 2>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x1x1xf32>
  return
}

// -----

func.func @pool3d_pads_reach_kernel(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{pads must be smaller than the dilated kernel 2 so that every window sees the input}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 2, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x5x3x3x1xf32>
  return
}

// -----

func.func @pool3d_result_shape(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{result shape must be [1, 3, 3, 3, 1], got [1, 3, 3, 3, 2]}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x3x2xf32>
  return
}

// -----

func.func @pool3d_per_axis(%x: tensor<1x4x4x4x2x!quant.uniform<i8:f32:4, {0.5, 0.25}>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x2x!quant.uniform<i8:f32:4, {0.5, 0.25}>> -> tensor<1x3x3x3x2x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

func.func @pool3d_domain(%x: tensor<1x4x4x4x1x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x3x3x3x1xf32>
  return
}

// -----

func.func @max_pool3d_requantize(%x: tensor<1x4x4x4x1x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{quantized input and result must have identical quantization parameters}}
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x3x3x3x1x!quant.uniform<i8:f32, 0.25>>
  return
}

// -----

func.func @with_indices_input_rank(%x: tensor<1x4x4x4x1xf32>) {
  // expected-error @+1 {{input must have rank 4 (NHWC), got rank 5}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x4x1xf32> -> tensor<1x3x3x1xf32>, tensor<1x3x3x1xi64>
  return
}

// -----

func.func @with_indices_pads(%x: tensor<1x4x4x1xf32>) {
  // expected-error @+1 {{pads must have 4 values (top, left, bottom, right), got 6}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>, tensor<1x3x3x1xi64>
  return
}

// -----

func.func @with_indices_result_shape(%x: tensor<1x4x4x1xf32>) {
  // expected-error @+1 {{result shape must be [1, 3, 3, 1], got [1, 2, 2, 1]}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x1xf32> -> tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>
  return
}

// -----

func.func @with_indices_domain(%x: tensor<1x4x4x1x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{input and result must both be float or both be quantized}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x3x3x1xf32>, tensor<1x3x3x1xi64>
  return
}

// -----

func.func @with_indices_requantize(%x: tensor<1x4x4x1x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{quantized input and result must have identical quantization parameters}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x3x3x1x!quant.uniform<i8:f32, 0.25>>, tensor<1x3x3x1xi64>
  return
}

// -----

func.func @with_indices_storage_order(%x: tensor<1x4x4x1xf32>) {
  // expected-error @+1 {{storage_order must be 0 (row-major) or 1 (column-major), got 2}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 2 : i64} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>, tensor<1x3x3x1xi64>
  return
}

// -----

func.func @with_indices_shape(%x: tensor<1x4x4x1xf32>) {
  // expected-error @+1 {{indices shape [1, 3, 3] must match the result shape [1, 3, 3, 1]}}
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>, tensor<1x3x3xi64>
  return
}
