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

    Quantized convolutions and matrix products accumulate in `i32`;
    they, quantized means and `qnt.requantize` then requantize the integer
    accumulator by one of two contracts (docs/Numerics.md), chosen by
    `requant`:

    * `float` (default): the multiplier, e.g. `s_in * s_w / s_out`, in
      `f32`; `saturate(round_half_to_even(f32(acc) * multiplier) + zp_out)`,
      as ONNX Runtime computes it.
    * `fixed`: integer only. The multiplier, computed at compile time in
      double, is `m0 * 2^-shift` with `m0` a Q0.31 `i32` in [2^30, 2^31);
      `saturate(zp_out + round_half_to_even(i64(acc) * m0 / 2^shift))`
      with one rounding right shift of the exact 64-bit product (128-bit
      for `i64` sums). A multiplier of 2^30 or more is an error.

    Float ops lower to `linalg.generic` or named linalg ops on `f32`.

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
  let options = [
    Option<"requant", "requant", "std::string", /*default=*/"\"float\"",
           "The requantization contract: float or fixed">,
  ];
}

#endif // QUANTC_CONVERSION_PASSES_TD
