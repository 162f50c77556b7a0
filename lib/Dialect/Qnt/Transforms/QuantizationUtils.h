//===- QuantizationUtils.h - Helpers of the quantization passes -*- C++ -*-===//
//
// Quantized types, constant grids and op classes shared by qnt-quantize-ops,
// qnt-fold-scales and qnt-fuse-requant.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_DIALECT_QNT_TRANSFORMS_QUANTIZATIONUTILS_H
#define QUANTC_LIB_DIALECT_QNT_TRANSFORMS_QUANTIZATIONUTILS_H

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

#include <optional>

namespace mlir::quantc {

/// The quantized element type of a tensor type, or null.
quant::QuantizedType getQuantElementType(Type type);

/// A per-tensor quantized element type, or null.
quant::UniformQuantizedType getPerTensorType(Type type);

/// `shaped`'s shape with `element` as element type.
RankedTensorType withElementType(Type shaped, Type element);

/// i8 (zero point 0) or u8 storage with f32 expressed type.
quant::UniformQuantizedType getUniform8(MLIRContext *ctx, bool isSigned,
                                        double scale, int64_t zeroPoint);

/// The i32 type of an integer accumulator (and of a bias) of `input` times
/// `weight`: zero point 0 and scale `s_input * s_weight`, as an f32 product
/// (ONNX's scales are f32), per slice along dimension `axis` when the weight
/// is per-axis.
quant::QuantizedType getAccumulatorType(quant::UniformQuantizedType input,
                                        quant::QuantizedType weight,
                                        int32_t axis);

/// Whether every stored value of `from` reads, with `to`'s parameters, as
/// the same real value (`to` refines `from`'s grid and covers its range):
/// then requantizing `from` to `to` is exact.
bool isExactRefinement(quant::QuantizedType from, quant::QuantizedType to);

/// The quantized type on whose grid every value of a float constant lies,
/// if its values are dequantized 8-bit integers: `value = scale * (q - zp)`
/// with `f32(q - zp) * f32(scale)` reproducing each value. `axis` asks for
/// one grid per slice along that dimension (symmetric i8); -1 for one grid
/// (i8 with zero point 0, else u8 with a zero point). Quantizing the
/// constant to that type is then exact.
quant::QuantizedType recoverGrid(DenseFPElementsAttr values, int64_t axis);

/// Ops whose quantized result is the real-valued op quantized to a result
/// type of its own (per tensor), so a requantize of the result folds in.
bool hasFreeResultType(Operation *op);

/// Ops with the `clamp_min`/`clamp_max` epilogue.
bool hasFusedClamp(Operation *op);

/// A rewrite of `OpTy` that counts what it rewrites in a pass statistic.
template <typename OpTy> struct CountingPattern : OpRewritePattern<OpTy> {
  CountingPattern(MLIRContext *ctx, Pass::Statistic &counter,
                  PatternBenefit benefit = 1)
      : OpRewritePattern<OpTy>(ctx, benefit), counter(counter) {}

protected:
  Pass::Statistic &counter;
};

} // namespace mlir::quantc

#endif // QUANTC_LIB_DIALECT_QNT_TRANSFORMS_QUANTIZATIONUTILS_H
