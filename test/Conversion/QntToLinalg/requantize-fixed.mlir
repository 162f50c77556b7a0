// RUN: quant-opt %s --convert-qnt-to-linalg=requant=fixed -split-input-file | FileCheck %s
// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s --check-prefix=FLOAT
// RUN: quant-opt %s --qnt-codegen="requant=fixed" -split-input-file | FileCheck %s --check-prefix=LLVM

// The fixed requantization contract (docs/Numerics.md): M = m0 * 2^-shift,
// saturate(zp + round_half_even(i64(acc) * m0 / 2^shift)) with one rounding
// right shift and no float op. Here M = 0.5 * 0.25 / 1.0 = 2^-3: m0 = 2^30,
// shift = 33; the fused ReLU raises the lower bound to quantize(0) = 10.

// CHECK-LABEL: func.func @conv2d_relu
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q
// CHECK: linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x4x4x3xi32>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i8):
// CHECK-DAG: %[[M0:.*]] = arith.constant 1073741824 : i64
// CHECK-DAG: %[[SHIFT:.*]] = arith.constant 33 : i64
// CHECK-DAG: %[[ZP:.*]] = arith.constant 10 : i32
// CHECK: %[[WIDE:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: %[[P:.*]] = arith.muli %[[WIDE]], %[[M0]] : i64
// CHECK-DAG: %[[MASK:.*]] = arith.constant 8589934591 : i64
// CHECK-DAG: %[[HALF:.*]] = arith.constant 4294967296 : i64
// CHECK: %[[Q:.*]] = arith.shrsi %[[P]], %[[SHIFT]] : i64
// CHECK: %[[R:.*]] = arith.andi %[[P]], %[[MASK]] : i64
// CHECK: %[[ODD:.*]] = arith.andi %[[Q]], %{{.*}} : i64
// CHECK: %[[RODD:.*]] = arith.addi %[[R]], %[[ODD]] : i64
// CHECK: %[[UP:.*]] = arith.cmpi sgt, %[[RODD]], %[[HALF]] : i64
// CHECK: %[[UPI:.*]] = arith.extui %[[UP]] : i1 to i64
// CHECK: %[[ROUNDED:.*]] = arith.addi %[[Q]], %[[UPI]] : i64
// CHECK: %[[ZPW:.*]] = arith.extsi %[[ZP]] : i32 to i64
// CHECK: %[[Y:.*]] = arith.addi %[[ROUNDED]], %[[ZPW]] : i64
// CHECK: %[[LO:.*]] = arith.maxsi %[[Y]], %c10_i64 : i64
// CHECK: %[[HI:.*]] = arith.minsi %[[LO]], %c255_i64 : i64
// CHECK: %[[T:.*]] = arith.trunci %[[HI]] : i64 to i8
// CHECK-NOT: arith.sitofp
// CHECK-NOT: arith.mulf
// CHECK: linalg.yield %[[T]] : i8

// qnt-codegen passes the option on: the LLVM code shifts the i64 product.
// LLVM-LABEL: llvm.func @conv2d_relu
// LLVM: llvm.mul %{{.*}} : i64
// LLVM: llvm.ashr %{{.*}} : i64

// The float contract of the same op: f32(acc) * 0.125, roundeven.
// FLOAT-LABEL: func.func @conv2d_relu
// FLOAT: arith.sitofp %{{.*}} : i32 to f32
// FLOAT: arith.mulf
// FLOAT: math.roundeven
func.func @conv2d_relu(%x: tensor<1x4x4x2x!quant.uniform<u8:f32, 0.5:128>>,
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

// Per-channel multipliers M = {1.0, 2.0}: constant m0 and shift vectors
// read along the channel; the masks are computed from the shift.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @conv2d_per_axis
// CHECK: %[[ACC:.*]] = linalg.conv_2d_nhwc_fhwc_q
// CHECK-DAG: %[[M0S:.*]] = arith.constant dense<1073741824> : tensor<2xi32>
// CHECK-DAG: %[[SHIFTS:.*]] = arith.constant dense<[30, 29]> : tensor<2xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[LAST]], #[[LAST]], #[[ID]]], {{.*}} ins(%[[ACC]], %[[M0S]], %[[SHIFTS]] : tensor<1x3x3x2xi32>, tensor<2xi32>, tensor<2xi32>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %[[M0:.*]]: i32, %[[SHIFT:.*]]: i32, %{{.*}}: i8):
// CHECK: %[[M0W:.*]] = arith.extsi %[[M0]] : i32 to i64
// CHECK: %[[SW:.*]] = arith.extsi %[[SHIFT]] : i32 to i64
// CHECK: %[[WIDE:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: %[[P:.*]] = arith.muli %[[WIDE]], %[[M0W]] : i64
// CHECK: %[[POW:.*]] = arith.shli %[[ONE:.*]], %[[SW]] : i64
// CHECK: %[[MASK:.*]] = arith.subi %[[POW]], %[[ONE]] : i64
// CHECK: %[[SM1:.*]] = arith.subi %[[SW]], %[[ONE]] : i64
// CHECK: %[[HALF:.*]] = arith.shli %[[ONE]], %[[SM1]] : i64
// CHECK: %[[Q:.*]] = arith.shrsi %[[P]], %[[SW]] : i64
// CHECK: arith.andi %[[P]], %[[MASK]] : i64
// CHECK: arith.cmpi sgt, %{{.*}}, %[[HALF]] : i64
// CHECK: arith.maxsi %{{.*}}, %c-128_i64 : i64
// CHECK: arith.minsi %{{.*}}, %c127_i64 : i64
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

// M = f64(0.0123f) * f64(0.00456f) / f64(0.0789f) ~= 7.109e-4 = 0.7109 * 2^-10:
// m0 = round(0.7109 * 2^31) = 1563229452, shift = 41.

// CHECK-LABEL: func.func @matmul
// CHECK: %[[ACC:.*]] = linalg.quantized_matmul
// CHECK: linalg.generic {{.*}} ins(%[[ACC]] : tensor<2x4xi32>)
// CHECK-DAG: %[[M0:.*]] = arith.constant 1563229452 : i64
// CHECK-DAG: %[[SHIFT:.*]] = arith.constant 41 : i64
// CHECK: %[[P:.*]] = arith.muli %{{.*}}, %[[M0]] : i64
// CHECK: arith.shrsi %[[P]], %[[SHIFT]] : i64
// CHECK: arith.andi %[[P]], %c2199023255551_i64 : i64
// CHECK: arith.cmpi sgt, %{{.*}}, %c1099511627776_i64 : i64
func.func @matmul(%a: tensor<2x8x!quant.uniform<u8:f32, 0.0123:131>>, %b: tensor<8x4x!quant.uniform<i8:f32, 0.00456>>) -> tensor<2x4x!quant.uniform<u8:f32, 0.0789:100>> {
  %y = qnt.matmul %a, %b : (tensor<2x8x!quant.uniform<u8:f32, 0.0123:131>>, tensor<8x4x!quant.uniform<i8:f32, 0.00456>>) -> tensor<2x4x!quant.uniform<u8:f32, 0.0789:100>>
  return %y : tensor<2x4x!quant.uniform<u8:f32, 0.0789:100>>
}

// -----

// Per-axis requantize with M = 3 (> 1: m0 = 0.75 * 2^31, shift 29),
// M = 0.01f (m0 = 1374389504, shift 37) and M = 1e-12 (below 2^-32: every
// result is the zero point, m0 = 0, shift = 1).

// CHECK-LABEL: func.func @requantize_large_and_tiny
// CHECK-DAG: %[[M0S:.*]] = arith.constant dense<[1610612736, 1374389504, 0]> : tensor<3xi32>
// CHECK-DAG: %[[SHIFTS:.*]] = arith.constant dense<[29, 37, 1]> : tensor<3xi32>
// CHECK-DAG: %[[ZPIN:.*]] = arith.constant dense<[1, 2, 3]> : tensor<3xi32>
// CHECK-DAG: %[[ZPOUT:.*]] = arith.constant dense<128> : tensor<3xi32>
// CHECK: linalg.generic {{.*}} ins(%arg0, %[[M0S]], %[[SHIFTS]], %[[ZPIN]], %[[ZPOUT]] :
// CHECK: %[[D:.*]] = arith.subi
// CHECK: %[[DW:.*]] = arith.extsi %[[D]] : i32 to i64
// CHECK: arith.muli %[[DW]], %{{.*}} : i64
// CHECK: arith.maxsi %{{.*}}, %c0_i64 : i64
// CHECK: arith.minsi %{{.*}}, %c255_i64 : i64
func.func @requantize_large_and_tiny(%q: tensor<2x3x!quant.uniform<i8:f32:1, {3.0:1, 0.01:2, 1.0e-12:3}>>) -> tensor<2x3x!quant.uniform<u8:f32, 1.0:128>> {
  %r = qnt.requantize %q : tensor<2x3x!quant.uniform<i8:f32:1, {3.0:1, 0.01:2, 1.0e-12:3}>> -> tensor<2x3x!quant.uniform<u8:f32, 1.0:128>>
  return %r : tensor<2x3x!quant.uniform<u8:f32, 1.0:128>>
}

// -----

// 32-bit input storage: q - zp is i64, so the product is exact in i128.

// CHECK-LABEL: func.func @requantize_i32
// CHECK: %[[D:.*]] = arith.subi %{{.*}}, %c5_i64 : i64
// CHECK: %[[DW:.*]] = arith.extsi %[[D]] : i64 to i128
// CHECK: %[[P:.*]] = arith.muli %[[DW]], %c1717986854_i128 : i128
// CHECK: arith.shrsi %[[P]], %c34_i128 : i128
// CHECK: arith.trunci %{{.*}} : i128 to i8
func.func @requantize_i32(%q: tensor<4x!quant.uniform<i32:f32, 0.01:5>>) -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>> {
  %r = qnt.requantize %q : tensor<4x!quant.uniform<i32:f32, 0.01:5>> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
  return %r : tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
}

// -----

// Padding excluded: 2 x 3 and 3 x 3 taps, so M = 0.1 / (0.2 * 6) and
// 0.1 / (0.2 * 9), one (m0, shift) per output position computed at compile
// time (the float contract divides at run time).

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @avg_pool2d_exclude_pad
// CHECK-DAG: %[[M0S:.*]] = arith.constant dense<{{\[\[\[\[}}1431655765]], {{\[\[}}1908874354]]]]> : tensor<1x2x1x1xi32>
// CHECK-DAG: %[[SHIFTS:.*]] = arith.constant dense<{{\[\[\[\[}}34]], {{\[\[}}35]]]]> : tensor<1x2x1x1xi32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]], #[[ID]]], {{.*}} ins(%{{.*}}, %[[M0S]], %[[SHIFTS]] : tensor<1x2x1x1xi32>, tensor<1x2x1x1xi32>, tensor<1x2x1x1xi32>)
// CHECK: arith.muli %{{.*}} : i64
// CHECK: arith.shrsi %{{.*}} : i64
// CHECK-NOT: arith.divf
// CHECK: linalg.yield
func.func @avg_pool2d_exclude_pad(%x: tensor<1x4x3x1x!quant.uniform<i8:f32, 0.1:-1>>) -> tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>> {
  %y = qnt.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 1>,
         pads = array<i64: 1, 0, 0, 0>, dilations = array<i64: 1, 1>}
       : tensor<1x4x3x1x!quant.uniform<i8:f32, 0.1:-1>> -> tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>>
  return %y : tensor<1x2x1x1x!quant.uniform<i8:f32, 0.2:2>>
}

// -----

// A mean of 2^24 u8 values sums in i64 (255 * 2^24 passes i32), so the
// product is i128: M = 0.5 / (0.5 * 2^24) = 2^-24, m0 = 2^30, shift 54.

// CHECK-LABEL: func.func @reduce_mean_wide
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<i64>)
// CHECK: ^bb0(%[[SUM:.*]]: i64, %{{.*}}: i8):
// CHECK: %[[W:.*]] = arith.extsi %[[SUM]] : i64 to i128
// CHECK: %[[P:.*]] = arith.muli %[[W]], %c1073741824_i128 : i128
// CHECK: arith.shrsi %[[P]], %c54_i128 : i128
// CHECK: arith.trunci %{{.*}} : i128 to i8
func.func @reduce_mean_wide(%x: tensor<16777216x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<!quant.uniform<u8:f32, 0.5:128>> {
  %y = qnt.reduce_mean %x {axes = array<i64: 0>} : tensor<16777216x!quant.uniform<u8:f32, 0.5:128>> -> tensor<!quant.uniform<u8:f32, 0.5:128>>
  return %y : tensor<!quant.uniform<u8:f32, 0.5:128>>
}
