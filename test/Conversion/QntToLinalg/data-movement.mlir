// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file | FileCheck %s

// A reshape that merges adjacent dimensions is a collapse.
// CHECK-LABEL: func.func @reshape_collapse
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3xf32>)
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<1x2x3xf32> into tensor<6xf32>
// CHECK: return %[[R]]
func.func @reshape_collapse(%x: tensor<1x2x3xf32>) -> tensor<6xf32> {
  %r = qnt.reshape %x : tensor<1x2x3xf32> -> tensor<6xf32>
  return %r : tensor<6xf32>
}

// -----

// A quantized reshape moves the storage integers.
// CHECK-LABEL: func.func @reshape_expand_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<6xi8>) -> tensor<2x1x3xi8>
// CHECK: %[[R:.*]] = tensor.expand_shape %[[X]] {{\[\[}}0, 1, 2]] output_shape [2, 1, 3] : tensor<6xi8> into tensor<2x1x3xi8>
// CHECK: return %[[R]]
func.func @reshape_expand_quantized(%x: tensor<6x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<2x1x3x!quant.uniform<u8:f32, 0.5:128>> {
  %r = qnt.reshape %x : tensor<6x!quant.uniform<u8:f32, 0.5:128>> -> tensor<2x1x3x!quant.uniform<u8:f32, 0.5:128>>
  return %r : tensor<2x1x3x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// Other reshapes collapse to 1-D, then expand.
// CHECK-LABEL: func.func @reshape_general
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi64>)
// CHECK: %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<2x3xi64> into tensor<6xi64>
// CHECK: %[[R:.*]] = tensor.expand_shape %[[F]] {{\[\[}}0, 1]] output_shape [3, 2] : tensor<6xi64> into tensor<3x2xi64>
// CHECK: return %[[R]]
func.func @reshape_general(%x: tensor<2x3xi64>) -> tensor<3x2xi64> {
  %r = qnt.reshape %x : tensor<2x3xi64> -> tensor<3x2xi64>
  return %r : tensor<3x2xi64>
}

// -----

// CHECK-LABEL: func.func @reshape_to_scalar
// CHECK-SAME: (%[[X:.*]]: tensor<1x1xf32>)
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[X]] [] : tensor<1x1xf32> into tensor<f32>
// CHECK: return %[[R]]
func.func @reshape_to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  %r = qnt.reshape %x : tensor<1x1xf32> -> tensor<f32>
  return %r : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @reshape_empty
// CHECK-SAME: (%[[X:.*]]: tensor<0x3xf32>)
// CHECK: %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<0x3xf32> into tensor<0xf32>
// CHECK: tensor.expand_shape %[[F]] {{\[\[}}0, 1]] output_shape [3, 0] : tensor<0xf32> into tensor<3x0xf32>
func.func @reshape_empty(%x: tensor<0x3xf32>) -> tensor<3x0xf32> {
  %r = qnt.reshape %x : tensor<0x3xf32> -> tensor<3x0xf32>
  return %r : tensor<3x0xf32>
}

// -----

// A per-axis quantized transpose moves storage; the parameters follow the
// quantized dimension in the types only.
// CHECK-LABEL: func.func @transpose_per_axis
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xi8>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x2x3xi8>
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xi8>) outs(%[[E]] : tensor<4x2x3xi8>) permutation = [2, 0, 1]
// CHECK: return %[[T]]
func.func @transpose_per_axis(%x: tensor<2x3x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<4x2x3x!quant.uniform<i8:f32:1, {0.5, 0.25}>> {
  %t = qnt.transpose %x {perm = array<i64: 2, 0, 1>} : tensor<2x3x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<4x2x3x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %t : tensor<4x2x3x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
}

// -----

// CHECK-LABEL: func.func @transpose_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]]
func.func @transpose_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %t = qnt.transpose %x {perm = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %t : tensor<2x3xf32>
}

// -----

// Inputs go one after another into one tensor; an empty input is skipped.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<2x0xf32>, %[[C:.*]]: tensor<2x3xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x4xf32>
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [2, 1] [1, 1] : tensor<2x1xf32> into tensor<2x4xf32>
// CHECK-NOT: %[[B]]
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[C]] into %[[I0]][0, 1] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x4xf32>
// CHECK: return %[[I1]]
func.func @concat(%a: tensor<2x1xf32>, %b: tensor<2x0xf32>, %c: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %r = qnt.concat %a, %b, %c {axis = 1 : i64} : (tensor<2x1xf32>, tensor<2x0xf32>, tensor<2x3xf32>) -> tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @concat_quantized
// CHECK-SAME: (%[[A:.*]]: tensor<1x2xi8>, %[[B:.*]]: tensor<2x2xi8>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<3x2xi8>
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [1, 2] [1, 1]
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[B]] into %[[I0]][1, 0] [2, 2] [1, 1]
// CHECK: return %[[I1]]
func.func @concat_quantized(%a: tensor<1x2x!quant.uniform<u8:f32, 0.1:3>>, %b: tensor<2x2x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<3x2x!quant.uniform<u8:f32, 0.1:3>> {
  %r = qnt.concat %a, %b {axis = 0 : i64} : (tensor<1x2x!quant.uniform<u8:f32, 0.1:3>>, tensor<2x2x!quant.uniform<u8:f32, 0.1:3>>) -> tensor<3x2x!quant.uniform<u8:f32, 0.1:3>>
  return %r : tensor<3x2x!quant.uniform<u8:f32, 0.1:3>>
}

// -----

// Constant padding inserts the input into a tensor filled with the value.
// CHECK-LABEL: func.func @pad_constant
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[V:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: %[[E:.*]] = tensor.empty() : tensor<5x4xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[E]] : tensor<5x4xf32>)
// CHECK: %[[P:.*]] = tensor.insert_slice %[[X]] into %[[F]][1, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<5x4xf32>
// CHECK: return %[[P]]
func.func @pad_constant(%x: tensor<2x3xf32>) -> tensor<5x4xf32> {
  %p = qnt.pad %x {pads = array<i64: 1, 0, 2, 1>, mode = #qnt<pad_mode constant>, value = 1.5 : f32} : tensor<2x3xf32> -> tensor<5x4xf32>
  return %p : tensor<5x4xf32>
}

// -----

// A quantized tensor pads with the stored value of the real pad value:
// 1.0 / 0.5 + 128 = 130, whose u8 bits are i8 -126.
// CHECK-LABEL: func.func @pad_constant_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi8>)
// CHECK: %[[V:.*]] = arith.constant -126 : i8
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : i8) outs(%{{.*}} : tensor<2x5xi8>)
// CHECK: tensor.insert_slice %[[X]] into %[[F]][0, 1] [2, 3] [1, 1] : tensor<2x3xi8> into tensor<2x5xi8>
func.func @pad_constant_quantized(%x: tensor<2x3x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<2x5x!quant.uniform<u8:f32, 0.5:128>> {
  %p = qnt.pad %x {pads = array<i64: 0, 1, 0, 1>, mode = #qnt<pad_mode constant>, value = 1.0 : f32} : tensor<2x3x!quant.uniform<u8:f32, 0.5:128>> -> tensor<2x5x!quant.uniform<u8:f32, 0.5:128>>
  return %p : tensor<2x5x!quant.uniform<u8:f32, 0.5:128>>
}

// -----

// CHECK-LABEL: func.func @pad_constant_unsigned
// CHECK: %[[V:.*]] = arith.constant -1 : i16
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : i16) outs(%{{.*}} : tensor<4xi16>)
// CHECK: tensor.insert_slice %{{.*}} into %[[F]][1] [3] [1] : tensor<3xi16> into tensor<4xi16>
func.func @pad_constant_unsigned(%x: tensor<3xui16>) -> tensor<4xui16> {
  %p = qnt.pad %x {pads = array<i64: 1, 0>, mode = #qnt<pad_mode constant>, value = 65535.0 : f32} : tensor<3xui16> -> tensor<4xui16>
  return %p : tensor<4xui16>
}

// -----

// CHECK-LABEL: func.func @pad_constant_bool
// CHECK: %[[V:.*]] = arith.constant true
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : i1) outs(%{{.*}} : tensor<3xi1>)
// CHECK: tensor.insert_slice %{{.*}} into %[[F]][1] [2] [1] : tensor<2xi1> into tensor<3xi1>
func.func @pad_constant_bool(%x: tensor<2xi1>) -> tensor<3xi1> {
  %p = qnt.pad %x {pads = array<i64: 1, 0>, mode = #qnt<pad_mode constant>, value = 1.0 : f32} : tensor<2xi1> -> tensor<3xi1>
  return %p : tensor<3xi1>
}

// -----

// Edge padding clamps the index into the input; unpadded dimensions read
// the output index as is.
// CHECK: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @pad_edge
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x6xf32>
// CHECK: linalg.generic {indexing_maps = [#[[ID]]], iterator_types = ["parallel", "parallel"]} outs(%[[E]] : tensor<2x6xf32>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[S:.*]] = arith.subi %[[J]], %[[C1]] : index
// CHECK: %[[LO:.*]] = arith.maxsi %[[S]], %[[C0]] : index
// CHECK: %[[K:.*]] = arith.minsi %[[LO]], %[[C2]] : index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[K]]] : tensor<2x3xf32>
// CHECK: linalg.yield %[[V]] : f32
func.func @pad_edge(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %p = qnt.pad %x {pads = array<i64: 0, 1, 0, 2>, mode = #qnt<pad_mode edge>} : tensor<2x3xf32> -> tensor<2x6xf32>
  return %p : tensor<2x6xf32>
}

// -----

// Reflect padding mirrors without repeating the edge:
// j = i - begin, k = last - |last - |j||.
// CHECK-LABEL: func.func @pad_reflect_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<4xi8>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<8xi8>)
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = arith.subi %[[I]], %[[C2]] : index
// CHECK: %[[NJ:.*]] = arith.subi %[[C0]], %[[J]] : index
// CHECK: %[[AJ:.*]] = arith.maxsi %[[J]], %[[NJ]] : index
// CHECK: %[[D:.*]] = arith.subi %[[C3]], %[[AJ]] : index
// CHECK: %[[ND:.*]] = arith.subi %[[C0]], %[[D]] : index
// CHECK: %[[AD:.*]] = arith.maxsi %[[D]], %[[ND]] : index
// CHECK: %[[K:.*]] = arith.subi %[[C3]], %[[AD]] : index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[K]]] : tensor<4xi8>
// CHECK: linalg.yield %[[V]] : i8
func.func @pad_reflect_quantized(%x: tensor<4x!quant.uniform<i8:f32, 0.5:-3>>) -> tensor<8x!quant.uniform<i8:f32, 0.5:-3>> {
  %p = qnt.pad %x {pads = array<i64: 2, 2>, mode = #qnt<pad_mode reflect>} : tensor<4x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<8x!quant.uniform<i8:f32, 0.5:-3>>
  return %p : tensor<8x!quant.uniform<i8:f32, 0.5:-3>>
}

// -----

// CHECK-LABEL: func.func @pad_nothing
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]]
func.func @pad_nothing(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %p = qnt.pad %x {pads = array<i64: 0, 0, 0, 0>, mode = #qnt<pad_mode reflect>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %p : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @slice_positive
// CHECK-SAME: (%[[X:.*]]: tensor<10x6xf32>)
// CHECK: %[[S:.*]] = tensor.extract_slice %[[X]][1, 0] [3, 6] [3, 1] : tensor<10x6xf32> to tensor<3x6xf32>
// CHECK: return %[[S]]
func.func @slice_positive(%x: tensor<10x6xf32>) -> tensor<3x6xf32> {
  %s = qnt.slice %x {offsets = array<i64: 1, 0>, strides = array<i64: 3, 1>} : tensor<10x6xf32> -> tensor<3x6xf32>
  return %s : tensor<3x6xf32>
}

// -----

// A negative stride reads through the map offset + i * stride.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0 * -2 + 3, d1 + 1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @slice_negative
// CHECK-SAME: (%[[X:.*]]: tensor<4x5xi8>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3xi8>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<4x5xi8>) outs(%[[E]] : tensor<2x3xi8>)
// CHECK: ^bb0(%[[A:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: linalg.yield %[[A]] : i8
// CHECK: return %[[G]]
func.func @slice_negative(%x: tensor<4x5x!quant.uniform<i8:f32:0, {1.0, 2.0, 3.0, 4.0}>>) -> tensor<2x3x!quant.uniform<i8:f32:0, {4.0, 2.0}>> {
  %s = qnt.slice %x {offsets = array<i64: 3, 1>, strides = array<i64: -2, 1>} : tensor<4x5x!quant.uniform<i8:f32:0, {1.0, 2.0, 3.0, 4.0}>> -> tensor<2x3x!quant.uniform<i8:f32:0, {4.0, 2.0}>>
  return %s : tensor<2x3x!quant.uniform<i8:f32:0, {4.0, 2.0}>>
}

// -----

// CHECK-LABEL: func.func @slice_empty
// CHECK: %[[E:.*]] = tensor.empty() : tensor<0x5xf32>
// CHECK-NEXT: return %[[E]]
func.func @slice_empty(%x: tensor<4x5xf32>) -> tensor<0x5xf32> {
  %s = qnt.slice %x {offsets = array<i64: 3, 0>, strides = array<i64: -1, 1>} : tensor<4x5xf32> -> tensor<0x5xf32>
  return %s : tensor<0x5xf32>
}

// -----

// A single index removes the dimension: a read at a constant index.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, 2, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gather_scalar_index
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]] : tensor<2x4x3xf32>) outs(%{{.*}} : tensor<2x3xf32>)
func.func @gather_scalar_index(%x: tensor<2x4x3xf32>) -> tensor<2x3xf32> {
  %g = qnt.gather %x {axis = 1 : i64, indices = dense<2> : tensor<i64>} : tensor<2x4x3xf32> -> tensor<2x3xf32>
  return %g : tensor<2x3xf32>
}

// -----

// Evenly stepping indices read through an affine map.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1 * -2 + 2)>
// CHECK-LABEL: func.func @gather_even_indices
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #{{.*}}]
// CHECK-SAME: outs(%{{.*}} : tensor<4x2xf32>)
func.func @gather_even_indices(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %g = qnt.gather %x {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>} : tensor<4x3xf32> -> tensor<4x2xf32>
  return %g : tensor<4x2xf32>
}

// -----

// Other indices are read from a constant and used to extract.
// CHECK-DAG: #[[IDX:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @gather_indices
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xi16>)
// CHECK: %[[IDS:.*]] = arith.constant dense<{{\[\[}}3, 0], [1, 1]]> : tensor<2x2xi64>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x2x2x3xi16>
// CHECK: linalg.generic {indexing_maps = [#[[IDX]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[IDS]] : tensor<2x2xi64>) outs(%[[E]] : tensor<2x2x2x3xi16>)
// CHECK: ^bb0(%[[IN:.*]]: i64, %{{.*}}: i16):
// CHECK: %[[I0:.*]] = linalg.index 0 : index
// CHECK: %[[I3:.*]] = linalg.index 3 : index
// CHECK: %[[K:.*]] = arith.index_cast %[[IN]] : i64 to index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[I0]], %[[K]], %[[I3]]] : tensor<2x4x3xi16>
// CHECK: linalg.yield %[[V]] : i16
func.func @gather_indices(%x: tensor<2x4x3xui16>) -> tensor<2x2x2x3xui16> {
  %g = qnt.gather %x {axis = 1 : i64, indices = dense<[[3, 0], [1, 1]]> : tensor<2x2xi64>} : tensor<2x4x3xui16> -> tensor<2x2x2x3xui16>
  return %g : tensor<2x2x2x3xui16>
}

// -----

// Run-time indices wrap when negative, then clamp into [0, size - 1].
// CHECK-DAG: #[[IDX:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @gather_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>, %[[IDS:.*]]: tensor<1x3xi32>)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK: linalg.generic {indexing_maps = [#[[IDX]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[IDS]] : tensor<1x3xi32>) outs(%{{.*}} : tensor<2x1x3xf32>)
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[I0:.*]] = linalg.index 0 : index
// CHECK: %[[I:.*]] = arith.index_cast %[[IN]] : i32 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[I]], %[[C0]] : index
// CHECK: %[[W:.*]] = arith.addi %[[I]], %[[C5]] : index
// CHECK: %[[S:.*]] = arith.select %[[NEG]], %[[W]], %[[I]] : index
// CHECK: %[[LO:.*]] = arith.maxsi %[[S]], %[[C0]] : index
// CHECK: %[[K:.*]] = arith.minsi %[[LO]], %[[C4]] : index
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[I0]], %[[K]]] : tensor<2x5xf32>
// CHECK: linalg.yield %[[V]] : f32
func.func @gather_dynamic(%x: tensor<2x5xf32>, %i: tensor<1x3xi32>) -> tensor<2x1x3xf32> {
  %g = qnt.gather_dynamic %x, %i {axis = 1 : i64} : (tensor<2x5xf32>, tensor<1x3xi32>) -> tensor<2x1x3xf32>
  return %g : tensor<2x1x3xf32>
}

// -----

// CHECK-LABEL: func.func @gather_dynamic_quantized
// CHECK-SAME: (%[[X:.*]]: tensor<10x4xi8>, %[[IDS:.*]]: tensor<i64>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[IDS]] : tensor<i64>) outs(%{{.*}} : tensor<4xi8>)
// CHECK: arith.index_cast %{{.*}} : i64 to index
// CHECK: tensor.extract %[[X]][%{{.*}}, %{{.*}}] : tensor<10x4xi8>
func.func @gather_dynamic_quantized(%x: tensor<10x4x!quant.uniform<u8:f32:1, {1.0, 2.0, 3.0, 4.0}>>, %i: tensor<i64>) -> tensor<4x!quant.uniform<u8:f32:0, {1.0, 2.0, 3.0, 4.0}>> {
  %g = qnt.gather_dynamic %x, %i {axis = 0 : i64} : (tensor<10x4x!quant.uniform<u8:f32:1, {1.0, 2.0, 3.0, 4.0}>>, tensor<i64>) -> tensor<4x!quant.uniform<u8:f32:0, {1.0, 2.0, 3.0, 4.0}>>
  return %g : tensor<4x!quant.uniform<u8:f32:0, {1.0, 2.0, 3.0, 4.0}>>
}
