//===- QuantizeOps.cpp - dequantize -> op -> quantize to a quantized op ---===//
//
// Implements qnt-quantize-ops in two greedy phases.
//
// Phase 1 moves the quantization boundary next to the compute ops, with
// rewrites that keep every value bit for bit:
// - a dequantize sinks below ops that only move or select stored values
//   (transpose, reshape, slice, gather, pad with a representable value,
//   max pooling, nearest resize, concat of one type): op(dequantize(q)) is
//   dequantize(op(q));
// - a quantize rises above the same ops and above clamp, since quantization
//   is monotonic: quantize(clamp(x)) is clamp(quantize(x)) with the bounds
//   quantized, which is how the quantized clamp is defined;
// - dequantize(storage_cast(cast(storage_cast(q)))) with a value-preserving
//   integer cast and the same parameters is dequantize(q) (PyTorch exports
//   QuantizeLinear -> Cast -> DequantizeLinear);
// - matmul(x, w) + b with a bias along the columns is fully_connected, whose
//   quantized form adds the bias in the i32 accumulator (ONNX Gemm).
//
// Phase 2 rebuilds each compute op whose float operands all come from
// dequantize (or are constants, see below) on the quantized values, with
// the result type of the quantize that is its only use. A convolution,
// fully_connected or matmul without such a quantize gets the i32 accumulator
// type (scale s_in * s_w, zero point 0) followed by a dequantize, so it still
// runs on integers. Constant operands: qnt-simplify folds dequantize of a
// constant into a float constant, so a float constant whose values all lie on
// an 8-bit grid stands for the dequantized integers and is quantized back to
// that grid exactly (per tensor, else per output channel); a bias becomes
// i32 with scale s_in * s_w[c] and zero point 0. The new qnt.quantize ops of
// constants are left for qnt-fold-scales.
//
//===----------------------------------------------------------------------===//

#include "QuantizationUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"
#include "quantc/Dialect/Qnt/Utils/QuantArith.h"
#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>
#include <optional>

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTQUANTIZEOPS
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

using Counter = Pass::Statistic;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static bool isFloatTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isF32();
}

static Value getDequantizedInput(Value value) {
  if (auto dequantize = value.getDefiningOp<DequantizeOp>())
    return dequantize.getInput();
  return {};
}

/// The quantize that is the only use of `value`, if any.
static QuantizeOp getSoleQuantizeUser(Value value) {
  if (!value.hasOneUse())
    return {};
  return dyn_cast<QuantizeOp>(*value.getUsers().begin());
}

static unsigned getStorageWidth(quant::QuantizedType type) {
  return type.getStorageTypeIntegralWidth();
}

/// Whether the real value `value` is a stored value of `type`.
static bool isRepresentable(float value, quant::UniformQuantizedType type) {
  auto scale = static_cast<float>(type.getScale());
  int64_t stored =
      quantizeValue(value, scale, type.getZeroPoint(), type.getStorageTypeMin(),
                    type.getStorageTypeMax());
  return dequantizeValue(stored, scale, type.getZeroPoint()) == value;
}

/// Rebuilds `op` with new operands and one result type, keeping its
/// attributes.
static Operation *rebuild(PatternRewriter &rewriter, Operation *op,
                          ValueRange operands, Type resultType) {
  return rewriter.create(op->getLoc(), op->getName().getIdentifier(), operands,
                         TypeRange{resultType}, op->getAttrs());
}

//===----------------------------------------------------------------------===//
// Ops that move or select stored values
//===----------------------------------------------------------------------===//

/// Ops whose result holds input values only, so they commute with any
/// monotonic per-tensor map and with dequantize.
static bool isValueSelecting(Operation *op) {
  if (auto resize = dyn_cast<ResizeOp>(op))
    return resize.getMode() == ResizeMode::nearest &&
           resize.getCoordinateTransform() !=
               CoordinateTransform::tf_crop_and_resize;
  return isa<TransposeOp, ReshapeOp, SliceOp, GatherOp, PadOp, MaxPool2DOp,
             MaxPool3DOp, ConcatOp>(op);
}

/// The result type of value-selecting `op` when its input has quantized type
/// `inputType`; null when the op cannot carry it (per-axis types other than
/// through a transpose, a pad value off the grid).
static RankedTensorType getSelectedType(Operation *op, Type inputType) {
  Type element = getElementTypeOrSelf(inputType);
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (auto transpose = dyn_cast<TransposeOp>(op))
    return permuteTensorType(cast<RankedTensorType>(inputType),
                             transpose.getPerm());
  auto perTensor = dyn_cast<quant::UniformQuantizedType>(element);
  if (!perTensor)
    return {};
  if (auto pad = dyn_cast<PadOp>(op))
    if (pad.getMode() == PadMode::constant &&
        !isRepresentable(pad.getValue().convertToFloat(), perTensor))
      return {};
  return withElementType(resultType, element);
}

/// The quantized inputs on which value-selecting `op` can run instead of
/// their dequantized values, with its result type; none when an operand is
/// not dequantized, the inputs differ in type, or `op` cannot carry it.
static std::optional<std::pair<SmallVector<Value>, RankedTensorType>>
getSinkableInputs(Operation *op) {
  if (!isValueSelecting(op) || op->getNumResults() != 1 ||
      op->getNumOperands() == 0 || !isFloatTensor(op->getResult(0).getType()))
    return std::nullopt;
  SmallVector<Value> inputs;
  for (Value operand : op->getOperands()) {
    Value quantized = getDequantizedInput(operand);
    if (!quantized ||
        (!inputs.empty() && getElementTypeOrSelf(quantized.getType()) !=
                                getElementTypeOrSelf(inputs.front())))
      return std::nullopt;
    inputs.push_back(quantized);
  }
  RankedTensorType type = getSelectedType(op, inputs.front().getType());
  if (!type)
    return std::nullopt;
  return std::make_pair(std::move(inputs), type);
}

namespace {
/// op(dequantize(q)) -> dequantize(op(q)) for value-selecting ops (a concat
/// needs one quantized type on every input).
struct SinkDequantize : RewritePattern {
  SinkDequantize(MLIRContext *ctx, Counter &counter)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/2, ctx),
        counter(counter) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    auto sinkable = getSinkableInputs(op);
    if (!sinkable)
      return failure();
    Operation *quantized =
        rebuild(rewriter, op, sinkable->first, sinkable->second);
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, op->getResult(0).getType(),
                                              quantized->getResult(0));
    ++counter;
    return success();
  }

  Counter &counter;
};

/// quantize(op(x)) -> op(quantize(x)) for value-selecting ops and clamp,
/// when the quantize is the op's only use.
struct HoistQuantize : CountingPattern<QuantizeOp> {
  HoistQuantize(MLIRContext *ctx, Counter &counter)
      : CountingPattern(ctx, counter, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(QuantizeOp quantize,
                                PatternRewriter &rewriter) const override {
    Operation *op = quantize.getInput().getDefiningOp();
    if (!op || op->getNumResults() != 1 || !op->getResult(0).hasOneUse() ||
        !(isValueSelecting(op) || isa<ClampOp>(op)) ||
        !llvm::all_of(op->getOperandTypes(), isFloatTensor))
      return failure();
    // Running on the stored input values needs no quantize at all.
    if (getSinkableInputs(op))
      return rewriter.notifyMatchFailure(op, "the dequantize sinks instead");
    Type element = quantize.getType().getElementType();
    SmallVector<Type> inputTypes;
    for (Value operand : op->getOperands()) {
      Type inputType = getHoistedType(op, operand.getType(), element);
      if (!inputType)
        return rewriter.notifyMatchFailure(op, "cannot carry the result type");
      inputTypes.push_back(inputType);
    }
    Type resultType = inputTypes.front();
    if (!isa<ClampOp>(op))
      resultType = getSelectedType(op, inputTypes.front());
    if (resultType != quantize.getType())
      return rewriter.notifyMatchFailure(op, "result type would change");
    SmallVector<Value> inputs;
    for (auto [operand, type] : llvm::zip_equal(op->getOperands(), inputTypes))
      inputs.push_back(
          QuantizeOp::create(rewriter, quantize.getLoc(), type, operand));
    Operation *quantized = rebuild(rewriter, op, inputs, resultType);
    rewriter.replaceOp(quantize, quantized->getResults());
    rewriter.eraseOp(op);
    ++counter;
    return success();
  }

  /// The quantized type of `op`'s operand of type `operandType` when its
  /// result has element type `element`.
  static Type getHoistedType(Operation *op, Type operandType, Type element) {
    if (auto transpose = dyn_cast<TransposeOp>(op)) {
      auto tensor = cast<RankedTensorType>(operandType);
      if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
        element = withQuantizedDimension(
            perAxis, transpose.getPerm()[perAxis.getQuantizedDimension()]);
      return withElementType(tensor, element);
    }
    if (!isa<ClampOp>(op) && !isa<quant::UniformQuantizedType>(element))
      return {};
    return withElementType(operandType, element);
  }
};

/// dequantize(storage_cast(cast(storage_cast(q)))) -> dequantize(q) when the
/// integer cast keeps every stored value of q and the parameters agree.
struct LookThroughStorageCast : OpRewritePattern<DequantizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(DequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto attach = op.getInput().getDefiningOp<StorageCastOp>();
    auto convert =
        attach ? attach.getInput().getDefiningOp<CastOp>() : CastOp();
    auto strip = convert ? convert.getInput().getDefiningOp<StorageCastOp>()
                         : StorageCastOp();
    if (!strip)
      return failure();
    Value source = strip.getInput();
    auto from = getPerTensorType(source.getType());
    auto to = getPerTensorType(op.getInput().getType());
    auto target =
        dyn_cast<IntegerType>(getElementTypeOrSelf(convert.getType()));
    if (!from || !to || !target || from.getScale() != to.getScale() ||
        from.getZeroPoint() != to.getZeroPoint())
      return failure();
    unsigned width = target.getWidth();
    int64_t lo = target.isUnsigned() ? 0 : -(int64_t(1) << (width - 1));
    int64_t hi = target.isUnsigned() ? (int64_t(1) << width) - 1
                                     : (int64_t(1) << (width - 1)) - 1;
    if (width >= 64)
      hi = std::numeric_limits<int64_t>::max();
    if (from.getStorageTypeMin() < lo || from.getStorageTypeMax() > hi)
      return rewriter.notifyMatchFailure(op, "the cast changes stored values");
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, op.getType(), source);
    return success();
  }
};

/// The transpose of a 2-D constant.
static DenseElementsAttr transpose2D(DenseFPElementsAttr values) {
  auto type = cast<ShapedType>(values.getType());
  int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
  SmallVector<float> in(values.getValues<float>()), out(in.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      out[c * rows + r] = in[r * cols + c];
  return DenseElementsAttr::get(
      RankedTensorType::get({cols, rows}, type.getElementType()),
      llvm::ArrayRef(out));
}

/// add(matmul(x, w), b) -> fully_connected(x, transpose(w), b) for 2-D x and
/// w and b of shape [N] or [1, N], when x is dequantized and w is dequantized
/// or a constant: its quantized form accumulates the bias in i32.
struct MatMulAddToFullyConnected : OpRewritePattern<AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    if (add.getClampMin() || add.getClampMax())
      return failure();
    for (auto [mm, other] : {std::pair(add.getLhs(), add.getRhs()),
                             std::pair(add.getRhs(), add.getLhs())}) {
      auto matmul = mm.getDefiningOp<MatMulOp>();
      if (!matmul || !mm.hasOneUse() || matmul.getClampMin() ||
          matmul.getClampMax() || mm.getType() != add.getType() ||
          !isFloatTensor(mm.getType()))
        continue;
      auto lhsType = matmul.getLhs().getType();
      auto rhsType = matmul.getRhs().getType();
      if (lhsType.getRank() != 2 || rhsType.getRank() != 2 ||
          !rhsType.hasStaticShape() || !getDequantizedInput(matmul.getLhs()))
        continue;
      int64_t n = rhsType.getDimSize(1);
      auto biasType = cast<RankedTensorType>(other.getType());
      if (!(biasType.getShape() == ArrayRef<int64_t>{n} ||
            biasType.getShape() == ArrayRef<int64_t>{1, n}))
        continue;
      DenseFPElementsAttr weightValues, biasValues;
      Value weightQ = getDequantizedInput(matmul.getRhs());
      bool weightConst =
          matchPattern(matmul.getRhs(), m_Constant(&weightValues));
      bool biasConst = matchPattern(other, m_Constant(&biasValues));
      if ((!weightQ && !weightConst) ||
          (!biasConst && !getDequantizedInput(other)))
        continue;
      if (weightConst && !recoverGrid(weightValues, -1) &&
          !recoverGrid(weightValues, 1))
        continue;

      Location loc = add.getLoc();
      SmallVector<int64_t> perm = {1, 0};
      Value weight;
      if (weightConst) {
        DenseElementsAttr transposed = transpose2D(weightValues);
        weight =
            ConstantOp::create(rewriter, loc, transposed.getType(), transposed);
      } else {
        auto quantizedType =
            permuteTensorType(cast<RankedTensorType>(weightQ.getType()), perm);
        Value t = TransposeOp::create(rewriter, loc, quantizedType, weightQ,
                                      rewriter.getDenseI64ArrayAttr(perm));
        weight = DequantizeOp::create(
            rewriter, loc,
            withElementType(quantizedType, rewriter.getF32Type()), t);
      }
      Value bias = other;
      auto vectorType = RankedTensorType::get({n}, rewriter.getF32Type());
      if (biasType.getRank() == 2) {
        if (biasConst) {
          DenseElementsAttr reshaped = biasValues.reshape(vectorType);
          bias = ConstantOp::create(rewriter, loc, vectorType, reshaped);
        } else {
          bias = ReshapeOp::create(rewriter, loc, vectorType, other);
        }
      }
      rewriter.replaceOpWithNewOp<FullyConnectedOp>(
          add, add.getType(), matmul.getLhs(), weight, bias, FloatAttr(),
          FloatAttr());
      rewriter.eraseOp(matmul);
      return success();
    }
    return failure();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Compute ops
//===----------------------------------------------------------------------===//

namespace {
/// The quantized value standing for a float operand: an existing value (the
/// input of its dequantize), or `source` quantized (a constant) or
/// requantized (a bias on another grid) to `type`.
struct QuantizedOperand {
  Value existing;
  Value source;
  quant::QuantizedType type;
  bool requantize = false;

  Value materialize(PatternRewriter &rewriter, Location loc) const {
    if (existing)
      return existing;
    auto tensorType = withElementType(source.getType(), type);
    if (requantize)
      return RequantizeOp::create(rewriter, loc, tensorType, source);
    return QuantizeOp::create(rewriter, loc, tensorType, source);
  }
};
} // namespace

/// A dequantized operand, or a constant on an 8-bit grid: per tensor, else
/// (when `axis` >= 0) per slice along `axis`.
static std::optional<QuantizedOperand> resolveOperand(Value value,
                                                      int64_t axis) {
  if (Value quantized = getDequantizedInput(value))
    return QuantizedOperand{
        quantized, {}, getQuantElementType(quantized.getType())};
  DenseFPElementsAttr values;
  if (!matchPattern(value, m_Constant(&values)))
    return std::nullopt;
  quant::QuantizedType type = recoverGrid(values, -1);
  if (!type && axis >= 0)
    type = recoverGrid(values, axis);
  if (!type)
    return std::nullopt;
  return QuantizedOperand{{}, value, type};
}

/// Whether `type` satisfies the quantized-bias rule for `expected` (the
/// accumulator type): i32, zero point 0, scales equal at f32 precision.
static bool isBiasType(quant::QuantizedType type,
                       quant::QuantizedType expected) {
  if (!type || type.getStorageTypeIntegralWidth() != 32 || !type.isSigned())
    return false;
  auto scalesOf = [](quant::QuantizedType t, SmallVector<double> &scales,
                     SmallVector<int64_t> &zeroPoints) {
    if (auto uniform = dyn_cast<quant::UniformQuantizedType>(t)) {
      scales.push_back(uniform.getScale());
      zeroPoints.push_back(uniform.getZeroPoint());
      return;
    }
    auto perAxis = cast<quant::UniformQuantizedPerAxisType>(t);
    scales.assign(perAxis.getScales().begin(), perAxis.getScales().end());
    zeroPoints.assign(perAxis.getZeroPoints().begin(),
                      perAxis.getZeroPoints().end());
  };
  SmallVector<double> scales, expectedScales;
  SmallVector<int64_t> zeroPoints, expectedZeroPoints;
  scalesOf(type, scales, zeroPoints);
  scalesOf(expected, expectedScales, expectedZeroPoints);
  if (llvm::any_of(zeroPoints, [](int64_t zp) { return zp != 0; }))
    return false;
  if (scales.size() == 1 && expectedScales.size() > 1)
    scales.assign(expectedScales.size(), scales.front());
  if (expectedScales.size() == 1 && scales.size() > 1)
    expectedScales.assign(scales.size(), expectedScales.front());
  if (scales.size() != expectedScales.size())
    return false;
  for (auto [actual, want] : llvm::zip_equal(scales, expectedScales))
    if (std::abs(actual - want) > 1e-7 * std::abs(want))
      return false;
  return true;
}

/// A bias for the accumulator type `accumulator`: a dequantized bias with
/// that type, any other dequantized bias requantized to it, or a float
/// constant quantized to it.
static std::optional<QuantizedOperand>
resolveBias(Value bias, quant::QuantizedType accumulator) {
  if (Value quantized = getDequantizedInput(bias)) {
    auto type = getQuantElementType(quantized.getType());
    if (isBiasType(type, accumulator))
      return QuantizedOperand{quantized, {}, type};
    return QuantizedOperand{{}, quantized, accumulator, /*requantize=*/true};
  }
  DenseFPElementsAttr values;
  if (!matchPattern(bias, m_Constant(&values)))
    return std::nullopt;
  return QuantizedOperand{{}, bias, accumulator};
}

namespace {
/// Rebuilds a float compute op whose operands are dequantized (or constants
/// on a grid) on the quantized values; see the file comment.
struct QuantizeComputeOp : RewritePattern {
  QuantizeComputeOp(MLIRContext *ctx, Counter &counter)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx),
        counter(counter) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (op->getNumResults() != 1 ||
        !isFloatTensor(op->getResult(0).getType()) ||
        !llvm::all_of(op->getOperandTypes(), isFloatTensor))
      return failure();
    return TypeSwitch<Operation *, LogicalResult>(op)
        .Case<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp>(
            [&](Operation *op) { return quantizeLinear(op, 0, rewriter); })
        .Case([&](MatMulOp op) {
          return quantizeLinear(op, op.getRhs().getType().getRank() - 1,
                                rewriter);
        })
        .Case<AddOp, SubOp, MulOp>(
            [&](Operation *op) { return quantizeElementwise(op, rewriter); })
        .Case<SigmoidOp, TanhOp, HardSwishOp, HardSigmoidOp, LeakyReluOp,
              SoftmaxOp, AvgPool2DOp, AvgPool3DOp, GlobalAvgPoolOp,
              ReduceMeanOp>(
            [&](Operation *op) { return quantizeElementwise(op, rewriter); })
        .Case([&](ResizeOp op) { return quantizeResize(op, rewriter); })
        .Default([](Operation *) { return failure(); });
  }

  /// conv2d, conv_transpose2d, fully_connected (weight axis 0) and matmul
  /// (rhs axis rank - 1): 8-bit per-tensor input, 8-bit weight per tensor or
  /// per slice along `weightAxis`, i32 bias.
  LogicalResult quantizeLinear(Operation *op, int64_t weightAxis,
                               PatternRewriter &rewriter) const {
    Value result = op->getResult(0);
    QuantizeOp quantize = getSoleQuantizeUser(result);
    auto outType = quantize ? getPerTensorType(quantize.getType()) : nullptr;
    if (quantize && !outType)
      return rewriter.notifyMatchFailure(op, "per-axis result");

    std::optional<QuantizedOperand> input =
        resolveOperand(op->getOperand(0), -1);
    if (!input)
      return rewriter.notifyMatchFailure(op, "input is not dequantized");
    auto inType = dyn_cast<quant::UniformQuantizedType>(input->type);
    if (!inType || getStorageWidth(inType) > 8)
      return rewriter.notifyMatchFailure(op, "input is not 8-bit per tensor");
    std::optional<QuantizedOperand> weight =
        resolveOperand(op->getOperand(1), weightAxis);
    if (!weight || getStorageWidth(weight->type) > 8)
      return rewriter.notifyMatchFailure(op, "weight is not 8-bit quantized");
    if (auto perAxis =
            dyn_cast<quant::UniformQuantizedPerAxisType>(weight->type))
      if (perAxis.getQuantizedDimension() != weightAxis)
        return rewriter.notifyMatchFailure(op, "weight per-axis elsewhere");

    Type resultElement = outType;
    if (!resultElement) {
      // No quantize takes the result: keep the exact i32 accumulator.
      if (!isa<quant::UniformQuantizedType>(weight->type))
        return rewriter.notifyMatchFailure(
            op, "a float result needs a per-tensor weight");
      resultElement = getAccumulatorType(inType, weight->type, 0);
    }

    std::optional<QuantizedOperand> bias;
    if (op->getNumOperands() > 2) {
      bias = resolveBias(op->getOperand(2),
                         getAccumulatorType(inType, weight->type, 0));
      if (!bias)
        return rewriter.notifyMatchFailure(op, "bias is neither dequantized "
                                               "nor constant");
    }

    Location loc = op->getLoc();
    SmallVector<Value> operands = {input->materialize(rewriter, loc),
                                   weight->materialize(rewriter, loc)};
    if (bias)
      operands.push_back(bias->materialize(rewriter, loc));
    replaceWithQuantized(op, quantize, operands,
                         withElementType(result.getType(), resultElement),
                         rewriter);
    return success();
  }

  /// Broadcasting binary ops, activations and pools: per-tensor operands
  /// and result, each with its own parameters.
  LogicalResult quantizeElementwise(Operation *op,
                                    PatternRewriter &rewriter) const {
    QuantizeOp quantize = getSoleQuantizeUser(op->getResult(0));
    if (!quantize || !getPerTensorType(quantize.getType()))
      return rewriter.notifyMatchFailure(op, "result is not quantized per "
                                             "tensor");
    SmallVector<QuantizedOperand> resolved;
    for (Value operand : op->getOperands()) {
      std::optional<QuantizedOperand> q = resolveOperand(operand, -1);
      if (!q || !isa<quant::UniformQuantizedType>(q->type))
        return rewriter.notifyMatchFailure(op, "operand is not dequantized "
                                               "per tensor");
      resolved.push_back(*q);
    }
    Location loc = op->getLoc();
    SmallVector<Value> operands =
        llvm::map_to_vector(resolved, [&](const QuantizedOperand &q) {
          return q.materialize(rewriter, loc);
        });
    replaceWithQuantized(op, quantize, operands, quantize.getType(), rewriter);
    return success();
  }

  /// Interpolating resize: quantized input and result share one type.
  LogicalResult quantizeResize(ResizeOp op, PatternRewriter &rewriter) const {
    QuantizeOp quantize = getSoleQuantizeUser(op.getResult());
    Value input = getDequantizedInput(op.getInput());
    if (!quantize || !input ||
        op.getCoordinateTransform() ==
            CoordinateTransform::tf_crop_and_resize ||
        getElementTypeOrSelf(input.getType()) !=
            quantize.getType().getElementType() ||
        !getPerTensorType(input.getType()))
      return rewriter.notifyMatchFailure(
          op, "needs one per-tensor type on both sides");
    replaceWithQuantized(op, quantize, {input}, quantize.getType(), rewriter);
    return success();
  }

  /// Replaces `quantize` (or, without one, every use of `op` through a
  /// dequantize) with `op` rebuilt on `operands`.
  void replaceWithQuantized(Operation *op, QuantizeOp quantize,
                            ValueRange operands, Type resultType,
                            PatternRewriter &rewriter) const {
    Operation *quantized = rebuild(rewriter, op, operands, resultType);
    if (quantize) {
      rewriter.replaceOp(quantize, quantized->getResults());
      rewriter.eraseOp(op);
    } else {
      rewriter.replaceOpWithNewOp<DequantizeOp>(op, op->getResult(0).getType(),
                                                quantized->getResult(0));
    }
    ++counter;
  }

  Counter &counter;
};

struct QntQuantizeOpsPass
    : mlir::quantc::impl::QntQuantizeOpsBase<QntQuantizeOpsPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    // Folding would turn the quantize of a constant into the integer
    // constant here; qnt-fold-scales does that, and the patterns read float
    // constants as they are.
    GreedyRewriteConfig config;
    config.enableFolding(false);

    auto addBoundaryPatterns = [&](RewritePatternSet &patterns) {
      patterns.add<SinkDequantize, HoistQuantize>(ctx, numQuantized);
      patterns.add<LookThroughStorageCast, MatMulAddToFullyConnected>(ctx);
    };
    RewritePatternSet boundary(ctx);
    addBoundaryPatterns(boundary);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(boundary), config)))
      return signalPassFailure();

    RewritePatternSet all(ctx);
    addBoundaryPatterns(all);
    all.add<QuantizeComputeOp>(ctx, numQuantized);
    if (failed(applyPatternsGreedily(getOperation(), std::move(all), config)))
      return signalPassFailure();
  }
};
} // namespace
