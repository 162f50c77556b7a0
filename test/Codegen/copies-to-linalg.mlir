// RUN: quant-opt %s --qnt-copies-to-linalg -split-input-file | FileCheck %s

// A strided copy becomes linalg.copy, which lowers to loops instead of a
// call into MLIR's runner library.
// CHECK-LABEL: func.func @strided
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%{{.*}} : memref<4xi8, strided<[1], offset: 4>>) outs(%{{.*}} : memref<4xi8>)
func.func @strided(%in: memref<4x4xi8>, %out: memref<4xi8>) {
  %s = memref.subview %in[1, 0] [1, 4] [1, 1] : memref<4x4xi8> to memref<4xi8, strided<[1], offset: 4>>
  memref.copy %s, %out : memref<4xi8, strided<[1], offset: 4>> to memref<4xi8>
  return
}
