// quantize_linear and dequantize_linear on float8 and f4E2M1FN data, and
// cast to f8E8M0FNU with a round mode: round trip, folds and
// canonicalization.
// RUN: quant-opt %s -split-input-file | quant-opt -split-input-file | FileCheck %s --check-prefix=ROUND
// RUN: quant-opt %s -split-input-file -canonicalize | FileCheck %s

// ROUND-LABEL: func.func @linear
// ROUND: qnt.quantize_linear %{{.*}}, %{{.*}}, %{{.*}} {saturate = false} : (tensor<2x3xf32>, tensor<f32>, tensor<f8E4M3FN>) -> tensor<2x3xf8E4M3FN>
// ROUND: qnt.quantize_linear %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf4E2M1FN>
// ROUND: qnt.dequantize_linear %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x3xf8E5M2FNUZ>, tensor<2x2xf32>, tensor<2x2xf8E5M2FNUZ>) -> tensor<2x3xf32>
// Constant parameters of small-float data have no !quant.uniform form:
// canonicalization keeps the ops.
// CHECK-LABEL: func.func @linear
// CHECK: qnt.quantize_linear
// CHECK: qnt.quantize_linear
// CHECK: qnt.dequantize_linear
func.func @linear(%x: tensor<2x3xf32>, %q: tensor<2x3xf8E5M2FNUZ>)
    -> (tensor<2x3xf8E4M3FN>, tensor<2x3xf4E2M1FN>, tensor<2x3xf32>) {
  %s = qnt.constant dense<2.0> : tensor<f32> -> tensor<f32>
  %zp = qnt.constant dense<0.0> : tensor<f8E4M3FN> -> tensor<f8E4M3FN>
  %a = qnt.quantize_linear %x, %s, %zp {saturate = false} : (tensor<2x3xf32>, tensor<f32>, tensor<f8E4M3FN>) -> tensor<2x3xf8E4M3FN>
  %s3 = qnt.constant dense<[1.0, 2.0, 4.0]> : tensor<3xf32> -> tensor<3xf32>
  %b = qnt.quantize_linear %x, %s3 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf4E2M1FN>
  %sb = qnt.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %zb = qnt.constant dense<[[0.0, 1.0], [0.0, 2.0]]> : tensor<2x2xf8E5M2FNUZ> -> tensor<2x2xf8E5M2FNUZ>
  %c = qnt.dequantize_linear %q, %sb, %zb {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x3xf8E5M2FNUZ>, tensor<2x2xf32>, tensor<2x2xf8E5M2FNUZ>) -> tensor<2x3xf32>
  return %a, %b, %c : tensor<2x3xf8E4M3FN>, tensor<2x3xf4E2M1FN>, tensor<2x3xf32>
}

// -----

// The biased exponent of each f32, rounded by the mode: 0 is 2^-127; NaN
// stays NaN (0xFF); FLT_MAX saturates to 2^127 or, without saturate and
// rounding up, is NaN.
// ROUND-LABEL: func.func @cast_e8m0
// ROUND: qnt.cast %{{.*}} : tensor<8xf32> -> tensor<8xf8E8M0FNU>
// ROUND: qnt.cast %{{.*}} {round_mode = #qnt<round_mode down>} : tensor<8xf32> -> tensor<8xf8E8M0FNU>
// ROUND: qnt.cast %{{.*}} {round_mode = #qnt<round_mode nearest>, saturate = false} : tensor<8xf32> -> tensor<8xf8E8M0FNU>
// CHECK-LABEL: func.func @cast_e8m0
// CHECK-DAG: qnt.constant dense<[5.877470e-39, 1.250000e-01, 2.500000e-01, 2.000000e+00, 2.000000e+00, 4.000000e+00, 0xFF, 1.701410e+38]> : tensor<8xf8E8M0FNU>
// CHECK-DAG: qnt.constant dense<[5.877470e-39, 6.250000e-02, 2.500000e-01, 1.000000e+00, 1.000000e+00, 2.000000e+00, 0xFF, 1.701410e+38]> : tensor<8xf8E8M0FNU>
// CHECK-DAG: qnt.constant dense<[5.877470e-39, 1.250000e-01, 2.500000e-01, 2.000000e+00, 2.000000e+00, 4.000000e+00, 0xFF, 0xFF]> : tensor<8xf8E8M0FNU>
func.func @cast_e8m0() -> (tensor<8xf8E8M0FNU>, tensor<8xf8E8M0FNU>, tensor<8xf8E8M0FNU>) {
  %c = qnt.constant dense<[0.0, 0.124, 0.25, 1.5, 1.75, -3.0, 0x7FC00000, 0x7F7FFFFF]> : tensor<8xf32> -> tensor<8xf32>
  %u = qnt.cast %c : tensor<8xf32> -> tensor<8xf8E8M0FNU>
  %d = qnt.cast %c {round_mode = #qnt<round_mode down>} : tensor<8xf32> -> tensor<8xf8E8M0FNU>
  %n = qnt.cast %c {round_mode = #qnt<round_mode nearest>, saturate = false} : tensor<8xf32> -> tensor<8xf8E8M0FNU>
  return %u, %d, %n : tensor<8xf8E8M0FNU>, tensor<8xf8E8M0FNU>, tensor<8xf8E8M0FNU>
}

// -----

// nearest at exactly one half rounds up only above the smallest normal
// exponent: 1.5 * 2^-126 becomes 2^-125, the subnormal 0.75 * 2^-126
// (0x00600000, above one half) 2^-126, the subnormal 0.5 * 2^-126
// (0x00400000, exactly one half) stays 2^-127.
// CHECK-LABEL: func.func @cast_e8m0_ties
// CHECK: qnt.constant dense<[2.350990e-38, 1.175490e-38, 5.877470e-39, 0xFF]> : tensor<4xf8E8M0FNU>
func.func @cast_e8m0_ties() -> tensor<4xf8E8M0FNU> {
  %c = qnt.constant dense<[0x00C00000, 0x00600000, 0x00400000, 0x7F800000]> : tensor<4xf32> -> tensor<4xf32>
  %n = qnt.cast %c {round_mode = #qnt<round_mode nearest>} : tensor<4xf32> -> tensor<4xf8E8M0FNU>
  return %n : tensor<4xf8E8M0FNU>
}
