// One case per verifier rule of the shape ops, with the message that quotes it.
// RUN: quant-opt %s -split-input-file -verify-diagnostics

func.func @slice_attr_count(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{offsets and strides must have one entry per dimension (rank 2), got 1 and 2}}
  %s = qnt.slice %x {offsets = array<i64: 0>, strides = array<i64: 1, 1>} : tensor<4x5xf32> -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_result_rank(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{result must have the input's rank 2, got rank 1}}
  %s = qnt.slice %x {offsets = array<i64: 0, 0>, strides = array<i64: 1, 1>} : tensor<4x5xf32> -> tensor<20xf32>
  return
}

// -----

func.func @slice_zero_stride(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{strides must be non-zero, got 0 in dimension 1}}
  %s = qnt.slice %x {offsets = array<i64: 0, 0>, strides = array<i64: 1, 0>} : tensor<4x5xf32> -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_past_end(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{dimension 1 reads indices 1 to 5, which must lie in [0, 5)}}
  %s = qnt.slice %x {offsets = array<i64: 0, 1>, strides = array<i64: 1, 2>} : tensor<4x5xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @slice_negative_stride_before_start(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{dimension 0 reads indices 2 to -1, which must lie in [0, 4)}}
  %s = qnt.slice %x {offsets = array<i64: 2, 0>, strides = array<i64: -1, 1>} : tensor<4x5xf32> -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_offset_out_of_range(%x: tensor<4x5xf32>) {
  // expected-error @+1 {{dimension 0 reads indices 4 to 4, which must lie in [0, 4)}}
  %s = qnt.slice %x {offsets = array<i64: 4, 0>, strides = array<i64: 1, 1>} : tensor<4x5xf32> -> tensor<1x5xf32>
  return
}

// -----

func.func @slice_element_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{input element type 'f32' must be identical to the result element type 'i8'}}
  %s = qnt.slice %x {offsets = array<i64: 0>, strides = array<i64: 1>} : tensor<4xf32> -> tensor<2xi8>
  return
}

// -----

func.func @slice_per_axis_parameters(%w: tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>) {
  // expected-error @+1 {{result element type must be '!quant.uniform<i8:f32:0, {3.000000e-01,2.000000e-01}>' (the parameters of the selected slices of quantized dimension 0), got '!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>'}}
  %s = qnt.slice %w {offsets = array<i64: 2>, strides = array<i64: -1>} : tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>> -> tensor<2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @gather_axis(%x: tensor<4x3xf32>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %g = qnt.gather %x {axis = 2 : i64, indices = dense<0> : tensor<i64>} : tensor<4x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @gather_index_range(%x: tensor<4x3xf32>) {
  // expected-error @+1 {{index -1 must lie in [0, 3) of dimension 1}}
  %g = qnt.gather %x {axis = 1 : i64, indices = dense<[0, -1]> : tensor<2xi64>} : tensor<4x3xf32> -> tensor<4x2xf32>
  return
}

// -----

func.func @gather_result_shape(%x: tensor<4x3xf32>) {
  // expected-error @+1 {{result shape must be [4, 2, 2], got [4, 4]}}
  %g = qnt.gather %x {axis = 1 : i64, indices = dense<0> : tensor<2x2xi64>} : tensor<4x3xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @gather_element_type(%x: tensor<4xi32>) {
  // expected-error @+1 {{input element type 'i32' must be identical to the result element type 'i64'}}
  %g = qnt.gather %x {axis = 0 : i64, indices = dense<0> : tensor<i64>} : tensor<4xi32> -> tensor<i64>
  return
}

// -----

func.func @gather_per_axis_before(%q: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{result element type must be '!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>' (a quantized dimension before axis is kept), got '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %g = qnt.gather %q {axis = 1 : i64, indices = dense<[0]> : tensor<1xi64>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x1x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @gather_per_axis_after(%q: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) {
  // expected-error @+1 {{result element type must be '!quant.uniform<i8:f32:2, {1.000000e-01,2.000000e-01,3.000000e-01}>' (a quantized dimension after axis moves by the indices' rank - 1), got '!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>'}}
  %g = qnt.gather %q {axis = 0 : i64, indices = dense<0> : tensor<1x3xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<1x3x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
  return
}

// -----

func.func @gather_per_axis_indices_rank(%q: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) {
  // expected-error @+1 {{gathering along the quantized dimension 1 needs indices of rank 1, got rank 0}}
  %g = qnt.gather %q {axis = 1 : i64, indices = dense<0> : tensor<i64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @gather_per_axis_parameters(%q: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) {
  // expected-error @+1 {{result element type must be '!quant.uniform<i8:f32:1, {3.000000e-01}>' (the parameters of the gathered slices), got '!quant.uniform<i8:f32:1, {1.000000e-01}>'}}
  %g = qnt.gather %q {axis = 1 : i64, indices = dense<[2]> : tensor<1xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<2x1x!quant.uniform<i8:f32:1, {0.1}>>
  return
}

// -----

func.func @reduce_mean_empty_axes(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axes must not be empty}}
  %m = qnt.reduce_mean %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_mean_axis_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %m = qnt.reduce_mean %x {axes = array<i64: 2>} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_mean_axes_order(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axes must be strictly increasing}}
  %m = qnt.reduce_mean %x {axes = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @reduce_mean_empty_dimension(%x: tensor<2x0xf32>) {
  // expected-error @+1 {{reduced dimension 1 must not be empty}}
  %m = qnt.reduce_mean %x {axes = array<i64: 1>} : tensor<2x0xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_mean_result_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result shape must be [2, 1], got [2]}}
  %m = qnt.reduce_mean %x {axes = array<i64: 1>, keepdims} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduce_mean_domain(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{operands and result must be all float or all quantized}}
  %m = qnt.reduce_mean %x {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @reduce_mean_per_axis(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{input must be quantized per tensor, not per axis}}
  %m = qnt.reduce_mean %x {axes = array<i64: 1>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @gather_dynamic_axis(%x: tensor<4x3xf32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{axis 2 must be in [0, 2)}}
  %y = qnt.gather_dynamic %x, %i {axis = 2 : i64} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<4x2xf32>
  return
}

// -----

func.func @gather_dynamic_shape(%x: tensor<4x3xf32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{result shape must be [2, 3], got [3, 2]}}
  %y = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return
}

// -----

func.func @gather_dynamic_element_type(%x: tensor<4x3xf32>, %i: tensor<2xi64>) {
  // expected-error @+1 {{input element type 'f32' must be identical to the result element type 'i32'}}
  %y = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<2x3xi32>
  return
}

// -----

func.func @gather_dynamic_quantized_axis(%x: tensor<4x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>, %i: tensor<2xi64>) {
  // expected-error @+1 {{input quantized along the gather axis 0 needs constant indices (qnt.gather)}}
  %y = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>, tensor<2xi64>) -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @gather_dynamic_quantized_dimension_moves(%x: tensor<4x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, %i: tensor<2x2xi64>) {
  // expected-error @+1 {{a quantized dimension after axis moves by the indices' rank - 1}}
  %y = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, tensor<2x2xi64>) -> tensor<2x2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @gather_dynamic_index_type(%x: tensor<4x3xf32>, %i: tensor<2xi8>) {
  // expected-error @+1 {{operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values}}
  %y = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<4x3xf32>, tensor<2xi8>) -> tensor<2x3xf32>
  return
}
