// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Nearest: one generic over the output reads the per-axis index tables
// (asymmetric, floor: x = y / 2 and y / 3) and extracts the input element.
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @nearest_asymmetric_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xf32>)
// CHECK-DAG: %[[ROWS:.*]] = arith.constant dense<[0, 0, 1, 1]> : tensor<4xi32>
// CHECK-DAG: %[[COLS:.*]] = arith.constant dense<[0, 0, 0, 1, 1, 1]> : tensor<6xi32>
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<1x4x6x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ROW]], #[[COL]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[ROWS]], %[[COLS]] : tensor<4xi32>, tensor<6xi32>) outs(%[[INIT]] : tensor<1x4x6x3xf32>)
// CHECK-NEXT: ^bb0(%[[IH:.*]]: i32, %[[IW:.*]]: i32, %{{.*}}: f32):
// CHECK-NEXT: %[[N:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 3 : index
// CHECK-NEXT: %[[H:.*]] = arith.index_cast %[[IH]] : i32 to index
// CHECK-NEXT: %[[W:.*]] = arith.index_cast %[[IW]] : i32 to index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[H]], %[[W]], %[[C]]] : tensor<1x2x2x3xf32>
// CHECK-NEXT: linalg.yield %[[V]] : f32
func.func @nearest_asymmetric_floor(%x: tensor<1x2x2x3xf32>) -> tensor<1x4x6x3xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode floor>} : tensor<1x2x2x3xf32> -> tensor<1x4x6x3xf32>
  return %0 : tensor<1x4x6x3xf32>
}

// -----

// Nearest moves stored values: a quantized tensor needs no arithmetic.
// half_pixel, round_prefer_ceil: H x = (y + 0.5) * 2/3 - 0.5 = -1/6, 1/2,
// 7/6 -> 0 (clamped), 1 (tie up), 1; W x = y / 2 - 1/4 -> 0, 0, 1, 1.
// CHECK-LABEL: func.func @nearest_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x3xi8>) -> tensor<1x3x4x3xi8>
// CHECK-DAG: arith.constant dense<[0, 1, 1]> : tensor<3xi32>
// CHECK-DAG: arith.constant dense<[0, 0, 1, 1]> : tensor<4xi32>
// CHECK: linalg.generic
// CHECK: %[[V:.*]] = tensor.extract %[[X]][{{.*}}] : tensor<1x2x2x3xi8>
// CHECK-NEXT: linalg.yield %[[V]] : i8
func.func @nearest_quantized(%x: tensor<1x2x2x3x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x3x4x3x!quant.uniform<i8:f32, 0.1:-3>> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_ceil>} : tensor<1x2x2x3x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x3x4x3x!quant.uniform<i8:f32, 0.1:-3>>
  return %0 : tensor<1x3x4x3x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// pytorch_half_pixel maps a single output row to x = -0.5 (row 0 after
// clamping); W 4 -> 6, round_prefer_floor: x = -1/6, 1/2, 7/6, 11/6, 5/2,
// 19/6.
// CHECK-LABEL: func.func @nearest_pytorch_half_pixel
// CHECK-DAG: arith.constant dense<0> : tensor<1xi32>
// CHECK-DAG: arith.constant dense<[0, 0, 1, 2, 2, 3]> : tensor<6xi32>
func.func @nearest_pytorch_half_pixel(%x: tensor<1x3x4x1xf32>) -> tensor<1x1x6x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform pytorch_half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x3x4x1xf32> -> tensor<1x1x6x1xf32>
  return %0 : tensor<1x1x6x1xf32>
}

// -----

// tf_crop_and_resize, nearest: rows outside the input read index -1 and
// yield the extrapolation value. H x = -1, 1; W x = 0, 2.
// CHECK-LABEL: func.func @nearest_tf_crop_and_resize
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x3x1xf32>)
// CHECK-DAG: arith.constant dense<[-1, 1]> : tensor<2xi32>
// CHECK-DAG: arith.constant dense<[0, 2]> : tensor<2xi32>
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[IH:.*]]: i32, %[[IW:.*]]: i32, %{{.*}}: f32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[HIN:.*]] = arith.cmpi sge, %[[IH]], %[[ZERO]] : i32
// CHECK-DAG: %[[WIN:.*]] = arith.cmpi sge, %[[IW]], %[[ZERO]] : i32
// CHECK: %[[IN:.*]] = arith.andi %[[HIN]], %[[WIN]] : i1
// CHECK: %[[H:.*]] = arith.maxsi %[[IH]], %[[ZERO]] : i32
// CHECK: %[[W:.*]] = arith.maxsi %[[IW]], %[[ZERO]] : i32
// CHECK: %[[V:.*]] = tensor.extract %[[X]]
// CHECK: %[[E:.*]] = arith.constant 7.000000e+00 : f32
// CHECK: %[[R:.*]] = arith.select %[[IN]], %[[V]], %[[E]] : f32
// CHECK: linalg.yield %[[R]] : f32
func.func @nearest_tf_crop_and_resize(%x: tensor<1x3x3x1xf32>) -> tensor<1x2x2x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode nearest>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode round_prefer_ceil>, roi = array<f32: -0.5, 0.0, 0.5, 1.0>, extrapolation_value = 7.0 : f32} : tensor<1x3x3x1xf32> -> tensor<1x2x2x1xf32>
  return %0 : tensor<1x2x2x1xf32>
}

// -----

// Linear: a generic over (n, oh, ow, c, kh, kw) reduces the taps of the
// per-axis index and weight tables into an f32 accumulator. half_pixel
// 2 -> 4: x = -0.25, 0.25, 0.75, 1.25; the taps are clamped into the input.
// CHECK-DAG: #[[ROWS_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d4)>
// CHECK-DAG: #[[COLS_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d5)>
// CHECK-DAG: #[[OUT_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @linear_half_pixel
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x1xf32>)
// CHECK-DAG: %[[RI:.*]] = arith.constant dense<{{\[}}[0, 0], [0, 1], [0, 1], [1, 1]]> : tensor<4x2xi32>
// CHECK-DAG: %[[RW:.*]] = arith.constant dense<{{\[}}[2.500000e-01, 7.500000e-01], [7.500000e-01, 2.500000e-01], [2.500000e-01, 7.500000e-01], [7.500000e-01, 2.500000e-01]]> : tensor<4x2xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x4x4x1xf32>
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x4x4x1xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ROWS_MAP]], #[[ROWS_MAP]], #[[COLS_MAP]], #[[COLS_MAP]], #[[OUT_MAP]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[RI]], %[[RW]], %{{.*}}, %{{.*}} : tensor<4x2xi32>, tensor<4x2xf32>, tensor<4x2xi32>, tensor<4x2xf32>) outs(%[[ACC]] : tensor<1x4x4x1xf32>)
// CHECK-NEXT: ^bb0(%[[IH:.*]]: i32, %[[WH:.*]]: f32, %[[IW:.*]]: i32, %[[WW:.*]]: f32, %[[OUT:.*]]: f32):
// CHECK-NEXT: %[[N:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 3 : index
// CHECK-NEXT: %[[H:.*]] = arith.index_cast %[[IH]] : i32 to index
// CHECK-NEXT: %[[W:.*]] = arith.index_cast %[[IW]] : i32 to index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[H]], %[[W]], %[[C]]] : tensor<1x2x2x1xf32>
// CHECK-NEXT: %[[WEIGHT:.*]] = arith.mulf %[[WH]], %[[WW]] : f32
// CHECK-NEXT: %[[TERM:.*]] = arith.mulf %[[WEIGHT]], %[[V]] : f32
// CHECK-NEXT: %[[NEXT:.*]] = arith.addf %[[OUT]], %[[TERM]] : f32
// CHECK-NEXT: linalg.yield %[[NEXT]] : f32
// CHECK: return %[[SUM]] : tensor<1x4x4x1xf32>
func.func @linear_half_pixel(%x: tensor<1x2x2x1xf32>) -> tensor<1x4x4x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x1xf32> -> tensor<1x4x4x1xf32>
  return %0 : tensor<1x4x4x1xf32>
}

// -----

// A kept axis reads one tap per position (the tap of weight 0 is dropped);
// align_corners on W 3 -> 5: x = 0, 0.5, 1, 1.5, 2.
// CHECK-LABEL: func.func @linear_align_corners_keeps_h
// CHECK-DAG: arith.constant dense<{{\[}}[0], [1]]> : tensor<2x1xi32>
// CHECK-DAG: arith.constant dense<1.000000e+00> : tensor<2x1xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0], [0, 1], [0, 1], [1, 2], [1, 2]]> : tensor<5x2xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[0.000000e+00, 1.000000e+00], [5.000000e-01, 5.000000e-01], [0.000000e+00, 1.000000e+00], [5.000000e-01, 5.000000e-01], [0.000000e+00, 1.000000e+00]]> : tensor<5x2xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins({{.*}} : tensor<2x1xi32>, tensor<2x1xf32>, tensor<5x2xi32>, tensor<5x2xf32>)
func.func @linear_align_corners_keeps_h(%x: tensor<1x2x3x1xf32>) -> tensor<1x2x5x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform align_corners>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x3x1xf32> -> tensor<1x2x5x1xf32>
  return %0 : tensor<1x2x5x1xf32>
}

// -----

// half_pixel_symmetric with the given scales (0.6, output 1 x 2 of 2 x 4):
// H x = 0.5; W x = 2/3, 7/3.
// CHECK-LABEL: func.func @linear_half_pixel_symmetric
// CHECK-DAG: arith.constant dense<{{\[}}[0, 1]]> : tensor<1x2xi32>
// CHECK-DAG: arith.constant dense<5.000000e-01> : tensor<1x2xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[0, 1], [2, 3]]> : tensor<2x2xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[0.333333313, 0.666666686], [0.666666686, 0.333333313]]> : tensor<2x2xf32>
func.func @linear_half_pixel_symmetric(%x: tensor<1x2x4x1xf32>) -> tensor<1x1x2x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel_symmetric>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 0.6, 0.6>} : tensor<1x2x4x1xf32> -> tensor<1x1x2x1xf32>
  return %0 : tensor<1x1x2x1xf32>
}

// -----

// Antialias stretches the triangle filter by 1 / scale: down-sampling 4 -> 2
// reads 4 taps around x = 0.5, 2.5 with weights 1/8, 3/8, 3/8, 1/8
// (clamped at the border).
// CHECK-LABEL: func.func @linear_antialias
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0, 1, 2], [1, 2, 3, 3]]> : tensor<2x4xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[1.250000e-01, 3.750000e-01, 3.750000e-01, 1.250000e-01], [1.250000e-01, 3.750000e-01, 3.750000e-01, 1.250000e-01]]> : tensor<2x4xf32>
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
// CHECK-SAME: ins({{.*}} : tensor<2x4xi32>, tensor<2x4xf32>, tensor<2x4xi32>, tensor<2x4xf32>)
func.func @linear_antialias(%x: tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, antialias} : tensor<1x4x4x1xf32> -> tensor<1x2x2x1xf32>
  return %0 : tensor<1x2x2x1xf32>
}

// -----

// tf_crop_and_resize, linear: an epilogue replaces the pixels whose row or
// column lies outside the input (here row 0, x = -1) by the extrapolation
// value.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[HMASK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, d3)>
// CHECK-DAG: #[[WMASK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
// CHECK-LABEL: func.func @linear_tf_crop_and_resize
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK-DAG: %[[ROWS:.*]] = arith.constant dense<{{\[\[\[\[}}false]], {{\[\[}}true]]]]> : tensor<1x2x1x1xi1>
// CHECK-DAG: %[[COLS:.*]] = arith.constant dense<true> : tensor<1x1x3x1xi1>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[HMASK]], #[[WMASK]], #[[ID]]]
// CHECK-SAME: ins(%[[SUM]], %[[ROWS]], %[[COLS]] : tensor<1x2x3x1xf32>, tensor<1x2x1x1xi1>, tensor<1x1x3x1xi1>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %[[HIN:.*]]: i1, %[[WIN:.*]]: i1, %{{.*}}: f32):
// CHECK-NEXT: %[[IN:.*]] = arith.andi %[[HIN]], %[[WIN]] : i1
// CHECK-NEXT: %[[E:.*]] = arith.constant 7.000000e+00 : f32
// CHECK-NEXT: %[[R:.*]] = arith.select %[[IN]], %[[V]], %[[E]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
func.func @linear_tf_crop_and_resize(%x: tensor<1x3x3x1xf32>) -> tensor<1x2x3x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, roi = array<f32: -0.5, 0.0, 0.5, 1.0>, extrapolation_value = 7.0 : f32} : tensor<1x3x3x1xf32> -> tensor<1x2x3x1xf32>
  return %0 : tensor<1x2x3x1xf32>
}

// -----

// Linear on a quantized tensor interpolates q - zp in f32 and quantizes the
// sum back with the same parameters: round half to even, + zp, saturate.
// CHECK-LABEL: func.func @linear_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x2xi8>) -> tensor<1x3x3x2xi8>
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: ^bb0(%{{.*}}: i32, %[[WH:.*]]: f32, %{{.*}}: i32, %[[WW:.*]]: f32, %[[OUT:.*]]: f32):
// CHECK: %[[Q:.*]] = tensor.extract %[[X]]
// CHECK-NEXT: %[[WIDE:.*]] = arith.extui %[[Q]] : i8 to i32
// CHECK-NEXT: %[[ZP:.*]] = arith.constant 128 : i32
// CHECK-NEXT: %[[CENTERED:.*]] = arith.subi %[[WIDE]], %[[ZP]] : i32
// CHECK-NEXT: %[[V:.*]] = arith.sitofp %[[CENTERED]] : i32 to f32
// CHECK-NEXT: %[[WEIGHT:.*]] = arith.mulf %[[WH]], %[[WW]] : f32
// CHECK-NEXT: %[[TERM:.*]] = arith.mulf %[[WEIGHT]], %[[V]] : f32
// CHECK-NEXT: arith.addf %[[OUT]], %[[TERM]] : f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x3x3x2xf32>) outs(%{{.*}} : tensor<1x3x3x2xi8>)
// CHECK: math.roundeven
// CHECK: arith.constant 2.550000e+02 : f32
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @linear_quantized(%x: tensor<1x2x2x2x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<1x3x3x2x!quant.uniform<u8:f32, 0.1:128>> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform asymmetric>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x2x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x3x3x2x!quant.uniform<u8:f32, 0.1:128>>
  return %0 : tensor<1x3x3x2x!quant.uniform<u8:f32, 0.1:128>>
}

// -----

// Per-channel zero points are read at the output's channel.
// CHECK-LABEL: func.func @linear_per_channel
// CHECK-DAG: %[[ZPS:.*]] = arith.constant dense<[1, -2]> : tensor<2xi32>
// CHECK: linalg.generic
// CHECK: %[[Q:.*]] = tensor.extract
// CHECK-NEXT: %[[WIDE:.*]] = arith.extsi %[[Q]] : i8 to i32
// CHECK-NEXT: %[[C:.*]] = linalg.index 3 : index
// CHECK-NEXT: %[[ZP:.*]] = tensor.extract %[[ZPS]][%[[C]]] : tensor<2xi32>
// CHECK-NEXT: arith.subi %[[WIDE]], %[[ZP]] : i32
// CHECK: linalg.generic
// CHECK: %[[C2:.*]] = linalg.index 3 : index
// CHECK-NEXT: tensor.extract %[[ZPS]][%[[C2]]] : tensor<2xi32>
func.func @linear_per_channel(%x: tensor<1x2x2x2x!quant.uniform<i8:f32:3, {0.5:1, 0.25:-2}>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32:3, {0.5:1, 0.25:-2}>> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x2x!quant.uniform<i8:f32:3, {0.5:1, 0.25:-2}>> -> tensor<1x4x4x2x!quant.uniform<i8:f32:3, {0.5:1, 0.25:-2}>>
  return %0 : tensor<1x4x4x2x!quant.uniform<i8:f32:3, {0.5:1, 0.25:-2}>>
}

// -----

// Parameters per H row are fine when H is kept: each output row reads its
// own input row.
// CHECK-LABEL: func.func @linear_per_row_kept
// CHECK-DAG: %[[ZPS:.*]] = arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK: linalg.generic
// CHECK: %[[H:.*]] = linalg.index 1 : index
// CHECK-NEXT: tensor.extract %[[ZPS]][%[[H]]] : tensor<2xi32>
func.func @linear_per_row_kept(%x: tensor<1x2x3x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>) -> tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x3x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> -> tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
  return %0 : tensor<1x2x5x1x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
}

// -----

// No elements: a bare tensor.empty.
// CHECK-LABEL: func.func @empty
// CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<0x4x4x3xf32>
// CHECK-NEXT: return %[[E]]
func.func @empty(%x: tensor<0x2x2x3xf32>) -> tensor<0x4x4x3xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<0x2x2x3xf32> -> tensor<0x4x4x3xf32>
  return %0 : tensor<0x4x4x3xf32>
}

// -----

// align_corners with scales aligns the corners of the real resized length
// scale * size, as ONNX's reference implementation does: W 4 columns at
// 0.6 make 2, mapped with 2.4: x = 0, 3 / 1.4 = 2.142857. The single row
// maps to x = 0.
// CHECK-LABEL: func.func @linear_align_corners_scales
// CHECK-DAG: arith.constant dense<0> : tensor<1x1xi32>
// CHECK-DAG: arith.constant dense<1.000000e+00> : tensor<1x1xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0], [2, 3]]> : tensor<2x2xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[0.000000e+00, 1.000000e+00], [0.857142984, 1.428570e-01]]> : tensor<2x2xf32>
func.func @linear_align_corners_scales(%x: tensor<1x2x4x1xf32>) -> tensor<1x1x2x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode linear>, coordinate_transform = #qnt<coordinate_transform align_corners>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, scales = array<f32: 0.6, 0.6>} : tensor<1x2x4x1xf32> -> tensor<1x1x2x1xf32>
  return %0 : tensor<1x1x2x1xf32>
}

// -----

// Cubic: the same generic over four taps per resized axis, weighted by
// Keys' kernel with A = -0.75 (half_pixel 2 -> 4: x = -0.25, 0.25, 0.75,
// 1.25, taps clamped into the input); the kept H reads one tap.
// CHECK-DAG: #[[ROWS_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d4)>
// CHECK-DAG: #[[COLS_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d5)>
// CHECK-DAG: #[[OUT_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @cubic_half_pixel
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x1xf32>)
// CHECK-DAG: %[[RI:.*]] = arith.constant dense<{{\[}}[0], [1]]> : tensor<2x1xi32>
// CHECK-DAG: %[[RW:.*]] = arith.constant dense<1.000000e+00> : tensor<2x1xf32>
// CHECK-DAG: %[[CI:.*]] = arith.constant dense<{{\[}}[0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 1, 1]]> : tensor<4x4xi32>
// CHECK-DAG: %[[CW:.*]] = arith.constant dense<{{\[}}[-0.03515625, 0.26171875, 0.87890625, -0.10546875], [-0.10546875, 0.87890625, 0.26171875, -0.03515625], [-0.03515625, 0.26171875, 0.87890625, -0.10546875], [-0.10546875, 0.87890625, 0.26171875, -0.03515625]]> : tensor<4x4xf32>
// CHECK: %[[ACC:.*]] = linalg.fill
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ROWS_MAP]], #[[ROWS_MAP]], #[[COLS_MAP]], #[[COLS_MAP]], #[[OUT_MAP]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[RI]], %[[RW]], %[[CI]], %[[CW]] : tensor<2x1xi32>, tensor<2x1xf32>, tensor<4x4xi32>, tensor<4x4xf32>) outs(%[[ACC]] : tensor<1x2x4x1xf32>)
// CHECK-NEXT: ^bb0(%[[IH:.*]]: i32, %[[WH:.*]]: f32, %[[IW:.*]]: i32, %[[WW:.*]]: f32, %[[OUT:.*]]: f32):
// CHECK-NEXT: %[[N:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 3 : index
// CHECK-NEXT: %[[H:.*]] = arith.index_cast %[[IH]] : i32 to index
// CHECK-NEXT: %[[W:.*]] = arith.index_cast %[[IW]] : i32 to index
// CHECK-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[H]], %[[W]], %[[C]]] : tensor<1x2x2x1xf32>
// CHECK-NEXT: %[[WEIGHT:.*]] = arith.mulf %[[WH]], %[[WW]] : f32
// CHECK-NEXT: %[[TERM:.*]] = arith.mulf %[[WEIGHT]], %[[V]] : f32
// CHECK-NEXT: %[[NEXT:.*]] = arith.addf %[[OUT]], %[[TERM]] : f32
// CHECK-NEXT: linalg.yield %[[NEXT]] : f32
// CHECK: return %[[SUM]] : tensor<1x2x4x1xf32>
func.func @cubic_half_pixel(%x: tensor<1x2x2x1xf32>) -> tensor<1x2x4x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x1xf32> -> tensor<1x2x4x1xf32>
  return %0 : tensor<1x2x4x1xf32>
}

// -----

// cubic_coeff_a = -0.5 and exclude_outside: taps outside the input weigh 0
// and the others are normalized again (W 3 -> 6: x = -0.25, 0.25, 0.75,
// 1.25, 1.75, 2.25); the single row reads itself.
// CHECK-LABEL: func.func @cubic_exclude_outside
// CHECK-DAG: arith.constant dense<0> : tensor<1x1xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0, 0, 1], [0, 0, 1, 2], [0, 0, 1, 2], [0, 1, 2, 2], [0, 1, 2, 2], [1, 2, 2, 2]]> : tensor<6x4xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[0.000000e+00, 0.000000e+00, 1.08823526, -0.0882352963], [0.000000e+00, 0.810218989, 0.211678833, -0.0218978096], [0.000000e+00, 0.22137405, 0.847328245, -0.068702288], [-0.068702288, 0.847328245, 0.22137405, 0.000000e+00], [-0.0218978096, 0.211678833, 0.810218989, 0.000000e+00], [-0.0882352963, 1.08823526, 0.000000e+00, 0.000000e+00]]> : tensor<6x4xf32>
func.func @cubic_exclude_outside(%x: tensor<1x1x3x1xf32>) -> tensor<1x1x6x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, cubic_coeff_a = -0.5 : f32, exclude_outside} : tensor<1x1x3x1xf32> -> tensor<1x1x6x1xf32>
  return %0 : tensor<1x1x6x1xf32>
}

// -----

// Cubic antialias stretches the kernel by 1 / scale: H 4 -> 2 reads 8 taps
// around x = 0.5, 2.5, the kernel at (k - 3.5) / 2 normalized, clamped at
// the border; the kept W reads one tap.
// CHECK-LABEL: func.func @cubic_antialias
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0, 0, 0, 1, 2, 3, 3], [0, 0, 1, 2, 3, 3, 3, 3]]> : tensor<2x8xi32>
// CHECK-DAG: arith.constant dense<{{\[}}[-0.017578125, -0.052734375, 0.130859375, 0.439453125, 0.439453125, 0.130859375, -0.052734375, -0.017578125], [-0.017578125, -0.052734375, 0.130859375, 0.439453125, 0.439453125, 0.130859375, -0.052734375, -0.017578125]]> : tensor<2x8xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[0], [1], [2]]> : tensor<3x1xi32>
// CHECK: linalg.generic
// CHECK-SAME: ins({{.*}} : tensor<2x8xi32>, tensor<2x8xf32>, tensor<3x1xi32>, tensor<3x1xf32>)
func.func @cubic_antialias(%x: tensor<1x4x3x1xf32>) -> tensor<1x2x3x1xf32> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>, antialias} : tensor<1x4x3x1xf32> -> tensor<1x2x3x1xf32>
  return %0 : tensor<1x2x3x1xf32>
}

// -----

// Cubic on a quantized tensor: q - zp interpolated in f32, then quantized
// with the same parameters, saturating the overshoot of negative weights.
// CHECK-LABEL: func.func @cubic_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x1xi8>) -> tensor<1x4x4x1xi8>
// CHECK-DAG: arith.constant dense<{{\[}}[0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 1, 1]]> : tensor<4x4xi32>
// CHECK: %[[SUM:.*]] = linalg.generic
// CHECK: %[[Q:.*]] = tensor.extract %[[X]]
// CHECK-NEXT: %[[WIDE:.*]] = arith.extsi %[[Q]] : i8 to i32
// CHECK-NEXT: %[[ZP:.*]] = arith.constant -3 : i32
// CHECK-NEXT: %[[CENTERED:.*]] = arith.subi %[[WIDE]], %[[ZP]] : i32
// CHECK-NEXT: arith.sitofp %[[CENTERED]] : i32 to f32
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<1x4x4x1xf32>) outs(%{{.*}} : tensor<1x4x4x1xi8>)
// CHECK: math.roundeven
// CHECK-DAG: arith.constant -1.280000e+02 : f32
// CHECK-DAG: arith.constant 1.270000e+02 : f32
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @cubic_quantized(%x: tensor<1x2x2x1x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:-3>> {
  %0 = qnt.resize %x {mode = #qnt<resize_mode cubic>, coordinate_transform = #qnt<coordinate_transform half_pixel>, nearest_mode = #qnt<nearest_mode round_prefer_floor>} : tensor<1x2x2x1x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:-3>>
  return %0 : tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:-3>>
}
