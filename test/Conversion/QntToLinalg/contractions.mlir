// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// Float conv2d: asymmetric pads through tensor.pad with 0, the bias as the
// accumulator's initial value, the fused clamp afterwards.

// CHECK-LABEL: func.func @conv2d_float
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x8x2xf32>, %[[W:.*]]: tensor<4x3x3x2xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 0, 0] high[0, 2, 1, 0]
// CHECK:   tensor.yield %[[ZERO]] : f32
// CHECK: } : tensor<1x5x8x2xf32> to tensor<1x8x9x2xf32>
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<4xf32>) outs(%{{.*}} : tensor<1x3x2x4xf32>) dimensions = [0, 1, 2]
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nhwc_fhwc {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 3]> : tensor<2xi64>} ins(%[[PAD]], %[[W]] : tensor<1x8x9x2xf32>, tensor<4x3x3x2xf32>) outs(%[[INIT]] : tensor<1x3x2x4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[CONV]] : tensor<1x3x2x4xf32>)
// CHECK:   arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK:   arith.minimumf %{{.*}}, %{{.*}} : f32
func.func @conv2d_float(%x: tensor<1x5x8x2xf32>, %w: tensor<4x3x3x2xf32>, %b: tensor<4xf32>) -> tensor<1x3x2x4xf32> {
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 2, 3>, pads = array<i64: 1, 0, 2, 1>,
         dilations = array<i64: 1, 2>, groups = 1 : i64, clamp_min = 0.0 : f32, clamp_max = 6.0 : f32}
       : (tensor<1x5x8x2xf32>, tensor<4x3x3x2xf32>, tensor<4xf32>) -> tensor<1x3x2x4xf32>
  return %y : tensor<1x3x2x4xf32>
}

// -----

// Without pads and bias: no tensor.pad, a zero-filled accumulator, no epilogue.

// CHECK-LABEL: func.func @conv2d_float_plain
// CHECK-NOT: tensor.pad
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x3x3x4xf32>)
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nhwc_fhwc {{.*}} ins(%arg0, %arg1 : {{.*}}) outs(%[[FILL]] : tensor<1x3x3x4xf32>)
// CHECK-NEXT: return %[[CONV]]
func.func @conv2d_float_plain(%x: tensor<1x5x5x2xf32>, %w: tensor<4x3x3x2xf32>) -> tensor<1x3x3x4xf32> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x5x5x2xf32>, tensor<4x3x3x2xf32>) -> tensor<1x3x3x4xf32>
  return %y : tensor<1x3x3x4xf32>
}

// -----

// Depthwise with a constant filter: rearranged to HWC at compile time.

// CHECK-LABEL: func.func @depthwise_constant
// CHECK: %[[HWC:.*]] = arith.constant dense<{{\[\[\[}}0.000000e+00, 4.000000e+00, 8.000000e+00], [1.000000e+00, 5.000000e+00, 9.000000e+00]], {{\[\[}}2.000000e+00, 6.000000e+00, 1.000000e+01], [3.000000e+00, 7.000000e+00, 1.100000e+01]]]> : tensor<2x2x3xf32>
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %[[HWC]] : tensor<1x4x4x3xf32>, tensor<2x2x3xf32>) outs(%{{.*}} : tensor<1x3x3x3xf32>)
func.func @depthwise_constant(%x: tensor<1x4x4x3xf32>) -> tensor<1x3x3x3xf32> {
  %w = qnt.constant dense<[[[[0.0], [1.0]], [[2.0], [3.0]]], [[[4.0], [5.0]], [[6.0], [7.0]]],
                           [[[8.0], [9.0]], [[10.0], [11.0]]]]> : tensor<3x2x2x1xf32> -> tensor<3x2x2x1xf32>
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 3 : i64}
       : (tensor<1x4x4x3xf32>, tensor<3x2x2x1xf32>) -> tensor<1x3x3x3xf32>
  return %y : tensor<1x3x3x3xf32>
}

// -----

// Depthwise with channel multiplier 2 and a run-time filter: transposed to
// [KH, KW, F, 1], reshaped to HWCM; the result [N, OH, OW, C, M] collapses
// back to F = c * M + m.

// CHECK-LABEL: func.func @depthwise_multiplier
// CHECK: %[[T:.*]] = linalg.transpose ins(%arg1 : tensor<4x3x3x1xf32>) outs(%{{.*}} : tensor<3x3x4x1xf32>) permutation = [1, 2, 0, 3]
// CHECK: %[[C:.*]] = tensor.collapse_shape %[[T]] {{\[\[}}0], [1], [2, 3]] : tensor<3x3x4x1xf32> into tensor<3x3x4xf32>
// CHECK: %[[HWCM:.*]] = tensor.expand_shape %[[C]] {{\[\[}}0], [1], [2, 3]] output_shape [3, 3, 2, 2] : tensor<3x3x4xf32> into tensor<3x3x2x2xf32>
// CHECK: %[[INIT:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1], [2], [3, 4]] output_shape [1, 4, 4, 2, 2] : tensor<1x4x4x4xf32> into tensor<1x4x4x2x2xf32>
// CHECK: %[[DW:.*]] = linalg.depthwise_conv_2d_nhwc_hwcm {{.*}} ins(%{{.*}}, %[[HWCM]] : tensor<1x6x6x2xf32>, tensor<3x3x2x2xf32>) outs(%[[INIT]] : tensor<1x4x4x2x2xf32>)
// CHECK: tensor.collapse_shape %[[DW]] {{\[\[}}0], [1], [2], [3, 4]] : tensor<1x4x4x2x2xf32> into tensor<1x4x4x4xf32>
func.func @depthwise_multiplier(%x: tensor<1x4x4x2xf32>, %w: tensor<4x3x3x1xf32>) -> tensor<1x4x4x4xf32> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
         dilations = array<i64: 1, 1>, groups = 2 : i64}
       : (tensor<1x4x4x2xf32>, tensor<4x3x3x1xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// General grouped convolution: channels split [G, C / G], filters
// [G, F / G], on linalg.conv_2d_nhwgc_gfhwc.

// CHECK-LABEL: func.func @conv2d_grouped
// CHECK: %[[X:.*]] = tensor.expand_shape %arg0 {{\[\[}}0], [1], [2], [3, 4]] output_shape [1, 5, 5, 2, 2] : tensor<1x5x5x4xf32> into tensor<1x5x5x2x2xf32>
// CHECK: %[[W:.*]] = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 3, 3, 3, 2] : tensor<6x3x3x2xf32> into tensor<2x3x3x3x2xf32>
// CHECK: %[[INIT:.*]] = tensor.expand_shape %{{.*}} : tensor<1x3x3x6xf32> into tensor<1x3x3x2x3xf32>
// CHECK: %[[CONV:.*]] = linalg.conv_2d_nhwgc_gfhwc {{.*}} ins(%[[X]], %[[W]] : tensor<1x5x5x2x2xf32>, tensor<2x3x3x3x2xf32>) outs(%[[INIT]] : tensor<1x3x3x2x3xf32>)
// CHECK: tensor.collapse_shape %[[CONV]] {{\[\[}}0], [1], [2], [3, 4]] : tensor<1x3x3x2x3xf32> into tensor<1x3x3x6xf32>
func.func @conv2d_grouped(%x: tensor<1x5x5x4xf32>, %w: tensor<6x3x3x2xf32>) -> tensor<1x3x3x6xf32> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 2 : i64}
       : (tensor<1x5x5x4xf32>, tensor<6x3x3x2xf32>) -> tensor<1x3x3x6xf32>
  return %y : tensor<1x3x3x6xf32>
}

// -----

// Quantized conv2d, u8 input: its top bit flipped makes it i8 with zero
// point 128 - 128 = 0, the padding holds that zero point, the i32 bias starts
// the accumulator, and the result is requantized with the multiplier
// (0.5 * 0.25) / 1.0 and the fused clamp's storage bounds [10, 255].

// CHECK-LABEL: func.func @conv2d_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xi8>, %[[W:.*]]: tensor<3x3x3x2xi8>, %[[B:.*]]: tensor<3xi32>) -> tensor<1x4x4x3xi8>
// CHECK: %[[XZP:.*]] = arith.constant 0 : i32
// CHECK: %[[FLIP:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x4x4x2xi8>)
// CHECK:   %[[SIGN:.*]] = arith.constant -128 : i8
// CHECK:   arith.xori %{{.*}}, %[[SIGN]] : i8
// CHECK: %[[WZP:.*]] = arith.constant 0 : i32
// CHECK: %[[PADV:.*]] = arith.trunci %[[XZP]] : i32 to i8
// CHECK: %[[PAD:.*]] = tensor.pad %[[FLIP]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[PADV]] : i8
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<3xi32>) outs(%{{.*}} : tensor<1x4x4x3xi32>) dimensions = [0, 1, 2]
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%[[PAD]], %[[W]], %[[XZP]], %[[WZP]] : tensor<1x6x6x2xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%[[INIT]] : tensor<1x4x4x3xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x4x4x3xi32>) outs(%{{.*}} : tensor<1x4x4x3xi8>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i8):
// CHECK:   %[[M:.*]] = arith.constant 1.250000e-01 : f32
// CHECK:   %[[OZP:.*]] = arith.constant 10 : i32
// CHECK:   %[[F:.*]] = arith.sitofp %[[IN]] : i32 to f32
// CHECK:   %[[S:.*]] = arith.mulf %[[F]], %[[M]] : f32
// CHECK:   %[[R:.*]] = math.roundeven %[[S]] : f32
// CHECK:   %[[Z:.*]] = arith.sitofp %[[OZP]] : i32 to f32
// CHECK:   arith.addf %[[R]], %[[Z]] : f32
// CHECK:   arith.constant 1.000000e+01 : f32
// CHECK:   arith.constant 2.550000e+02 : f32
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
// CHECK:   arith.trunci %{{.*}} : i32 to i8
func.func @conv2d_quantized(%x: tensor<1x4x4x2x!quant.uniform<u8:f32, 0.5:128>>,
                            %w: tensor<3x3x3x2x!quant.uniform<i8:f32, 0.25>>,
                            %b: tensor<3x!quant.uniform<i32:f32, 0.125>>)
    -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>> {
  %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
         dilations = array<i64: 1, 1>, groups = 1 : i64, clamp_min = 0.0 : f32}
       : (tensor<1x4x4x2x!quant.uniform<u8:f32, 0.5:128>>, tensor<3x3x3x2x!quant.uniform<i8:f32, 0.25>>,
          tensor<3x!quant.uniform<i32:f32, 0.125>>) -> tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>>
  return %y : tensor<1x4x4x3x!quant.uniform<u8:f32, 1.0:10>>
}

// -----

// Per-axis filter with one zero point: the _q op takes it as a scalar and
// the requantization reads one multiplier per output channel.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @conv2d_per_axis
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%arg0, %arg1, %{{.*}}, %{{.*}} : tensor<1x3x3x2xi8>, tensor<2x1x1x2xi8>, i32, i32)
// CHECK: %[[MS:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[LAST]], #[[ID]]], {{.*}} ins(%[[ACC]], %[[MS]] : tensor<1x3x3x2xi32>, tensor<2xf32>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %[[M:.*]]: f32, %{{.*}}: i8):
// CHECK:   %[[F:.*]] = arith.sitofp %[[IN]] : i32 to f32
// CHECK:   arith.mulf %[[F]], %[[M]] : f32
func.func @conv2d_per_axis(%x: tensor<1x3x3x2x!quant.uniform<i8:f32, 0.5:-1>>,
                           %w: tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.5, 1.0}>>)
    -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25:3>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x3x3x2x!quant.uniform<i8:f32, 0.5:-1>>, tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.5, 1.0}>>)
       -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25:3>>
  return %y : tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25:3>>
}

// -----

// Per-axis zero points that differ: a constant filter has them subtracted
// at compile time into i16 (filter zero point 0); a run-time one in a
// generic reading the zero point of its output channel.

// CHECK-LABEL: func.func @conv2d_per_axis_zero_points
// CHECK-DAG: %[[XZP:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[KZP:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[\[\[}}[-1, 0]]], {{\[\[\[}}3, 1]]]]> : tensor<2x1x1x2xi16>
// CHECK: linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%arg0, %[[W]], %[[XZP]], %[[KZP]] : tensor<1x3x3x2xi8>, tensor<2x1x1x2xi16>, i32, i32)
func.func @conv2d_per_axis_zero_points(%x: tensor<1x3x3x2x!quant.uniform<i8:f32, 0.5:1>>)
    -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>> {
  %w = qnt.constant dense<[[[[1, 2]]], [[[2, 0]]]]> : tensor<2x1x1x2xi8>
       -> tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.5:2, 1.0:-1}>>
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x3x3x2x!quant.uniform<i8:f32, 0.5:1>>, tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.5:2, 1.0:-1}>>)
       -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>>
  return %y : tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>>
}

// -----

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[AXIS0:.*]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-LABEL: func.func @depthwise_per_axis_zero_points
// CHECK: %[[ZPS:.*]] = arith.constant dense<[2, -1]> : tensor<2xi32>
// CHECK: %[[W:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[AXIS0]], #[[ID]]], {{.*}} ins(%arg1, %[[ZPS]] : tensor<2x3x3x1xi8>, tensor<2xi32>) outs(%{{.*}} : tensor<2x3x3x1xi16>)
// CHECK: ^bb0(%[[Q:.*]]: i8, %[[ZP:.*]]: i32, %{{.*}}: i16):
// CHECK:   %[[WIDE:.*]] = arith.extsi %[[Q]] : i8 to i32
// CHECK:   %[[D:.*]] = arith.subi %[[WIDE]], %[[ZP]] : i32
// CHECK:   arith.trunci %[[D]] : i32 to i16
// CHECK: linalg.transpose ins(%[[W]] : tensor<2x3x3x1xi16>)
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc_q {{.*}} : tensor<1x5x5x2xi8>, tensor<3x3x2xi16>, i32, i32)
func.func @depthwise_per_axis_zero_points(%x: tensor<1x5x5x2x!quant.uniform<i8:f32, 0.5>>,
    %w: tensor<2x3x3x1x!quant.uniform<i8:f32:0, {0.5:2, 1.0:-1}>>)
    -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 2 : i64}
       : (tensor<1x5x5x2x!quant.uniform<i8:f32, 0.5>>, tensor<2x3x3x1x!quant.uniform<i8:f32:0, {0.5:2, 1.0:-1}>>)
       -> tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>>
  return %y : tensor<1x3x3x2x!quant.uniform<i8:f32, 0.25>>
}

// -----

// An i32 result with the accumulator's scale and zero point 0 is the
// accumulator itself; a fused clamp then bounds it in integers.

// CHECK-LABEL: func.func @conv2d_accumulator
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q
// CHECK-NEXT: return %[[ACC]] : tensor<1x2x2x1xi32>
func.func @conv2d_accumulator(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0:3>>,
                              %w: tensor<1x1x1x1x!quant.uniform<i8:f32, 1.0>>)
    -> tensor<1x2x2x1x!quant.uniform<i32:f32, 1.0>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1x!quant.uniform<u8:f32, 1.0:3>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 1.0>>)
       -> tensor<1x2x2x1x!quant.uniform<i32:f32, 1.0>>
  return %y : tensor<1x2x2x1x!quant.uniform<i32:f32, 1.0>>
}

// CHECK-LABEL: func.func @conv2d_accumulator_clamped
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q
// CHECK: linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x2x2x1xi32>)
// CHECK:   %[[LO:.*]] = arith.constant 0 : i32
// CHECK:   %[[V:.*]] = arith.maxsi %{{.*}}, %[[LO]] : i32
// CHECK:   %[[HI:.*]] = arith.constant 24 : i32
// CHECK:   arith.minsi %[[V]], %[[HI]] : i32
func.func @conv2d_accumulator_clamped(%x: tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5:3>>,
                                      %w: tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>)
    -> tensor<1x2x2x1x!quant.uniform<i32:f32, 0.25>> {
  %y = qnt.conv2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64, clamp_min = 0.0 : f32, clamp_max = 6.0 : f32}
       : (tensor<1x2x2x1x!quant.uniform<u8:f32, 0.5:3>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.5>>)
       -> tensor<1x2x2x1x!quant.uniform<i32:f32, 0.25>>
  return %y : tensor<1x2x2x1x!quant.uniform<i32:f32, 0.25>>
}

// -----

// Transposed convolution, stride 2: the input spread out by the strides into
// a zero-filled canvas (offsets d * (K - 1) - pad_begin = 3, 1), the filter
// flipped in both spatial dimensions, then a stride-1 convolution with the
// transposed op's dilations. OH = 3 * 3 + 2 * 2 + 1 - 1 - (-1) = 14.

// CHECK-DAG: #[[FLIP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, -d1 + 2, -d2 + 1, d3)>
// CHECK-LABEL: func.func @conv_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x3x2xf32>, %[[W:.*]]: tensor<3x3x2x2xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<3xf32>) outs(%{{.*}} : tensor<1x14x5x3xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[CANVAS:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x18x6x2xf32>)
// CHECK: %[[SPREAD:.*]] = tensor.insert_slice %[[X]] into %[[CANVAS]][0, 3, 1, 0] [1, 4, 3, 2] [1, 3, 2, 1] : tensor<1x4x3x2xf32> into tensor<1x18x6x2xf32>
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}], {{.*}} ins(%[[W]] : tensor<3x3x2x2xf32>)
// CHECK: linalg.conv_2d_nhwc_fhwc {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[SPREAD]], %[[FLIPPED]] : tensor<1x18x6x2xf32>, tensor<3x3x2x2xf32>) outs(%[[INIT]] : tensor<1x14x5x3xf32>)
func.func @conv_transpose(%x: tensor<1x4x3x2xf32>, %w: tensor<3x3x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x14x5x3xf32> {
  %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 3, 2>, pads = array<i64: 1, 0, -1, 1>,
         dilations = array<i64: 2, 1>, groups = 1 : i64}
       : (tensor<1x4x3x2xf32>, tensor<3x3x2x2xf32>, tensor<3xf32>) -> tensor<1x14x5x3xf32>
  return %y : tensor<1x14x5x3xf32>
}

// -----

// Stride 1 with pads larger than the kernel extent: the cropped rows are
// sliced off and the rest padded; a constant filter is flipped at compile
// time.

// CHECK-LABEL: func.func @conv_transpose_crop
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %arg0[0, 2, 0, 0] [1, 3, 4, 1] [1, 1, 1, 1] : tensor<1x5x4x1xf32> to tensor<1x3x4x1xf32>
// CHECK: %[[PAD:.*]] = tensor.pad %[[SLICE]] low[0, 0, 1, 0] high[0, 0, 1, 0]
// CHECK: %[[FLIPPED:.*]] = arith.constant dense<{{\[\[\[}}[4.000000e+00], [3.000000e+00]], {{\[\[}}2.000000e+00], [1.000000e+00]]]]> : tensor<1x2x2x1xf32>
// CHECK: linalg.conv_2d_nhwc_fhwc {{.*}} ins(%[[PAD]], %[[FLIPPED]] : tensor<1x3x6x1xf32>, tensor<1x2x2x1xf32>) outs(%{{.*}} : tensor<1x2x5x1xf32>)
func.func @conv_transpose_crop(%x: tensor<1x5x4x1xf32>) -> tensor<1x2x5x1xf32> {
  %w = qnt.constant dense<[[[[1.0], [2.0]], [[3.0], [4.0]]]]> : tensor<1x2x2x1xf32> -> tensor<1x2x2x1xf32>
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 3, 0, 1, 0>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x5x4x1xf32>, tensor<1x2x2x1xf32>) -> tensor<1x2x5x1xf32>
  return %y : tensor<1x2x5x1xf32>
}

// -----

// Quantized transposed convolution: the canvas holds the input's zero point.

// CHECK-LABEL: func.func @conv_transpose_quantized
// CHECK: %[[XZP:.*]] = arith.constant -3 : i32
// CHECK: %[[FZP:.*]] = arith.constant 0 : i32
// CHECK: %[[PADV:.*]] = arith.trunci %[[XZP]] : i32 to i8
// CHECK: %[[CANVAS:.*]] = linalg.fill ins(%[[PADV]] : i8) outs(%{{.*}} : tensor<1x5x5x1xi8>)
// CHECK: %[[SPREAD:.*]] = tensor.insert_slice %arg0 into %[[CANVAS]][0, 1, 1, 0] [1, 2, 2, 1] [1, 2, 2, 1]
// CHECK: linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%[[SPREAD]], %{{.*}}, %[[XZP]], %[[FZP]] : tensor<1x5x5x1xi8>, tensor<1x3x3x1xi8>, i32, i32)
func.func @conv_transpose_quantized(%x: tensor<1x2x2x1x!quant.uniform<i8:f32, 0.5:-3>>,
                                    %w: tensor<1x3x3x1x!quant.uniform<i8:f32, 0.5>>)
    -> tensor<1x3x3x1x!quant.uniform<i8:f32, 1.0>> {
  %y = qnt.conv_transpose2d %x, %w {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x2x2x1x!quant.uniform<i8:f32, 0.5:-3>>, tensor<1x3x3x1x!quant.uniform<i8:f32, 0.5>>)
       -> tensor<1x3x3x1x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<1x3x3x1x!quant.uniform<i8:f32, 1.0>>
}

// -----

// CHECK-LABEL: func.func @matmul_2d
// CHECK: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<4x3xf32>)
// CHECK: linalg.matmul ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<8x3xf32>) outs(%[[FILL]] : tensor<4x3xf32>)
func.func @matmul_2d(%a: tensor<4x8xf32>, %b: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %y = qnt.matmul %a, %b : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// One right-hand matrix: the batch joins the rows of a single matmul.

// CHECK-LABEL: func.func @matmul_shared_rhs
// CHECK: %[[A:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0, 1, 2], [3]] : tensor<2x3x4x8xf32> into tensor<24x8xf32>
// CHECK: %[[B:.*]] = tensor.collapse_shape %arg1 {{\[\[}}0, 1], [2]] : tensor<1x8x5xf32> into tensor<8x5xf32>
// CHECK: %[[INIT:.*]] = tensor.collapse_shape %{{.*}} : tensor<2x3x4x5xf32> into tensor<24x5xf32>
// CHECK: %[[MM:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<24x8xf32>, tensor<8x5xf32>) outs(%[[INIT]] : tensor<24x5xf32>)
// CHECK: tensor.expand_shape %[[MM]] {{\[\[}}0, 1, 2], [3]] output_shape [2, 3, 4, 5] : tensor<24x5xf32> into tensor<2x3x4x5xf32>
func.func @matmul_shared_rhs(%a: tensor<2x3x4x8xf32>, %b: tensor<1x8x5xf32>) -> tensor<2x3x4x5xf32> {
  %y = qnt.matmul %a, %b : (tensor<2x3x4x8xf32>, tensor<1x8x5xf32>) -> tensor<2x3x4x5xf32>
  return %y : tensor<2x3x4x5xf32>
}

// -----

// Batch dimensions that broadcast: each operand broadcast to [2, 3], then
// batch_matmul over the flattened batch of 6.

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast
// CHECK: %[[A:.*]] = linalg.generic {indexing_maps = [#[[LHS]], #{{.*}}], {{.*}} ins(%arg0 : tensor<2x1x4x8xf32>) outs(%{{.*}} : tensor<2x3x4x8xf32>)
// CHECK: %[[A3:.*]] = tensor.collapse_shape %[[A]] {{\[\[}}0, 1], [2], [3]] : tensor<2x3x4x8xf32> into tensor<6x4x8xf32>
// CHECK: %[[B:.*]] = linalg.generic {indexing_maps = [#[[RHS]], #{{.*}}], {{.*}} ins(%arg1 : tensor<3x8x5xf32>) outs(%{{.*}} : tensor<2x3x8x5xf32>)
// CHECK: %[[B3:.*]] = tensor.collapse_shape %[[B]] {{\[\[}}0, 1], [2], [3]] : tensor<2x3x8x5xf32> into tensor<6x8x5xf32>
// CHECK: %[[MM:.*]] = linalg.batch_matmul ins(%[[A3]], %[[B3]] : tensor<6x4x8xf32>, tensor<6x8x5xf32>) outs(%{{.*}} : tensor<6x4x5xf32>)
// CHECK: tensor.expand_shape %[[MM]] {{\[\[}}0, 1], [2], [3]] output_shape [2, 3, 4, 5]
func.func @matmul_broadcast(%a: tensor<2x1x4x8xf32>, %b: tensor<3x8x5xf32>) -> tensor<2x3x4x5xf32> {
  %y = qnt.matmul %a, %b : (tensor<2x1x4x8xf32>, tensor<3x8x5xf32>) -> tensor<2x3x4x5xf32>
  return %y : tensor<2x3x4x5xf32>
}

// -----

// Quantized matmul: u8 x i8 with per-column scales; quantized_matmul with
// both zero points, one multiplier per column.

// CHECK-LABEL: func.func @matmul_quantized
// CHECK: %[[AZP:.*]] = arith.constant -28 : i32
// CHECK: %[[A:.*]] = linalg.generic
// CHECK:   arith.xori
// CHECK: %[[BZP:.*]] = arith.constant 0 : i32
// CHECK: %[[MM:.*]] = linalg.quantized_matmul ins(%[[A]], %arg1, %[[AZP]], %[[BZP]] : tensor<4x8xi8>, tensor<8x3xi8>, i32, i32) outs(%{{.*}} : tensor<4x3xi32>)
// CHECK: %[[MS:.*]] = arith.constant dense<[2.500000e-01, 5.000000e-01, 1.000000e+00]> : tensor<3xf32>
// CHECK: linalg.generic {{.*}} ins(%[[MM]], %[[MS]] : tensor<4x3xi32>, tensor<3xf32>) outs(%{{.*}} : tensor<4x3xi8>)
func.func @matmul_quantized(%a: tensor<4x8x!quant.uniform<u8:f32, 0.5:100>>,
                            %b: tensor<8x3x!quant.uniform<i8:f32:1, {0.25, 0.5, 1.0}>>)
    -> tensor<4x3x!quant.uniform<u8:f32, 0.5:128>> {
  %y = qnt.matmul %a, %b : (tensor<4x8x!quant.uniform<u8:f32, 0.5:100>>,
                            tensor<8x3x!quant.uniform<i8:f32:1, {0.25, 0.5, 1.0}>>)
       -> tensor<4x3x!quant.uniform<u8:f32, 0.5:128>>
  return %y : tensor<4x3x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// Sub-8-bit storage: i4 extends to i8; quantized_batch_matmul on a batch.

// CHECK-LABEL: func.func @matmul_i4
// CHECK: %[[A:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<2x4x8xi4>) outs(%{{.*}} : tensor<2x4x8xi8>)
// CHECK:   arith.extsi %{{.*}} : i4 to i8
// CHECK: %[[B:.*]] = linalg.generic {{.*}} ins(%arg1 : tensor<2x8x3xi4>) outs(%{{.*}} : tensor<2x8x3xi8>)
// CHECK: linalg.quantized_batch_matmul ins(%[[A]], %[[B]], %{{.*}}, %{{.*}} : tensor<2x4x8xi8>, tensor<2x8x3xi8>, i32, i32) outs(%{{.*}} : tensor<2x4x3xi32>)
func.func @matmul_i4(%a: tensor<2x4x8x!quant.uniform<i4:f32, 0.5:1>>, %b: tensor<2x8x3x!quant.uniform<i4:f32, 0.5>>)
    -> tensor<2x4x3x!quant.uniform<i8:f32, 1.0>> {
  %y = qnt.matmul %a, %b : (tensor<2x4x8x!quant.uniform<i4:f32, 0.5:1>>, tensor<2x8x3x!quant.uniform<i4:f32, 0.5>>)
       -> tensor<2x4x3x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<2x4x3x!quant.uniform<i8:f32, 1.0>>
}

// -----

// fully_connected: a constant weight [N, K] is transposed to [K, N] at
// compile time, a run-time one by linalg.transpose; the bias starts the
// accumulator.

// CHECK-LABEL: func.func @fully_connected_constant
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-DAG: %[[INIT:.*]] = linalg.broadcast ins(%arg1 : tensor<2xf32>) outs(%{{.*}} : tensor<5x2xf32>) dimensions = [0]
// CHECK: linalg.matmul ins(%arg0, %[[W]] : tensor<5x3xf32>, tensor<3x2xf32>) outs(%[[INIT]] : tensor<5x2xf32>)
func.func @fully_connected_constant(%x: tensor<5x3xf32>, %b: tensor<2xf32>) -> tensor<5x2xf32> {
  %w = qnt.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = qnt.fully_connected %x, %w, %b : (tensor<5x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<5x2xf32>
  return %y : tensor<5x2xf32>
}

// CHECK-LABEL: func.func @fully_connected_quantized
// CHECK: %[[WT:.*]] = linalg.transpose ins(%arg1 : tensor<2x3xi8>) outs(%{{.*}} : tensor<3x2xi8>) permutation = [1, 0]
// CHECK: %[[INIT:.*]] = linalg.broadcast ins(%arg2 : tensor<2xi32>)
// CHECK: %[[ACC:.*]] = linalg.quantized_matmul ins(%arg0, %[[WT]], %{{.*}}, %{{.*}} : tensor<5x3xi8>, tensor<3x2xi8>, i32, i32) outs(%[[INIT]] : tensor<5x2xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %{{.*}} : tensor<5x2xi32>, tensor<2xf32>)
func.func @fully_connected_quantized(%x: tensor<5x3x!quant.uniform<i8:f32, 0.5:2>>,
                                     %w: tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>,
                                     %b: tensor<2x!quant.uniform<i32:f32:0, {0.25, 0.125}>>)
    -> tensor<5x2x!quant.uniform<i8:f32, 0.5>> {
  %y = qnt.fully_connected %x, %w, %b
       : (tensor<5x3x!quant.uniform<i8:f32, 0.5:2>>, tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>,
          tensor<2x!quant.uniform<i32:f32:0, {0.25, 0.125}>>) -> tensor<5x2x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<5x2x!quant.uniform<i8:f32, 0.5>>
}

// -----

// matmul_integer: run-time zero points. A rank-0 ui8 one is read, widened
// unsigned and shifted with the flipped operand; a per-column one is
// subtracted in a generic into i16. The i32 accumulator is the result.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @matmul_integer
// CHECK-SAME: (%[[A:.*]]: tensor<4x8xi8>, %[[B:.*]]: tensor<8x3xi8>, %[[AZP:.*]]: tensor<i8>, %[[BZP:.*]]: tensor<3xi8>) -> tensor<4x3xi32>
// CHECK: %[[Z:.*]] = tensor.extract %[[AZP]][] : tensor<i8>
// CHECK: %[[ZW:.*]] = arith.extui %[[Z]] : i8 to i32
// CHECK: %[[SHIFT:.*]] = arith.constant -128 : i32
// CHECK: %[[ZS:.*]] = arith.addi %[[ZW]], %[[SHIFT]] : i32
// CHECK: %[[AF:.*]] = linalg.generic {{.*}} ins(%[[A]] : tensor<4x8xi8>)
// CHECK:   arith.xori
// CHECK: %[[BZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[BW:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[COL]], #[[ID]]], {{.*}} ins(%[[B]], %[[BZP]] : tensor<8x3xi8>, tensor<3xi8>) outs(%{{.*}} : tensor<8x3xi16>)
// CHECK: ^bb0(%[[Q:.*]]: i8, %[[ZP:.*]]: i8, %{{.*}}: i16):
// CHECK:   %[[QW:.*]] = arith.extsi %[[Q]] : i8 to i32
// CHECK:   %[[ZPW:.*]] = arith.extsi %[[ZP]] : i8 to i32
// CHECK:   arith.subi %[[QW]], %[[ZPW]] : i32
// CHECK: %[[MM:.*]] = linalg.quantized_matmul ins(%[[AF]], %[[BW]], %[[ZS]], %[[BZERO]] : tensor<4x8xi8>, tensor<8x3xi16>, i32, i32)
// CHECK-NEXT: return %[[MM]] : tensor<4x3xi32>
func.func @matmul_integer(%a: tensor<4x8xui8>, %b: tensor<8x3xi8>, %azp: tensor<ui8>, %bzp: tensor<3xi8>) -> tensor<4x3xi32> {
  %y = qnt.matmul_integer %a, %b, %azp, %bzp
       : (tensor<4x8xui8>, tensor<8x3xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<4x3xi32>
  return %y : tensor<4x3xi32>
}

// -----

// conv2d_integer: the input padded with its run-time zero point.

// CHECK-LABEL: func.func @conv2d_integer
// CHECK: %[[Z:.*]] = tensor.extract %arg2[] : tensor<i8>
// CHECK: %[[ZX:.*]] = arith.extsi %[[Z]] : i8 to i32
// CHECK: %[[Y:.*]] = tensor.extract %arg3[] : tensor<i8>
// CHECK: %[[ZW:.*]] = arith.extsi %[[Y]] : i8 to i32
// CHECK: %[[PADV:.*]] = arith.trunci %[[ZX]] : i32 to i8
// CHECK: %[[PAD:.*]] = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[PADV]] : i8
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%[[PAD]], %arg1, %[[ZX]], %[[ZW]] : tensor<1x6x6x2xi8>, tensor<3x3x3x2xi8>, i32, i32) outs(%{{.*}} : tensor<1x4x4x3xi32>)
// CHECK-NEXT: return %[[ACC]]
func.func @conv2d_integer(%x: tensor<1x4x4x2xi8>, %w: tensor<3x3x3x2xi8>, %xzp: tensor<i8>, %wzp: tensor<i8>) -> tensor<1x4x4x3xi32> {
  %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
         dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x4x4x2xi8>, tensor<3x3x3x2xi8>, tensor<i8>, tensor<i8>) -> tensor<1x4x4x3xi32>
  return %y : tensor<1x4x4x3xi32>
}
