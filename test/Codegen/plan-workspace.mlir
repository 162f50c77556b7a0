// RUN: quant-opt %s --qnt-plan-workspace -split-input-file -verify-diagnostics | FileCheck %s

// Buffers with disjoint live ranges share bytes; overlapping ones do not.
// %a (256 B) lives until the second copy; %b (256 B) overlaps it; %c is
// allocated after %a's last use and reuses offset 0.
// CHECK-LABEL: func.func @reuse
// CHECK-SAME: (%[[IN:.*]]: memref<64xf32>, %[[OUT:.*]]: memref<64xf32>, %[[WS:.*]]: memref<512xi8> {qnt.workspace})
// CHECK-SAME: attributes {qnt.workspace_size = 512 : i64}
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[A:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<512xi8> to memref<64xf32>
// CHECK: %[[C256:.*]] = arith.constant 256 : index
// CHECK: %[[B:.*]] = memref.view %[[WS]][%[[C256]]][] : memref<512xi8> to memref<64xf32>
// CHECK: memref.copy %[[IN]], %[[A]]
// CHECK: memref.copy %[[A]], %[[B]]
// CHECK: %[[C0B:.*]] = arith.constant 0 : index
// CHECK: %[[C:.*]] = memref.view %[[WS]][%[[C0B]]][] : memref<512xi8> to memref<64xf32>
// CHECK: memref.copy %[[B]], %[[C]]
// CHECK: memref.copy %[[C]], %[[OUT]]
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
func.func @reuse(%in: memref<64xf32>, %out: memref<64xf32>) {
  %a = memref.alloc() : memref<64xf32>
  %b = memref.alloc() : memref<64xf32>
  memref.copy %in, %a : memref<64xf32> to memref<64xf32>
  memref.copy %a, %b : memref<64xf32> to memref<64xf32>
  memref.dealloc %a : memref<64xf32>
  %c = memref.alloc() : memref<64xf32>
  memref.copy %b, %c : memref<64xf32> to memref<64xf32>
  memref.copy %c, %out : memref<64xf32> to memref<64xf32>
  return
}

// -----

// A use through a view extends the buffer's live range: %a is read through
// %s after %b is allocated, so they cannot share bytes. Sizes round up to
// the alignment.
// CHECK-LABEL: func.func @alias
// CHECK-SAME: %{{.*}}: memref<128xi8> {qnt.workspace}) attributes {qnt.workspace_size = 128 : i64}
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: memref.view %{{.*}}[%[[C0]]][] : memref<128xi8> to memref<4x4xi8>
// CHECK: %[[C64:.*]] = arith.constant 64 : index
// CHECK: memref.view %{{.*}}[%[[C64]]][] : memref<128xi8> to memref<4xi8>
func.func @alias(%in: memref<4x4xi8>, %out: memref<4xi8>) {
  %a = memref.alloc() : memref<4x4xi8>
  memref.copy %in, %a : memref<4x4xi8> to memref<4x4xi8>
  %s = memref.subview %a[1, 0] [1, 4] [1, 1] : memref<4x4xi8> to memref<4xi8, strided<[1], offset: 4>>
  %b = memref.alloc() : memref<4xi8>
  memref.copy %s, %b : memref<4xi8, strided<[1], offset: 4>> to memref<4xi8>
  memref.copy %b, %out : memref<4xi8> to memref<4xi8>
  return
}

// -----

// Without allocations the workspace is empty (a one-byte placeholder type).
// CHECK-LABEL: func.func @none
// CHECK-SAME: memref<1xi8> {qnt.workspace}) attributes {qnt.workspace_size = 0 : i64}
func.func @none(%in: memref<4xf32>, %out: memref<4xf32>) {
  memref.copy %in, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Private functions keep their signature.
// CHECK-LABEL: func.func private @helper(%{{.*}}: memref<4xf32>)
// CHECK: memref.alloc
func.func private @helper(%in: memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  memref.copy %in, %a : memref<4xf32> to memref<4xf32>
  return
}

// -----

func.func @dynamic(%n: index) {
  // expected-error @below {{workspace planning needs a statically shaped, contiguous allocation}}
  %a = memref.alloc(%n) : memref<?xf32>
  return
}

// -----

func.func @nested(%c: i1) {
  scf.if %c {
    // expected-error @below {{workspace planning needs allocations at the top level of the function}}
    %a = memref.alloc() : memref<4xf32>
  }
  return
}
