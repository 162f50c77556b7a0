// One failing case per rule of qnt.conv3d.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<1x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{input must have rank 5 (NDHWC), got rank 4}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @filter_rank(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3xf32>) {
  // expected-error @+1 {{filter must have rank 5 (FDHWC), got rank 4}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @groups_positive(%x: tensor<1x4x4x4x4xf32>, %w: tensor<2x3x3x3x4xf32>) {
  // expected-error @+1 {{groups must be positive, got 0}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 0 : i64} : (tensor<1x4x4x4x4xf32>, tensor<2x3x3x3x4xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @groups_divide_filters(%x: tensor<1x4x4x4x4xf32>, %w: tensor<3x3x3x3x2xf32>) {
  // expected-error @+1 {{filter count 3 must be divisible by groups 2}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 2 : i64} : (tensor<1x4x4x4x4xf32>, tensor<3x3x3x3x2xf32>) -> tensor<1x2x2x2x3xf32>
  return
}

// -----

func.func @group_channels(%x: tensor<1x4x4x4x4xf32>, %w: tensor<2x3x3x3x4xf32>) {
  // expected-error @+1 {{filter input channels 4 must equal input channels / groups = 2}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 2 : i64} : (tensor<1x4x4x4x4xf32>, tensor<2x3x3x3x4xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @bias_shape(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{bias}}
  %y = qnt.conv3d %x, %w, %b {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>, tensor<3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @strides_count(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{strides must have 3 values (sd, sh, sw), got 2}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @dilations_positive(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{dilations must be positive, got 0}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 0, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @pads_count(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{pads must have 6 values (front, top, left, back, bottom, right), got 4}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @pads_negative(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{pads must be non-negative, got -1}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, -1>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x1x2xf32>
  return
}

// -----

func.func @kernel_exceeds_input(%x: tensor<1x2x4x4x3xf32>, %w: tensor<2x2x3x3x3xf32>) {
  // expected-error @+1 {{dilated kernel 3 exceeds padded input 2 in spatial dimension 0}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 2, 1, 1>, groups = 1 : i64} : (tensor<1x2x4x4x3xf32>, tensor<2x2x3x3x3xf32>) -> tensor<1x1x2x2x2xf32>
  return
}

// -----

func.func @result_shape(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{result}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 2, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}

// -----

func.func @quantized(%x: tensor<1x4x4x4x3x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x3x3x3x3x!quant.uniform<i8:f32, 0.25>>) {
  // expected-error @+1 {{has only a float form: operands and result must be f32, got 'tensor<1x4x4x4x3x!quant.uniform<i8:f32, 5.000000e-01>>'}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64} : (tensor<1x4x4x4x3x!quant.uniform<i8:f32, 0.5>>, tensor<2x3x3x3x3x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x2x2x2x!quant.uniform<i8:f32, 1.0>>
  return
}

// -----

func.func @clamp_order(%x: tensor<1x4x4x4x3xf32>, %w: tensor<2x3x3x3x3xf32>) {
  // expected-error @+1 {{clamp_min}}
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>, groups = 1 : i64, clamp_min = 6.0 : f32, clamp_max = 0.0 : f32} : (tensor<1x4x4x4x3xf32>, tensor<2x3x3x3x3xf32>) -> tensor<1x2x2x2x2xf32>
  return
}
