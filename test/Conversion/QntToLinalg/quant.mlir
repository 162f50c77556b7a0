// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Per tensor: the parameters are constants in the body. ONNX's rounding:
// divide (never multiply by 1/scale), round half to even (math.roundeven:
// 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -0.5 -> 0, -1.5 -> -2), a NaN quotient as
// 0, then the zero point added in i64 and the sum saturated.

// CHECK: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<2x3xi8>
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3xi8>
// CHECK: %[[Q:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]] : tensor<2x3xf32>) outs(%[[INIT]] : tensor<2x3xi8>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i8):
// CHECK-DAG: %[[SCALE:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[ZP:.*]] = arith.constant 128 : i64
// CHECK: %[[DIV:.*]] = arith.divf %[[IN]], %[[SCALE]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[DIV]], %[[DIV]] : f32
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[SEL:.*]] = arith.select %[[NAN]], %[[ZERO]], %[[DIV]] : f32
// CHECK: %[[RND:.*]] = math.roundeven %[[SEL]] : f32
// CHECK: %[[LO:.*]] = arith.maxnumf %[[RND]], %{{.*}} : f32
// CHECK: %[[HI:.*]] = arith.minnumf %[[LO]], %{{.*}} : f32
// CHECK: %[[MAGIC:.*]] = arith.constant 0x4B400000 : f32
// CHECK: %[[BIASED:.*]] = arith.addf %[[HI]], %[[MAGIC]] : f32
// CHECK: %[[BITS:.*]] = arith.bitcast %[[BIASED]] : f32 to i32
// CHECK: %[[OFFSET:.*]] = arith.constant 1262485504 : i32
// CHECK: %[[INT:.*]] = arith.subi %[[BITS]], %[[OFFSET]] : i32
// CHECK: %[[ZP32:.*]] = arith.trunci %[[ZP]] : i64 to i32
// CHECK: %[[SUM:.*]] = arith.addi %[[INT]], %[[ZP32]] : i32
// CHECK: %[[C0:.*]] = arith.constant 0 : i32
// CHECK: %[[MAX:.*]] = arith.maxsi %[[SUM]], %[[C0]] : i32
// CHECK: %[[C255:.*]] = arith.constant 255 : i32
// CHECK: %[[MIN:.*]] = arith.minsi %[[MAX]], %[[C255]] : i32
// CHECK: %[[T:.*]] = arith.trunci %[[MIN]] : i32 to i8
// CHECK: linalg.yield %[[T]] : i8
// CHECK: return %[[Q]] : tensor<2x3xi8>
func.func @quantize_per_tensor(%x: tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<u8:f32, 0.5:128>> {
  %q = qnt.quantize %x : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<u8:f32, 0.5:128>>
  return %q : tensor<2x3x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// Per axis: constant vectors of scales and zero points, read at d1.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @quantize_per_axis
// CHECK-DAG: %[[S:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01, 2.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<[1, -2, 0]> : tensor<3xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %[[S]], %[[Z]] : tensor<2x3xf32>, tensor<3xf32>, tensor<3xi32>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[SCALE:.*]]: f32, %[[ZP:.*]]: i32, %{{.*}}: i8):
// CHECK: %[[ZP64:.*]] = arith.extsi %[[ZP]] : i32 to i64
// CHECK: arith.divf %[[IN]], %[[SCALE]] : f32
// CHECK: math.roundeven
// CHECK: %[[INT:.*]] = arith.subi %{{.*}}, %{{.*}} : i32
// CHECK: %[[ZP32:.*]] = arith.trunci %[[ZP64]] : i64 to i32
// CHECK: arith.addi %[[INT]], %[[ZP32]] : i32
// CHECK: arith.constant -128 : i32
// CHECK: arith.constant 127 : i32
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @quantize_per_axis(%x: tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 2.0:0}>> {
  %q = qnt.quantize %x : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 2.0:0}>>
  return %q : tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 2.0:0}>>
}

// -----

// 4-bit storage saturates to its own range.

// CHECK-LABEL: func.func @quantize_i4
// CHECK-SAME: -> tensor<8xi4>
// CHECK: arith.constant -8 : i32
// CHECK: arith.constant 7 : i32
// CHECK: arith.trunci %{{.*}} : i32 to i4
func.func @quantize_i4(%x: tensor<8xf32>) -> tensor<8x!quant.uniform<i4:f32, 0.25>> {
  %q = qnt.quantize %x : tensor<8xf32> -> tensor<8x!quant.uniform<i4:f32, 0.25>>
  return %q : tensor<8x!quant.uniform<i4:f32, 0.25>>
}

// -----

// (q - zp) in i32 (zero-extended for u8 storage), one conversion, one product.

// CHECK-LABEL: func.func @dequantize_per_tensor
// CHECK-SAME: (%[[Q:.*]]: tensor<4xi8>) -> tensor<4xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[Q]] : tensor<4xi8>)
// CHECK: ^bb0(%[[IN:.*]]: i8, %{{.*}}: f32):
// CHECK-DAG: %[[ZP:.*]] = arith.constant 128 : i32
// CHECK-DAG: %[[SCALE:.*]] = arith.constant 1.000000e-01 : f32
// CHECK: %[[W:.*]] = arith.extui %[[IN]] : i8 to i32
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[ZP]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK: %[[R:.*]] = arith.mulf %[[F]], %[[SCALE]] : f32
// CHECK: linalg.yield %[[R]] : f32
func.func @dequantize_per_tensor(%q: tensor<4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<4xf32> {
  %x = qnt.dequantize %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @dequantize_per_axis
// CHECK-DAG: %[[S:.*]] = arith.constant dense<[2.500000e-01, 5.000000e-01]> : tensor<2xf32>
// CHECK-DAG: %[[Z:.*]] = arith.constant dense<[0, -3]> : tensor<2xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %[[S]], %[[Z]] : tensor<2x3xi8>, tensor<2xf32>, tensor<2xi32>)
// CHECK: ^bb0(%[[IN:.*]]: i8, %[[SCALE:.*]]: f32, %[[ZP:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[W:.*]] = arith.extsi %[[IN]] : i8 to i32
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[ZP]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK: arith.mulf %[[F]], %[[SCALE]] : f32
func.func @dequantize_per_axis(%q: tensor<2x3x!quant.uniform<i8:f32:0, {0.25, 0.5:-3}>>) -> tensor<2x3xf32> {
  %x = qnt.dequantize %q : tensor<2x3x!quant.uniform<i8:f32:0, {0.25, 0.5:-3}>> -> tensor<2x3xf32>
  return %x : tensor<2x3xf32>
}

// -----

// 32-bit storage: the difference in i64, so q - zp never wraps.

// CHECK-LABEL: func.func @dequantize_i32
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[ZP:.*]] = arith.constant -7 : i64
// CHECK: %[[W:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[ZP]] : i64
// CHECK: arith.sitofp %[[D]] : i64 to f32
func.func @dequantize_i32(%q: tensor<4x!quant.uniform<i32:f32, 0.001:-7>>) -> tensor<4xf32> {
  %x = qnt.dequantize %q : tensor<4x!quant.uniform<i32:f32, 0.001:-7>> -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

// The float requantization contract: m = s_in / s_out = 0.01 / 0.1 in f32.

// CHECK-LABEL: func.func @requantize_per_tensor
// CHECK-SAME: (%[[Q:.*]]: tensor<4xi32>) -> tensor<4xi8>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[Q]] : tensor<4xi32>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i8):
// CHECK-DAG: %[[ZPIN:.*]] = arith.constant 0 : i64
// CHECK-DAG: %[[M:.*]] = arith.constant 0.099999994 : f32
// CHECK-DAG: %[[ZPOUT:.*]] = arith.constant -3 : i32
// CHECK: %[[W:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[ZPIN]] : i64
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i64 to f32
// CHECK: %[[P:.*]] = arith.mulf %[[F]], %[[M]] : f32
// CHECK: %[[R:.*]] = math.roundeven %[[P]] : f32
// CHECK: %[[Z:.*]] = arith.sitofp %[[ZPOUT]] : i32 to f32
// CHECK: %[[S:.*]] = arith.addf %[[R]], %[[Z]] : f32
// CHECK: math.roundeven %[[S]] : f32
// CHECK: arith.constant -1.280000e+02 : f32
// CHECK: arith.constant 1.270000e+02 : f32
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @requantize_per_tensor(%q: tensor<4x!quant.uniform<i32:f32, 0.01>>) -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>> {
  %r = qnt.requantize %q : tensor<4x!quant.uniform<i32:f32, 0.01>> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// A per-axis input and a per-tensor result: one multiplier per slice, the
// result's zero point repeated.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @requantize_per_axis_input
// CHECK-DAG: %[[M:.*]] = arith.constant dense<[5.000000e+00, 2.500000e+00, 2.000000e+01]> : tensor<3xf32>
// CHECK-DAG: %[[ZPIN:.*]] = arith.constant dense<[0, 1, 2]> : tensor<3xi32>
// CHECK-DAG: %[[ZPOUT:.*]] = arith.constant dense<-3> : tensor<3xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[AXIS]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %[[M]], %[[ZPIN]], %[[ZPOUT]] : tensor<2x3xi8>, tensor<3xf32>, tensor<3xi32>, tensor<3xi32>)
// CHECK: ^bb0(%[[IN:.*]]: i8, %[[MUL:.*]]: f32, %[[ZI:.*]]: i32, %[[ZO:.*]]: i32, %{{.*}}: i8):
// CHECK: %[[W:.*]] = arith.extsi %[[IN]] : i8 to i32
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[ZI]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK: arith.mulf %[[F]], %[[MUL]] : f32
// CHECK: arith.sitofp %[[ZO]] : i32 to f32
func.func @requantize_per_axis_input(%q: tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25:1, 2.0:2}>>) -> tensor<2x3x!quant.uniform<i8:f32, 0.1:-3>> {
  %r = qnt.requantize %q : tensor<2x3x!quant.uniform<i8:f32:1, {0.5, 0.25:1, 2.0:2}>> -> tensor<2x3x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<2x3x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// Both sides per axis along the same dimension: multipliers slice by slice.

// CHECK-LABEL: func.func @requantize_per_axis_both
// CHECK-DAG: arith.constant dense<[2.000000e+00, 5.000000e-01]> : tensor<2xf32>
// CHECK-DAG: arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-DAG: arith.constant dense<[3, 4]> : tensor<2xi32>
// CHECK: linalg.generic
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @requantize_per_axis_both(%q: tensor<2x5x!quant.uniform<u8:f32:0, {1.0:1, 0.5:2}>>) -> tensor<2x5x!quant.uniform<u8:f32:0, {0.5:3, 1.0:4}>> {
  %r = qnt.requantize %q : tensor<2x5x!quant.uniform<u8:f32:0, {1.0:1, 0.5:2}>> -> tensor<2x5x!quant.uniform<u8:f32:0, {0.5:3, 1.0:4}>>
  return %r : tensor<2x5x!quant.uniform<u8:f32:0, {0.5:3, 1.0:4}>>
}

// -----

// Tensor parameters per tensor: rank-0 operands; a ui8 zero point is
// zero-extended.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @quantize_linear_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<6xf32>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i8>) -> tensor<6xi8>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[SCALAR]], #[[ID]]], iterator_types = ["parallel"]}
// CHECK-SAME: ins(%[[X]], %[[S]], %[[Z]] : tensor<6xf32>, tensor<f32>, tensor<i8>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[SCALE:.*]]: f32, %[[ZP:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[ZP64:.*]] = arith.extui %[[ZP]] : i8 to i64
// CHECK: arith.divf %[[IN]], %[[SCALE]] : f32
// CHECK: math.roundeven
// CHECK: %[[INT:.*]] = arith.subi %{{.*}}, %{{.*}} : i32
// CHECK: %[[ZP32:.*]] = arith.trunci %[[ZP64]] : i64 to i32
// CHECK: arith.addi %[[INT]], %[[ZP32]] : i32
// CHECK: arith.constant 255 : i32
func.func @quantize_linear_per_tensor(%x: tensor<6xf32>, %s: tensor<f32>, %zp: tensor<ui8>) -> tensor<6xui8> {
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<6xf32>, tensor<f32>, tensor<ui8>) -> tensor<6xui8>
  return %q : tensor<6xui8>
}

// -----

// Without a zero point, 0.

// CHECK-LABEL: func.func @quantize_linear_no_zero_point
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[SCALE:.*]]: f32, %{{.*}}: i16):
// CHECK: %[[ZP:.*]] = arith.constant 0 : i64
// CHECK: arith.divf %[[IN]], %[[SCALE]] : f32
// CHECK: %[[ZP32:.*]] = arith.trunci %[[ZP]] : i64 to i32
// CHECK: arith.addi %{{.*}}, %[[ZP32]] : i32
// CHECK: arith.constant -32768 : i32
// CHECK: arith.constant 32767 : i32
// CHECK: arith.trunci %{{.*}} : i32 to i16
func.func @quantize_linear_no_zero_point(%x: tensor<6xf32>, %s: tensor<f32>) -> tensor<6xi16> {
  %q = qnt.quantize_linear %x, %s : (tensor<6xf32>, tensor<f32>) -> tensor<6xi16>
  return %q : tensor<6xi16>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[AXIS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @quantize_linear_per_axis
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[AXIS]], #[[AXIS]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xi8>)
// CHECK: arith.extsi %{{.*}} : i8 to i64
func.func @quantize_linear_per_axis(%x: tensor<1x3x3x2xf32>, %s: tensor<3xf32>, %zp: tensor<3xi8>) -> tensor<1x3x3x2xi8> {
  %q = qnt.quantize_linear %x, %s, %zp {axis = 1 : i64} : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xi8>) -> tensor<1x3x3x2xi8>
  return %q : tensor<1x3x3x2xi8>
}

// -----

// Blocked: the parameters' axis dimension counts blocks (the last partial).

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[BLOCK:.*]] = affine_map<(d0, d1) -> (d0, d1 floordiv 3)>
// CHECK-LABEL: func.func @quantize_linear_blocked
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[BLOCK]], #[[BLOCK]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x5xf32>, tensor<2x2xf32>, tensor<2x2xi4>)
// CHECK: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %[[ZP:.*]]: i4, %{{.*}}: i4):
// CHECK: arith.extui %[[ZP]] : i4 to i64
// CHECK: arith.constant 0 : i32
// CHECK: arith.constant 15 : i32
// CHECK: arith.trunci %{{.*}} : i32 to i4
func.func @quantize_linear_blocked(%x: tensor<2x5xf32>, %s: tensor<2x2xf32>, %zp: tensor<2x2xui4>) -> tensor<2x5xui4> {
  %q = qnt.quantize_linear %x, %s, %zp {axis = 1 : i64, block_size = 3 : i64} : (tensor<2x5xf32>, tensor<2x2xf32>, tensor<2x2xui4>) -> tensor<2x5xui4>
  return %q : tensor<2x5xui4>
}

// -----

// CHECK-LABEL: func.func @quantize_linear_i2
// CHECK: arith.constant -2 : i32
// CHECK: arith.constant 1 : i32
// CHECK: arith.trunci %{{.*}} : i32 to i2
func.func @quantize_linear_i2(%x: tensor<4xf32>, %s: tensor<f32>, %zp: tensor<i2>) -> tensor<4xi2> {
  %q = qnt.quantize_linear %x, %s, %zp : (tensor<4xf32>, tensor<f32>, tensor<i2>) -> tensor<4xi2>
  return %q : tensor<4xi2>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[BLOCK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 2, d2, d3)>
// CHECK-LABEL: func.func @dequantize_linear_blocked
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[BLOCK]], #[[BLOCK]], #[[ID]]]
// CHECK: ^bb0(%[[IN:.*]]: i8, %[[SCALE:.*]]: f32, %[[ZP:.*]]: i8, %{{.*}}: f32):
// CHECK: %[[Z:.*]] = arith.extui %[[ZP]] : i8 to i32
// CHECK: %[[W:.*]] = arith.extui %[[IN]] : i8 to i32
// CHECK: %[[D:.*]] = arith.subi %[[W]], %[[Z]] : i32
// CHECK: %[[F:.*]] = arith.sitofp %[[D]] : i32 to f32
// CHECK: arith.mulf %[[F]], %[[SCALE]] : f32
func.func @dequantize_linear_blocked(%q: tensor<1x4x3x2xui8>, %s: tensor<1x2x3x2xf32>, %zp: tensor<1x2x3x2xui8>) -> tensor<1x4x3x2xf32> {
  %x = qnt.dequantize_linear %q, %s, %zp {axis = 1 : i64, block_size = 2 : i64} : (tensor<1x4x3x2xui8>, tensor<1x2x3x2xf32>, tensor<1x2x3x2xui8>) -> tensor<1x4x3x2xf32>
  return %x : tensor<1x4x3x2xf32>
}

// -----

// CHECK-LABEL: func.func @dequantize_linear_uint16
// CHECK: ^bb0(%[[IN:.*]]: i16, %{{.*}}: f32, %[[ZP:.*]]: i16, %{{.*}}: f32):
// CHECK: arith.extui %[[ZP]] : i16 to i32
// CHECK: arith.extui %[[IN]] : i16 to i32
func.func @dequantize_linear_uint16(%q: tensor<4xui16>, %s: tensor<f32>, %zp: tensor<ui16>) -> tensor<4xf32> {
  %x = qnt.dequantize_linear %q, %s, %zp : (tensor<4xui16>, tensor<f32>, tensor<ui16>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @dequantize_linear_i32
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32, %[[ZP:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[Z:.*]] = arith.extsi %[[ZP]] : i32 to i64
// CHECK: %[[W:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: arith.subi %[[W]], %[[Z]] : i64
func.func @dequantize_linear_i32(%q: tensor<4xi32>, %s: tensor<f32>, %zp: tensor<i32>) -> tensor<4xf32> {
  %x = qnt.dequantize_linear %q, %s, %zp : (tensor<4xi32>, tensor<f32>, tensor<i32>) -> tensor<4xf32>
  return %x : tensor<4xf32>
}

// -----

// One reduction for the range with accumulators starting at 0 (so the range
// includes 0), then scale, zero point and the quantization, in f32 as ONNX's
// definition orders them.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[TO_SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<() -> ()>
// CHECK-LABEL: func.func @dynamic_quantize_linear
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>) -> (tensor<2x4xi8>, tensor<f32>, tensor<i8>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[LO0:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<f32>) -> tensor<f32>
// CHECK: %[[HI0:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<f32>) -> tensor<f32>
// CHECK: %[[RANGE:.*]]:2 = linalg.generic {indexing_maps = [#[[ID]], #[[TO_SCALAR]], #[[TO_SCALAR]]], iterator_types = ["reduction", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<2x4xf32>) outs(%[[LO0]], %[[HI0]] : tensor<f32>, tensor<f32>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[LO:.*]]: f32, %[[HI:.*]]: f32):
// CHECK: %[[MIN:.*]] = arith.minnumf %[[LO]], %[[IN]] : f32
// CHECK: %[[MAX:.*]] = arith.maxnumf %[[HI]], %[[IN]] : f32
// CHECK: linalg.yield %[[MIN]], %[[MAX]] : f32, f32
// CHECK: %[[SCALE:.*]] = linalg.generic {indexing_maps = [#[[SCALAR]], #[[SCALAR]], #[[SCALAR]]], iterator_types = []}
// CHECK-SAME: ins(%[[RANGE]]#0, %[[RANGE]]#1 : tensor<f32>, tensor<f32>)
// CHECK: ^bb0(%[[L:.*]]: f32, %[[H:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[DIFF:.*]] = arith.subf %[[H]], %[[L]] : f32
// CHECK: %[[C255:.*]] = arith.constant 2.550000e+02 : f32
// CHECK: %[[S:.*]] = arith.divf %[[DIFF]], %[[C255]] : f32
// CHECK: %[[EQ:.*]] = arith.cmpf oeq, %[[H]], %[[L]] : f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[SEL:.*]] = arith.select %[[EQ]], %[[ONE]], %[[S]] : f32
// CHECK: linalg.yield %[[SEL]] : f32
// CHECK: %[[ZP:.*]] = linalg.generic {indexing_maps = [#[[SCALAR]], #[[SCALAR]], #[[SCALAR]]], iterator_types = []}
// CHECK-SAME: ins(%[[RANGE]]#0, %[[SCALE]] : tensor<f32>, tensor<f32>)
// CHECK: ^bb0(%[[L:.*]]: f32, %[[SC:.*]]: f32, %{{.*}}: i8):
// CHECK: %[[Q:.*]] = arith.divf %[[L]], %[[SC]] : f32
// CHECK: %[[Z0:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[NEG:.*]] = arith.subf %[[Z0]], %[[Q]] : f32
// CHECK: math.roundeven %[[NEG]] : f32
// CHECK: arith.constant 2.550000e+02 : f32
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[TO_SCALAR]], #[[TO_SCALAR]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]], %[[SCALE]], %[[ZP]] : tensor<2x4xf32>, tensor<f32>, tensor<i8>)
// CHECK: ^bb0(%[[IN:.*]]: f32, %[[SC:.*]]: f32, %[[Z:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[Z64:.*]] = arith.extui %[[Z]] : i8 to i64
// CHECK: arith.divf %[[IN]], %[[SC]] : f32
// CHECK: math.roundeven
// CHECK: %[[INT:.*]] = arith.subi %{{.*}}, %{{.*}} : i32
// CHECK: %[[Z32:.*]] = arith.trunci %[[Z64]] : i64 to i32
// CHECK: arith.addi %[[INT]], %[[Z32]] : i32
// CHECK: arith.constant 255 : i32
// CHECK: return %[[Y]], %[[SCALE]], %[[ZP]] : tensor<2x4xi8>, tensor<f32>, tensor<i8>
func.func @dynamic_quantize_linear(%x: tensor<2x4xf32>) -> (tensor<2x4xui8>, tensor<f32>, tensor<ui8>) {
  %y, %s, %zp = qnt.dynamic_quantize_linear %x : tensor<2x4xf32> -> tensor<2x4xui8>, tensor<f32>, tensor<ui8>
  return %y, %s, %zp : tensor<2x4xui8>, tensor<f32>, tensor<ui8>
}
