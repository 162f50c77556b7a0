// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Float add: one parallel generic, the operand of lower rank aligned at the
// last dimension.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @add_bcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
func.func @add_bcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = qnt.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The fused clamp follows the sum; maximumf/minimumf propagate NaN.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[ONE:.*]] = affine_map<(d0) -> (0)>
// CHECK-LABEL: func.func @add_clamp
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ONE]], #[[ID]]]
// CHECK: %[[S:.*]] = arith.addf
// CHECK-NEXT: %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[S]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.minimumf %[[M]], %[[HI]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
func.func @add_clamp(%a: tensor<4xf32>, %b: tensor<1xf32>) -> tensor<4xf32> {
  %0 = qnt.add %a, %b {clamp_min = 0.0 : f32, clamp_max = 6.0 : f32} : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Quantized add: dequantize each operand with its own parameters (u8 storage
// zero-extends), add in f32, quantize to the result (divide by the scale,
// round half to even, add the zero point, saturate). clamp_min = 0 narrows
// the saturation range to [zp, 255].

// CHECK-LABEL: func.func @add_quant
// CHECK-SAME: (%[[A:.*]]: tensor<1x4xi8>, %[[B:.*]]: tensor<4xi8>) -> tensor<1x4xi8>
// CHECK-DAG: %[[SA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[ZA:.*]] = arith.constant 3 : i32
// CHECK-DAG: %[[SB:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG: %[[ZB:.*]] = arith.constant -2 : i32
// CHECK-DAG: %[[SC:.*]] = arith.constant 1.000000e-01 : f32
// CHECK-DAG: %[[ZC:.*]] = arith.constant 10 : i32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<1x4xi8>, tensor<4xi8>)
// CHECK-NEXT: ^bb0(%[[QA:.*]]: i8, %[[QB:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[WA:.*]] = arith.extui %[[QA]] : i8 to i32
// CHECK-NEXT: %[[CA:.*]] = arith.subi %[[WA]], %[[ZA]] : i32
// CHECK-NEXT: %[[FA:.*]] = arith.sitofp %[[CA]] : i32 to f32
// CHECK-NEXT: %[[RA:.*]] = arith.mulf %[[FA]], %[[SA]] : f32
// CHECK-NEXT: %[[WB:.*]] = arith.extsi %[[QB]] : i8 to i32
// CHECK-NEXT: %[[CB:.*]] = arith.subi %[[WB]], %[[ZB]] : i32
// CHECK-NEXT: %[[FB:.*]] = arith.sitofp %[[CB]] : i32 to f32
// CHECK-NEXT: %[[RB:.*]] = arith.mulf %[[FB]], %[[SB]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[RA]], %[[RB]] : f32
// CHECK-NEXT: %[[DIV:.*]] = arith.divf %[[SUM]], %[[SC]] : f32
// CHECK-NEXT: math.roundeven %[[DIV]] : f32
// CHECK: arith.constant 1.000000e+01 : f32
// CHECK-NEXT: arith.constant 2.550000e+02 : f32
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: %[[R:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
func.func @add_quant(%a: tensor<1x4x!quant.uniform<u8:f32, 0.5:3>>, %b: tensor<4x!quant.uniform<i8:f32, 0.25:-2>>) -> tensor<1x4x!quant.uniform<u8:f32, 0.1:10>> {
  %0 = qnt.add %a, %b {clamp_min = 0.0 : f32} : (tensor<1x4x!quant.uniform<u8:f32, 0.5:3>>, tensor<4x!quant.uniform<i8:f32, 0.25:-2>>) -> tensor<1x4x!quant.uniform<u8:f32, 0.1:10>>
  return %0 : tensor<1x4x!quant.uniform<u8:f32, 0.1:10>>
}

// -----

// CHECK-LABEL: func.func @mul_quant
// CHECK: linalg.generic
// CHECK: %[[RA:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: %[[RB:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[RA]], %[[RB]] : f32
// CHECK-NEXT: arith.divf %[[P]], %{{.*}} : f32
// CHECK: arith.constant -1.280000e+02 : f32
// CHECK-NEXT: arith.constant 1.270000e+02 : f32
// CHECK: arith.bitcast %{{.*}} : f32 to i32
func.func @mul_quant(%a: tensor<4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 1.0>> {
  %0 = qnt.mul %a, %b : (tensor<4x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 1.0>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 1.0>>
}

// -----

// Both operands broadcast: size-1 dimensions read index 0.

// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @sub
// CHECK: linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #[[ID]]]
// CHECK: arith.subf %{{.*}}, %{{.*}} : f32
func.func @sub(%a: tensor<2x1xf32>, %b: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = qnt.sub %a, %b : (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @div
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[Q]]
func.func @div(%a: tensor<4xf32>, %b: tensor<f32>) -> tensor<4xf32> {
  %0 = qnt.div %a, %b : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @pow
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[P:.*]] = math.powf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[P]]
func.func @pow(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.pow %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// The slope broadcasts unidirectionally to the input.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[SLOPE:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-LABEL: func.func @prelu
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[SLOPE]], #[[ID]]]
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
// CHECK-NEXT: %[[M:.*]] = arith.mulf %[[S]], %[[X]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.select %[[NEG]], %[[M]], %[[X]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @prelu(%x: tensor<1x2x3xf32>, %s: tensor<2x1xf32>) -> tensor<1x2x3xf32> {
  %0 = qnt.prelu %x, %s : (tensor<1x2x3xf32>, tensor<2x1xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @leaky_relu
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 1.000000e-01 : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f32
// CHECK-NEXT: %[[M:.*]] = arith.mulf %[[ALPHA]], %[[X]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.select %[[NEG]], %[[M]], %[[X]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.leaky_relu %x {alpha = 0.1 : f32} : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Quantized unary ops go through f32: dequantize, the float function, quantize.

// CHECK-LABEL: func.func @leaky_relu_quant
// CHECK-DAG: %[[SI:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-DAG: %[[ZI:.*]] = arith.constant 128 : i32
// CHECK-DAG: %[[SO:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-DAG: %[[ZO:.*]] = arith.constant 100 : i32
// CHECK: ^bb0(%[[Q:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[W:.*]] = arith.extui %[[Q]] : i8 to i32
// CHECK-NEXT: %[[C:.*]] = arith.subi %[[W]], %[[ZI]] : i32
// CHECK-NEXT: %[[F:.*]] = arith.sitofp %[[C]] : i32 to f32
// CHECK-NEXT: %[[X:.*]] = arith.mulf %[[F]], %[[SI]] : f32
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]]
// CHECK-NEXT: %[[M:.*]] = arith.mulf %{{.*}}, %[[X]] : f32
// CHECK-NEXT: %[[Y:.*]] = arith.select %[[NEG]], %[[M]], %[[X]] : f32
// CHECK-NEXT: %[[D:.*]] = arith.divf %[[Y]], %[[SO]] : f32
// CHECK-NEXT: math.roundeven %[[D]] : f32
// CHECK: arith.sitofp %[[ZO]] : i32 to f32
func.func @leaky_relu_quant(%x: tensor<4x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.25:100>> {
  %0 = qnt.leaky_relu %x {alpha = 0.1 : f32} : tensor<4x!quant.uniform<u8:f32, 0.5:128>> -> tensor<4x!quant.uniform<u8:f32, 0.25:100>>
  return %0 : tensor<4x!quant.uniform<u8:f32, 0.25:100>>
}

// -----

// CHECK-LABEL: func.func @clamp
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[LO:.*]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[X]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.minimumf %[[M]], %[[HI]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @clamp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.clamp %x {min = -1.0 : f32, max = 6.0 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A quantized clamp compares stored integers: ReLU on u8 with zero point 128
// is max(q, 128) unsigned (the upper bound is the storage maximum).

// CHECK-LABEL: func.func @relu_quant
// CHECK-DAG: %[[LO:.*]] = arith.constant -128 : i8
// CHECK-DAG: %[[HI:.*]] = arith.constant -1 : i8
// CHECK: ^bb0(%[[Q:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[M:.*]] = arith.maxui %[[Q]], %[[LO]] : i8
// CHECK-NEXT: %[[R:.*]] = arith.minui %[[M]], %[[HI]] : i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
func.func @relu_quant(%x: tensor<4x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<4x!quant.uniform<u8:f32, 0.5:128>> {
  %0 = qnt.clamp %x {min = 0.0 : f32} : tensor<4x!quant.uniform<u8:f32, 0.5:128>>
  return %0 : tensor<4x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// Per-axis: one pair of bounds per channel, zp + round(bound / scale):
// [0, 6] is [1, 13], [-2, 22] and [0, 6] for the three channels.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @clamp_per_axis
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<{{\[\[}}1, -2, 0]]> : tensor<1x3xi8>
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<{{\[\[}}13, 22, 6]]> : tensor<1x3xi8>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[CH]], #[[CH]], #[[ID]]]
// CHECK-SAME: ins(%{{.*}}, %[[LO]], %[[HI]] :
// CHECK-NEXT: ^bb0(%[[Q:.*]]: i8, %[[L:.*]]: i8, %[[H:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[M:.*]] = arith.maxsi %[[Q]], %[[L]] : i8
// CHECK-NEXT: %[[R:.*]] = arith.minsi %[[M]], %[[H]] : i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
func.func @clamp_per_axis(%x: tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 1.0}>>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 1.0}>> {
  %0 = qnt.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 1.0}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:1, {0.5:1, 0.25:-2, 1.0}>>
}

// -----

// CHECK-LABEL: func.func @sigmoid
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[N:.*]] = arith.negf %[[X]] : f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[N]] : f32
// CHECK-NEXT: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.divf %[[ONE]], %[[D]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.sigmoid %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sigmoid_quant
// CHECK-SAME: (%{{.*}}: tensor<4xi8>) -> tensor<4xi8>
// CHECK: ^bb0(%[[Q:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: arith.extsi %[[Q]] : i8 to i32
// CHECK: math.exp
// CHECK: arith.divf
// CHECK: %[[D:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: math.roundeven %[[D]]
// CHECK: arith.constant 2.550000e+02 : f32
// CHECK: arith.bitcast %{{.*}} : f32 to i32
func.func @sigmoid_quant(%x: tensor<4x!quant.uniform<i8:f32, 0.1:-5>>) -> tensor<4x!quant.uniform<u8:f32, 0.00390625>> {
  %0 = qnt.sigmoid %x : tensor<4x!quant.uniform<i8:f32, 0.1:-5>> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %0 : tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// CHECK-LABEL: func.func @tanh
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[R:.*]] = math.tanh %[[X]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @tanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.tanh %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// x * relu6(x + 3) / 6, each step rounded to f32.

// CHECK-LABEL: func.func @hard_swish
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[THREE:.*]] = arith.constant 3.000000e+00 : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[THREE]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[LO:.*]] = arith.maximumf %[[S]], %[[ZERO]] : f32
// CHECK-NEXT: %[[SIX:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %[[R6:.*]] = arith.minimumf %[[LO]], %[[SIX]] : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[X]], %[[R6]] : f32
// CHECK-NEXT: %[[SIX2:.*]] = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.divf %[[P]], %[[SIX2]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @hard_swish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.hard_swish %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A separate multiply and add: no fused multiply-add.

// CHECK-LABEL: func.func @hard_sigmoid
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[ALPHA:.*]] = arith.constant 2.000000e-01 : f32
// CHECK-NEXT: %[[BETA:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[ALPHA]], %[[X]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[P]], %[[BETA]] : f32
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[HI:.*]] = arith.minimumf %[[S]], %[[ONE]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.maximumf %[[HI]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @hard_sigmoid(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @math
// CHECK: math.exp %{{.*}} : f32
// CHECK: math.sqrt %{{.*}} : f32
// CHECK: math.erf %{{.*}} : f32
func.func @math(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = qnt.exp %x : tensor<4xf32>
  %1 = qnt.sqrt %x : tensor<4xf32>
  %2 = qnt.erf %x : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Signed integer ops wrap; max and min compare signed.

// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @int_ops
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]], #{{.*}}]
// CHECK: arith.addi %{{.*}}, %{{.*}} : i32
// CHECK: arith.subi %{{.*}}, %{{.*}} : i32
// CHECK: arith.muli %{{.*}}, %{{.*}} : i32
// CHECK: arith.maxsi %{{.*}}, %{{.*}} : i32
// CHECK: arith.minsi %{{.*}}, %{{.*}} : i32
func.func @int_ops(%a: tensor<4xi32>, %b: tensor<i32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %0 = qnt.int_add %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %1 = qnt.int_sub %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %2 = qnt.int_mul %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %3 = qnt.int_max %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %4 = qnt.int_min %a, %b : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  return %0, %1, %2, %3, %4 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// -----

// Unsigned types compare and divide unsigned; x / 0 = 0 without dividing by
// zero.

// CHECK-LABEL: func.func @int_unsigned
// CHECK-SAME: (%{{.*}}: tensor<4xi8>, %{{.*}}: tensor<4xi8>)
// CHECK: arith.maxui %{{.*}}, %{{.*}} : i8
// CHECK: arith.minui %{{.*}}, %{{.*}} : i8
// CHECK: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i8
// CHECK-NEXT: %[[ISZERO:.*]] = arith.cmpi eq, %[[Y]], %[[ZERO]] : i8
// CHECK-NEXT: %[[DIVISOR:.*]] = arith.select %[[ISZERO]], %[[ONE]], %[[Y]] : i8
// CHECK-NEXT: %[[Q:.*]] = arith.divui %[[X]], %[[DIVISOR]] : i8
// CHECK-NEXT: %[[R:.*]] = arith.select %[[ISZERO]], %[[ZERO]], %[[Q]] : i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
func.func @int_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> (tensor<4xui8>, tensor<4xui8>, tensor<4xui8>) {
  %0 = qnt.int_max %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %1 = qnt.int_min %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %2 = qnt.int_div %a, %b : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0, %1, %2 : tensor<4xui8>, tensor<4xui8>, tensor<4xui8>
}

// -----

// Signed division: x / 0 = 0 and MIN / -1 = MIN, dividing by 1 instead.

// CHECK-LABEL: func.func @int_div
// CHECK: ^bb0(%[[X:.*]]: i64, %[[Y:.*]]: i64, %{{.*}}: i64):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[ISZERO:.*]] = arith.cmpi eq, %[[Y]], %[[ZERO]] : i64
// CHECK-NEXT: %[[MIN:.*]] = arith.constant -9223372036854775808 : i64
// CHECK-NEXT: %[[ISMIN:.*]] = arith.cmpi eq, %[[X]], %[[MIN]] : i64
// CHECK-NEXT: %[[M1:.*]] = arith.constant -1 : i64
// CHECK-NEXT: %[[ISM1:.*]] = arith.cmpi eq, %[[Y]], %[[M1]] : i64
// CHECK-NEXT: %[[OVF:.*]] = arith.andi %[[ISMIN]], %[[ISM1]] : i1
// CHECK-NEXT: %[[REPL:.*]] = arith.ori %[[ISZERO]], %[[OVF]] : i1
// CHECK-NEXT: %[[DIVISOR:.*]] = arith.select %[[REPL]], %[[ONE]], %[[Y]] : i64
// CHECK-NEXT: %[[Q:.*]] = arith.divsi %[[X]], %[[DIVISOR]] : i64
// CHECK-NEXT: %[[R:.*]] = arith.select %[[ISZERO]], %[[ZERO]], %[[Q]] : i64
// CHECK-NEXT: linalg.yield %[[R]] : i64
func.func @int_div(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = qnt.int_div %a, %b : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// f32 to i8: clamp to [-128, 128) before the conversion (poison outside),
// >= 128 selects 127, NaN selects 0.

// CHECK-LABEL: func.func @cast_f32_to_i8
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i8):
// CHECK-NEXT: %[[LO:.*]] = arith.constant -1.280000e+02 : f32
// CHECK-NEXT: %[[A:.*]] = arith.maxnumf %[[X]], %[[LO]] : f32
// CHECK-NEXT: %[[HI:.*]] = arith.constant 127.999992 : f32
// CHECK-NEXT: %[[B:.*]] = arith.minnumf %[[A]], %[[HI]] : f32
// CHECK-NEXT: %[[I:.*]] = arith.fptosi %[[B]] : f32 to i8
// CHECK-NEXT: %[[LIMIT:.*]] = arith.constant 1.280000e+02 : f32
// CHECK-NEXT: %[[BIG:.*]] = arith.cmpf oge, %[[X]], %[[LIMIT]] : f32
// CHECK-NEXT: %[[MAX:.*]] = arith.constant 127 : i8
// CHECK-NEXT: %[[S:.*]] = arith.select %[[BIG]], %[[MAX]], %[[I]] : i8
// CHECK-NEXT: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK-NEXT: %[[R:.*]] = arith.select %[[NAN]], %[[ZERO]], %[[S]] : i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
func.func @cast_f32_to_i8(%x: tensor<4xf32>) -> tensor<4xi8> {
  %0 = qnt.cast %x : tensor<4xf32> -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @cast_f32_to_ui32
// CHECK: arith.constant 0.000000e+00 : f32
// CHECK: arith.constant 4.29496704E+9 : f32
// CHECK: arith.fptoui %{{.*}} : f32 to i32
// CHECK: arith.constant 4.2949673E+9 : f32
// CHECK: arith.constant -1 : i32
func.func @cast_f32_to_ui32(%x: tensor<4xf32>) -> tensor<4xui32> {
  %0 = qnt.cast %x : tensor<4xf32> -> tensor<4xui32>
  return %0 : tensor<4xui32>
}

// -----

// To bool: non-zero is true, NaN included (unordered not-equal).

// CHECK-LABEL: func.func @cast_to_bool
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i1):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.cmpf une, %[[X]], %[[Z]] : f32
// CHECK: ^bb0(%[[I:.*]]: i64, %{{.*}}: i1):
// CHECK-NEXT: %[[ZI:.*]] = arith.constant 0 : i64
// CHECK-NEXT: arith.cmpi ne, %[[I]], %[[ZI]] : i64
func.func @cast_to_bool(%x: tensor<4xf32>, %i: tensor<4xi64>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = qnt.cast %x : tensor<4xf32> -> tensor<4xi1>
  %1 = qnt.cast %i : tensor<4xi64> -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}

// -----

// Integer to integer wraps: extend by the source's signedness, or truncate.

// CHECK-LABEL: func.func @cast_ints
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.trunci %{{.*}} : i64 to i16
// CHECK: arith.extui %{{.*}} : i1 to i32
func.func @cast_ints(%a: tensor<4xui8>, %b: tensor<4xi8>, %c: tensor<4xi64>, %d: tensor<4xi1>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xui16>, tensor<4xi32>) {
  %0 = qnt.cast %a : tensor<4xui8> -> tensor<4xi32>
  %1 = qnt.cast %b : tensor<4xi8> -> tensor<4xi32>
  %2 = qnt.cast %c : tensor<4xi64> -> tensor<4xui16>
  %3 = qnt.cast %d : tensor<4xi1> -> tensor<4xi32>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xui16>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @cast_to_f32
// CHECK: arith.uitofp %{{.*}} : i32 to f32
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: arith.uitofp %{{.*}} : i1 to f32
func.func @cast_to_f32(%a: tensor<4xui32>, %b: tensor<4xi64>, %c: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = qnt.cast %a : tensor<4xui32> -> tensor<4xf32>
  %1 = qnt.cast %b : tensor<4xi64> -> tensor<4xf32>
  %2 = qnt.cast %c : tensor<4xi1> -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// f32 to f8E4M3FN on the bits: normal values round the mantissa half to even
// (shift 20, rebias by (127 - 7) << 3), subnormals count multiples of 2^-9;
// overflow saturates to 0x7E (448) with the sign, NaN is 0x7F/0xFF.

// CHECK-LABEL: func.func @cast_f8
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f8E4M3FN):
// CHECK-NEXT: %[[BITS:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[BITS]]
// CHECK: %[[ABS:.*]] = math.absf %[[X]] : f32
// CHECK: arith.constant 20 : i32
// CHECK: arith.constant 524287 : i32
// CHECK: arith.constant 960 : i32
// CHECK: arith.constant 1.562500e-02 : f32
// CHECK: arith.constant 5.120000e+02 : f32
// CHECK: math.roundeven
// CHECK: arith.constant 254 : i32
// CHECK-NEXT: arith.constant 126 : i32
// CHECK: arith.cmpi sgt
// CHECK: arith.constant 255 : i32
// CHECK-NEXT: arith.constant 127 : i32
// CHECK: arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: %[[T:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK-NEXT: %[[R:.*]] = arith.bitcast %[[T]] : i8 to f8E4M3FN
// CHECK-NEXT: linalg.yield %[[R]] : f8E4M3FN
func.func @cast_f8(%x: tensor<4xf32>) -> tensor<4xf8E4M3FN> {
  %0 = qnt.cast %x : tensor<4xf32> -> tensor<4xf8E4M3FN>
  return %0 : tensor<4xf8E4M3FN>
}

// -----

// Without saturate, f8E5M2 overflows to infinity (0x7C/0xFC).

// CHECK-LABEL: func.func @cast_f8_no_saturate
// CHECK: arith.constant 252 : i32
// CHECK-NEXT: arith.constant 124 : i32
// CHECK-NEXT: arith.select
// CHECK-NEXT: arith.constant 123 : i32
// CHECK-NEXT: arith.cmpi sgt
func.func @cast_f8_no_saturate(%x: tensor<4xf32>) -> tensor<4xf8E5M2> {
  %0 = qnt.cast %x {saturate = false} : tensor<4xf32> -> tensor<4xf8E5M2>
  return %0 : tensor<4xf8E5M2>
}

// -----

// f8E5M2 to f32: rebias normal values on the bits ((127 - 15) << 23),
// scale subnormals by 2^-16, then infinity (0x7C) and NaN (above 0x7C).

// CHECK-LABEL: func.func @cast_from_f8
// CHECK: ^bb0(%[[X:.*]]: f8E5M2, %{{.*}}: f32):
// CHECK-NEXT: %[[B:.*]] = arith.bitcast %[[X]] : f8E5M2 to i8
// CHECK-NEXT: arith.extui %[[B]] : i8 to i32
// CHECK: arith.constant 939524096 : i32
// CHECK: arith.constant 1.52587891E-5 : f32
// CHECK: arith.constant 0x7F800000 : f32
// CHECK: arith.constant 124 : i32
// CHECK: arith.constant 125 : i32
// CHECK-NEXT: arith.cmpi sge
func.func @cast_from_f8(%x: tensor<4xf8E5M2>) -> tensor<4xf32> {
  %0 = qnt.cast %x : tensor<4xf8E5M2> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// f32 to f16 on the bits: round the mantissa to 10 bits half to even
// (shift 13, rebias by (127 - 15) << 10), subnormals count multiples of
// 2^-24; without saturate, overflow is infinity (0x7C00/0xFC00), NaN 0x7E00.

// CHECK-LABEL: func.func @cast_f16
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f16):
// CHECK: arith.constant 13 : i32
// CHECK: arith.constant 4095 : i32
// CHECK: arith.constant 114688 : i32
// CHECK: arith.constant 6.10351563E-5 : f32
// CHECK: arith.constant 0x4B800000 : f32
// CHECK: math.roundeven
// CHECK: arith.constant 64512 : i32
// CHECK-NEXT: arith.constant 31744 : i32
// CHECK-NEXT: arith.select
// CHECK-NEXT: arith.constant 31743 : i32
// CHECK-NEXT: arith.cmpi sgt
// CHECK: arith.constant 32256 : i32
// CHECK: arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: %[[T:.*]] = arith.trunci %{{.*}} : i32 to i16
// CHECK-NEXT: %[[R:.*]] = arith.bitcast %[[T]] : i16 to f16
// CHECK-NEXT: linalg.yield %[[R]] : f16
func.func @cast_f16(%x: tensor<4xf32>) -> tensor<4xf16> {
  %0 = qnt.cast %x {saturate = false} : tensor<4xf32> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// bf16 has f32's exponent range: rounding the bits (shift 16) covers f32's
// subnormals too, so there is no subnormal path.

// CHECK-LABEL: func.func @cast_bf16
// CHECK: arith.constant 16 : i32
// CHECK: arith.constant 32767 : i32
// CHECK-NOT: math.roundeven
// CHECK: arith.constant 32639 : i32
// CHECK-NEXT: arith.cmpi sgt
// CHECK: arith.bitcast %{{.*}} : i16 to bf16
func.func @cast_bf16(%x: tensor<4xf32>) -> tensor<4xbf16> {
  %0 = qnt.cast %x {saturate = false} : tensor<4xf32> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// f16 to f32: normal values rebias by (127 - 15) << 23, subnormals scale by
// 2^-24; infinity is 0x7C00.

// CHECK-LABEL: func.func @cast_from_f16
// CHECK: arith.bitcast %{{.*}} : f16 to i16
// CHECK: arith.constant 939524096 : i32
// CHECK: arith.constant 5.96046448E-8 : f32
// CHECK: arith.constant 31744 : i32
func.func @cast_from_f16(%x: tensor<4xf16>) -> tensor<4xf32> {
  %0 = qnt.cast %x : tensor<4xf16> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// storage_cast is the identity on the converted types.

// CHECK-LABEL: func.func @storage_cast
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xi8>) -> tensor<2x4xi8>
// CHECK-NOT: unrealized_conversion_cast
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]] : tensor<2x4xi8>)
// CHECK: arith.maxui
// CHECK-NOT: unrealized_conversion_cast
func.func @storage_cast(%x: tensor<2x4xui8>) -> tensor<2x4xui8> {
  %q = qnt.storage_cast %x : tensor<2x4xui8> -> tensor<2x4x!quant.uniform<u8:f32, 1.0:3>>
  %r = qnt.clamp %q {min = 0.0 : f32} : tensor<2x4x!quant.uniform<u8:f32, 1.0:3>>
  %y = qnt.storage_cast %r : tensor<2x4x!quant.uniform<u8:f32, 1.0:3>> -> tensor<2x4xui8>
  return %y : tensor<2x4xui8>
}

// -----

// A cast between identical types is its input.

// CHECK-LABEL: func.func @cast_same
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>)
// CHECK-NEXT: return %[[X]]
func.func @cast_same(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = qnt.cast %x : tensor<4xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

