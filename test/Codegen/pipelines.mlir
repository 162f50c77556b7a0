// RUN: quant-opt %s --qnt-lower-to-buffers -split-input-file | FileCheck %s --check-prefix=BUFFERS
// RUN: quant-opt %s --qnt-codegen -split-input-file | FileCheck %s --check-prefix=LLVM
// RUN: quant-opt %s "--qnt-codegen=index-bitwidth=32 alignment=16" -split-input-file | FileCheck %s --check-prefix=LLVM32

// The result becomes an out-parameter written in place, the intermediate
// lives in the workspace, the constant is a read-only global, and the
// LLVM signature is plain pointers.
// BUFFERS-LABEL: func.func @main
// BUFFERS-SAME: (%[[X:.*]]: memref<2x3xf32> {onnx.name = "X"}, %[[Y:.*]]: memref<2x4xf32> {onnx.name = "Y"}, %[[WS:.*]]: memref<64xi8> {qnt.workspace})
// BUFFERS-SAME: attributes {qnt.workspace_size = 64 : i64}
// BUFFERS: %[[W:.*]] = memref.get_global @{{.*}} : memref<3x4xf32>
// BUFFERS: %[[T:.*]] = memref.view %[[WS]]
// BUFFERS: linalg.matmul ins(%[[X]], %[[W]] : {{.*}}) outs(%[[T]] : memref<2x4xf32>)
// BUFFERS: linalg.generic {{.*}} ins(%[[T]] : memref<2x4xf32>) outs(%[[Y]] : memref<2x4xf32>)
// BUFFERS: return
// BUFFERS-NOT: memref.alloc

// LLVM: llvm.mlir.global private constant @{{.*}}(dense<1.000000e+00> : tensor<3x4xf32>)
// LLVM: llvm.func @main(%{{.*}}: !llvm.ptr {onnx.name = "X"}, %{{.*}}: !llvm.ptr {onnx.name = "Y"}, %{{.*}}: !llvm.ptr {qnt.workspace})
// LLVM-NOT: llvm.call @malloc
// LLVM: llvm.intr.exp
// LLVM: llvm.return

// LLVM32: llvm.func @main(
// LLVM32: llvm.mlir.constant({{.*}}) : i32
func.func @main(%x: tensor<2x3xf32> {onnx.name = "X"}) -> (tensor<2x4xf32> {onnx.name = "Y"}) {
  %w = arith.constant dense<1.0> : tensor<3x4xf32>
  %c0 = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %m = linalg.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%m : tensor<2x4xf32>) outs(%e2 : tensor<2x4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %z = math.exp %a : f32
    linalg.yield %z : f32
  } -> tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// A value returned twice, and a returned argument: each output has its own
// out-parameter, filled by a copy.
// BUFFERS-LABEL: func.func @repeated
// BUFFERS-SAME: (%[[X:.*]]: memref<4xf32> {onnx.name = "X"}, %[[A:.*]]: memref<4xf32> {onnx.name = "A"}, %[[B:.*]]: memref<4xf32> {onnx.name = "B"}, %[[C:.*]]: memref<4xf32> {onnx.name = "C"}, %{{.*}}: memref<1xi8> {qnt.workspace})
// BUFFERS: linalg.generic {{.*}} ins(%[[X]] : memref<4xf32>) outs(%[[A]] : memref<4xf32>)
// BUFFERS: linalg.copy ins(%[[A]] : memref<4xf32>) outs(%[[B]] : memref<4xf32>)
// BUFFERS: linalg.copy ins(%[[X]] : memref<4xf32>) outs(%[[C]] : memref<4xf32>)
// BUFFERS-NEXT: return

// LLVM-LABEL: llvm.func @repeated
// LLVM-SAME: (%{{.*}}: !llvm.ptr {onnx.name = "X"}, %{{.*}}: !llvm.ptr {onnx.name = "A"}, %{{.*}}: !llvm.ptr {onnx.name = "B"}, %{{.*}}: !llvm.ptr {onnx.name = "C"}, %{{.*}}: !llvm.ptr {qnt.workspace})
func.func @repeated(%x: tensor<4xf32> {onnx.name = "X"}) -> (tensor<4xf32> {onnx.name = "A"}, tensor<4xf32> {onnx.name = "B"}, tensor<4xf32> {onnx.name = "C"}) {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32):
    %z = math.exp %a : f32
    linalg.yield %z : f32
  } -> tensor<4xf32>
  return %r, %r, %x : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// A zero-element output of rank > 1 (an empty Slice) is a bare pointer
// too: the function still lowers to llvm.func.
// BUFFERS-LABEL: func.func @empty
// BUFFERS-SAME: (%{{.*}}: memref<20x10x5xf32> {onnx.name = "X"}, %{{.*}}: memref<20x0x5xf32> {onnx.name = "Y"}, %{{.*}}: memref<1xi8> {qnt.workspace})

// LLVM-LABEL: llvm.func @empty
// LLVM-SAME: (%{{.*}}: !llvm.ptr {onnx.name = "X"}, %{{.*}}: !llvm.ptr {onnx.name = "Y"}, %{{.*}}: !llvm.ptr {qnt.workspace})
// LLVM-NOT: func.func
func.func @empty(%x: tensor<20x10x5xf32> {onnx.name = "X"}) -> (tensor<20x0x5xf32> {onnx.name = "Y"}) {
  %s = tensor.extract_slice %x[0, 0, 0] [20, 0, 5] [1, 1, 1] : tensor<20x10x5xf32> to tensor<20x0x5xf32>
  return %s : tensor<20x0x5xf32>
}
