// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// quantize_linear to a float8: x / s + zp in f32 (a zero zero point keeps
// the quotient, so that -0 stays -0), then the cast's conversion with the
// op's saturate: the zero point is a float8 converted to f32 first.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK: %[[ZP:.*]] = linalg.generic {{.*}} ins(%arg2 : tensor<f8E4M3FN>) outs(%{{.*}} : tensor<f32>)
// CHECK: arith.bitcast %{{.*}} : f8E4M3FN to i8
// CHECK: %[[SCALED:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel"]} ins(%arg0, %arg1, %[[ZP]] : tensor<4xf32>, tensor<f32>, tensor<f32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[S:.*]]: f32, %[[Z:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[X]], %[[S]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[ISZERO:.*]] = arith.cmpf oeq, %[[Z]], %[[ZERO]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[Q]], %[[Z]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.select %[[ISZERO]], %[[Q]], %[[SUM]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: linalg.generic {{.*}} ins(%[[SCALED]] : tensor<4xf32>) outs(%{{.*}} : tensor<4xf8E4M3FN>)
// Without saturate, overflow becomes NaN (0x7F, or 0xFF when negative).
// CHECK-DAG: arith.constant 255 : i32
// CHECK-DAG: arith.constant 127 : i32
// CHECK: arith.bitcast %{{.*}} : i8 to f8E4M3FN
func.func @quantize_per_tensor(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<f8E4M3FN>) -> tensor<4xf8E4M3FN> {
  %q = qnt.quantize_linear %x, %s, %zp {saturate = false} : (tensor<4xf32>, tensor<f32>, tensor<f8E4M3FN>) -> tensor<4xf8E4M3FN>
  return %q : tensor<4xf8E4M3FN>
}

// -----

// Blocked scales of f4E2M1FN without a zero point: the scale is read at
// (i, j floordiv 2); f4E2M1FN always adds the zero point, here 0, so that
// -0 becomes +0 as in ONNX's reference implementation.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[BLOCK:.*]] = affine_map<(d0, d1) -> (d0, d1 floordiv 2)>
// CHECK-LABEL: func.func @quantize_blocked
// CHECK: %[[SCALED:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[BLOCK]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x5xf32>, tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[X]], %[[S]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[Q]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]] : f32
// CHECK: linalg.generic {{.*}} ins(%[[SCALED]] : tensor<2x5xf32>) outs(%{{.*}} : tensor<2x5xf4E2M1FN>)
// CHECK: arith.bitcast %{{.*}} : i4 to f4E2M1FN
func.func @quantize_blocked(%x: tensor<2x5xf32>, %s: tensor<2x3xf32>) -> tensor<2x5xf4E2M1FN> {
  %q = qnt.quantize_linear %x, %s {axis = 1 : i64, block_size = 2 : i64} : (tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x5xf4E2M1FN>
  return %q : tensor<2x5xf4E2M1FN>
}

// -----

// dequantize_linear of float8: data and zero point converted to f32
// (exactly), then (x - zp) * s with the parameters read along axis 1.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @dequantize_per_axis
// CHECK: %[[ZP:.*]] = linalg.generic {{.*}} ins(%arg2 : tensor<3xf8E5M2>) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[X:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<2x3xf8E5M2>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %arg1, %[[ZP]] : tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[S:.*]]: f32, %[[Z:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[D:.*]] = arith.subf %[[V]], %[[Z]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.mulf %[[D]], %[[S]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
func.func @dequantize_per_axis(%x: tensor<2x3xf8E5M2>, %s: tensor<3xf32>, %zp: tensor<3xf8E5M2>) -> tensor<2x3xf32> {
  %y = qnt.dequantize_linear %x, %s, %zp {axis = 1 : i64} : (tensor<2x3xf8E5M2>, tensor<3xf32>, tensor<3xf8E5M2>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// f32 to f8E8M0FNU, round_mode nearest, saturating: the biased exponent,
// plus 1 when the fraction is above one half, or exactly one half with a
// non-zero exponent, unless the exponent is 254 or 255.

// CHECK-LABEL: func.func @cast_e8m0_nearest
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f8E8M0FNU):
// CHECK-NEXT: %[[BITS:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK-NEXT: %[[C23:.*]] = arith.constant 23 : i32
// CHECK-NEXT: %[[SHIFTED:.*]] = arith.shrui %[[BITS]], %[[C23]] : i32
// CHECK-NEXT: %[[C255:.*]] = arith.constant 255 : i32
// CHECK-NEXT: %[[E:.*]] = arith.andi %[[SHIFTED]], %[[C255]] : i32
// CHECK-NEXT: %[[FMASK:.*]] = arith.constant 8388607 : i32
// CHECK-NEXT: %[[F:.*]] = arith.andi %[[BITS]], %[[FMASK]] : i32
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 4194304 : i32
// CHECK-NEXT: %[[ISHALF:.*]] = arith.cmpi eq, %[[F]], %[[HALF]] : i32
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[NORMAL:.*]] = arith.cmpi ne, %[[E]], %[[C0]] : i32
// CHECK-NEXT: %[[TIE:.*]] = arith.andi %[[ISHALF]], %[[NORMAL]] : i1
// CHECK-NEXT: %[[HALF2:.*]] = arith.constant 4194304 : i32
// CHECK-NEXT: %[[ABOVE:.*]] = arith.cmpi ugt, %[[F]], %[[HALF2]] : i32
// CHECK-NEXT: %[[UP:.*]] = arith.ori %[[ABOVE]], %[[TIE]] : i1
// CHECK-NEXT: %[[C254:.*]] = arith.constant 254 : i32
// CHECK-NEXT: %[[BELOW:.*]] = arith.cmpi ult, %[[E]], %[[C254]] : i32
// CHECK-NEXT: %[[INC:.*]] = arith.andi %[[UP]], %[[BELOW]] : i1
// CHECK-NEXT: %[[ONE:.*]] = arith.extui %[[INC]] : i1 to i32
// CHECK-NEXT: %[[R:.*]] = arith.addi %[[E]], %[[ONE]] : i32
// CHECK-NEXT: %[[R8:.*]] = arith.trunci %[[R]] : i32 to i8
// CHECK-NEXT: %[[Y:.*]] = arith.bitcast %[[R8]] : i8 to f8E8M0FNU
// CHECK-NEXT: linalg.yield %[[Y]] : f8E8M0FNU
func.func @cast_e8m0_nearest(%x: tensor<4xf32>) -> tensor<4xf8E8M0FNU> {
  %y = qnt.cast %x {round_mode = #qnt<round_mode nearest>} : tensor<4xf32> -> tensor<4xf8E8M0FNU>
  return %y : tensor<4xf8E8M0FNU>
}

// -----

// round_mode up (the default) without saturate: any fraction rounds up,
// 254 included (to 255, NaN); 255 (NaN, infinities) stays.

// CHECK-LABEL: func.func @cast_e8m0_up
// CHECK: %[[E:.*]] = arith.andi %{{.*}}, %{{.*}} : i32
// CHECK: %[[F:.*]] = arith.andi %{{.*}}, %{{.*}} : i32
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[FRACTION:.*]] = arith.cmpi ne, %[[F]], %[[C0]] : i32
// CHECK-NEXT: %[[C255:.*]] = arith.constant 255 : i32
// CHECK-NEXT: %[[FINITE:.*]] = arith.cmpi ult, %[[E]], %[[C255]] : i32
// CHECK-NEXT: %[[INC:.*]] = arith.andi %[[FRACTION]], %[[FINITE]] : i1
// CHECK-NEXT: %[[ONE:.*]] = arith.extui %[[INC]] : i1 to i32
// CHECK-NEXT: arith.addi %[[E]], %[[ONE]] : i32
func.func @cast_e8m0_up(%x: tensor<4xf32>) -> tensor<4xf8E8M0FNU> {
  %y = qnt.cast %x {saturate = false} : tensor<4xf32> -> tensor<4xf8E8M0FNU>
  return %y : tensor<4xf8E8M0FNU>
}

// -----

// round_mode down: the biased exponent itself.

// CHECK-LABEL: func.func @cast_e8m0_down
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f8E8M0FNU):
// CHECK-NEXT: %[[BITS:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK-NEXT: arith.constant 23 : i32
// CHECK-NEXT: arith.shrui %[[BITS]]
// CHECK-NEXT: arith.constant 255 : i32
// CHECK-NEXT: %[[E:.*]] = arith.andi
// CHECK-NEXT: %[[E8:.*]] = arith.trunci %[[E]] : i32 to i8
// CHECK-NEXT: %[[Y:.*]] = arith.bitcast %[[E8]] : i8 to f8E8M0FNU
// CHECK-NEXT: linalg.yield %[[Y]]
func.func @cast_e8m0_down(%x: tensor<4xf32>) -> tensor<4xf8E8M0FNU> {
  %y = qnt.cast %x {round_mode = #qnt<round_mode down>} : tensor<4xf32> -> tensor<4xf8E8M0FNU>
  return %y : tensor<4xf8E8M0FNU>
}
