// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// groups = 1: the input padded by tensor.pad (front/top/left low, then
// back/bottom/right high), the bias broadcast into the accumulator, the
// FDHWC filter transposed to DHWCF for the named op.

// CHECK-LABEL: func.func @plain
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 0, 1, 0, 0] high[0, 1, 1, 0, 0]
// CHECK: tensor.yield %[[ZERO]] : f32
// CHECK: } : tensor<1x4x5x6x2xf32> to tensor<1x5x7x6x2xf32>
// CHECK: %[[BIAS:.*]] = linalg.broadcast ins(%arg2 : tensor<3xf32>) outs(%{{.*}} : tensor<1x2x5x3x3xf32>) dimensions = [0, 1, 2, 3]
// CHECK: %[[DHWCF:.*]] = linalg.transpose ins(%arg1 : tensor<3x2x2x1x2xf32>) outs(%{{.*}} : tensor<2x2x1x2x3xf32>) permutation = [1, 2, 3, 4, 0]
// CHECK: %[[Y:.*]] = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<[1, 2, 1]> : tensor<3xi64>, strides = dense<[2, 1, 2]> : tensor<3xi64>} ins(%[[PADDED]], %[[DHWCF]] : tensor<1x5x7x6x2xf32>, tensor<2x2x1x2x3xf32>) outs(%[[BIAS]] : tensor<1x2x5x3x3xf32>)
// CHECK: return %[[Y]]
func.func @plain(%x: tensor<1x4x5x6x2xf32>, %w: tensor<3x2x2x1x2xf32>, %b: tensor<3xf32>) -> tensor<1x2x5x3x3xf32> {
  %y = qnt.conv3d %x, %w, %b {strides = array<i64: 2, 1, 2>, pads = array<i64: 0, 1, 0, 1, 1, 0>,
         dilations = array<i64: 1, 2, 1>, groups = 1 : i64}
       : (tensor<1x4x5x6x2xf32>, tensor<3x2x2x1x2xf32>, tensor<3xf32>) -> tensor<1x2x5x3x3xf32>
  return %y : tensor<1x2x5x3x3xf32>
}

// -----

// A constant filter is transposed at compile time: filter[f][d][h][0][c]
// becomes [d][h][0][c][f]. No padding, no bias (a zero-filled
// accumulator); the fused clamp follows the convolution.

// CHECK-LABEL: func.func @constant_filter
// CHECK-NOT: tensor.pad
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x1x1x2x2xf32>)
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[\[\[\[}}1.000000e+00, 9.000000e+00], [2.000000e+00, 1.000000e+01]]], {{\[\[\[}}3.000000e+00, 1.100000e+01], [4.000000e+00, 1.200000e+01]]]], {{\[\[\[\[}}5.000000e+00, 1.300000e+01], [6.000000e+00, 1.400000e+01]]], {{\[\[\[}}7.000000e+00, 1.500000e+01], [8.000000e+00, 1.600000e+01]]]]]> : tensor<2x2x1x2x2xf32>
// CHECK-NOT: linalg.transpose
// CHECK: %[[ACC:.*]] = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%arg0, %[[W]] : tensor<1x2x2x2x2xf32>, tensor<2x2x1x2x2xf32>) outs(%[[INIT]] : tensor<1x1x1x2x2xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x1x1x2x2xf32>)
// CHECK: %[[LO:.*]] = arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK: arith.minimumf %[[LO]], %{{.*}} : f32
// CHECK: return %[[Y]]
func.func @constant_filter(%x: tensor<1x2x2x2x2xf32>) -> tensor<1x1x1x2x2xf32> {
  %w = qnt.constant dense<[[[[[1.0, 2.0]], [[3.0, 4.0]]], [[[5.0, 6.0]], [[7.0, 8.0]]]], [[[[9.0, 10.0]], [[11.0, 12.0]]], [[[13.0, 14.0]], [[15.0, 16.0]]]]]> : tensor<2x2x2x1x2xf32> -> tensor<2x2x2x1x2xf32>
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
         dilations = array<i64: 1, 1, 1>, groups = 1 : i64, clamp_min = 0.0 : f32, clamp_max = 6.0 : f32}
       : (tensor<1x2x2x2x2xf32>, tensor<2x2x2x1x2xf32>) -> tensor<1x1x1x2x2xf32>
  return %y : tensor<1x1x1x2x2xf32>
}

// -----

// Depthwise (groups = C = F): the filter [C, KD, KH, KW, 1] as DHWC for
// the named depthwise op.

// CHECK-LABEL: func.func @depthwise
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 1, 1, 1, 0] high[0, 1, 1, 1, 0]
// CHECK: %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x4x4x4x3xf32>)
// CHECK: %[[T:.*]] = linalg.transpose ins(%arg1 : tensor<3x3x3x3x1xf32>) outs(%{{.*}} : tensor<3x3x3x3x1xf32>) permutation = [1, 2, 3, 0, 4]
// CHECK: %[[DHWC:.*]] = tensor.collapse_shape %[[T]] {{\[\[}}0], [1], [2], [3, 4]] : tensor<3x3x3x3x1xf32> into tensor<3x3x3x3xf32>
// CHECK: %[[Y:.*]] = linalg.depthwise_conv_3d_ndhwc_dhwc {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%[[PADDED]], %[[DHWC]] : tensor<1x6x6x6x3xf32>, tensor<3x3x3x3xf32>) outs(%[[INIT]] : tensor<1x4x4x4x3xf32>)
// CHECK: return %[[Y]]
func.func @depthwise(%x: tensor<1x4x4x4x3xf32>, %w: tensor<3x3x3x3x1xf32>) -> tensor<1x4x4x4x3xf32> {
  %y = qnt.conv3d %x, %w {strides = array<i64: 1, 1, 1>, pads = array<i64: 1, 1, 1, 1, 1, 1>,
         dilations = array<i64: 1, 1, 1>, groups = 3 : i64}
       : (tensor<1x4x4x4x3xf32>, tensor<3x3x3x3x1xf32>) -> tensor<1x4x4x4x3xf32>
  return %y : tensor<1x4x4x4x3xf32>
}

// -----

// Two groups of 2 channels and 3 filters: linalg has no grouped 3-D
// convolution, so a generic over (n, od, oh, ow, g, f, kd, kh, kw, c)
// reads the input at od*sd + kd*dd (strides 2, dilation 2 in height),
// channel g*2 + c, and reduces the window and the group's channels.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1 * 2 + d6, d2 * 2 + d7 * 2, d3 * 2 + d8, d4, d9)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d4, d5, d6, d7, d8, d9)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d2, d3, d4, d5)>
// CHECK-LABEL: func.func @grouped
// CHECK: %[[PADDED:.*]] = tensor.pad %arg0 low[0, 1, 0, 1, 0] high[0, 0, 0, 0, 0]
// CHECK: %[[BIAS:.*]] = linalg.broadcast ins(%arg2 : tensor<6xf32>) outs(%{{.*}} : tensor<1x3x2x3x6xf32>) dimensions = [0, 1, 2, 3]
// CHECK: %[[GIN:.*]] = tensor.expand_shape %[[PADDED]] {{\[\[}}0], [1], [2], [3], [4, 5]] output_shape [1, 6, 5, 6, 2, 2]
// CHECK: %[[GW:.*]] = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3], [4], [5]] output_shape [2, 3, 2, 2, 2, 2]
// CHECK: %[[GACC:.*]] = tensor.expand_shape %[[BIAS]] {{\[\[}}0], [1], [2], [3], [4, 5]] output_shape [1, 3, 2, 3, 2, 3]
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%[[GIN]], %[[GW]] : tensor<1x6x5x6x2x2xf32>, tensor<2x3x2x2x2x2xf32>) outs(%[[GACC]] : tensor<1x3x2x3x2x3xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[F:.*]]: f32, %[[S:.*]]: f32):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[X]], %[[F]] : f32
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[S]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]]
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[ACC]] {{\[\[}}0], [1], [2], [3], [4, 5]] : tensor<1x3x2x3x2x3xf32> into tensor<1x3x2x3x6xf32>
// CHECK: return %[[Y]]
func.func @grouped(%x: tensor<1x5x5x5x4xf32>, %w: tensor<6x2x2x2x2xf32>, %b: tensor<6xf32>) -> tensor<1x3x2x3x6xf32> {
  %y = qnt.conv3d %x, %w, %b {strides = array<i64: 2, 2, 2>, pads = array<i64: 1, 0, 1, 0, 0, 0>,
         dilations = array<i64: 1, 2, 1>, groups = 2 : i64}
       : (tensor<1x5x5x5x4xf32>, tensor<6x2x2x2x2xf32>, tensor<6xf32>) -> tensor<1x3x2x3x6xf32>
  return %y : tensor<1x3x2x3x6xf32>
}
