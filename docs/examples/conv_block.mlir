// A quantized residual block as the ONNX importer lays it out: NCHW at the
// boundary, NHWC inside each conv, float weights behind quantize ops.
// Try: quant-opt docs/examples/conv_block.mlir --qnt-simplify
// The transposes between the ops cancel, the weights become int8 constants,
// and only one transpose remains at each end.

!act = !quant.uniform<u8:f32, 0.05:128>
!wt = !quant.uniform<i8:f32:0, {0.02, 0.01, 0.03, 0.04}>
!bias = !quant.uniform<i32:f32:0, {0.001, 0.0005, 0.0015, 0.002}>

func.func @conv_block(%x: tensor<1x4x8x8x!act>) -> tensor<1x4x8x8x!act> {
  %wf = qnt.constant dense<0.25> : tensor<4x3x3x4xf32> -> tensor<4x3x3x4xf32>
  %w = qnt.quantize %wf : tensor<4x3x3x4xf32> -> tensor<4x3x3x4x!wt>
  %bf = qnt.constant dense<[0.5, -0.5, 0.25, 0.0]> : tensor<4xf32> -> tensor<4xf32>
  %b = qnt.quantize %bf : tensor<4xf32> -> tensor<4x!bias>

  %0 = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x4x8x8x!act> -> tensor<1x8x8x4x!act>
  %1 = qnt.conv2d %0, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x8x8x4x!act>, tensor<4x3x3x4x!wt>, tensor<4x!bias>) -> tensor<1x8x8x4x!act>
  %2 = qnt.transpose %1 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x8x8x4x!act> -> tensor<1x4x8x8x!act>
  %3 = qnt.clamp %2 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x4x8x8x!act>

  %4 = qnt.transpose %3 {perm = array<i64: 0, 2, 3, 1>} : tensor<1x4x8x8x!act> -> tensor<1x8x8x4x!act>
  %5 = qnt.conv2d %4, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, groups = 1 : i64}
       : (tensor<1x8x8x4x!act>, tensor<4x3x3x4x!wt>, tensor<4x!bias>) -> tensor<1x8x8x4x!act>
  %6 = qnt.transpose %5 {perm = array<i64: 0, 3, 1, 2>} : tensor<1x8x8x4x!act> -> tensor<1x4x8x8x!act>

  %7 = qnt.add %6, %x : (tensor<1x4x8x8x!act>, tensor<1x4x8x8x!act>) -> tensor<1x4x8x8x!act>
  return %7 : tensor<1x4x8x8x!act>
}
