// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Strides (1, 2, 2): the input is spread onto a zero canvas by a strided
// insert_slice at the kernel extent minus the pads (2 - 0), and convolved
// with stride 1 by the filter mirrored in depth, height and width (at run
// time, then transposed to DHWCF for the named op).

// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, -d1 + 2, -d2 + 2, -d3 + 2, d4)>
// CHECK-LABEL: func.func @float
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x5x9x11x2xf32>)
// CHECK: %[[CANVAS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x7x11x13x1xf32>)
// CHECK: %[[SPREAD:.*]] = tensor.insert_slice %arg0 into %[[CANVAS]][0, 2, 2, 2, 0] [1, 3, 4, 5, 1] [1, 1, 2, 2, 1]
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}], {{.*}} ins(%arg1 : tensor<2x3x3x3x1xf32>)
// CHECK: %[[DHWCF:.*]] = linalg.transpose ins(%[[FLIPPED]] : tensor<2x3x3x3x1xf32>) outs(%{{.*}} : tensor<3x3x3x1x2xf32>) permutation = [1, 2, 3, 4, 0]
// CHECK: %[[Y:.*]] = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%[[SPREAD]], %[[DHWCF]] : tensor<1x7x11x13x1xf32>, tensor<3x3x3x1x2xf32>) outs(%[[INIT]] : tensor<1x5x9x11x2xf32>)
// CHECK: return %[[Y]]
func.func @float(%x: tensor<1x3x4x5x1xf32>, %w: tensor<2x3x3x3x1xf32>) -> tensor<1x5x9x11x2xf32> {
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
         dilations = array<i64: 1, 1, 1>, groups = 1 : i64}
       : (tensor<1x3x4x5x1xf32>, tensor<2x3x3x3x1xf32>) -> tensor<1x5x9x11x2xf32>
  return %y : tensor<1x5x9x11x2xf32>
}

// -----

// Two groups: linalg has no grouped 3-D convolution, so a generic over
// (n, od, oh, ow, g, f, kd, kh, kw, c) reduces the window and the group's
// channels. The bias initializes the accumulator; the constant filter is
// mirrored at compile time; the right pad of 1 crops the canvas.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1 + d6, d2 + d7, d3 + d8, d4, d9)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d4, d5, d6, d7, d8, d9)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d2, d3, d4, d5)>
// CHECK-LABEL: func.func @grouped
// CHECK: %[[BIAS:.*]] = linalg.broadcast ins(%arg1 : tensor<2xf32>) outs(%{{.*}} : tensor<1x3x3x2x2xf32>) dimensions = [0, 1, 2, 3]
// CHECK: %[[SPREAD:.*]] = tensor.insert_slice %arg0 into %{{.*}}[0, 0, 1, 1, 0] [1, 2, 2, 2, 4] [1, 2, 1, 1, 1] : tensor<1x2x2x2x4xf32> into tensor<1x3x4x3x4xf32>
// CHECK: %[[GIN:.*]] = tensor.expand_shape %[[SPREAD]] {{\[\[}}0], [1], [2], [3], [4, 5]] output_shape [1, 3, 4, 3, 2, 2]
// CHECK: %[[GACC:.*]] = tensor.expand_shape %[[BIAS]] {{\[\[}}0], [1], [2], [3], [4, 5]] output_shape [1, 3, 3, 2, 2, 1]
// CHECK: %[[GW:.*]] = arith.constant dense<{{\[\[\[\[\[\[}}7.000000e+00, 8.000000e+00], [5.000000e+00, 6.000000e+00]], {{\[\[}}3.000000e+00, 4.000000e+00], [1.000000e+00, 2.000000e+00]]]]], {{\[\[\[\[\[}}1.500000e+01, 1.600000e+01], [1.300000e+01, 1.400000e+01]], {{\[\[}}1.100000e+01, 1.200000e+01], [9.000000e+00, 1.000000e+01]]]]]]> : tensor<2x1x1x2x2x2xf32>
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%[[GIN]], %[[GW]] : tensor<1x3x4x3x2x2xf32>, tensor<2x1x1x2x2x2xf32>) outs(%[[GACC]] : tensor<1x3x3x2x2x1xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[F:.*]]: f32, %[[S:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[X]], %[[F]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[S]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]]
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[ACC]] {{\[\[}}0], [1], [2], [3], [4, 5]] : tensor<1x3x3x2x2x1xf32> into tensor<1x3x3x2x2xf32>
// CHECK: return %[[Y]]
func.func @grouped(%x: tensor<1x2x2x2x4xf32>, %b: tensor<2xf32>) -> tensor<1x3x3x2x2xf32> {
  %w = qnt.constant dense<[[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]], [[[[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]]]]> : tensor<2x1x2x2x2xf32> -> tensor<2x1x2x2x2xf32>
  %y = qnt.conv_transpose3d %x, %w, %b {strides = array<i64: 2, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 1>,
         dilations = array<i64: 1, 1, 1>, groups = 2 : i64}
       : (tensor<1x2x2x2x4xf32>, tensor<2x1x2x2x2xf32>, tensor<2xf32>) -> tensor<1x3x3x2x2xf32>
  return %y : tensor<1x3x3x2x2xf32>
}

// -----

// Quantized: u8 input shifted to i8 (zero point 128 - 128 = 0), which also
// fills the padding; the named _q op accumulates in i32, requantized per
// output channel by (0.5 * {0.25, 0.5}) / 1.

// CHECK-LABEL: func.func @quantized
// CHECK: %[[XZP:.*]] = arith.constant 0 : i32
// CHECK: %[[SHIFTED:.*]] = linalg.generic
// CHECK: arith.xori %{{.*}}, %{{.*}} : i8
// CHECK: %[[WZP:.*]] = arith.constant 0 : i32
// CHECK: %[[PADV:.*]] = arith.trunci %[[XZP]] : i32 to i8
// CHECK: %[[PADDED:.*]] = tensor.pad %[[SHIFTED]] low[0, 1, 1, 1, 0] high[0, 1, 1, 1, 0]
// CHECK: tensor.yield %[[PADV]] : i8
// CHECK: %[[DHWCF:.*]] = linalg.transpose {{.*}} permutation = [1, 2, 3, 4, 0]
// CHECK: %[[ACC:.*]] = linalg.conv_3d_ndhwc_dhwcf_q {{.*}} ins(%[[PADDED]], %[[DHWCF]], %[[XZP]], %[[WZP]] : tensor<1x4x4x4x1xi8>, tensor<2x2x2x1x2xi8>, i32, i32) outs(%{{.*}} : tensor<1x3x3x3x2xi32>)
// CHECK: %[[M:.*]] = arith.constant dense<[1.250000e-01, 2.500000e-01]> : tensor<2xf32>
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %[[M]] : tensor<1x3x3x3x2xi32>, tensor<2xf32>) outs(%{{.*}} : tensor<1x3x3x3x2xi8>)
// CHECK: math.roundeven
func.func @quantized(%x: tensor<1x2x2x2x1x!quant.uniform<u8:f32, 0.5:128>>,
                     %w: tensor<2x2x2x2x1x!quant.uniform<i8:f32:0, {0.25, 0.5}>>)
    -> tensor<1x3x3x3x2x!quant.uniform<i8:f32, 1.0:-2>> {
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
         dilations = array<i64: 1, 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x2x1x!quant.uniform<u8:f32, 0.5:128>>, tensor<2x2x2x2x1x!quant.uniform<i8:f32:0, {0.25, 0.5}>>)
       -> tensor<1x3x3x3x2x!quant.uniform<i8:f32, 1.0:-2>>
  return %y : tensor<1x3x3x3x2x!quant.uniform<i8:f32, 1.0:-2>>
}

// -----

// Quantized and grouped: the generic subtracts the zero points in i32.

// CHECK-LABEL: func.func @quantized_grouped
// CHECK-DAG: %[[XZP:.*]] = arith.constant 3 : i32
// CHECK-DAG: %[[WZP:.*]] = arith.constant -1 : i32
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<1x1x1x3x2x1xi8>, tensor<2x1x1x1x2x1xi8>) outs(%{{.*}} : tensor<1x1x1x2x2x1xi32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: i8, %[[F:.*]]: i8, %[[S:.*]]: i32):
// CHECK-NEXT: %[[XW:.*]] = arith.extsi %[[X]] : i8 to i32
// CHECK-NEXT: %[[XC:.*]] = arith.subi %[[XW]], %[[XZP]] : i32
// CHECK-NEXT: %[[FW:.*]] = arith.extsi %[[F]] : i8 to i32
// CHECK-NEXT: %[[FC:.*]] = arith.subi %[[FW]], %[[WZP]] : i32
// CHECK-NEXT: %[[P:.*]] = arith.muli %[[XC]], %[[FC]] : i32
// CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[S]], %[[P]] : i32
// CHECK-NEXT: linalg.yield %[[SUM]]
func.func @quantized_grouped(%x: tensor<1x1x1x1x2x!quant.uniform<i8:f32, 0.5:3>>,
                             %w: tensor<2x1x1x2x1x!quant.uniform<i8:f32, 0.25:-1>>)
    -> tensor<1x1x1x2x2x!quant.uniform<i8:f32, 0.125>> {
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
         dilations = array<i64: 1, 1, 1>, groups = 2 : i64}
       : (tensor<1x1x1x1x2x!quant.uniform<i8:f32, 0.5:3>>, tensor<2x1x1x2x1x!quant.uniform<i8:f32, 0.25:-1>>)
       -> tensor<1x1x1x2x2x!quant.uniform<i8:f32, 0.125>>
  return %y : tensor<1x1x1x2x2x!quant.uniform<i8:f32, 0.125>>
}

// -----

// Float depthwise (groups = C = F): the mirrored filter [C, KD, KH, KW, 1]
// as DHWC for the named depthwise op, as qnt.conv3d lowers it.

// CHECK-LABEL: func.func @depthwise
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x3x3x3x3xf32>)
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 1, 1, 1, 0] high[0, 1, 1, 1, 0]
// CHECK: %[[FLIPPED:.*]] = linalg.generic {{.*}} ins(%arg1 : tensor<3x2x2x2x1xf32>)
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[FLIPPED]] : tensor<3x2x2x2x1xf32>) outs(%{{.*}} : tensor<2x2x2x3x1xf32>) permutation = [1, 2, 3, 0, 4]
// CHECK: %[[DHWC:.*]] = tensor.collapse_shape %[[T]] {{\[\[}}0], [1], [2], [3, 4]] : tensor<2x2x2x3x1xf32> into tensor<2x2x2x3xf32>
// CHECK: %[[Y:.*]] = linalg.depthwise_conv_3d_ndhwc_dhwc {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%[[PADDED]], %[[DHWC]] : tensor<1x4x4x4x3xf32>, tensor<2x2x2x3xf32>) outs(%[[INIT]] : tensor<1x3x3x3x3xf32>)
// CHECK: return %[[Y]]
func.func @depthwise(%x: tensor<1x2x2x2x3xf32>, %w: tensor<3x2x2x2x1xf32>) -> tensor<1x3x3x3x3xf32> {
  %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
         dilations = array<i64: 1, 1, 1>, groups = 3 : i64}
       : (tensor<1x2x2x2x3xf32>, tensor<3x2x2x2x1xf32>) -> tensor<1x3x3x3x3xf32>
  return %y : tensor<1x3x3x3x3xf32>
}
