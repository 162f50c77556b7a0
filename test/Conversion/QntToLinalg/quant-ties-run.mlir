// Executes the lowered quantize ops on ties of both parities: ONNX rounds
// x / scale half to even before adding the zero point.
//
// RUN: quant-opt %s --qnt-lower-to-linalg --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --finalize-memref-to-llvm --convert-math-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts -o %t.mlir
// RUN: mlir-runner %t.mlir -e plus_half -entry-point-result=i32 | FileCheck %s --check-prefix=PLUS-HALF
// RUN: mlir-runner %t.mlir -e plus_one_half -entry-point-result=i32 | FileCheck %s --check-prefix=PLUS-ONE-HALF
// RUN: mlir-runner %t.mlir -e plus_two_half -entry-point-result=i32 | FileCheck %s --check-prefix=PLUS-TWO-HALF
// RUN: mlir-runner %t.mlir -e minus_half -entry-point-result=i32 | FileCheck %s --check-prefix=MINUS-HALF
// RUN: mlir-runner %t.mlir -e minus_one_half -entry-point-result=i32 | FileCheck %s --check-prefix=MINUS-ONE-HALF
// RUN: mlir-runner %t.mlir -e minus_two_half -entry-point-result=i32 | FileCheck %s --check-prefix=MINUS-TWO-HALF
// RUN: mlir-runner %t.mlir -e linear_plus_two_half -entry-point-result=i32 | FileCheck %s --check-prefix=LINEAR-PLUS-TWO-HALF
// RUN: mlir-runner %t.mlir -e linear_minus_one_half -entry-point-result=i32 | FileCheck %s --check-prefix=LINEAR-MINUS-ONE-HALF
// RUN: mlir-runner %t.mlir -e linear_nan -entry-point-result=i32 | FileCheck %s --check-prefix=LINEAR-NAN
// RUN: mlir-runner %t.mlir -e linear_saturate -entry-point-result=i32 | FileCheck %s --check-prefix=LINEAR-SATURATE

// PLUS-HALF: {{^}}0{{$}}
// PLUS-ONE-HALF: {{^}}2{{$}}
// PLUS-TWO-HALF: {{^}}2{{$}}
// MINUS-HALF: {{^}}0{{$}}
// MINUS-ONE-HALF: {{^}}-2{{$}}
// MINUS-TWO-HALF: {{^}}-2{{$}}
// With scale 0.5 and zero point 10: 1.25 / 0.5 = 2.5 -> 2 -> 12 and
// -0.75 / 0.5 = -1.5 -> -2 -> 8; NaN gives the zero point; 1000 saturates.
// LINEAR-PLUS-TWO-HALF: {{^}}12{{$}}
// LINEAR-MINUS-ONE-HALF: {{^}}8{{$}}
// LINEAR-NAN: {{^}}10{{$}}
// LINEAR-SATURATE: {{^}}255{{$}}

// qnt.quantize to i8 with scale 1 and zero point 0.
func.func @quantize(%x: f32) -> i32 {
  %t = tensor.from_elements %x : tensor<1xf32>
  %q = qnt.quantize %t : tensor<1xf32> -> tensor<1x!quant.uniform<i8:f32, 1.0>>
  %s = qnt.storage_cast %q : tensor<1x!quant.uniform<i8:f32, 1.0>> -> tensor<1xi8>
  %c0 = arith.constant 0 : index
  %e = tensor.extract %s[%c0] : tensor<1xi8>
  %r = arith.extsi %e : i8 to i32
  return %r : i32
}

// qnt.quantize_linear to ui8 with run-time scale 0.5 and zero point 10.
func.func @quantize_linear(%x: f32) -> i32 {
  %t = tensor.from_elements %x : tensor<1xf32>
  %c = arith.constant 5.000000e-01 : f32
  %s = tensor.from_elements %c : tensor<f32>
  %zp = qnt.constant dense<10> : tensor<ui8> -> tensor<ui8>
  %q = qnt.quantize_linear %t, %s, %zp : (tensor<1xf32>, tensor<f32>, tensor<ui8>) -> tensor<1xui8>
  %i = qnt.cast %q : tensor<1xui8> -> tensor<1xi32>
  %c0 = arith.constant 0 : index
  %r = tensor.extract %i[%c0] : tensor<1xi32>
  return %r : i32
}

func.func @plus_half() -> i32 {
  %x = arith.constant 5.000000e-01 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @plus_one_half() -> i32 {
  %x = arith.constant 1.500000e+00 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @plus_two_half() -> i32 {
  %x = arith.constant 2.500000e+00 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @minus_half() -> i32 {
  %x = arith.constant -5.000000e-01 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @minus_one_half() -> i32 {
  %x = arith.constant -1.500000e+00 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @minus_two_half() -> i32 {
  %x = arith.constant -2.500000e+00 : f32
  %r = call @quantize(%x) : (f32) -> i32
  return %r : i32
}
func.func @linear_plus_two_half() -> i32 {
  %x = arith.constant 1.250000e+00 : f32
  %r = call @quantize_linear(%x) : (f32) -> i32
  return %r : i32
}
func.func @linear_minus_one_half() -> i32 {
  %x = arith.constant -7.500000e-01 : f32
  %r = call @quantize_linear(%x) : (f32) -> i32
  return %r : i32
}
func.func @linear_nan() -> i32 {
  %x = arith.constant 0x7FC00000 : f32
  %r = call @quantize_linear(%x) : (f32) -> i32
  return %r : i32
}
func.func @linear_saturate() -> i32 {
  %x = arith.constant 1.000000e+03 : f32
  %r = call @quantize_linear(%x) : (f32) -> i32
  return %r : i32
}
