//===- SinkTransposes.cpp - Move transposes below layout-agnostic ops -----===//
//
// Implements `qnt-sink-transposes`: op(transpose(x, P)) becomes
// transpose(op'(x), P) for ops that compute the same thing in any layout,
// so that the transposes the importer puts around NHWC ops meet and fold.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"
#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTSINKTRANSPOSES
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {

SmallVector<int64_t> invertPermutation(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inverse(perm.size());
  for (auto [k, p] : llvm::enumerate(perm))
    inverse[p] = k;
  return inverse;
}

/// The transpose producing `value` if `op` is its only user.
TransposeOp getSinkableTranspose(Value value, Operation *op) {
  auto transpose = value.getDefiningOp<TransposeOp>();
  if (!transpose || !llvm::all_of(transpose->getUsers(),
                                  [&](Operation *user) { return user == op; }))
    return {};
  return transpose;
}

/// Rebuilds `op` on untransposed operands with its result in the
/// untransposed layout, then transposes the result back to `op`'s type.
void replaceWithSunkOp(PatternRewriter &rewriter, Operation *op,
                       ValueRange newOperands, ArrayRef<int64_t> perm,
                       function_ref<void(Operation *)> adjust = {}) {
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  Operation *sunk = rewriter.clone(*op);
  sunk->setOperands(newOperands);
  sunk->getResult(0).setType(
      permuteTensorType(resultType, invertPermutation(perm)));
  if (adjust)
    adjust(sunk);
  rewriter.replaceOpWithNewOp<TransposeOp>(op, resultType, sunk->getResult(0),
                                           perm);
}

/// Base of the patterns below: counts every successful move.
template <typename SourceOp> struct SinkPattern : OpRewritePattern<SourceOp> {
  SinkPattern(MLIRContext *context, llvm::Statistic &counter)
      : OpRewritePattern<SourceOp>(context), counter(counter) {}
  llvm::Statistic &counter;
};

/// Ops with one tensor operand whose attributes do not depend on layout.
struct SinkThroughElementwise : RewritePattern {
  SinkThroughElementwise(MLIRContext *context, llvm::Statistic &counter)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context),
        counter(counter) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<ClampOp, SigmoidOp, TanhOp, HardSwishOp, HardSigmoidOp,
             LeakyReluOp, ExpOp, SqrtOp, ErfOp, QuantizeOp, DequantizeOp,
             RequantizeOp, StorageCastOp, CastOp, SoftmaxOp, LogSoftmaxOp>(op))
      return failure();
    auto transpose = getSinkableTranspose(op->getOperand(0), op);
    if (!transpose)
      return failure();
    ArrayRef<int64_t> perm = transpose.getPerm();
    replaceWithSunkOp(rewriter, op, transpose.getInput(), perm,
                      [&](Operation *sunk) {
                        if (auto softmax = dyn_cast<SoftmaxOp>(sunk))
                          softmax.setAxis(perm[softmax.getAxis()]);
                        if (auto softmax = dyn_cast<LogSoftmaxOp>(sunk))
                          softmax.setAxis(perm[softmax.getAxis()]);
                      });
    ++counter;
    return success();
  }

  llvm::Statistic &counter;
};

/// add/mul: every operand is a transpose with the same permutation over the
/// full rank, or a constant, which is brought into the untransposed layout
/// (the reshape and transpose built for it fold away).
template <typename BinaryOp>
struct SinkThroughBroadcastBinary : SinkPattern<BinaryOp> {
  using SinkPattern<BinaryOp>::SinkPattern;

  LogicalResult matchAndRewrite(BinaryOp op,
                                PatternRewriter &rewriter) const override {
    int64_t rank = op.getType().getRank();
    std::optional<SmallVector<int64_t>> perm;
    for (Value operand : op->getOperands()) {
      auto transpose = getSinkableTranspose(operand, op);
      if (!transpose)
        continue;
      if (transpose.getType().getRank() != rank ||
          (perm && ArrayRef<int64_t>(*perm) != transpose.getPerm()))
        return failure();
      perm = llvm::to_vector(transpose.getPerm());
    }
    if (!perm)
      return failure();

    SmallVector<Value> operands;
    SmallVector<int64_t> inverse = invertPermutation(*perm);
    for (Value operand : op->getOperands()) {
      if (auto transpose = getSinkableTranspose(operand, op)) {
        operands.push_back(transpose.getInput());
        continue;
      }
      if (!matchPattern(operand, m_Constant()))
        return failure();
      // Align the constant to the full rank, then permute it.
      auto type = cast<RankedTensorType>(operand.getType());
      SmallVector<int64_t> shape(rank - type.getRank(), 1);
      llvm::append_range(shape, type.getShape());
      auto fullRank = RankedTensorType::get(shape, type.getElementType());
      Value aligned = operand;
      if (fullRank != type)
        aligned = ReshapeOp::create(rewriter, op.getLoc(), fullRank, operand);
      operands.push_back(TransposeOp::create(
          rewriter, op.getLoc(), permuteTensorType(fullRank, inverse), aligned,
          inverse));
    }
    replaceWithSunkOp(rewriter, op, operands, *perm);
    ++this->counter;
    return success();
  }
};

/// concat of transposes with one permutation: concatenate first, along the
/// untransposed axis.
struct SinkThroughConcat : SinkPattern<ConcatOp> {
  using SinkPattern::SinkPattern;

  LogicalResult matchAndRewrite(ConcatOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Value> inputs;
    ArrayRef<int64_t> perm;
    for (Value input : op.getInputs()) {
      auto transpose = getSinkableTranspose(input, op);
      if (!transpose || (!perm.empty() && perm != transpose.getPerm()))
        return failure();
      perm = transpose.getPerm();
      inputs.push_back(transpose.getInput());
    }
    int64_t axis = perm[op.getAxis()];
    replaceWithSunkOp(rewriter, op, inputs, perm, [&](Operation *sunk) {
      cast<ConcatOp>(sunk).setAxis(axis);
    });
    ++counter;
    return success();
  }
};

/// pad of a transpose: pad first, with the pads of each dimension moved to
/// where that dimension was.
struct SinkThroughPad : SinkPattern<PadOp> {
  using SinkPattern::SinkPattern;

  LogicalResult matchAndRewrite(PadOp op,
                                PatternRewriter &rewriter) const override {
    auto transpose = getSinkableTranspose(op.getInput(), op);
    if (!transpose)
      return failure();
    ArrayRef<int64_t> perm = transpose.getPerm();
    ArrayRef<int64_t> pads = op.getPads();
    size_t rank = perm.size();
    SmallVector<int64_t> newPads(pads.size());
    for (size_t k = 0; k < rank; ++k) {
      newPads[perm[k]] = pads[k];
      newPads[perm[k] + rank] = pads[k + rank];
    }
    replaceWithSunkOp(
        rewriter, op, transpose.getInput(), perm,
        [&](Operation *sunk) { cast<PadOp>(sunk).setPads(newPads); });
    ++counter;
    return success();
  }
};

struct QntSinkTransposesPass
    : mlir::quantc::impl::QntSinkTransposesBase<QntSinkTransposesPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<
        SinkThroughElementwise, SinkThroughBroadcastBinary<AddOp>,
        SinkThroughBroadcastBinary<SubOp>, SinkThroughBroadcastBinary<MulOp>,
        SinkThroughBroadcastBinary<DivOp>, SinkThroughBroadcastBinary<PowOp>,
        SinkThroughBroadcastBinary<PReluOp>,
        SinkThroughBroadcastBinary<IntAddOp>,
        SinkThroughBroadcastBinary<IntSubOp>,
        SinkThroughBroadcastBinary<IntMulOp>,
        SinkThroughBroadcastBinary<IntDivOp>,
        SinkThroughBroadcastBinary<IntMaxOp>,
        SinkThroughBroadcastBinary<IntMinOp>, SinkThroughConcat,
        SinkThroughPad>(context, numSunk);
    // The driver folds as it goes: a moved transpose composes with the next
    // one, and constants fold through the transposes built for them.
    // Reaching the iteration limit leaves valid IR, so it is not an error.
    (void)applyPatternsGreedily(getOperation(), std::move(patterns));
  }
};

} // namespace
