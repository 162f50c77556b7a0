// Round trip of the nn ops (QntNNOps.td) through the custom and the generic
// form.
// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s --mlir-print-op-generic | quant-opt | FileCheck %s

!s8 = !quant.uniform<i8:f32, 0.02:-3>
!u8 = !quant.uniform<u8:f32, 0.05:128>
!s8w = !quant.uniform<i8:f32:0, {0.5, 0.25}>
!s32b = !quant.uniform<i32:f32:0, {0.01, 0.005}>

// (4 - 1) * 2 + 3 - 1 - 0 = 8 rows and columns.
// CHECK-LABEL: func.func @conv_transpose2d_float
func.func @conv_transpose2d_float(%x: tensor<1x4x4x8xf32>, %w: tensor<3x3x3x8xf32>, %b: tensor<3xf32>) -> tensor<1x8x8x3xf32> {
  // CHECK: qnt.conv_transpose2d %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x4x4x8xf32>, tensor<3x3x3x8xf32>, tensor<3xf32>) -> tensor<1x8x8x3xf32>
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>,
                                        dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x8xf32>, tensor<3x3x3x8xf32>, tensor<3xf32>) -> tensor<1x8x8x3xf32>
  return %y : tensor<1x8x8x3xf32>
}

// Grouped and dilated, no bias; a negative end pad (ONNX output_padding)
// adds a row and a column: (3 - 1) * 3 + 2 * (2 - 1) + 1 - 0 + 1 = 10.
// CHECK-LABEL: func.func @conv_transpose2d_grouped_output_padding
func.func @conv_transpose2d_grouped_output_padding(%x: tensor<2x3x3x4xf32>, %w: tensor<6x2x2x2xf32>) -> tensor<2x10x10x6xf32> {
  // CHECK: qnt.conv_transpose2d %{{.*}}, %{{.*}} {clamp_min = 0.000000e+00 : f32, dilations = array<i64: 2, 2>, groups = 2 : i64, pads = array<i64: 0, 0, -1, -1>, strides = array<i64: 3, 3>} : (tensor<2x3x3x4xf32>, tensor<6x2x2x2xf32>) -> tensor<2x10x10x6xf32>
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 3, 3>, pads = array<i64: 0, 0, -1, -1>,
                                    dilations = array<i64: 2, 2>, groups = 2 : i64,
                                    clamp_min = 0.0 : f32}
       : (tensor<2x3x3x4xf32>, tensor<6x2x2x2xf32>) -> tensor<2x10x10x6xf32>
  return %y : tensor<2x10x10x6xf32>
}

// CHECK-LABEL: func.func @conv_transpose2d_quantized_per_channel
func.func @conv_transpose2d_quantized_per_channel(%x: tensor<1x2x2x3x!s8>, %w: tensor<2x2x2x3x!s8w>, %b: tensor<2x!s32b>) -> tensor<1x3x3x2x!u8> {
  // CHECK: qnt.conv_transpose2d {{.*}} : (tensor<1x2x2x3x!quant.uniform<i8:f32, 2.000000e-02:-3>>, tensor<2x2x2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<2x!quant.uniform<i32:f32:0, {1.000000e-02,5.000000e-03}>>) -> tensor<1x3x3x2x!quant.uniform<u8:f32, 5.000000e-02:128>>
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                                        dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3x!s8>, tensor<2x2x2x3x!s8w>, tensor<2x!s32b>) -> tensor<1x3x3x2x!u8>
  return %y : tensor<1x3x3x2x!u8>
}

// A raw i32 accumulator result, as ConvInteger's.
// CHECK-LABEL: func.func @conv_transpose2d_i32_result
func.func @conv_transpose2d_i32_result(%x: tensor<1x2x2x3x!s8>, %w: tensor<2x1x1x3x!s8w>) -> tensor<1x4x4x2x!quant.uniform<i32:f32, 0.01>> {
  // CHECK: qnt.conv_transpose2d {{.*}}strides = array<i64: 2, 2>{{.*}} -> tensor<1x4x4x2x!quant.uniform<i32:f32, 1.000000e-02>>
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, -1, -1>,
                                    dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x3x!s8>, tensor<2x1x1x3x!s8w>) -> tensor<1x4x4x2x!quant.uniform<i32:f32, 0.01>>
  return %y : tensor<1x4x4x2x!quant.uniform<i32:f32, 0.01>>
}

// (4 + 0 - 3) / 1 + 1 = 2 in every dimension.
// CHECK-LABEL: func.func @max_pool3d_float
func.func @max_pool3d_float(%x: tensor<1x4x4x4x1xf32>) -> tensor<1x2x2x2x1xf32> {
  // CHECK: qnt.max_pool3d %{{.*}} {dilations = array<i64: 2, 2, 2>, kernel = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>} : tensor<1x4x4x4x1xf32> -> tensor<1x2x2x2x1xf32>
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>,
                          pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 2, 2, 2>}
       : tensor<1x4x4x4x1xf32> -> tensor<1x2x2x2x1xf32>
  return %y : tensor<1x2x2x2x1xf32>
}

// ceil_mode: ceil((32 - 9) / 3) + 1 = 9.
// CHECK-LABEL: func.func @max_pool3d_quantized
func.func @max_pool3d_quantized(%x: tensor<1x32x32x32x2x!s8>) -> tensor<1x9x9x9x2x!s8> {
  // CHECK: qnt.max_pool3d %{{.*}} {ceil_mode, dilations = array<i64: 2, 2, 2>, kernel = array<i64: 5, 5, 5>, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 3, 3, 3>} : tensor<1x32x32x32x2x!quant.uniform<i8:f32, 2.000000e-02:-3>> -> tensor<1x9x9x9x2x!quant.uniform<i8:f32, 2.000000e-02:-3>>
  %y = qnt.max_pool3d %x {kernel = array<i64: 5, 5, 5>, strides = array<i64: 3, 3, 3>,
                          pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 2, 2, 2>, ceil_mode}
       : tensor<1x32x32x32x2x!s8> -> tensor<1x9x9x9x2x!s8>
  return %y : tensor<1x9x9x9x2x!s8>
}

// (4 + 2 - 2) / 2 + 1 = 3 in every dimension.
// CHECK-LABEL: func.func @avg_pool3d_float
func.func @avg_pool3d_float(%x: tensor<1x4x4x4x3xf32>) -> tensor<1x3x3x3x3xf32> {
  // CHECK: qnt.avg_pool3d %{{.*}} {count_include_pad, dilations = array<i64: 1, 1, 1>, kernel = array<i64: 2, 2, 2>, pads = array<i64: 1, 1, 1, 1, 1, 1>, strides = array<i64: 2, 2, 2>} : tensor<1x4x4x4x3xf32> -> tensor<1x3x3x3x3xf32>
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>,
                          pads = array<i64: 1, 1, 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1>, count_include_pad}
       : tensor<1x4x4x4x3xf32> -> tensor<1x3x3x3x3xf32>
  return %y : tensor<1x3x3x3x3xf32>
}

// Average pooling may requantize.
// CHECK-LABEL: func.func @avg_pool3d_quantized
func.func @avg_pool3d_quantized(%x: tensor<1x3x4x5x2x!s8>) -> tensor<1x2x3x4x2x!u8> {
  // CHECK: qnt.avg_pool3d %{{.*}} {dilations = array<i64: 1, 1, 1>, kernel = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1>} : tensor<1x3x4x5x2x!quant.uniform<i8:f32, 2.000000e-02:-3>> -> tensor<1x2x3x4x2x!quant.uniform<u8:f32, 5.000000e-02:128>>
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 1, 1, 1>,
                          pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>}
       : tensor<1x3x4x5x2x!s8> -> tensor<1x2x3x4x2x!u8>
  return %y : tensor<1x2x3x4x2x!u8>
}

// CHECK-LABEL: func.func @max_pool2d_with_indices_float
func.func @max_pool2d_with_indices_float(%x: tensor<1x5x5x1xf32>) -> (tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>) {
  // CHECK: %{{.*}}, %{{.*}} = qnt.max_pool2d_with_indices %{{.*}} {dilations = array<i64: 1, 1>, kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, storage_order = 1 : i64, strides = array<i64: 2, 2>} : tensor<1x5x5x1xf32> -> tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                                            pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>,
                                            storage_order = 1 : i64}
           : tensor<1x5x5x1xf32> -> tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>
  return %y, %i : tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>
}

// CHECK-LABEL: func.func @max_pool2d_with_indices_quantized
func.func @max_pool2d_with_indices_quantized(%x: tensor<1x5x5x3x!u8>) -> (tensor<1x5x5x3x!u8>, tensor<1x5x5x3xi64>) {
  // CHECK: qnt.max_pool2d_with_indices %{{.*}} {ceil_mode, dilations = array<i64: 1, 1>, kernel = array<i64: 5, 5>, pads = array<i64: 2, 2, 2, 2>, storage_order = 0 : i64, strides = array<i64: 1, 1>} : tensor<1x5x5x3x!quant.uniform<u8:f32, 5.000000e-02:128>> -> tensor<1x5x5x3x!quant.uniform<u8:f32, 5.000000e-02:128>>, tensor<1x5x5x3xi64>
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>,
                                            pads = array<i64: 2, 2, 2, 2>, dilations = array<i64: 1, 1>,
                                            ceil_mode, storage_order = 0 : i64}
           : tensor<1x5x5x3x!u8> -> tensor<1x5x5x3x!u8>, tensor<1x5x5x3xi64>
  return %y, %i : tensor<1x5x5x3x!u8>, tensor<1x5x5x3xi64>
}
