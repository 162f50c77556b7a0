// RUN: quant-opt %s --qnt-retype-empty-arguments -split-input-file | FileCheck %s

// A zero-element argument of rank > 1 has no static strides under the
// identity layout; it is passed as memref<0xT> and the body writes a local
// zero-size buffer of the original type. Arguments with elements, and
// memref<0xT> itself, keep their types.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: memref<2x3xf32> {onnx.name = "X"}, %{{.*}}: memref<0xf32> {onnx.name = "Y"}, %{{.*}}: memref<0xi8> {onnx.name = "Z"}, %{{.*}}: memref<1xi8> {qnt.workspace})
// CHECK-NEXT: %[[LOCAL:.*]] = memref.alloca() : memref<20x0x5xf32>
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[LOCAL]] : memref<20x0x5xf32>)
// CHECK-NEXT: return

func.func @main(%x: memref<2x3xf32> {onnx.name = "X"}, %y: memref<20x0x5xf32> {onnx.name = "Y"}, %z: memref<0xi8> {onnx.name = "Z"}, %ws: memref<1xi8> {qnt.workspace}) {
  %c0 = arith.constant 0.0 : f32
  linalg.fill ins(%c0 : f32) outs(%y : memref<20x0x5xf32>)
  return
}

// -----

// An unused zero-element argument needs no local buffer.
// CHECK-LABEL: func.func @unused
// CHECK-SAME: (%{{.*}}: memref<0xi8>, %{{.*}}: memref<1xi8>)
// CHECK-NEXT: return

func.func @unused(%y: memref<3x4x0xi8>, %ws: memref<1xi8>) {
  return
}

// -----

// A function called inside the module keeps its signature, as do private
// functions.
// CHECK-LABEL: func.func @callee
// CHECK-SAME: (%{{.*}}: memref<3x0xf32>)
// CHECK-LABEL: func.func private @helper
// CHECK-SAME: (%{{.*}}: memref<3x0xf32>)
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%{{.*}}: memref<0xf32>)
func.func @callee(%y: memref<3x0xf32>) {
  return
}
func.func private @helper(%y: memref<3x0xf32>) {
  return
}
func.func @caller(%y: memref<3x0xf32>) {
  call @callee(%y) : (memref<3x0xf32>) -> ()
  return
}
