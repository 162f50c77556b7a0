// Round trip of the elementwise ops of QntElementwiseOps.td.
// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s --mlir-print-op-generic | quant-opt | FileCheck %s

// CHECK-LABEL: func.func @float_arith
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>, %[[S:.*]]: tensor<f32>)
func.func @float_arith(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %s: tensor<f32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: qnt.sub %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = qnt.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: qnt.sub %[[B]], %[[A]] {clamp_max = 6.000000e+00 : f32, clamp_min = 0.000000e+00 : f32} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = qnt.sub %b, %a {clamp_min = 0.0 : f32, clamp_max = 6.0 : f32} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: qnt.div %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = qnt.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: qnt.pow %[[A]], %[[S]] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %3 = qnt.pow %a, %s : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @quantized_sub
func.func @quantized_sub(%a: tensor<4x!quant.uniform<u8:f32, 0.05:128>>, %b: tensor<1x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.2:-1>> {
  // CHECK: qnt.sub %{{.*}}, %{{.*}} : (tensor<4x!quant.uniform<u8:f32, 5.000000e-02:128>>, tensor<1x!quant.uniform<u8:f32, 1.000000e-01:3>>) -> tensor<4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
  %0 = qnt.sub %a, %b : (tensor<4x!quant.uniform<u8:f32, 0.05:128>>, tensor<1x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.2:-1>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.2:-1>>
}

// CHECK-LABEL: func.func @int_arith
// CHECK-SAME: (%[[A:.*]]: tensor<4xi64>, %[[B:.*]]: tensor<i64>, %[[U:.*]]: tensor<2x4xui8>, %[[V:.*]]: tensor<4xui8>)
func.func @int_arith(%a: tensor<4xi64>, %b: tensor<i64>, %u: tensor<2x4xui8>, %v: tensor<4xui8>) -> (tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<2x4xui8>, tensor<2x4xui8>, tensor<2x4xui8>) {
  // CHECK: qnt.int_add %[[A]], %[[B]] : (tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
  %0 = qnt.int_add %a, %b : (tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
  // CHECK: qnt.int_sub %[[B]], %[[A]] : (tensor<i64>, tensor<4xi64>) -> tensor<4xi64>
  %1 = qnt.int_sub %b, %a : (tensor<i64>, tensor<4xi64>) -> tensor<4xi64>
  // CHECK: qnt.int_mul %[[A]], %[[A]] : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %2 = qnt.int_mul %a, %a : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  // CHECK: qnt.int_div %[[U]], %[[V]] : (tensor<2x4xui8>, tensor<4xui8>) -> tensor<2x4xui8>
  %3 = qnt.int_div %u, %v : (tensor<2x4xui8>, tensor<4xui8>) -> tensor<2x4xui8>
  // CHECK: qnt.int_max %[[U]], %[[V]] : (tensor<2x4xui8>, tensor<4xui8>) -> tensor<2x4xui8>
  %4 = qnt.int_max %u, %v : (tensor<2x4xui8>, tensor<4xui8>) -> tensor<2x4xui8>
  // CHECK: qnt.int_min %[[V]], %[[U]] : (tensor<4xui8>, tensor<2x4xui8>) -> tensor<2x4xui8>
  %5 = qnt.int_min %v, %u : (tensor<4xui8>, tensor<2x4xui8>) -> tensor<2x4xui8>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi64>, tensor<4xi64>, tensor<4xi64>, tensor<2x4xui8>, tensor<2x4xui8>, tensor<2x4xui8>
}

// CHECK-LABEL: func.func @int_widths
func.func @int_widths(%a: tensor<2xi8>, %b: tensor<2xi16>, %c: tensor<2xi32>, %d: tensor<2xui16>, %e: tensor<2xui32>, %f: tensor<2xui64>) {
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  %0 = qnt.int_add %a, %a : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xi16>, tensor<2xi16>) -> tensor<2xi16>
  %1 = qnt.int_add %b, %b : (tensor<2xi16>, tensor<2xi16>) -> tensor<2xi16>
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %2 = qnt.int_add %c, %c : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xui16>, tensor<2xui16>) -> tensor<2xui16>
  %3 = qnt.int_add %d, %d : (tensor<2xui16>, tensor<2xui16>) -> tensor<2xui16>
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
  %4 = qnt.int_add %e, %e : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
  // CHECK: qnt.int_add %{{.*}} : (tensor<2xui64>, tensor<2xui64>) -> tensor<2xui64>
  %5 = qnt.int_add %f, %f : (tensor<2xui64>, tensor<2xui64>) -> tensor<2xui64>
  return
}

// CHECK-LABEL: func.func @float_unary
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x2xf32>)
func.func @float_unary(%x: tensor<1x3x2xf32>) -> (tensor<1x3x2xf32>, tensor<1x3x2xf32>, tensor<1x3x2xf32>, tensor<1x3x2xf32>) {
  // CHECK: qnt.exp %[[X]] : tensor<1x3x2xf32>
  %0 = qnt.exp %x : tensor<1x3x2xf32>
  // CHECK: qnt.sqrt %[[X]] : tensor<1x3x2xf32>
  %1 = qnt.sqrt %x : tensor<1x3x2xf32>
  // CHECK: qnt.erf %[[X]] : tensor<1x3x2xf32>
  %2 = qnt.erf %x : tensor<1x3x2xf32>
  // CHECK: qnt.log_softmax %[[X]] {axis = 2 : i64} : tensor<1x3x2xf32>
  %3 = qnt.log_softmax %x {axis = 2 : i64} : tensor<1x3x2xf32>
  return %0, %1, %2, %3 : tensor<1x3x2xf32>, tensor<1x3x2xf32>, tensor<1x3x2xf32>, tensor<1x3x2xf32>
}

// CHECK-LABEL: func.func @prelu
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[S:.*]]: tensor<8x1x1xf32>, %[[T:.*]]: tensor<f32>)
func.func @prelu(%x: tensor<1x8x4x4xf32>, %s: tensor<8x1x1xf32>, %t: tensor<f32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  // CHECK: qnt.prelu %[[X]], %[[S]] : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %0 = qnt.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  // CHECK: qnt.prelu %[[X]], %[[T]] : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  %1 = qnt.prelu %x, %t : (tensor<1x8x4x4xf32>, tensor<f32>) -> tensor<1x8x4x4xf32>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// CHECK-LABEL: func.func @hard_sigmoid
func.func @hard_sigmoid(%x: tensor<8xf32>, %q: tensor<8x!quant.uniform<i8:f32, 0.1>>) -> (tensor<8xf32>, tensor<8x!quant.uniform<u8:f32, 0.00390625>>) {
  // CHECK: qnt.hard_sigmoid %{{.*}} {alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32} : tensor<8xf32> -> tensor<8xf32>
  %0 = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<8xf32> -> tensor<8xf32>
  // CHECK: qnt.hard_sigmoid %{{.*}} {alpha = 0.166666672 : f32, beta = 5.000000e-01 : f32} : tensor<8x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<8x!quant.uniform<u8:f32, 3.906250e-03>>
  %1 = qnt.hard_sigmoid %q {alpha = 0.16666667 : f32, beta = 0.5 : f32} : tensor<8x!quant.uniform<i8:f32, 0.1>> -> tensor<8x!quant.uniform<u8:f32, 0.00390625>>
  return %0, %1 : tensor<8xf32>, tensor<8x!quant.uniform<u8:f32, 0.00390625>>
}
