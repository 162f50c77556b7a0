// RUN: quant-opt %s --qnt-distinct-results -split-input-file | FileCheck %s

// The second use of a returned value, and a returned argument, become
// copies into tensors of their own; the first use and other values stay.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[E:.*]] = math.exp %[[X]] : tensor<2x3xf32>
// CHECK: %[[N:.*]] = math.absf %[[X]] : tensor<2x3xf32>
// CHECK: %[[XC:.*]] = bufferization.alloc_tensor() copy(%[[X]]) : tensor<2x3xf32>
// CHECK: %[[EC:.*]] = bufferization.alloc_tensor() copy(%[[E]]) : tensor<2x3xf32>
// CHECK: %[[EC2:.*]] = bufferization.alloc_tensor() copy(%[[E]]) : tensor<2x3xf32>
// CHECK: return %[[E]], %[[XC]], %[[EC]], %[[N]], %[[EC2]] :
func.func @main(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %e = math.exp %x : tensor<2x3xf32>
  %n = math.absf %x : tensor<2x3xf32>
  return %e, %x, %e, %n, %e : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Distinct results are left alone.
// CHECK-LABEL: func.func @distinct
// CHECK-NOT: bufferization.alloc_tensor
// CHECK: return
func.func @distinct(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = math.exp %x : tensor<4xf32>
  %n = math.absf %x : tensor<4xf32>
  return %e, %n : tensor<4xf32>, tensor<4xf32>
}
