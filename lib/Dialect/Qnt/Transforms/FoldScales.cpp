//===- FoldScales.cpp - Constant weights and biases to integer constants --===//
//
// Implements qnt-fold-scales. After qnt-quantize-ops every weight and bias of
// a quantized op is a quantize (or requantize) of a constant, possibly behind
// constant data movement. This pass evaluates them into `qnt.constant`s of
// stored integers:
//
// - transpose, reshape, concat and slice of constants fold first (the ops'
//   own folders), and so does a dequantize of a constant whose users all
//   quantize it again;
// - quantize of a float constant `x` to a type with scale `s` and zero point
//   `zp` (per slice for per-axis types) stores
//   `q = saturate(round_half_to_even(f32(x) / f32(s)) + zp)`, the division
//   in f32 as in ONNX QuantizeLinear (NaN stores zp). A bias is quantized the
//   same way to its i32 type (scale `f32(s_in) * f32(s_w[c])`, zero point 0,
//   saturating to the i32 range), which qnt-quantize-ops chose;
// - requantize of a quantized constant stores
//   `saturate(round_half_to_even((q - zp_in) * s_in / s_out) + zp_out)`,
//   evaluated in double.
//
//===----------------------------------------------------------------------===//

#include "QuantizationUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"
#include "quantc/Dialect/Qnt/Utils/QuantArith.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <algorithm>
#include <cmath>

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTFOLDSCALES
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

using Counter = Pass::Statistic;

/// The stored integers `values` as a constant of quantized type `type`.
static Value createStoredConstant(PatternRewriter &rewriter, Location loc,
                                  RankedTensorType type,
                                  ArrayRef<APInt> values) {
  auto qtype = cast<quant::QuantizedType>(type.getElementType());
  auto storage = RankedTensorType::get(type.getShape(), qtype.getStorageType());
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(storage, values));
}

/// The stored value `value` of `qtype` as an APInt of its storage width.
static APInt toStorage(quant::QuantizedType qtype, int64_t value) {
  return APInt(qtype.getStorageTypeIntegralWidth(), value, qtype.isSigned(),
               /*implicitTrunc=*/true);
}

namespace {
/// Data movement of constants, and a dequantize of a constant that is only
/// quantized again, evaluated by the op's folder.
struct FoldConstantOp : RewritePattern {
  FoldConstantOp(MLIRContext *ctx)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<TransposeOp, ReshapeOp, ConcatOp, SliceOp, DequantizeOp>(op) ||
        op->getNumResults() != 1)
      return failure();
    if (isa<DequantizeOp>(op) &&
        !llvm::all_of(op->getUsers(),
                      [](Operation *user) { return isa<QuantizeOp>(user); }))
      return failure();
    SmallVector<Attribute> operands;
    for (Value operand : op->getOperands()) {
      Attribute value;
      if (!matchPattern(operand, m_Constant(&value)))
        return failure();
      operands.push_back(value);
    }
    SmallVector<OpFoldResult> results;
    if (failed(op->fold(operands, results)) || results.size() != 1)
      return failure();
    if (auto value = dyn_cast<Value>(results.front())) {
      rewriter.replaceOp(op, value);
      return success();
    }
    auto values =
        dyn_cast_if_present<ElementsAttr>(dyn_cast<Attribute>(results.front()));
    if (!values)
      return failure();
    rewriter.replaceOpWithNewOp<ConstantOp>(op, op->getResult(0).getType(),
                                            values);
    return success();
  }
};

/// quantize(float constant) -> constant of stored integers.
struct QuantizeConstant : CountingPattern<QuantizeOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    DenseFPElementsAttr values;
    if (!matchPattern(op.getInput(), m_Constant(&values)))
      return failure();
    RankedTensorType type = op.getType();
    auto qtype = cast<quant::QuantizedType>(type.getElementType());
    ElementQuantParams params(qtype, type.getShape());
    SmallVector<APInt> stored;
    stored.reserve(values.getNumElements());
    int64_t index = 0;
    for (float value : values.getValues<float>()) {
      int64_t q =
          quantizeValue(value, params.scale(index), params.zeroPoint(index),
                        qtype.getStorageTypeMin(), qtype.getStorageTypeMax());
      stored.push_back(toStorage(qtype, q));
      ++index;
    }
    rewriter.replaceOp(
        op, createStoredConstant(rewriter, op.getLoc(), type, stored));
    ++counter;
    return success();
  }
};

/// requantize(quantized constant) -> constant on the new grid.
struct RequantizeConstant : CountingPattern<RequantizeOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    DenseIntElementsAttr values;
    if (!matchPattern(op.getInput(), m_Constant(&values)))
      return failure();
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    auto from = cast<quant::QuantizedType>(inType.getElementType());
    auto to = cast<quant::QuantizedType>(outType.getElementType());
    ElementQuantParams in(from, inType.getShape());
    ElementQuantParams out(to, outType.getShape());
    SmallVector<APInt> stored;
    stored.reserve(values.getNumElements());
    int64_t index = 0;
    for (const APInt &raw : values.getValues<APInt>()) {
      int64_t q = from.isSigned() ? raw.getSExtValue()
                                  : static_cast<int64_t>(raw.getZExtValue());
      double real = static_cast<double>(q - in.zeroPoint(index)) *
                    static_cast<double>(in.scale(index)) /
                    static_cast<double>(out.scale(index));
      double rounded = std::nearbyint(real) + out.zeroPoint(index);
      rounded = std::clamp(rounded, static_cast<double>(to.getStorageTypeMin()),
                           static_cast<double>(to.getStorageTypeMax()));
      stored.push_back(toStorage(to, static_cast<int64_t>(rounded)));
      ++index;
    }
    rewriter.replaceOp(
        op, createStoredConstant(rewriter, op.getLoc(), outType, stored));
    ++counter;
    return success();
  }
};

struct QntFoldScalesPass
    : mlir::quantc::impl::QntFoldScalesBase<QntFoldScalesPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<FoldConstantOp>(ctx);
    patterns.add<QuantizeConstant, RequantizeConstant>(ctx, numFolded);
    // The patterns fold what they count; other folds are the canonicalizer's.
    GreedyRewriteConfig config;
    config.enableFolding(false);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      return signalPassFailure();
  }
};
} // namespace
