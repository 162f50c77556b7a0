// Round trip of the shape ops: slice, gather, reduce_mean.
// RUN: quant-opt %s | quant-opt | FileCheck %s

// CHECK-LABEL: func.func @slice_forms
// CHECK: qnt.slice %{{.*}} {offsets = array<i64: 3, 0>, strides = array<i64: -2, 1>} : tensor<4x5xf32> -> tensor<2x5xf32>
// CHECK: qnt.slice %{{.*}} {offsets = array<i64: 0, 1>, strides = array<i64: 1, 3>} : tensor<4x5xi64> -> tensor<0x2xi64>
// CHECK: qnt.slice %{{.*}} {offsets = array<i64: 1>, strides = array<i64: 1>} : tensor<4x!quant.uniform<u8:f32, 1.000000e-01:3>> -> tensor<2x!quant.uniform<u8:f32, 1.000000e-01:3>>
func.func @slice_forms(%x: tensor<4x5xf32>, %i: tensor<4x5xi64>, %q: tensor<4x!quant.uniform<u8:f32, 0.1:3>>) {
  %a = qnt.slice %x {offsets = array<i64: 3, 0>, strides = array<i64: -2, 1>} : tensor<4x5xf32> -> tensor<2x5xf32>
  %b = qnt.slice %i {offsets = array<i64: 0, 1>, strides = array<i64: 1, 3>} : tensor<4x5xi64> -> tensor<0x2xi64>
  %c = qnt.slice %q {offsets = array<i64: 1>, strides = array<i64: 1>} : tensor<4x!quant.uniform<u8:f32, 0.1:3>> -> tensor<2x!quant.uniform<u8:f32, 0.1:3>>
  return
}


// The result of a per-axis slice keeps the parameters of the slices it takes.
// CHECK-LABEL: func.func @slice_per_axis
// CHECK: qnt.slice %{{.*}} {offsets = array<i64: 2, 0>, strides = array<i64: -2, 1>} : tensor<3x2x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01:1,3.000000e-01:2}>> -> tensor<2x2x!quant.uniform<i8:f32:0, {3.000000e-01:2,1.000000e-01}>>
func.func @slice_per_axis(%w: tensor<3x2x!quant.uniform<i8:f32:0, {0.1, 0.2:1, 0.3:2}>>) {
  %s = qnt.slice %w {offsets = array<i64: 2, 0>, strides = array<i64: -2, 1>} : tensor<3x2x!quant.uniform<i8:f32:0, {0.1, 0.2:1, 0.3:2}>> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.3:2, 0.1}>>
  return
}

// CHECK-LABEL: func.func @gather_forms
// CHECK: qnt.gather %{{.*}} {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>} : tensor<4x3xf32> -> tensor<4x2xf32>
// CHECK: qnt.gather %{{.*}} {axis = 0 : i64, indices = dense<1> : tensor<i64>} : tensor<4xi64> -> tensor<i64>
// CHECK: qnt.gather %{{.*}} {axis = 0 : i64, indices = dense<{{\[\[}}0, 1], [1, 0]]> : tensor<2x2xi64>} : tensor<2x3xi8> -> tensor<2x2x3xi8>
// CHECK: qnt.gather %{{.*}} {axis = 0 : i64, indices = dense<1> : tensor<2xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>> -> tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>
// CHECK: qnt.gather %{{.*}} {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>> -> tensor<2x2x!quant.uniform<i8:f32:1, {3.000000e-01,1.000000e-01}>>
// CHECK: qnt.gather %{{.*}} {axis = 0 : i64, indices = dense<0> : tensor<i64>} : tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>> -> tensor<3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01}>>
func.func @gather_forms(%x: tensor<4x3xf32>, %s: tensor<4xi64>, %b: tensor<2x3xi8>, %q: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) {
  %a = qnt.gather %x {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>} : tensor<4x3xf32> -> tensor<4x2xf32>
  %c = qnt.gather %s {axis = 0 : i64, indices = dense<1> : tensor<i64>} : tensor<4xi64> -> tensor<i64>
  %d = qnt.gather %b {axis = 0 : i64, indices = dense<[[0, 1], [1, 0]]> : tensor<2x2xi64>} : tensor<2x3xi8> -> tensor<2x2x3xi8>
  %e = qnt.gather %q {axis = 0 : i64, indices = dense<[1, 1]> : tensor<2xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
  %f = qnt.gather %q {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<2x2x!quant.uniform<i8:f32:1, {0.3, 0.1}>>
  %g = qnt.gather %q {axis = 0 : i64, indices = dense<0> : tensor<i64>} : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> -> tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  return
}

// CHECK-LABEL: func.func @reduce_mean_forms
// CHECK: qnt.reduce_mean %{{.*}} {axes = array<i64: 2, 3>, keepdims} : tensor<1x8x7x7xf32> -> tensor<1x8x1x1xf32>
// CHECK: qnt.reduce_mean %{{.*}} {axes = array<i64: 0, 1, 2, 3>} : tensor<1x8x7x7xf32> -> tensor<f32>
// CHECK: qnt.reduce_mean %{{.*}} {axes = array<i64: 1>} : tensor<2x4x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<2x!quant.uniform<u8:f32, 5.000000e-02:100>>
func.func @reduce_mean_forms(%x: tensor<1x8x7x7xf32>, %q: tensor<2x4x!quant.uniform<u8:f32, 0.1:128>>) {
  %a = qnt.reduce_mean %x {axes = array<i64: 2, 3>, keepdims} : tensor<1x8x7x7xf32> -> tensor<1x8x1x1xf32>
  %b = qnt.reduce_mean %x {axes = array<i64: 0, 1, 2, 3>} : tensor<1x8x7x7xf32> -> tensor<f32>
  %c = qnt.reduce_mean %q {axes = array<i64: 1>} : tensor<2x4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<2x!quant.uniform<u8:f32, 0.05:100>>
  return
}

// CHECK-LABEL: func.func @gather_dynamic
func.func @gather_dynamic(%table: tensor<100x16xf32>, %ids: tensor<1x6xi64>, %q: tensor<4x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, %i: tensor<2xi32>) {
  // CHECK: qnt.gather_dynamic %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<100x16xf32>, tensor<1x6xi64>) -> tensor<1x6x16xf32>
  %a = qnt.gather_dynamic %table, %ids {axis = 0 : i64} : (tensor<100x16xf32>, tensor<1x6xi64>) -> tensor<1x6x16xf32>
  // CHECK: qnt.gather_dynamic {{.*}} -> tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>
  %b = qnt.gather_dynamic %q, %i {axis = 0 : i64} : (tensor<4x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, tensor<2xi32>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
  return
}
