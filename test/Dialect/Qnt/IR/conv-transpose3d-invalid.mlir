// One failing case per rule qnt.conv_transpose3d adds to those it shares
// with qnt.conv_transpose2d.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{input must have rank 5 (NDHWC), got rank 4}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x3x6x6x2xf32>
  return
}

// -----

func.func @filter_rank(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{filter must have rank 5 (FDHWC), got rank 4}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x3x6x6x2xf32>
  return
}

// -----

func.func @group_channels(%x: tensor<1x1x4x4x4xf32>, %w: tensor<2x1x3x3x4xf32>) {
  // expected-error @+1 {{filter input channels 4 must equal input channels / groups = 2}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 2 : i64} : (tensor<1x1x4x4x4xf32>, tensor<2x1x3x3x4xf32>) -> tensor<1x1x6x6x2xf32>
  return
}

// -----

func.func @strides_count(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x1x3x3x3xf32>) {
  // expected-error @+1 {{strides must have 3 values (sd, sh, sw), got 2}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x1x3x3x3xf32>) -> tensor<1x1x6x6x2xf32>
  return
}

// -----

func.func @dilations_positive(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x1x3x3x3xf32>) {
  // expected-error @+1 {{dilations must be positive, got 0}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 0, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x1x3x3x3xf32>) -> tensor<1x1x6x6x2xf32>
  return
}

// -----

func.func @pads_count(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x1x3x3x3xf32>) {
  // expected-error @+1 {{pads must have 6 values (front, top, left, back, bottom, right), got 4}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x1x3x3x3xf32>) -> tensor<1x1x6x6x2xf32>
  return
}

// -----

func.func @pads_crop_all(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x1x3x3x3xf32>) {
  // expected-error @+1 {{pads 1 and 0 crop the whole transposed output of spatial dimension 0}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 1, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x1x3x3x3xf32>) -> tensor<1x0x6x6x2xf32>
  return
}

// -----

func.func @result_shape(%x: tensor<1x1x4x4x3xf32>, %w: tensor<2x1x3x3x3xf32>) {
  // expected-error @+1 {{result shape must be [1, 1, 9, 6, 2]}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 2, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x4x4x3xf32>, tensor<2x1x3x3x3xf32>) -> tensor<1x1x6x6x2xf32>
  return
}

// -----

func.func @mixed_domains(%x: tensor<1x1x2x2x1x!quant.uniform<i8:f32, 0.5>>, %w: tensor<1x1x2x2x1xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x1x2x2x1x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x2x2x1xf32>) -> tensor<1x1x3x3x1x!quant.uniform<i8:f32, 0.5>>
  return
}
