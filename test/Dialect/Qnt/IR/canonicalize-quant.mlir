// Folders and canonicalization patterns of the quant ops, and what they must
// leave alone. Expected values follow ONNX's reference implementation (f32
// arithmetic, round half to even, saturation).
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// x / 0.5 = [-2, 0, 0.5, 1.5, 2000, NaN] rounds to [-2, 0, 0, 2, 2000] and
// saturates; NaN gives the zero point.
// CHECK-LABEL: func.func @fold_quantize_linear_per_tensor
// CHECK: %[[C:.*]] = qnt.constant dense<[126, 128, 128, 130, 255, 128]> : tensor<6xui8> -> tensor<6xui8>
// CHECK-NOT: qnt.quantize_linear
// CHECK: return %[[C]]
func.func @fold_quantize_linear_per_tensor() -> tensor<6xui8> {
  %x = qnt.constant dense<[-1.0, 0.0, 0.25, 0.75, 1000.0, 0x7FC00000]> : tensor<6xf32> -> tensor<6xf32>
  %s = qnt.constant dense<0.5> : tensor<f32> -> tensor<f32>
  %zp = qnt.constant dense<128> : tensor<ui8> -> tensor<ui8>
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<6xf32>, tensor<f32>, tensor<ui8>) -> tensor<6xui8>
  return %q : tensor<6xui8>
}

// -----

// Column j uses scale [1, 2, 4][j] and zero point [0, -1, 10][j].
// CHECK-LABEL: func.func @fold_quantize_linear_per_axis
// CHECK: qnt.constant dense<{{\[\[}}1, 0, 11], [4, 1, 12]]> : tensor<2x3xi8> -> tensor<2x3xi8>
// CHECK-NOT: qnt.quantize_linear
func.func @fold_quantize_linear_per_axis() -> tensor<2x3xi8> {
  %x = qnt.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %s = qnt.constant dense<[1.0, 2.0, 4.0]> : tensor<3xf32> -> tensor<3xf32>
  %zp = qnt.constant dense<[0, -1, 10]> : tensor<3xi8> -> tensor<3xi8>
  %q = qnt.quantize_linear %x, %s, %zp {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xi8>
  return %q : tensor<2x3xi8>
}

// -----

// Blocks of 2 along axis 1, the last one partial: scales 1, 10, 100.
// CHECK-LABEL: func.func @fold_quantize_linear_blocked
// CHECK: qnt.constant dense<{{\[\[}}1, 2, 3, 4, 5], [2, 4, 6, 8, 10]]> : tensor<2x5xui16> -> tensor<2x5xui16>
// CHECK-NOT: qnt.quantize_linear
func.func @fold_quantize_linear_blocked() -> tensor<2x5xui16> {
  %x = qnt.constant dense<[[1.0, 2.0, 30.0, 40.0, 500.0], [1.0, 2.0, 3.0, 4.0, 5.0]]> : tensor<2x5xf32> -> tensor<2x5xf32>
  %s = qnt.constant dense<[[1.0, 10.0, 100.0], [0.5, 0.5, 0.5]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x5xui16>
  return %q : tensor<2x5xui16>
}

// -----

// CHECK-LABEL: func.func @fold_dequantize_linear_per_axis_i32
// CHECK: qnt.constant dense<[5.000000e-01, 5.000000e-01, 6.000000e+00, -4.000000e+00]> : tensor<4xf32> -> tensor<4xf32>
// CHECK-NOT: qnt.dequantize_linear
func.func @fold_dequantize_linear_per_axis_i32() -> tensor<4xf32> {
  %q = qnt.constant dense<[1, 2, 3, -4]> : tensor<4xi32> -> tensor<4xi32>
  %s = qnt.constant dense<[0.5, 0.25, 2.0, 1.0]> : tensor<4xf32> -> tensor<4xf32>
  %x = qnt.dequantize_linear %q, %s {axis = 0 : i64} : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

// Blocks of 2 rows: (q - zp) * s with zp [[1, 2]], [[3, 4]] and s 0.5, 2.
// CHECK-LABEL: func.func @fold_dequantize_linear_blocked
// CHECK: qnt.constant dense<{{\[\[}}-5.000000e-01, 0.000000e+00], [1.000000e+00, 2.000000e+00], [4.000000e+00, 4.000000e+00]]> : tensor<3x2xf32> -> tensor<3x2xf32>
// CHECK-NOT: qnt.dequantize_linear
func.func @fold_dequantize_linear_blocked() -> tensor<3x2xf32> {
  %q = qnt.constant dense<[[0, 2], [3, 6], [5, 6]]> : tensor<3x2xui8> -> tensor<3x2xui8>
  %s = qnt.constant dense<[[0.5, 0.5], [2.0, 2.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %zp = qnt.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xui8> -> tensor<2x2xui8>
  %x = qnt.dequantize_linear %q, %s, %zp {axis = 0 : i64, block_size = 2 : i64} : (tensor<3x2xui8>, tensor<2x2xf32>, tensor<2x2xui8>) -> tensor<3x2xf32>
  return %x : tensor<3x2xf32>
}

// -----

// Constant parameters on run-time data: the static-type ops.
// CHECK-LABEL: func.func @quantize_linear_to_quantize
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Q:.*]] = qnt.quantize %[[X]] : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>>
// CHECK: %[[C:.*]] = qnt.storage_cast %[[Q]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>> -> tensor<4xui8>
// CHECK: return %[[C]]
func.func @quantize_linear_to_quantize(%x: tensor<4xf32>) -> tensor<4xui8> {
  %s = qnt.constant dense<0.5> : tensor<f32> -> tensor<f32>
  %zp = qnt.constant dense<128> : tensor<ui8> -> tensor<ui8>
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<ui8>) -> tensor<4xui8>
  return %q : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @quantize_linear_to_quantize_i4_no_zero_point
// CHECK: qnt.quantize %{{.*}} : tensor<4xf32> -> tensor<4x!quant.uniform<i4:f32, 2.500000e-01>>
// CHECK: qnt.storage_cast %{{.*}} -> tensor<4xi4>
func.func @quantize_linear_to_quantize_i4_no_zero_point(%x: tensor<4xf32>) -> tensor<4xi4> {
  %s = qnt.constant dense<0.25> : tensor<f32> -> tensor<f32>
  %q = qnt.quantize_linear %x, %s : (tensor<4xf32>, tensor<f32>) -> tensor<4xi4>
  return %q : tensor<4xi4>
}

// -----

// CHECK-LABEL: func.func @dequantize_linear_to_dequantize
// CHECK-SAME: (%[[Q:.*]]: tensor<2x3xi8>)
// CHECK: %[[C:.*]] = qnt.storage_cast %[[Q]] : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e+00,2.000000e+00:-1,4.000000e+00:10}>>
// CHECK: %[[X:.*]] = qnt.dequantize %[[C]] : tensor<2x3x!quant.uniform<i8:f32:1, {1.000000e+00,2.000000e+00:-1,4.000000e+00:10}>> -> tensor<2x3xf32>
// CHECK: return %[[X]]
func.func @dequantize_linear_to_dequantize(%q: tensor<2x3xi8>) -> tensor<2x3xf32> {
  %s = qnt.constant dense<[1.0, 2.0, 4.0]> : tensor<3xf32> -> tensor<3xf32>
  %zp = qnt.constant dense<[0, -1, 10]> : tensor<3xi8> -> tensor<3xi8>
  %x = qnt.dequantize_linear %q, %s, %zp {axis = 1 : i64} : (tensor<2x3xi8>, tensor<3xf32>, tensor<3xi8>) -> tensor<2x3xf32>
  return %x : tensor<2x3xf32>
}

// -----

// No static type holds a negative scale, blocked parameters or run-time ones.
// CHECK-LABEL: func.func @no_static_type
// CHECK-COUNT-3: qnt.quantize_linear
// CHECK-NOT: qnt.quantize %
func.func @no_static_type(%x: tensor<4xf32>, %x2: tensor<2x4xf32>, %rs: tensor<f32>) -> (tensor<4xui8>, tensor<2x4xui8>, tensor<4xui8>) {
  %neg = qnt.constant dense<-0.5> : tensor<f32> -> tensor<f32>
  %a = qnt.quantize_linear %x, %neg : (tensor<4xf32>, tensor<f32>) -> tensor<4xui8>
  %bs = qnt.constant dense<0.5> : tensor<2x2xf32> -> tensor<2x2xf32>
  %b = qnt.quantize_linear %x2, %bs {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x4xf32>, tensor<2x2xf32>) -> tensor<2x4xui8>
  %c = qnt.quantize_linear %x, %rs : (tensor<4xf32>, tensor<f32>) -> tensor<4xui8>
  return %a, %b, %c : tensor<4xui8>, tensor<2x4xui8>, tensor<4xui8>
}

// -----

// hi = 3, lo = -1, scale = 4 / 255 in f32, zero point round(63.75) = 64;
// 2 / scale is just below 127.5 in f32, so it rounds to 127.
// CHECK-LABEL: func.func @fold_dynamic_quantize_linear
// CHECK-DAG: %[[Y:.*]] = qnt.constant dense<[64, 191, 32, 160, 0, 255]> : tensor<6xui8> -> tensor<6xui8>
// CHECK-DAG: %[[S:.*]] = qnt.constant dense<0.0156862754> : tensor<f32> -> tensor<f32>
// CHECK-DAG: %[[ZP:.*]] = qnt.constant dense<64> : tensor<ui8> -> tensor<ui8>
// CHECK-NOT: qnt.dynamic_quantize_linear
// CHECK: return %[[Y]], %[[S]], %[[ZP]]
func.func @fold_dynamic_quantize_linear() -> (tensor<6xui8>, tensor<f32>, tensor<ui8>) {
  %x = qnt.constant dense<[0.0, 2.0, -0.5, 1.5, -1.0, 3.0]> : tensor<6xf32> -> tensor<6xf32>
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<6xf32> -> tensor<6xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<6xui8>, tensor<f32>, tensor<ui8>
}

// -----

// All zeros: the range is empty and the scale is 1.
// CHECK-LABEL: func.func @fold_dynamic_quantize_linear_zeros
// CHECK-DAG: %[[Y:.*]] = qnt.constant dense<0> : tensor<3xui8> -> tensor<3xui8>
// CHECK-DAG: %[[S:.*]] = qnt.constant dense<1.000000e+00> : tensor<f32> -> tensor<f32>
// CHECK-DAG: %[[ZP:.*]] = qnt.constant dense<0> : tensor<ui8> -> tensor<ui8>
// CHECK: return %[[Y]], %[[S]], %[[ZP]]
func.func @fold_dynamic_quantize_linear_zeros() -> (tensor<3xui8>, tensor<f32>, tensor<ui8>) {
  %x = qnt.constant dense<0.0> : tensor<3xf32> -> tensor<3xf32>
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<3xf32> -> tensor<3xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<3xui8>, tensor<f32>, tensor<ui8>
}

// -----

// All negative: hi is 0 and the zero point saturates at 255.
// CHECK-LABEL: func.func @fold_dynamic_quantize_linear_negative
// CHECK-DAG: %[[Y:.*]] = qnt.constant dense<[155, 0]> : tensor<2xui8> -> tensor<2xui8>
// CHECK-DAG: %[[ZP:.*]] = qnt.constant dense<255> : tensor<ui8> -> tensor<ui8>
// CHECK: return %[[Y]], %{{.*}}, %[[ZP]]
func.func @fold_dynamic_quantize_linear_negative() -> (tensor<2xui8>, tensor<f32>, tensor<ui8>) {
  %x = qnt.constant dense<[-1.0, -2.55]> : tensor<2xf32> -> tensor<2xf32>
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<2xf32> -> tensor<2xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<2xui8>, tensor<f32>, tensor<ui8>
}

// -----

// CHECK-LABEL: func.func @dynamic_quantize_linear_runtime
// CHECK: qnt.dynamic_quantize_linear
func.func @dynamic_quantize_linear_runtime(%x: tensor<2xf32>) -> (tensor<2xui8>, tensor<f32>, tensor<ui8>) {
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<2xf32> -> tensor<2xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<2xui8>, tensor<f32>, tensor<ui8>
}

// -----

// Constant zero points: qnt.matmul on types of scale 1 (per column for a 1-D
// rhs zero point).
// CHECK-LABEL: func.func @matmul_integer_to_matmul
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xui8>, %[[B:.*]]: tensor<3x2xi8>)
// CHECK-DAG: %[[AQ:.*]] = qnt.storage_cast %[[A]] : tensor<2x3xui8> -> tensor<2x3x!quant.uniform<u8:f32, 1.000000e+00:7>>
// CHECK-DAG: %[[BQ:.*]] = qnt.storage_cast %[[B]] : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32:1, {1.000000e+00:-1,1.000000e+00:2}>>
// CHECK: %[[M:.*]] = qnt.matmul %[[AQ]], %[[BQ]] : (tensor<2x3x!quant.uniform<u8:f32, 1.000000e+00:7>>, tensor<3x2x!quant.uniform<i8:f32:1, {1.000000e+00:-1,1.000000e+00:2}>>) -> tensor<2x2x!quant.uniform<i32:f32, 1.000000e+00>>
// CHECK: %[[Y:.*]] = qnt.storage_cast %[[M]] : tensor<2x2x!quant.uniform<i32:f32, 1.000000e+00>> -> tensor<2x2xi32>
// CHECK: return %[[Y]]
func.func @matmul_integer_to_matmul(%a: tensor<2x3xui8>, %b: tensor<3x2xi8>) -> tensor<2x2xi32> {
  %azp = qnt.constant dense<7> : tensor<ui8> -> tensor<ui8>
  %bzp = qnt.constant dense<[-1, 2]> : tensor<2xi8> -> tensor<2xi8>
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<2xi8>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

// Run-time zero points stay; so does a contraction long enough for a sum to
// leave the i32 range (where the op wraps and qnt.matmul saturates).
// CHECK-LABEL: func.func @matmul_integer_stays
// CHECK-COUNT-2: qnt.matmul_integer
// CHECK-NOT: qnt.matmul %
func.func @matmul_integer_stays(%a: tensor<2x3xui8>, %b: tensor<3x2xi8>, %azp: tensor<ui8>, %a2: tensor<1x33026xui8>, %b2: tensor<33026x1xui8>) -> (tensor<2x2xi32>, tensor<1x1xi32>) {
  %bzp = qnt.constant dense<0> : tensor<i8> -> tensor<i8>
  %y = qnt.matmul_integer %a, %b, %azp, %bzp : (tensor<2x3xui8>, tensor<3x2xi8>, tensor<ui8>, tensor<i8>) -> tensor<2x2xi32>
  %zp = qnt.constant dense<0> : tensor<ui8> -> tensor<ui8>
  %y2 = qnt.matmul_integer %a2, %b2, %zp, %zp : (tensor<1x33026xui8>, tensor<33026x1xui8>, tensor<ui8>, tensor<ui8>) -> tensor<1x1xi32>
  return %y, %y2 : tensor<2x2xi32>, tensor<1x1xi32>
}

// -----

// Constant zero points: qnt.conv2d on types of scale 1 (per output channel
// for a 1-D filter zero point).
// CHECK-LABEL: func.func @conv2d_integer_to_conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xui8>, %[[W:.*]]: tensor<3x2x2x2xi8>)
// CHECK-DAG: %[[XQ:.*]] = qnt.storage_cast %[[X]] : tensor<1x4x4x2xui8> -> tensor<1x4x4x2x!quant.uniform<u8:f32, 1.000000e+00:128>>
// CHECK-DAG: %[[WQ:.*]] = qnt.storage_cast %[[W]] : tensor<3x2x2x2xi8> -> tensor<3x2x2x2x!quant.uniform<i8:f32:0, {1.000000e+00,1.000000e+00:1,1.000000e+00:-2}>>
// CHECK: %[[C:.*]] = qnt.conv2d %[[XQ]], %[[WQ]] {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x4x2x!quant.uniform<u8:f32, 1.000000e+00:128>>, tensor<3x2x2x2x!quant.uniform<i8:f32:0, {1.000000e+00,1.000000e+00:1,1.000000e+00:-2}>>) -> tensor<1x3x3x3x!quant.uniform<i32:f32, 1.000000e+00>>
// CHECK: %[[Y:.*]] = qnt.storage_cast %[[C]] : tensor<1x3x3x3x!quant.uniform<i32:f32, 1.000000e+00>> -> tensor<1x3x3x3xi32>
// CHECK: return %[[Y]]
func.func @conv2d_integer_to_conv2d(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xi8>) -> tensor<1x3x3x3xi32> {
  %xzp = qnt.constant dense<128> : tensor<ui8> -> tensor<ui8>
  %wzp = qnt.constant dense<[0, 1, -2]> : tensor<3xi8> -> tensor<3xi8>
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<1x3x3x3xi32>
  return %y : tensor<1x3x3x3xi32>
}

// -----

// A run-time zero point stays; so does a window of more than 33025 products
// (here 1 x 1 x 33026).
// CHECK-LABEL: func.func @conv2d_integer_stays
// CHECK-COUNT-2: qnt.conv2d_integer
// CHECK-NOT: qnt.conv2d %
func.func @conv2d_integer_stays(%x: tensor<1x4x4x2xui8>, %w: tensor<3x2x2x2xi8>, %xzp: tensor<ui8>, %x2: tensor<1x1x1x33026xi8>, %w2: tensor<1x1x1x33026xi8>) -> (tensor<1x3x3x3xi32>, tensor<1x1x1x1xi32>) {
  %wzp = qnt.constant dense<0> : tensor<i8> -> tensor<i8>
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi8>, tensor<ui8>, tensor<i8>) -> tensor<1x3x3x3xi32>
  %y2 = qnt.conv2d_integer %x2, %w2, %wzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x1x1x33026xi8>, tensor<1x1x1x33026xi8>, tensor<i8>, tensor<i8>) -> tensor<1x1x1x1xi32>
  return %y, %y2 : tensor<1x3x3x3xi32>, tensor<1x1x1x1xi32>
}
