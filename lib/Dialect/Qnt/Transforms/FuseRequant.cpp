//===- FuseRequant.cpp - Activations and requantization into producers ----===//
//
// Implements qnt-fuse-requant:
//
// - clamp(op(...)) on a quantized value, where op has the clamp_min /
//   clamp_max epilogue and the clamp is its only use, becomes op with the
//   bounds intersected. Both clamp the real value before it is quantized,
//   or equivalently the stored value to the quantized bounds: exact.
//   Transposes and reshapes between them (with no other use) are looked
//   through, since a clamp commutes with them.
// - requantize(op(...)), where op computes on real values and quantizes to
//   a result type of its own (compute ops, activations, average pools) and
//   the requantize is its only use, becomes op with the requantize's type.
//   This drops the intermediate rounding (exact when the result was the raw
//   i32 accumulator).
// - requantize(requantize(x)) becomes one requantize when the inner one is
//   lossless (its type refines x's grid and covers x's range); otherwise the
//   intermediate rounding and saturation are kept.
// - quantize(dequantize(x)) becomes requantize(x), or x for the same type;
//   a requantize between identical types vanishes.
//
//===----------------------------------------------------------------------===//

#include "QuantizationUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <limits>

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTFUSEREQUANT
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

using Counter = Pass::Statistic;

static std::optional<float> getBound(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<FloatAttr>(name))
    return attr.getValue().convertToFloat();
  return std::nullopt;
}

namespace {
/// clamp(op(...)) -> op(...) {clamp_min, clamp_max}.
struct FuseClamp : CountingPattern<ClampOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(ClampOp clamp,
                                PatternRewriter &rewriter) const override {
    if (!getQuantElementType(clamp.getType()))
      return rewriter.notifyMatchFailure(clamp, "not quantized");
    // A clamp commutes with transposes and reshapes between it and the
    // producer, when nothing else reads them.
    Value source = clamp.getInput();
    while (isa_and_present<TransposeOp, ReshapeOp>(source.getDefiningOp()) &&
           source.hasOneUse())
      source = source.getDefiningOp()->getOperand(0);
    Operation *producer = source.getDefiningOp();
    if (!producer || !hasFusedClamp(producer) || !source.hasOneUse())
      return rewriter.notifyMatchFailure(clamp, "no producer to fuse into");
    float inf = std::numeric_limits<float>::infinity();
    float lo = std::max(asFloat(clamp.getMin()).value_or(-inf),
                        getBound(producer, "clamp_min").value_or(-inf));
    float hi = std::min(asFloat(clamp.getMax()).value_or(inf),
                        getBound(producer, "clamp_max").value_or(inf));
    if (lo > hi)
      return rewriter.notifyMatchFailure(clamp, "disjoint bounds");
    rewriter.modifyOpInPlace(producer, [&] {
      if (lo != -inf)
        producer->setAttr("clamp_min", rewriter.getF32FloatAttr(lo));
      if (hi != inf)
        producer->setAttr("clamp_max", rewriter.getF32FloatAttr(hi));
    });
    rewriter.replaceOp(clamp, clamp.getInput());
    ++counter;
    return success();
  }
};

/// requantize(op(...)) -> op(...) with the requantize's result type.
struct FuseRequantize : CountingPattern<RequantizeOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    Operation *producer = op.getInput().getDefiningOp();
    if (!producer || producer->getNumResults() != 1 ||
        !hasFreeResultType(producer) || !op.getInput().hasOneUse() ||
        !getPerTensorType(op.getType()))
      return rewriter.notifyMatchFailure(op, "no producer to fuse into");
    rewriter.modifyOpInPlace(
        producer, [&] { producer->getResult(0).setType(op.getType()); });
    rewriter.replaceOp(op, producer->getResults());
    ++counter;
    return success();
  }
};

/// requantize(requantize(x)) -> requantize(x) when the inner one is exact.
struct CollapseRequantizeChain : CountingPattern<RequantizeOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<RequantizeOp>();
    if (!inner ||
        !isExactRefinement(getQuantElementType(inner.getInput().getType()),
                           getQuantElementType(inner.getType())))
      return rewriter.notifyMatchFailure(op, "no lossless inner requantize");
    Value source = inner.getInput();
    if (source.getType() == op.getType())
      rewriter.replaceOp(op, source);
    else
      rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(), source);
    ++counter;
    return success();
  }
};

/// quantize(dequantize(x)) -> requantize(x), or x.
struct QuantizeOfDequantize : CountingPattern<QuantizeOp> {
  using CountingPattern::CountingPattern;

  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto dequantize = op.getInput().getDefiningOp<DequantizeOp>();
    if (!dequantize)
      return failure();
    Value source = dequantize.getInput();
    if (source.getType() == op.getType())
      rewriter.replaceOp(op, source);
    else
      rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(), source);
    ++counter;
    return success();
  }
};

/// requantize(x) with x's own type -> x.
struct DropIdentityRequantize : CountingPattern<RequantizeOp> {
  DropIdentityRequantize(MLIRContext *ctx, Counter &counter)
      : CountingPattern(ctx, counter, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getInput().getType() != op.getType())
      return failure();
    rewriter.replaceOp(op, op.getInput());
    ++counter;
    return success();
  }
};

struct QntFuseRequantPass
    : mlir::quantc::impl::QntFuseRequantBase<QntFuseRequantPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<FuseClamp, FuseRequantize, CollapseRequantizeChain,
                 QuantizeOfDequantize, DropIdentityRequantize>(ctx, numFused);
    GreedyRewriteConfig config;
    config.enableFolding(false);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      return signalPassFailure();
  }
};
} // namespace
