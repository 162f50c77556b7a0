// Round trip of every qnt op through the custom and the generic form.
// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s --mlir-print-op-generic | quant-opt | FileCheck %s

!u8 = !quant.uniform<u8:f32, 0.05:128>
!u8b = !quant.uniform<u8:f32, 0.1:10>
!s8 = !quant.uniform<i8:f32, 0.02:-3>
!s8w = !quant.uniform<i8:f32:0, {0.5, 0.25}>
!s8w4 = !quant.uniform<i8:f32:0, {0.5, 0.25, 0.125, 0.0625}>
!s32 = !quant.uniform<i32:f32, 0.001>

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xf32>, tensor<1x2x!s8>) {
  // CHECK: qnt.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32> -> tensor<2xf32>
  %f = qnt.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<2xf32>
  // CHECK: qnt.constant dense<{{\[\[}}1, -128]]> : tensor<1x2xi8> -> tensor<1x2x!quant.uniform<i8:f32, 2.000000e-02:-3>>
  %q = qnt.constant dense<[[1, -128]]> : tensor<1x2xi8> -> tensor<1x2x!s8>
  return %f, %q : tensor<2xf32>, tensor<1x2x!s8>
}

// CHECK-LABEL: func.func @domain_crossings
func.func @domain_crossings(%x: tensor<4xf32>, %w: tensor<2x3xf32>) -> (tensor<4xf32>, tensor<2x3xf32>) {
  // CHECK: %[[Q:.*]] = qnt.quantize %{{.*}} : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 5.000000e-02:128>>
  %q = qnt.quantize %x : tensor<4xf32> -> tensor<4x!u8>
  // CHECK: %[[R:.*]] = qnt.requantize %[[Q]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-02:128>> -> tensor<4x!quant.uniform<u8:f32, 1.000000e-01:10>>
  %r = qnt.requantize %q : tensor<4x!u8> -> tensor<4x!u8b>
  // CHECK: qnt.dequantize %[[R]] : tensor<4x!quant.uniform<u8:f32, 1.000000e-01:10>> -> tensor<4xf32>
  %d = qnt.dequantize %r : tensor<4x!u8b> -> tensor<4xf32>
  // CHECK: qnt.quantize %{{.*}} : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  %wq = qnt.quantize %w : tensor<2x3xf32> -> tensor<2x3x!s8w>
  %wd = qnt.dequantize %wq : tensor<2x3x!s8w> -> tensor<2x3xf32>
  return %d, %wd : tensor<4xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @conv2d_float
func.func @conv2d_float(%x: tensor<1x8x8x3xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x4x4x16xf32> {
  // CHECK: qnt.conv2d %{{.*}}, %{{.*}}, %{{.*}} {clamp_max = 6.000000e+00 : f32, clamp_min = 0.000000e+00 : f32, dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x4x4x16xf32>
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 1 : i64,
                              clamp_min = 0.0 : f32, clamp_max = 6.0 : f32}
       : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// CHECK-LABEL: func.func @conv2d_depthwise_dilated
func.func @conv2d_depthwise_dilated(%x: tensor<1x9x9x8xf32>, %w: tensor<8x3x3x1xf32>) -> tensor<1x5x5x8xf32> {
  // CHECK: qnt.conv2d %{{.*}}, %{{.*}} {dilations = array<i64: 2, 2>, groups = 8 : i64
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 2, 2>, groups = 8 : i64}
       : (tensor<1x9x9x8xf32>, tensor<8x3x3x1xf32>) -> tensor<1x5x5x8xf32>
  return %y : tensor<1x5x5x8xf32>
}

// CHECK-LABEL: func.func @conv3d_grouped
func.func @conv3d_grouped(%x: tensor<1x4x8x8x4xf32>, %w: tensor<6x3x3x3x2xf32>, %b: tensor<6xf32>) -> tensor<1x2x4x4x6xf32> {
  // CHECK: qnt.conv3d %{{.*}}, %{{.*}}, %{{.*}} {clamp_min = 0.000000e+00 : f32, dilations = array<i64: 1, 1, 1>, groups = 2 : i64, pads = array<i64: 1, 1, 1, 0, 0, 0>, strides = array<i64: 2, 2, 2>} : (tensor<1x4x8x8x4xf32>, tensor<6x3x3x3x2xf32>, tensor<6xf32>) -> tensor<1x2x4x4x6xf32>
  %y = qnt.conv3d %x, %w, %b {strides = array<i64: 2, 2, 2>, pads = array<i64: 1, 1, 1, 0, 0, 0>,
                              dilations = array<i64: 1, 1, 1>, groups = 2 : i64,
                              clamp_min = 0.0 : f32}
       : (tensor<1x4x8x8x4xf32>, tensor<6x3x3x3x2xf32>, tensor<6xf32>) -> tensor<1x2x4x4x6xf32>
  return %y : tensor<1x2x4x4x6xf32>
}

// CHECK-LABEL: func.func @conv2d_quantized_per_channel
func.func @conv2d_quantized_per_channel(%x: tensor<1x4x4x6x!s8>, %w: tensor<2x1x1x3x!s8w>, %b: tensor<2x!quant.uniform<i32:f32:0, {0.01, 0.005}>>) -> tensor<1x4x4x2x!u8> {
  // CHECK: qnt.conv2d {{.*}}groups = 2 : i64{{.*}} -> tensor<1x4x4x2x!quant.uniform<u8:f32, 5.000000e-02:128>>
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                              dilations = array<i64: 1, 1>, groups = 2 : i64}
       : (tensor<1x4x4x6x!s8>, tensor<2x1x1x3x!s8w>, tensor<2x!quant.uniform<i32:f32:0, {0.01, 0.005}>>) -> tensor<1x4x4x2x!u8>
  return %y : tensor<1x4x4x2x!u8>
}

// CHECK-LABEL: func.func @conv2d_dynamic_batch
func.func @conv2d_dynamic_batch(%x: tensor<?x8x8x3xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x6x6x4xf32> {
  // CHECK: qnt.conv2d {{.*}} -> tensor<?x6x6x4xf32>
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<?x8x8x3xf32>, tensor<4x3x3x3xf32>) -> tensor<?x6x6x4xf32>
  return %y : tensor<?x6x6x4xf32>
}

// CHECK-LABEL: func.func @matmuls
func.func @matmuls(%a: tensor<2x4x8xf32>, %b: tensor<8x3xf32>, %qa: tensor<5x8x!u8>, %qb: tensor<8x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> (tensor<2x4x3xf32>, tensor<5x2x!s32>) {
  // CHECK: qnt.matmul %{{.*}}, %{{.*}} : (tensor<2x4x8xf32>, tensor<8x3xf32>) -> tensor<2x4x3xf32>
  %y = qnt.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x3xf32>) -> tensor<2x4x3xf32>
  // CHECK: qnt.matmul {{.*}} -> tensor<5x2x!quant.uniform<i32:f32, 1.000000e-03>>
  %z = qnt.matmul %qa, %qb : (tensor<5x8x!u8>, tensor<8x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> tensor<5x2x!s32>
  return %y, %z : tensor<2x4x3xf32>, tensor<5x2x!s32>
}

// CHECK-LABEL: func.func @matmul_broadcast_batch
func.func @matmul_broadcast_batch(%a: tensor<3x1x4x8xf32>, %b: tensor<5x8x2xf32>) -> tensor<3x5x4x2xf32> {
  // CHECK: qnt.matmul {{.*}} -> tensor<3x5x4x2xf32>
  %y = qnt.matmul %a, %b : (tensor<3x1x4x8xf32>, tensor<5x8x2xf32>) -> tensor<3x5x4x2xf32>
  return %y : tensor<3x5x4x2xf32>
}

// CHECK-LABEL: func.func @fully_connected
func.func @fully_connected(%x: tensor<1x3x!s8>, %w: tensor<2x3x!s8w>, %b: tensor<2x!quant.uniform<i32:f32:0, {0.01, 0.005}>>, %xf: tensor<4x3xf32>, %wf: tensor<2x3xf32>) -> (tensor<1x2x!s8>, tensor<4x2xf32>) {
  // CHECK: qnt.fully_connected %{{.*}}, %{{.*}}, %{{.*}} {clamp_min = 0.000000e+00 : f32}
  %y = qnt.fully_connected %x, %w, %b {clamp_min = 0.0 : f32}
       : (tensor<1x3x!s8>, tensor<2x3x!s8w>, tensor<2x!quant.uniform<i32:f32:0, {0.01, 0.005}>>) -> tensor<1x2x!s8>
  // CHECK: qnt.fully_connected %{{.*}}, %{{.*}} : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>
  %z = qnt.fully_connected %xf, %wf : (tensor<4x3xf32>, tensor<2x3xf32>) -> tensor<4x2xf32>
  return %y, %z : tensor<1x2x!s8>, tensor<4x2xf32>
}

// CHECK-LABEL: func.func @elementwise_binary
func.func @elementwise_binary(%a: tensor<1x4x4x8xf32>, %b: tensor<8xf32>, %qa: tensor<2x3x!u8>, %qb: tensor<2x1x!u8b>) -> (tensor<1x4x4x8xf32>, tensor<2x3x!s8>) {
  // CHECK: qnt.add %{{.*}}, %{{.*}} : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  %s = qnt.add %a, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  // CHECK: qnt.mul %{{.*}}, %{{.*}} {clamp_max = 1.000000e+00 : f32}
  %p = qnt.mul %qa, %qb {clamp_max = 1.0 : f32} : (tensor<2x3x!u8>, tensor<2x1x!u8b>) -> tensor<2x3x!s8>
  return %s, %p : tensor<1x4x4x8xf32>, tensor<2x3x!s8>
}

// CHECK-LABEL: func.func @activations
func.func @activations(%x: tensor<2x5xf32>, %q: tensor<2x5x!u8>) -> (tensor<2x5xf32>, tensor<2x5x!u8>, tensor<2x5x!u8b>) {
  // CHECK: qnt.clamp %{{.*}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<2x5xf32>
  %0 = qnt.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<2x5xf32>
  // CHECK: qnt.sigmoid %{{.*}} : tensor<2x5xf32> -> tensor<2x5xf32>
  %1 = qnt.sigmoid %0 : tensor<2x5xf32> -> tensor<2x5xf32>
  // CHECK: qnt.tanh
  %2 = qnt.tanh %1 : tensor<2x5xf32> -> tensor<2x5xf32>
  // CHECK: qnt.hard_swish
  %3 = qnt.hard_swish %2 : tensor<2x5xf32> -> tensor<2x5xf32>
  // CHECK: qnt.leaky_relu %{{.*}} {alpha = 0.00999999977 : f32}
  %4 = qnt.leaky_relu %3 {alpha = 0.01 : f32} : tensor<2x5xf32> -> tensor<2x5xf32>
  // CHECK: qnt.softmax %{{.*}} {axis = 1 : i64}
  %5 = qnt.softmax %4 {axis = 1 : i64} : tensor<2x5xf32> -> tensor<2x5xf32>
  // CHECK: qnt.clamp %{{.*}} {min = 0.000000e+00 : f32} : tensor<2x5x!quant.uniform<u8:f32, 5.000000e-02:128>>
  %6 = qnt.clamp %q {min = 0.0 : f32} : tensor<2x5x!u8>
  // CHECK: qnt.sigmoid %{{.*}} : tensor<2x5x!quant.uniform<u8:f32, 5.000000e-02:128>> -> tensor<2x5x!quant.uniform<u8:f32, 1.000000e-01:10>>
  %7 = qnt.sigmoid %6 : tensor<2x5x!u8> -> tensor<2x5x!u8b>
  return %5, %6, %7 : tensor<2x5xf32>, tensor<2x5x!u8>, tensor<2x5x!u8b>
}

// CHECK-LABEL: func.func @pools
func.func @pools(%x: tensor<1x7x7x4xf32>, %q: tensor<1x7x7x4x!u8>) -> (tensor<1x4x4x4xf32>, tensor<1x3x3x4x!u8>, tensor<1x1x1x4xf32>) {
  // CHECK: qnt.max_pool2d %{{.*}} {ceil_mode, dilations = array<i64: 1, 1>, kernel = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}
  %m = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
                          dilations = array<i64: 1, 1>, ceil_mode} : tensor<1x7x7x4xf32> -> tensor<1x4x4x4xf32>
  // CHECK: qnt.avg_pool2d %{{.*}} {count_include_pad, dilations
  %a = qnt.avg_pool2d %q {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>,
                          dilations = array<i64: 1, 1>, count_include_pad} : tensor<1x7x7x4x!u8> -> tensor<1x3x3x4x!u8>
  // CHECK: qnt.global_avg_pool %{{.*}} : tensor<1x7x7x4xf32> -> tensor<1x1x1x4xf32>
  %g = qnt.global_avg_pool %x : tensor<1x7x7x4xf32> -> tensor<1x1x1x4xf32>
  return %m, %a, %g : tensor<1x4x4x4xf32>, tensor<1x3x3x4x!u8>, tensor<1x1x1x4xf32>
}

// CHECK-LABEL: func.func @resize
func.func @resize(%x: tensor<1x4x4x3x!u8>) -> tensor<1x8x12x3x!u8> {
  // CHECK: qnt.resize %{{.*}} {coordinate_transform = #qnt<coordinate_transform asymmetric>, mode = #qnt<resize_mode nearest>, nearest_mode = #qnt<nearest_mode floor>}
  %y = qnt.resize %x {mode = #qnt<resize_mode nearest>,
                      coordinate_transform = #qnt<coordinate_transform asymmetric>,
                      nearest_mode = #qnt<nearest_mode floor>} : tensor<1x4x4x3x!u8> -> tensor<1x8x12x3x!u8>
  return %y : tensor<1x8x12x3x!u8>
}

// CHECK-LABEL: func.func @resize_with_scales
func.func @resize_with_scales(%x: tensor<1x4x4x3xf32>) -> tensor<1x2x4x3xf32> {
  // CHECK: qnt.resize %{{.*}} {{{.*}}scales = array<f32: 6.000000e-01, 1.000000e+00>}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>,
                      coordinate_transform = #qnt<coordinate_transform half_pixel>,
                      nearest_mode = #qnt<nearest_mode floor>,
                      scales = array<f32: 0.6, 1.0>} : tensor<1x4x4x3xf32> -> tensor<1x2x4x3xf32>
  return %y : tensor<1x2x4x3xf32>
}

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<1x3x4x5xf32>, %y: tensor<1x3x2x5xf32>, %w: tensor<4x3x!s8w4>) -> (tensor<60xf32>, tensor<1x4x5x3xf32>, tensor<1x3x6x5xf32>, tensor<1x5x8x7xf32>, tensor<3x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125, 0.0625}>>) {
  // CHECK: qnt.reshape %{{.*}} : tensor<1x3x4x5xf32> -> tensor<60xf32>
  %r = qnt.reshape %x : tensor<1x3x4x5xf32> -> tensor<60xf32>
  // CHECK: qnt.transpose %{{.*}} {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  %t = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x4x5xf32> -> tensor<1x4x5x3xf32>
  // CHECK: qnt.concat %{{.*}}, %{{.*}} {axis = 2 : i64} : (tensor<1x3x4x5xf32>, tensor<1x3x2x5xf32>) -> tensor<1x3x6x5xf32>
  %c = qnt.concat %x, %y {axis = 2 : i64} : (tensor<1x3x4x5xf32>, tensor<1x3x2x5xf32>) -> tensor<1x3x6x5xf32>
  // CHECK: qnt.pad %{{.*}} {mode = #qnt<pad_mode reflect>, pads = array<i64: 0, 1, 2, 0, 0, 1, 2, 2>} : tensor<1x3x4x5xf32> -> tensor<1x5x8x7xf32>
  %p = qnt.pad %x {pads = array<i64: 0, 1, 2, 0, 0, 1, 2, 2>, mode = #qnt<pad_mode reflect>} : tensor<1x3x4x5xf32> -> tensor<1x5x8x7xf32>
  // CHECK: qnt.transpose %{{.*}} {perm = array<i64: 1, 0>} : tensor<4x3x!quant.uniform<i8:f32:0, {{.*}}>> -> tensor<3x4x!quant.uniform<i8:f32:1,
  %wt = qnt.transpose %w {perm = array<i64: 1, 0>} : tensor<4x3x!s8w4> -> tensor<3x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125, 0.0625}>>
  return %r, %t, %c, %p, %wt : tensor<60xf32>, tensor<1x4x5x3xf32>, tensor<1x3x6x5xf32>, tensor<1x5x8x7xf32>, tensor<3x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125, 0.0625}>>
}

// CHECK-LABEL: func.func @pad_quantized_constant
func.func @pad_quantized_constant(%x: tensor<2x2x!u8>) -> tensor<4x4x!u8> {
  // CHECK: qnt.pad %{{.*}} {mode = #qnt<pad_mode constant>, pads = array<i64: 1, 1, 1, 1>, value = -1.000000e+00 : f32}
  %p = qnt.pad %x {pads = array<i64: 1, 1, 1, 1>, mode = #qnt<pad_mode constant>, value = -1.0 : f32} : tensor<2x2x!u8> -> tensor<4x4x!u8>
  return %p : tensor<4x4x!u8>
}

// CHECK-LABEL: func.func @integer_tensors
func.func @integer_tensors(%a: tensor<2x4xui8>, %b: tensor<3xi64>) -> (tensor<4x2x!quant.uniform<u8:f32, 1.000000e+00:3>>, tensor<3xf32>, tensor<2x4xui8>) {
  // CHECK: qnt.storage_cast %{{.*}} : tensor<2x4xui8> -> tensor<2x4x!quant.uniform<u8:f32, 1.000000e+00:3>>
  %q = qnt.storage_cast %a : tensor<2x4xui8> -> tensor<2x4x!quant.uniform<u8:f32, 1.0:3>>
  // CHECK: qnt.transpose %{{.*}} {perm = array<i64: 1, 0>} : tensor<2x4x!quant.uniform
  %t = qnt.transpose %q {perm = array<i64: 1, 0>} : tensor<2x4x!quant.uniform<u8:f32, 1.0:3>> -> tensor<4x2x!quant.uniform<u8:f32, 1.0:3>>
  // CHECK: qnt.cast %{{.*}} : tensor<3xi64> -> tensor<3xf32>
  %f = qnt.cast %b : tensor<3xi64> -> tensor<3xf32>
  // CHECK: qnt.reshape %{{.*}} : tensor<8xui8> -> tensor<2x4xui8>
  %r0 = qnt.reshape %a : tensor<2x4xui8> -> tensor<8xui8>
  %r = qnt.reshape %r0 : tensor<8xui8> -> tensor<2x4xui8>
  return %t, %f, %r : tensor<4x2x!quant.uniform<u8:f32, 1.0:3>>, tensor<3xf32>, tensor<2x4xui8>
}

// CHECK-LABEL: func.func @resize_tf_crop_and_resize
func.func @resize_tf_crop_and_resize(%x: tensor<1x4x4x1xf32>) -> tensor<1x3x3x1xf32> {
  // CHECK: qnt.resize %{{.*}} {coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, extrapolation_value = 1.000000e+01 : f32, mode = #qnt<resize_mode linear>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, roi = array<f32: 4.000000e-01, 6.000000e-01, 1.200000e+00, 1.700000e+00>}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>,
                      coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>,
                      nearest_mode = #qnt<nearest_mode round_prefer_floor>,
                      roi = array<f32: 0.4, 0.6, 1.2, 1.7>,
                      extrapolation_value = 10.0 : f32} : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>
  return %y : tensor<1x3x3x1xf32>
}

// CHECK-LABEL: func.func @resize_antialias_symmetric
func.func @resize_antialias_symmetric(%x: tensor<1x4x4x3xf32>) -> tensor<1x2x2x3xf32> {
  // CHECK: qnt.resize %{{.*}} {antialias, coordinate_transform = #qnt<coordinate_transform half_pixel_symmetric>, mode = #qnt<resize_mode linear>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 6.000000e-01, 6.000000e-01>}
  %y = qnt.resize %x {mode = #qnt<resize_mode linear>,
                      coordinate_transform = #qnt<coordinate_transform half_pixel_symmetric>,
                      nearest_mode = #qnt<nearest_mode round_prefer_floor>,
                      scales = array<f32: 0.6, 0.6>, antialias} : tensor<1x4x4x3xf32> -> tensor<1x2x2x3xf32>
  return %y : tensor<1x2x2x3xf32>
}
