// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Float max pool: -inf padding (never the maximum), linalg's named pool.

// CHECK-LABEL: func.func @max_pool2d_float
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 0, 0, 0]
// CHECK:   tensor.yield %[[NEG_INF]] : f32
// CHECK: } : tensor<1x4x4x2xf32> to tensor<1x5x5x2xf32>
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<1x2x2x2xf32>)
// CHECK: %[[KERNEL:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[POOL:.*]] = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %[[KERNEL]] : tensor<1x5x5x2xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x2x2x2xf32>)
// CHECK: return %[[POOL]]
func.func @max_pool2d_float(%x: tensor<1x4x4x2xf32>) -> tensor<1x2x2x2xf32> {
  %y = qnt.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
         pads = array<i64: 1, 1, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x4x4x2xf32> -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// u8 max pool on the storage integers: unsigned max, padding 0 (the storage
// minimum) wherever ceil_mode's last window hangs over the input.

// CHECK-LABEL: func.func @max_pool2d_u8_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x1xi8>) -> tensor<1x3x3x1xi8>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[ZERO]] : i8
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : i8) outs(%{{.*}} : tensor<1x3x3x1xi8>)
// CHECK: linalg.pooling_nhwc_max_unsigned {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %{{.*}} : tensor<1x6x6x1xi8>, tensor<2x2xf32>) outs(%[[INIT]] : tensor<1x3x3x1xi8>)
func.func @max_pool2d_u8_ceil(%x: tensor<1x5x5x1x!quant.uniform<u8:f32, 0.5:10>>) -> tensor<1x3x3x1x!quant.uniform<u8:f32, 0.5:10>> {
  %y = qnt.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
         pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, ceil_mode}
       : tensor<1x5x5x1x!quant.uniform<u8:f32, 0.5:10>> -> tensor<1x3x3x1x!quant.uniform<u8:f32, 0.5:10>>
  return %y : tensor<1x3x3x1x!quant.uniform<u8:f32, 0.5:10>>
}

// -----

// i8 max pool without padding: signed max from -128, strides and dilations
// per dimension.

// CHECK-LABEL: func.func @max_pool2d_i8
// CHECK-NOT: tensor.pad
// CHECK: %[[MIN:.*]] = arith.constant -128 : i8
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[MIN]] : i8) outs(%{{.*}} : tensor<1x4x3x3xi8>)
// CHECK: linalg.pooling_nhwc_max {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%arg0, %{{.*}} : tensor<1x6x6x3xi8>, tensor<2x2xf32>) outs(%[[INIT]] : tensor<1x4x3x3xi8>)
func.func @max_pool2d_i8(%x: tensor<1x6x6x3x!quant.uniform<i8:f32, 0.5:-4>>) -> tensor<1x4x3x3x!quant.uniform<i8:f32, 0.5:-4>> {
  %y = qnt.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 2>,
         pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 2, 1>}
       : tensor<1x6x6x3x!quant.uniform<i8:f32, 0.5:-4>> -> tensor<1x4x3x3x!quant.uniform<i8:f32, 0.5:-4>>
  return %y : tensor<1x4x3x3x!quant.uniform<i8:f32, 0.5:-4>>
}

// -----

// CHECK-LABEL: func.func @max_pool3d_float
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 1, 0, 0, 0] high[0, 0, 0, 0, 0]
// CHECK:   tensor.yield %[[NEG_INF]] : f32
// CHECK: linalg.pooling_ndhwc_max {dilations = dense<1> : tensor<3xi64>, strides = dense<2> : tensor<3xi64>} ins(%[[PAD]], %{{.*}} : tensor<1x5x4x4x2xf32>, tensor<2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x2x2xf32>)
func.func @max_pool3d_float(%x: tensor<1x4x4x4x2xf32>) -> tensor<1x2x2x2x2xf32> {
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>,
         pads = array<i64: 1, 0, 0, 0, 1, 0>, dilations = array<i64: 1, 1, 1>}
       : tensor<1x4x4x4x2xf32> -> tensor<1x2x2x2x2xf32>
  return %y : tensor<1x2x2x2x2xf32>
}

// -----

// linalg has no unsigned 3-D max pool: a generic over the window.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 * 2 + d5, d2 * 2 + d6, d3 * 2 + d7, d4)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @max_pool3d_u8
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : i8) outs(%{{.*}} : tensor<1x2x2x2x2xi8>)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0, %{{.*}} : tensor<1x4x4x4x2xi8>, tensor<2x2x2xf32>) outs(%[[INIT]] : tensor<1x2x2x2x2xi8>)
// CHECK: ^bb0(%[[V:.*]]: i8, %{{.*}}: f32, %[[ACC:.*]]: i8):
// CHECK:   %[[MAX:.*]] = arith.maxui %[[ACC]], %[[V]] : i8
// CHECK:   linalg.yield %[[MAX]] : i8
func.func @max_pool3d_u8(%x: tensor<1x4x4x4x2x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<1x2x2x2x2x!quant.uniform<u8:f32, 0.1:128>> {
  %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>,
         pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 1, 1, 1>}
       : tensor<1x4x4x4x2x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x2x2x2x2x!quant.uniform<u8:f32, 0.1:128>>
  return %y : tensor<1x2x2x2x2x!quant.uniform<u8:f32, 0.1:128>>
}

// -----

// The maximum and its NCHW row-major index: a tap inside the input is taken
// when it is the first one or strictly greater (the first maximum in window
// order); h = oh * 2 + kh - 1, w = ow * 2 + kw, index
// ((n * 3 + c) * 5 + h) * 4 + w.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @max_pool2d_with_indices
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 1, 0, 0] high[0, 1, 0, 0]
// CHECK: %[[VALUES:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2x3x2x3xf32>)
// CHECK: %[[NONE:.*]] = arith.constant -1 : i64
// CHECK: %[[INDICES:.*]] = linalg.fill ins(%[[NONE]] : i64) outs(%{{.*}} : tensor<2x3x2x3xi64>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C0_I64:.*]] = arith.constant 0 : i64
// CHECK: %{{.*}}:2 = linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #[[OUT]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[PAD]], %{{.*}} : tensor<2x7x4x3xf32>, tensor<3x2xf32>) outs(%[[VALUES]], %[[INDICES]] : tensor<2x3x2x3xf32>, tensor<2x3x2x3xi64>)
// CHECK: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32, %[[MAX:.*]]: f32, %[[IDX:.*]]: i64):
// CHECK:   %[[OH:.*]] = linalg.index 1 : index
// CHECK:   %[[KH:.*]] = linalg.index 4 : index
// CHECK:   %[[H:.*]] = arith.subi
// CHECK:   %[[H_LO:.*]] = arith.cmpi sge, %[[H]], %[[C0]] : index
// CHECK:   %[[H_HI:.*]] = arith.cmpi slt, %[[H]], %[[C5]] : index
// CHECK:   %[[H_IN:.*]] = arith.andi %[[H_LO]], %[[H_HI]] : i1
// CHECK:   %[[OW:.*]] = linalg.index 2 : index
// CHECK:   %[[KW:.*]] = linalg.index 5 : index
// CHECK:   %[[W:.*]] = arith.subi
// CHECK:   %[[W_LO:.*]] = arith.cmpi sge, %[[W]], %[[C0]] : index
// CHECK:   %[[W_HI:.*]] = arith.cmpi slt, %[[W]], %[[C4]] : index
// CHECK:   %[[W_IN:.*]] = arith.andi %[[W_LO]], %[[W_HI]] : i1
// CHECK:   %[[INSIDE:.*]] = arith.andi %[[H_IN]], %[[W_IN]] : i1
// CHECK:   %[[FIRST:.*]] = arith.cmpi slt, %[[IDX]], %[[C0_I64]] : i64
// CHECK:   %[[GREATER:.*]] = arith.cmpf ogt, %[[V]], %[[MAX]] : f32
// CHECK:   %[[BETTER:.*]] = arith.ori %[[FIRST]], %[[GREATER]] : i1
// CHECK:   %[[TAKE:.*]] = arith.andi %[[INSIDE]], %[[BETTER]] : i1
// CHECK:   %[[N:.*]] = linalg.index 0 : index
// CHECK:   %[[NC:.*]] = arith.muli %[[N]], %[[C3]] : index
// CHECK:   %[[C:.*]] = linalg.index 3 : index
// CHECK:   %[[PLANE:.*]] = arith.addi %[[NC]], %[[C]] : index
// CHECK:   %[[PH:.*]] = arith.muli %[[PLANE]], %[[C5]] : index
// CHECK:   %[[PHW:.*]] = arith.muli %[[PH]], %[[C4]] : index
// CHECK:   %[[ROW:.*]] = arith.muli %[[H]], %[[C4]] : index
// CHECK:   %[[IN_PLANE:.*]] = arith.addi %[[ROW]], %[[W]] : index
// CHECK:   %[[FLAT:.*]] = arith.addi %[[PHW]], %[[IN_PLANE]] : index
// CHECK:   %[[FLAT_I64:.*]] = arith.index_cast %[[FLAT]] : index to i64
// CHECK:   %[[NEW_MAX:.*]] = arith.select %[[TAKE]], %[[V]], %[[MAX]] : f32
// CHECK:   %[[NEW_IDX:.*]] = arith.select %[[TAKE]], %[[FLAT_I64]], %[[IDX]] : i64
// CHECK:   linalg.yield %[[NEW_MAX]], %[[NEW_IDX]] : f32, i64
func.func @max_pool2d_with_indices(%x: tensor<2x5x4x3xf32>) -> (tensor<2x3x2x3xf32>, tensor<2x3x2x3xi64>) {
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>,
             pads = array<i64: 1, 0, 1, 0>, dilations = array<i64: 1, 1>, storage_order = 0 : i64}
           : tensor<2x5x4x3xf32> -> tensor<2x3x2x3xf32>, tensor<2x3x2x3xi64>
  return %y, %i : tensor<2x3x2x3xf32>, tensor<2x3x2x3xi64>
}

// -----

// u8 storage compares unsigned; column-major indices: plane * H * W + w * H + h.

// CHECK-LABEL: func.func @max_pool2d_with_indices_u8_column_major
// CHECK-NOT: tensor.pad
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i8
// CHECK: linalg.fill ins(%[[ZERO]] : i8) outs(%{{.*}} : tensor<1x2x2x1xi8>)
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: linalg.generic
// CHECK: ^bb0(%[[V:.*]]: i8, %{{.*}}: f32, %[[MAX:.*]]: i8, %{{.*}}: i64):
// CHECK:   %[[H:.*]] = arith.subi
// CHECK:   %[[W:.*]] = arith.subi
// CHECK:   arith.cmpi ugt, %[[V]], %[[MAX]] : i8
// CHECK:   %[[COL:.*]] = arith.muli %[[W]], %[[C5]] : index
// CHECK:   arith.addi %[[COL]], %[[H]] : index
// CHECK:   arith.select %{{.*}}, %[[V]], %[[MAX]] : i8
func.func @max_pool2d_with_indices_u8_column_major(%x: tensor<1x5x4x1x!quant.uniform<u8:f32, 0.1:3>>) -> (tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x2x2x1xi64>) {
  %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
             pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, storage_order = 1 : i64}
           : tensor<1x5x4x1x!quant.uniform<u8:f32, 0.1:3>> -> tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x2x2x1xi64>
  return %y, %i : tensor<1x2x2x1x!quant.uniform<u8:f32, 0.1:3>>, tensor<1x2x2x1xi64>
}

// -----

// count_include_pad: zero padding, a sum pool, the full kernel size as divisor.

// CHECK-LABEL: func.func @avg_pool2d_count_include_pad
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x3x3x2xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[ZERO]] : f32
// CHECK: %[[SUM:.*]] = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %{{.*}} : tensor<1x7x7x2xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x3x3x2xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x3x3x2xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[NINE:.*]] = arith.constant 9.000000e+00 : f32
// CHECK:   %[[MEAN:.*]] = arith.divf %[[S]], %[[NINE]] : f32
// CHECK:   linalg.yield %[[MEAN]] : f32
func.func @avg_pool2d_count_include_pad(%x: tensor<1x5x5x2xf32>) -> tensor<1x3x3x2xf32> {
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
         pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad}
       : tensor<1x5x5x2xf32> -> tensor<1x3x3x2xf32>
  return %y : tensor<1x3x3x2xf32>
}

// -----

// Padding excluded: the divisor is the number of taps inside the input, per
// output row [2, 3, 2] (a constant broadcast over the other dimensions) times
// 2 along W, where no window sees padding.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ROWS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, 0)>
// CHECK-LABEL: func.func @avg_pool2d_exclude_pad
// CHECK: %[[SUM:.*]] = linalg.pooling_nhwc_sum
// CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[\[\[\[}}2.000000e+00]], {{\[\[}}3.000000e+00]], {{\[\[}}2.000000e+00]]]]> : tensor<1x3x1x1xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ROWS]], #[[ID]]], {{.*}}} ins(%[[SUM]], %[[COUNTS]] : tensor<1x3x3x2xf32>, tensor<1x3x1x1xf32>)
// CHECK: ^bb0(%[[S:.*]]: f32, %[[ROW_COUNT:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK:   %[[COUNT:.*]] = arith.mulf %[[TWO]], %[[ROW_COUNT]] : f32
// CHECK:   %[[MEAN:.*]] = arith.divf %[[S]], %[[COUNT]] : f32
// CHECK:   linalg.yield %[[MEAN]] : f32
func.func @avg_pool2d_exclude_pad(%x: tensor<1x5x6x2xf32>) -> tensor<1x3x3x2xf32> {
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>,
         pads = array<i64: 1, 0, 1, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x5x6x2xf32> -> tensor<1x3x3x2xf32>
  return %y : tensor<1x3x3x2xf32>
}

// -----

// Quantized average: the zero point pads (centered it is 0), a window
// generic sums q - zp exactly in i32, and the sum is requantized with the
// multiplier s_in / (s_out * 9) = 0.5 / 2.25.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3)>
// CHECK-LABEL: func.func @avg_pool2d_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x2xi8>) -> tensor<1x3x3x2xi8>
// CHECK-DAG: %[[ZP_IN:.*]] = arith.constant 100 : i32
// CHECK-DAG: %[[ZP_OUT:.*]] = arith.constant 90 : i32
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : i32) outs(%{{.*}} : tensor<1x3x3x2xi32>)
// CHECK: %[[ZP_STORED:.*]] = arith.constant 100 : i8
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[ZP_STORED]] : i8
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[PAD]], %{{.*}} : tensor<1x7x7x2xi8>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x3x3x2xi32>)
// CHECK: ^bb0(%[[Q:.*]]: i8, %{{.*}}: f32, %[[ACC:.*]]: i32):
// CHECK:   %[[WIDE:.*]] = arith.extui %[[Q]] : i8 to i32
// CHECK:   %[[CENTERED:.*]] = arith.subi %[[WIDE]], %[[ZP_IN]] : i32
// CHECK:   %[[NEXT:.*]] = arith.addi %[[ACC]], %[[CENTERED]] : i32
// CHECK:   linalg.yield %[[NEXT]] : i32
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x3x3x2xi32>) outs(%{{.*}} : tensor<1x3x3x2xi8>)
// CHECK: ^bb0(%[[S:.*]]: i32, %{{.*}}: i8):
// CHECK:   %[[MULT:.*]] = arith.constant 0.222222224 : f32
// CHECK:   %[[F:.*]] = arith.sitofp %[[S]] : i32 to f32
// CHECK:   %[[SCALED:.*]] = arith.mulf %[[F]], %[[MULT]] : f32
// CHECK:   math.roundeven %[[SCALED]] : f32
// CHECK:   arith.sitofp %[[ZP_OUT]] : i32 to f32
// CHECK:   arith.constant 2.550000e+02 : f32
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
// CHECK:   arith.trunci %{{.*}} : i32 to i8
func.func @avg_pool2d_quantized(%x: tensor<1x5x5x2x!quant.uniform<u8:f32, 0.5:100>>) -> tensor<1x3x3x2x!quant.uniform<u8:f32, 0.25:90>> {
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
         pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, count_include_pad}
       : tensor<1x5x5x2x!quant.uniform<u8:f32, 0.5:100>> -> tensor<1x3x3x2x!quant.uniform<u8:f32, 0.25:90>>
  return %y : tensor<1x3x3x2x!quant.uniform<u8:f32, 0.25:90>>
}

// -----

// Quantized, padding excluded: the multiplier s_in / (s_out * count) is
// computed per output position from the count constant.

// CHECK-LABEL: func.func @avg_pool2d_quantized_exclude_pad
// CHECK-DAG: %[[S_IN:.*]] = arith.constant 1.000000e-01 : f32
// CHECK-DAG: %[[S_OUT:.*]] = arith.constant 2.000000e-01 : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x2x1x1xi32>)
// CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[\[\[\[}}2.000000e+00]], {{\[\[}}3.000000e+00]]]]> : tensor<1x2x1x1xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[COUNTS]] : tensor<1x2x1x1xi32>, tensor<1x2x1x1xf32>) outs(%{{.*}} : tensor<1x2x1x1xi8>)
// CHECK: ^bb0(%[[S:.*]]: i32, %[[ROW_COUNT:.*]]: f32, %{{.*}}: i8):
// CHECK:   %[[THREE:.*]] = arith.constant 3.000000e+00 : f32
// CHECK:   %[[COUNT:.*]] = arith.mulf %[[THREE]], %[[ROW_COUNT]] : f32
// CHECK:   %[[DIVISOR:.*]] = arith.mulf %[[S_OUT]], %[[COUNT]] : f32
// CHECK:   %[[MULT:.*]] = arith.divf %[[S_IN]], %[[DIVISOR]] : f32
// CHECK:   %[[F:.*]] = arith.sitofp %[[S]] : i32 to f32
// CHECK:   arith.mulf %[[F]], %[[MULT]] : f32
// CHECK:   math.roundeven
func.func @avg_pool2d_quantized_exclude_pad(%x: tensor<1x4x3x1x!quant.uniform<i8:f32, 0.1:-1>>) -> tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>> {
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 1>,
         pads = array<i64: 1, 0, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x4x3x1x!quant.uniform<i8:f32, 0.1:-1>> -> tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>>
  return %y : tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>>
}

// -----

// CHECK-LABEL: func.func @avg_pool3d_dilated
// CHECK-NOT: tensor.pad
// CHECK: %[[SUM:.*]] = linalg.pooling_ndhwc_sum {dilations = dense<2> : tensor<3xi64>, strides = dense<[2, 1, 1]> : tensor<3xi64>} ins(%arg0, %{{.*}} : tensor<1x5x4x4x1xf32>, tensor<2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x2x1xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x2x2x1xf32>)
// CHECK:   %[[EIGHT:.*]] = arith.constant 8.000000e+00 : f32
// CHECK:   arith.divf %{{.*}}, %[[EIGHT]] : f32
func.func @avg_pool3d_dilated(%x: tensor<1x5x4x4x1xf32>) -> tensor<1x2x2x2x1xf32> {
  %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 1, 1>,
         pads = array<i64: 0, 0, 0, 0, 0, 0>, dilations = array<i64: 2, 2, 2>}
       : tensor<1x5x4x4x1xf32> -> tensor<1x2x2x2x1xf32>
  return %y : tensor<1x2x2x2x1xf32>
}

// -----

// A sum pool whose window is all of H and W, divided by H * W.

// CHECK-LABEL: func.func @global_avg_pool_float
// CHECK: %[[SUM:.*]] = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %{{.*}} : tensor<2x7x7x8xf32>, tensor<7x7xf32>) outs(%{{.*}} : tensor<2x1x1x8xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x1x1x8xf32>)
// CHECK:   %[[N:.*]] = arith.constant 4.900000e+01 : f32
// CHECK:   arith.divf %{{.*}}, %[[N]] : f32
func.func @global_avg_pool_float(%x: tensor<2x7x7x8xf32>) -> tensor<2x1x1x8xf32> {
  %y = qnt.global_avg_pool %x : tensor<2x7x7x8xf32> -> tensor<2x1x1x8xf32>
  return %y : tensor<2x1x1x8xf32>
}

// -----

// Same scales: the multiplier is 1 / 16, so halves stay exact ties.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d4, d2 + d5, d3)>
// CHECK-LABEL: func.func @global_avg_pool_quantized
// CHECK-DAG: %[[ZP_IN:.*]] = arith.constant -2 : i32
// CHECK-DAG: %[[ZP_OUT:.*]] = arith.constant 3 : i32
// CHECK-NOT: tensor.pad
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], {{.*}}]{{.*}} ins(%arg0, %{{.*}} : tensor<1x4x4x8xi8>, tensor<4x4xf32>) outs(%{{.*}} : tensor<1x1x1x8xi32>)
// CHECK:   arith.extsi %{{.*}} : i8 to i32
// CHECK:   arith.subi %{{.*}}, %[[ZP_IN]] : i32
// CHECK:   arith.addi
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x1x1x8xi32>) outs(%{{.*}} : tensor<1x1x1x8xi8>)
// CHECK:   %[[MULT:.*]] = arith.constant 6.250000e-02 : f32
// CHECK:   %[[F:.*]] = arith.sitofp %{{.*}} : i32 to f32
// CHECK:   arith.mulf %[[F]], %[[MULT]] : f32
// CHECK:   arith.sitofp %[[ZP_OUT]] : i32 to f32
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
func.func @global_avg_pool_quantized(%x: tensor<1x4x4x8x!quant.uniform<i8:f32, 0.1:-2>>) -> tensor<1x1x1x8x!quant.uniform<i8:f32, 0.1:3>> {
  %y = qnt.global_avg_pool %x : tensor<1x4x4x8x!quant.uniform<i8:f32, 0.1:-2>> -> tensor<1x1x1x8x!quant.uniform<i8:f32, 0.1:3>>
  return %y : tensor<1x1x1x8x!quant.uniform<i8:f32, 0.1:3>>
}

// -----

// Sums into the kept dimensions, divided by the reduced element count, then
// reshaped to keep the reduced dimensions as 1.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEPT:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @reduce_mean_keepdims
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["reduction", "parallel", "reduction"]} ins(%arg0 : tensor<2x3x4xf32>) outs(%[[INIT]] : tensor<3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK:   %[[NEXT:.*]] = arith.addf %[[ACC]], %[[X]] : f32
// CHECK:   linalg.yield %[[NEXT]] : f32
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<3xf32>) outs(%{{.*}} : tensor<3xf32>)
// CHECK:   %[[EIGHT:.*]] = arith.constant 8.000000e+00 : f32
// CHECK:   arith.divf %{{.*}}, %[[EIGHT]] : f32
// CHECK: %[[KEEP:.*]] = tensor.expand_shape %[[MEAN]] {{\[\[}}0, 1, 2]] output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
// CHECK: return %[[KEEP]]
func.func @reduce_mean_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %y = qnt.reduce_mean %x {axes = array<i64: 0, 2>, keepdims} : tensor<2x3x4xf32> -> tensor<1x3x1xf32>
  return %y : tensor<1x3x1xf32>
}

// -----

// CHECK-DAG: #[[ALL:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @reduce_mean_all
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[ALL]]], iterator_types = ["reduction", "reduction"]} ins(%arg0 : tensor<2x3xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[MEAN:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK:   arith.constant 6.000000e+00 : f32
// CHECK-NOT: tensor.expand_shape
// CHECK: return %[[MEAN]] : tensor<f32>
func.func @reduce_mean_all(%x: tensor<2x3xf32>) -> tensor<f32> {
  %y = qnt.reduce_mean %x {axes = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// Quantized: q - zp summed in i32, requantized with 0.1 / (0.05 * 4).

// CHECK-LABEL: func.func @reduce_mean_quantized
// CHECK-DAG: %[[ZP_IN:.*]] = arith.constant 128 : i32
// CHECK-DAG: %[[ZP_OUT:.*]] = arith.constant 100 : i32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<2x4xi8>) outs(%{{.*}} : tensor<2xi32>)
// CHECK: ^bb0(%[[Q:.*]]: i8, %[[ACC:.*]]: i32):
// CHECK:   %[[WIDE:.*]] = arith.extui %[[Q]] : i8 to i32
// CHECK:   %[[CENTERED:.*]] = arith.subi %[[WIDE]], %[[ZP_IN]] : i32
// CHECK:   arith.addi %[[ACC]], %[[CENTERED]] : i32
// CHECK: linalg.generic {{.*}} ins(%[[SUM]] : tensor<2xi32>) outs(%{{.*}} : tensor<2xi8>)
// CHECK:   %[[MULT:.*]] = arith.constant 5.000000e-01 : f32
// CHECK:   %[[F:.*]] = arith.sitofp %{{.*}} : i32 to f32
// CHECK:   arith.mulf %[[F]], %[[MULT]] : f32
// CHECK:   arith.sitofp %[[ZP_OUT]] : i32 to f32
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
func.func @reduce_mean_quantized(%x: tensor<2x4x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<2x!quant.uniform<u8:f32, 0.05:100>> {
  %y = qnt.reduce_mean %x {axes = array<i64: 1>} : tensor<2x4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<2x!quant.uniform<u8:f32, 0.05:100>>
  return %y : tensor<2x!quant.uniform<u8:f32, 0.05:100>>
}

// -----

// max, exp(x - max), their sum, exp / sum; the reductions' results keep the
// axis as 1 and broadcast back.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @softmax_float
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>)
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAX_INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.*}} : tensor<2xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x5xf32>) outs(%[[MAX_INIT]] : tensor<2xf32>)
// CHECK:   arith.maximumf
// CHECK: %[[MAX_K:.*]] = tensor.expand_shape %[[MAX]] {{\[\[}}0, 1]] output_shape [2, 1] : tensor<2xf32> into tensor<2x1xf32>
// CHECK: %[[EXP:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[BCAST]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[MAX_K]] : tensor<2x5xf32>, tensor<2x1xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[M:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[SHIFTED:.*]] = arith.subf %[[V]], %[[M]] : f32
// CHECK:   %[[E:.*]] = math.exp %[[SHIFTED]] : f32
// CHECK:   linalg.yield %[[E]] : f32
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[EXP]] : tensor<2x5xf32>)
// CHECK:   arith.addf
// CHECK: %[[SUM_K:.*]] = tensor.expand_shape %[[SUM]]
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[EXP]], %[[SUM_K]] : tensor<2x5xf32>, tensor<2x1xf32>)
// CHECK: ^bb0(%[[EV:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[R:.*]] = arith.divf %[[EV]], %[[S]] : f32
// CHECK:   linalg.yield %[[R]] : f32
// CHECK: return %[[Y]]
func.func @softmax_float(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %y = qnt.softmax %x {axis = 1 : i64} : tensor<2x5xf32> -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// -----

// Quantized: the maximum of the storage integers (signed here), both
// dequantized before subtracting; the quotient is quantized to u8.

// CHECK-LABEL: func.func @softmax_quantized
// CHECK-DAG: %[[S_IN:.*]] = arith.constant 1.000000e-01 : f32
// CHECK-DAG: %[[ZP_IN:.*]] = arith.constant -1 : i32
// CHECK-DAG: %[[S_OUT:.*]] = arith.constant 3.906250e-03 : f32
// CHECK: %[[MIN:.*]] = arith.constant -128 : i8
// CHECK: %[[MAX_INIT:.*]] = linalg.fill ins(%[[MIN]] : i8) outs(%{{.*}} : tensor<5xi8>)
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]} ins(%arg0 : tensor<2x5xi8>) outs(%[[MAX_INIT]] : tensor<5xi8>)
// CHECK:   arith.maxsi %{{.*}}, %{{.*}} : i8
// CHECK: %[[MAX_K:.*]] = tensor.expand_shape %[[MAX]] {{\[\[}}0, 1]] output_shape [1, 5] : tensor<5xi8> into tensor<1x5xi8>
// CHECK: %[[EXP:.*]] = linalg.generic {{.*}} ins(%arg0, %[[MAX_K]] : tensor<2x5xi8>, tensor<1x5xi8>) outs(%{{.*}} : tensor<2x5xf32>)
// CHECK: ^bb0(%[[Q:.*]]: i8, %[[QM:.*]]: i8, %{{.*}}: f32):
// CHECK:   arith.extsi %[[Q]] : i8 to i32
// CHECK:   %[[X:.*]] = arith.mulf %{{.*}}, %[[S_IN]] : f32
// CHECK:   arith.extsi %[[QM]] : i8 to i32
// CHECK:   %[[M:.*]] = arith.mulf %{{.*}}, %[[S_IN]] : f32
// CHECK:   %[[SHIFTED:.*]] = arith.subf %[[X]], %[[M]] : f32
// CHECK:   math.exp %[[SHIFTED]] : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[EXP]] : tensor<2x5xf32>) outs(%{{.*}} : tensor<5xf32>)
// CHECK: %[[SUM_K:.*]] = tensor.expand_shape %[[SUM]]
// CHECK: linalg.generic {{.*}} ins(%[[EXP]], %[[SUM_K]] : tensor<2x5xf32>, tensor<1x5xf32>) outs(%{{.*}} : tensor<2x5xi8>)
// CHECK:   %[[R:.*]] = arith.divf
// CHECK:   arith.divf %[[R]], %[[S_OUT]] : f32
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
func.func @softmax_quantized(%x: tensor<2x5x!quant.uniform<i8:f32, 0.1:-1>>) -> tensor<2x5x!quant.uniform<u8:f32, 0.00390625>> {
  %y = qnt.softmax %x {axis = 0 : i64} : tensor<2x5x!quant.uniform<i8:f32, 0.1:-1>> -> tensor<2x5x!quant.uniform<u8:f32, 0.00390625>>
  return %y : tensor<2x5x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// (x - max) - log(sum(exp(x - max))) along the middle axis.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEPT:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-LABEL: func.func @log_softmax
// CHECK-SAME: (%[[X:.*]]: tensor<3x4x5xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[X]] : tensor<3x4x5xf32>)
// CHECK:   arith.maximumf
// CHECK: %[[MAX_K:.*]] = tensor.expand_shape %[[MAX]] {{\[\[}}0, 1], [2]] output_shape [3, 1, 5] : tensor<3x5xf32> into tensor<3x1x5xf32>
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[BCAST]], #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[X]], %[[MAX_K]] : tensor<3x4x5xf32>, tensor<3x1x5xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[M:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK:   %[[SHIFTED:.*]] = arith.subf %[[V]], %[[M]] : f32
// CHECK:   %[[E:.*]] = math.exp %[[SHIFTED]] : f32
// CHECK:   arith.addf %[[ACC]], %[[E]] : f32
// CHECK: %[[SUM_K:.*]] = tensor.expand_shape %[[SUM]]
// CHECK: %[[LOG:.*]] = linalg.generic {{.*}} ins(%[[SUM_K]] : tensor<3x1x5xf32>)
// CHECK:   math.log
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[BCAST]], #[[BCAST]], #[[ID]]], {{.*}}} ins(%[[X]], %[[MAX_K]], %[[LOG]] : tensor<3x4x5xf32>, tensor<3x1x5xf32>, tensor<3x1x5xf32>)
// CHECK: ^bb0(%[[V2:.*]]: f32, %[[M2:.*]]: f32, %[[L:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[D:.*]] = arith.subf %[[V2]], %[[M2]] : f32
// CHECK:   %[[R:.*]] = arith.subf %[[D]], %[[L]] : f32
// CHECK:   linalg.yield %[[R]] : f32
// CHECK: return %[[Y]]
func.func @log_softmax(%x: tensor<3x4x5xf32>) -> tensor<3x4x5xf32> {
  %y = qnt.log_softmax %x {axis = 1 : i64} : tensor<3x4x5xf32>
  return %y : tensor<3x4x5xf32>
}
