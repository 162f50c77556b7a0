// Round trip of the quant ops: quantize_linear and dequantize_linear (scale
// and zero point as tensors) and dynamic_quantize_linear.
// RUN: quant-opt %s | quant-opt | FileCheck %s

// CHECK-LABEL: func.func @quantize_linear_per_tensor
// CHECK: qnt.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
func.func @quantize_linear_per_tensor(%x: tensor<2x3xf32>, %s: tensor<f32>, %zp: tensor<ui8>) -> tensor<2x3xui8> {
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<2x3xf32>, tensor<f32>, tensor<ui8>) -> tensor<2x3xui8>
  return %q : tensor<2x3xui8>
}

// CHECK-LABEL: func.func @quantize_linear_no_zero_point
// CHECK: qnt.quantize_linear %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<f32>) -> tensor<4xi4>
func.func @quantize_linear_no_zero_point(%x: tensor<4xf32>, %s: tensor<f32>) -> tensor<4xi4> {
  %q = qnt.quantize_linear %x, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xi4>
  return %q : tensor<4xi4>
}

// CHECK-LABEL: func.func @quantize_linear_per_axis
// CHECK: qnt.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi16>) -> tensor<2x3xi16>
func.func @quantize_linear_per_axis(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %zp: tensor<3xi16>) -> tensor<2x3xi16> {
  %q = qnt.quantize_linear %x, %s, %zp {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi16>) -> tensor<2x3xi16>
  return %q : tensor<2x3xi16>
}

// CHECK-LABEL: func.func @quantize_linear_blocked
// CHECK: qnt.quantize_linear %{{.*}}, %{{.*}} {axis = 1 : i64, block_size = 2 : i64} : (tensor<3x5xf32>, tensor<3x3xf32>) -> tensor<3x5xui16>
func.func @quantize_linear_blocked(%x: tensor<3x5xf32>, %s: tensor<3x3xf32>) -> tensor<3x5xui16> {
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64, block_size = 2 : i64} : (tensor<3x5xf32>, tensor<3x3xf32>) -> tensor<3x5xui16>
  return %q : tensor<3x5xui16>
}

// CHECK-LABEL: func.func @dequantize_linear_per_tensor
// CHECK: qnt.dequantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3xf32>
func.func @dequantize_linear_per_tensor(%q: tensor<2x3xi8>, %s: tensor<f32>, %zp: tensor<i8>) -> tensor<2x3xf32> {
  %x = qnt.dequantize_linear %q, %s, %zp : (tensor<2x3xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3xf32>
  return %x : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @dequantize_linear_i32_per_axis
// CHECK: qnt.dequantize_linear %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xf32>
func.func @dequantize_linear_i32_per_axis(%q: tensor<4xi32>, %s: tensor<4xf32>) -> tensor<4xf32> {
  %x = qnt.dequantize_linear %q, %s {axis = 0 : i64} : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// CHECK-LABEL: func.func @dequantize_linear_blocked
// CHECK: qnt.dequantize_linear %{{.*}}, %{{.*}}, %{{.*}} {axis = 0 : i64, block_size = 4 : i64} : (tensor<8x2xui4>, tensor<2x2xf32>, tensor<2x2xui4>) -> tensor<8x2xf32>
func.func @dequantize_linear_blocked(%q: tensor<8x2xui4>, %s: tensor<2x2xf32>, %zp: tensor<2x2xui4>) -> tensor<8x2xf32> {
  %x = qnt.dequantize_linear %q, %s, %zp {axis = 0 : i64, block_size = 4 : i64} : (tensor<8x2xui4>, tensor<2x2xf32>, tensor<2x2xui4>) -> tensor<8x2xf32>
  return %x : tensor<8x2xf32>
}

// CHECK-LABEL: func.func @dynamic_quantize_linear
// CHECK: %{{.*}}, %{{.*}}, %{{.*}} = qnt.dynamic_quantize_linear %{{.*}} : tensor<2x4xf32> -> tensor<2x4xui8>, tensor<f32>, tensor<ui8>
func.func @dynamic_quantize_linear(%x: tensor<2x4xf32>) -> (tensor<2x4xui8>, tensor<f32>, tensor<ui8>) {
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<2x4xf32> -> tensor<2x4xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<2x4xui8>, tensor<f32>, tensor<ui8>
}

// CHECK-LABEL: func.func @matmul_integer
// CHECK: qnt.matmul_integer %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x4x8xui8>, tensor<8x3xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<2x4x3xi32>
func.func @matmul_integer(%a: tensor<2x4x8xui8>, %b: tensor<8x3xi8>, %azp: tensor<ui8>, %bzp: tensor<3xi8>) -> tensor<2x4x3xi32> {
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x4x8xui8>, tensor<8x3xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<2x4x3xi32>
  return %y : tensor<2x4x3xi32>
}

// CHECK-LABEL: func.func @conv2d_integer
// CHECK: qnt.conv2d_integer %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<1x3x3x3xi32>
func.func @conv2d_integer(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xi8>, %xzp: tensor<ui8>, %wzp: tensor<3xi8>) -> tensor<1x3x3x3xi32> {
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<1x3x3x3xi32>
  return %y : tensor<1x3x3x3xi32>
}

// 2-bit storage (ONNX INT2 and UINT2, opset 25).
// CHECK-LABEL: func.func @quantize_dequantize_linear_2bit
// CHECK: qnt.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<f32>, tensor<i2>) -> tensor<4xi2>
// CHECK: qnt.dequantize_linear %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4xui2>, tensor<f32>, tensor<ui2>) -> tensor<4xf32>
func.func @quantize_dequantize_linear_2bit(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<i2>, %u: tensor<4xui2>, %uzp: tensor<ui2>) -> (tensor<4xi2>, tensor<4xf32>) {
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<i2>) -> tensor<4xi2>
  %d = qnt.dequantize_linear %u, %s, %uzp : (tensor<4xui2>, tensor<f32>, tensor<ui2>) -> tensor<4xf32>
  return %q, %d : tensor<4xi2>, tensor<4xf32>
}
