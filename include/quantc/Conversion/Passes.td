//===- Passes.td - Conversions out of the qnt dialect ------*- tablegen -*-===//
//
// Each conversion has its own lit test directory under test/Conversion.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CONVERSION_PASSES_TD
#define QUANTC_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertQntToLinalg : Pass<"convert-qnt-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lowers every qnt op to linalg, tensor, arith and math";
  let description = [{
    Replaces each `qnt` op by upstream ops on builtin tensors. Quantized
    tensors become tensors of their signless storage integers (`u8` storage
    is `i8` whose bits are read as unsigned), as do the signed and unsigned
    integer types of the `qnt` level; function signatures follow.

    Integer compute ops (convolutions, matrix products, integer
    arithmetic) accumulate in `i32` and requantize with the float form of
    the requantization contract: the multiplier `s_in * s_w / s_out` in
    `f32`, `round_half_to_even(acc * multiplier) + zp_out`, saturated to
    the storage range. Float ops lower to `linalg.generic` or named
    linalg ops on `f32`.

    An op without a lowering is an error at its location (which names the
    ONNX node it came from).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // QUANTC_CONVERSION_PASSES_TD
