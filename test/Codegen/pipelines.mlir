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
