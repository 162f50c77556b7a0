// RUN: quant-opt %s --convert-qnt-to-linalg -split-input-file -verify-diagnostics

// Elementwise generics need static shapes: a dynamic one fails the pattern
// and the conversion reports the op.

func.func @dynamic_add(%a: tensor<?x3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'qnt.add'}}
  %0 = qnt.add %a, %a : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @dynamic_cast(%a: tensor<?xf32>) -> tensor<?xi8> {
  // expected-error @+1 {{failed to legalize operation 'qnt.cast'}}
  %0 = qnt.cast %a : tensor<?xf32> -> tensor<?xi8>
  return %0 : tensor<?xi8>
}
