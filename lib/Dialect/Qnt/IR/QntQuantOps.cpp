//===- QntQuantOps.cpp - Verifiers and folders of the quant ops -------===//
//
// The ops declared in QntQuantOps.td: quantize_linear and dequantize_linear
// (parameters as tensors), dynamic_quantize_linear, and matmul_integer and
// conv2d_integer (ONNX's Integer ops with run-time zero points). Folders
// evaluate the ops on constants with the scalar definitions of QuantArith.h, so
// they agree bit for bit with qnt.quantize and qnt.dequantize.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "quantc/Dialect/Qnt/Utils/QuantArith.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;

//===----------------------------------------------------------------------===//
// Parameter layout of quantize_linear and dequantize_linear
//===----------------------------------------------------------------------===//

namespace {

/// ONNX's 8- and 4-bit floats that QuantizeLinear produces and
/// DequantizeLinear consumes.
bool isLinearFloatType(Type type) {
  return isa<Float8E4M3FNType, Float8E4M3FNUZType, Float8E5M2Type,
             Float8E5M2FNUZType, Float4E2M1FNType>(type);
}

/// Whether `type` is an element type the op accepts as ONNX QuantizeLinear's
/// output (or, with `allowI32`, DequantizeLinear's input).
bool isLinearStorageType(Type type, bool allowI32) {
  if (isLinearFloatType(type))
    return true;
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || integer.isSigned())
    return false;
  unsigned width = integer.getWidth();
  if (width == 2 || width == 4 || width == 8 || width == 16)
    return true;
  return allowI32 && width == 32 && integer.isSignless();
}

LogicalResult verifyLinearParams(Operation *op, RankedTensorType data,
                                 Type storage, Value scale, Value zeroPoint,
                                 std::optional<uint64_t> axisAttr,
                                 std::optional<uint64_t> blockAttr,
                                 StringRef storageWhat, bool allowI32) {
  if (failed(verifySameShape(op)))
    return failure();
  if (!isLinearStorageType(storage, allowI32))
    return op->emitOpError()
           << storageWhat
           << " element type must be one of i2, ui2, i4, ui4, i8, "
           << "ui8, i16, ui16" << (allowI32 ? ", i32" : "")
           << ", f8E4M3FN, f8E4M3FNUZ, f8E5M2, f8E5M2FNUZ, f4E2M1FN, got "
           << storage;
  auto scaleType = cast<RankedTensorType>(scale.getType());
  if (zeroPoint) {
    auto zpType = cast<RankedTensorType>(zeroPoint.getType());
    if (zpType.getElementType() != storage)
      return op->emitOpError() << "zero point element type "
                               << zpType.getElementType() << " must match the "
                               << storageWhat << " element type " << storage;
    if (zpType.getShape() != scaleType.getShape())
      return op->emitOpError()
             << "zero point shape " << shapeString(zpType.getShape())
             << " must match scale shape " << shapeString(scaleType.getShape());
  }

  int64_t rank = data.getRank();
  std::optional<int64_t> axis, block;
  if (axisAttr)
    axis = static_cast<int64_t>(*axisAttr);
  if (blockAttr)
    block = static_cast<int64_t>(*blockAttr);
  if (scaleType.getRank() == 0) {
    if (axis || block)
      return op->emitOpError("a rank-0 scale quantizes per tensor; axis and "
                             "block_size must be absent");
    return success();
  }
  if (!axis)
    return op->emitOpError("a per-axis or blocked scale needs axis");
  if (*axis < 0 || *axis >= rank)
    return op->emitOpError()
           << "axis " << *axis << " must be in [0, " << rank << ")";
  int64_t size = data.getDimSize(*axis);

  if (!block) {
    if (scaleType.getRank() != 1)
      return op->emitOpError()
             << "scale must have rank 0 (per tensor) or 1 (per axis) without "
                "block_size, got rank "
             << scaleType.getRank();
    if (!sameSize(scaleType.getDimSize(0), size))
      return op->emitOpError()
             << "per-axis scale has " << scaleType.getDimSize(0)
             << " elements but dimension " << *axis << " has size " << size;
    return success();
  }

  if (*block <= 0)
    return op->emitOpError() << "block_size must be positive, got " << *block;
  if (scaleType.getRank() != rank)
    return op->emitOpError() << "a blocked scale must have the data's rank "
                             << rank << ", got rank " << scaleType.getRank();
  for (int64_t d = 0; d < rank; ++d) {
    int64_t expected = data.getDimSize(d);
    if (d == *axis && !ShapedType::isDynamic(expected))
      expected = llvm::divideCeil(expected, *block);
    if (!sameSize(scaleType.getDimSize(d), expected))
      return op->emitOpError()
             << "blocked scale must have shape " << shapeString(data.getShape())
             << " with dimension " << *axis << " divided by block_size "
             << *block << " (rounded up), got "
             << shapeString(scaleType.getShape());
  }
  return success();
}

/// Maps each element of a data tensor to its element of the parameter
/// tensors, per the layout in QntQuantOps.td.
class LinearParamIndex {
public:
  LinearParamIndex(ArrayRef<int64_t> dataShape, ArrayRef<int64_t> paramShape,
                   std::optional<uint64_t> axis, std::optional<uint64_t> block)
      : shape(dataShape), params(paramShape),
        axis(axis ? static_cast<int64_t>(*axis) : -1),
        block(block ? static_cast<int64_t>(*block) : 0) {}

  /// The parameter index of the element at row-major position `linear`.
  int64_t operator()(int64_t linear) const {
    if (params.empty())
      return 0;
    int64_t rank = shape.size();
    if (!block) {
      int64_t stride = 1;
      for (int64_t d = axis + 1; d < rank; ++d)
        stride *= shape[d];
      return (linear / stride) % shape[axis];
    }
    int64_t result = 0, paramStride = 1;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t i = linear % shape[d];
      linear /= shape[d];
      if (d == axis)
        i /= block;
      result += i * paramStride;
      paramStride *= params[d];
    }
    return result;
  }

private:
  ArrayRef<int64_t> shape, params;
  int64_t axis, block;
};

int64_t readInteger(const APInt &value, Type type) {
  return cast<IntegerType>(type).isUnsigned()
             ? static_cast<int64_t>(value.getZExtValue())
             : value.getSExtValue();
}

/// The range of an integer element type.
std::pair<int64_t, int64_t> integerRange(IntegerType type) {
  unsigned width = type.getWidth();
  if (type.isUnsigned())
    return {0, static_cast<int64_t>((uint64_t(1) << width) - 1)};
  return {-(int64_t(1) << (width - 1)), (int64_t(1) << (width - 1)) - 1};
}

/// Constant scales and zero points (0 when `zeroPoint` is null); fails when
/// either operand is not a constant.
LogicalResult readConstantParams(Value scale, Value zeroPoint,
                                 SmallVectorImpl<float> &scales,
                                 SmallVectorImpl<int64_t> &zeroPoints) {
  DenseFPElementsAttr scaleAttr;
  if (!matchPattern(scale, m_Constant(&scaleAttr)))
    return failure();
  scales.assign(scaleAttr.getValues<float>().begin(),
                scaleAttr.getValues<float>().end());
  zeroPoints.assign(scales.size(), 0);
  if (!zeroPoint)
    return success();
  DenseIntElementsAttr zpAttr;
  if (!matchPattern(zeroPoint, m_Constant(&zpAttr)))
    return failure();
  zeroPoints.clear();
  for (const APInt &v : zpAttr.getValues<APInt>())
    zeroPoints.push_back(readInteger(v, zpAttr.getElementType()));
  return success();
}

/// The static !quant.uniform type equivalent to constant parameters, when
/// there is one: per tensor or per axis, scales positive and finite.
quant::QuantizedType getEquivalentQuantType(IntegerType storage,
                                            ArrayRef<float> scales,
                                            ArrayRef<int64_t> zeroPoints,
                                            std::optional<uint64_t> axis,
                                            std::optional<uint64_t> block) {
  if (block || scales.empty())
    return {};
  for (float s : scales)
    if (!(s > 0.0f) || !std::isfinite(s))
      return {};
  MLIRContext *ctx = storage.getContext();
  bool isSigned = !storage.isUnsigned();
  unsigned width = storage.getWidth();
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type storageType = IntegerType::get(ctx, width);
  Type expressed = Float32Type::get(ctx);
  int64_t qmin =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t qmax =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  if (!axis)
    return quant::UniformQuantizedType::get(
        flags, storageType, expressed, scales[0], zeroPoints[0], qmin, qmax);
  SmallVector<double> scalesD(scales.begin(), scales.end());
  return quant::UniformQuantizedPerAxisType::get(
      flags, storageType, expressed, scalesD, zeroPoints,
      static_cast<int32_t>(*axis), qmin, qmax);
}

bool isEightBitInteger(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && integer.getWidth() == 8 && !integer.isSigned();
}

/// `value`'s integers as a quantized tensor of scale 1 and the constant zero
/// points `zp` (per axis along `axis` when several), for the Integer ops'
/// rewrites into the quantized compute ops.
Value castToScaleOne(PatternRewriter &rewriter, Location loc, Value value,
                     DenseIntElementsAttr zp, int64_t axis) {
  auto type = cast<RankedTensorType>(value.getType());
  auto storage = cast<IntegerType>(type.getElementType());
  SmallVector<int64_t> zeroPoints;
  for (const APInt &v : zp.getValues<APInt>())
    zeroPoints.push_back(readInteger(v, storage));
  SmallVector<float> scales(zeroPoints.size(), 1.0f);
  std::optional<uint64_t> quantizedAxis;
  if (cast<ShapedType>(zp.getType()).getRank() == 1)
    quantizedAxis = axis;
  quant::QuantizedType qtype = getEquivalentQuantType(
      storage, scales, zeroPoints, quantizedAxis, std::nullopt);
  return StorageCastOp::create(
      rewriter, loc, RankedTensorType::get(type.getShape(), qtype), value);
}

/// The i32 accumulator as a quantized type: scale 1, zero point 0.
quant::QuantizedType getAccumulatorType(MLIRContext *ctx) {
  return getEquivalentQuantType(IntegerType::get(ctx, 32), {1.0f}, {0},
                                std::nullopt, std::nullopt);
}

} // namespace

//===----------------------------------------------------------------------===//
// QuantizeLinearOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeLinearOp::verify() {
  return verifyLinearParams(
      *this, getInput().getType(), getType().getElementType(), getScale(),
      getZeroPoint(), getAxis(), getBlockSize(), "result", /*allowI32=*/false);
}

OpFoldResult QuantizeLinearOp::fold(FoldAdaptor adaptor) {
  auto input = dyn_cast_if_present<DenseFPElementsAttr>(adaptor.getInput());
  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
  auto storage = dyn_cast<IntegerType>(getType().getElementType());
  if (!input || !storage || !getType().hasStaticShape() ||
      failed(
          readConstantParams(getScale(), getZeroPoint(), scales, zeroPoints)))
    return {};
  auto [qmin, qmax] = integerRange(storage);
  LinearParamIndex paramIndex(getType().getShape(),
                              getScale().getType().getShape(), getAxis(),
                              getBlockSize());
  SmallVector<APInt> stored;
  stored.reserve(input.getNumElements());
  int64_t index = 0;
  for (float x : input.getValues<float>()) {
    int64_t j = paramIndex(index++);
    int64_t q = quantizeValue(x, scales[j], zeroPoints[j], qmin, qmax);
    stored.emplace_back(storage.getWidth(), q, !storage.isUnsigned(),
                        /*implicitTrunc=*/true);
  }
  return DenseElementsAttr::get(getType(), stored);
}

namespace {
/// quantize_linear with constant per-tensor or per-axis parameters is
/// qnt.quantize to the equivalent static type.
struct QuantizeLinearToQuantize : OpRewritePattern<QuantizeLinearOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeLinearOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<float> scales;
    SmallVector<int64_t> zeroPoints;
    auto storage = dyn_cast<IntegerType>(op.getType().getElementType());
    if (!storage || failed(readConstantParams(op.getScale(), op.getZeroPoint(),
                                              scales, zeroPoints)))
      return failure();
    quant::QuantizedType qtype = getEquivalentQuantType(
        storage, scales, zeroPoints, op.getAxis(), op.getBlockSize());
    if (!qtype)
      return failure();
    auto quantized = QuantizeOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get(op.getType().getShape(), qtype), op.getInput());
    rewriter.replaceOpWithNewOp<StorageCastOp>(op, op.getType(), quantized);
    return success();
  }
};
} // namespace

void QuantizeLinearOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  results.add<QuantizeLinearToQuantize>(context);
}

//===----------------------------------------------------------------------===//
// DequantizeLinearOp
//===----------------------------------------------------------------------===//

LogicalResult DequantizeLinearOp::verify() {
  return verifyLinearParams(*this, getInput().getType(),
                            getInput().getType().getElementType(), getScale(),
                            getZeroPoint(), getAxis(), getBlockSize(), "input",
                            /*allowI32=*/true);
}

OpFoldResult DequantizeLinearOp::fold(FoldAdaptor adaptor) {
  auto input = dyn_cast_if_present<DenseIntElementsAttr>(adaptor.getInput());
  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
  if (!input || !getType().hasStaticShape() ||
      failed(
          readConstantParams(getScale(), getZeroPoint(), scales, zeroPoints)))
    return {};
  Type storage = getInput().getType().getElementType();
  LinearParamIndex paramIndex(getType().getShape(),
                              getScale().getType().getShape(), getAxis(),
                              getBlockSize());
  SmallVector<float> real;
  real.reserve(input.getNumElements());
  int64_t index = 0;
  for (const APInt &raw : input.getValues<APInt>()) {
    int64_t j = paramIndex(index++);
    real.push_back(
        dequantizeValue(readInteger(raw, storage), scales[j], zeroPoints[j]));
  }
  return DenseElementsAttr::get(getType(), ArrayRef(real));
}

namespace {
/// dequantize_linear with constant per-tensor or per-axis parameters is
/// qnt.dequantize of the stored integers under the equivalent static type.
struct DequantizeLinearToDequantize : OpRewritePattern<DequantizeLinearOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DequantizeLinearOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<float> scales;
    SmallVector<int64_t> zeroPoints;
    RankedTensorType inputType = op.getInput().getType();
    auto storage = dyn_cast<IntegerType>(inputType.getElementType());
    if (!storage || failed(readConstantParams(op.getScale(), op.getZeroPoint(),
                                              scales, zeroPoints)))
      return failure();
    quant::QuantizedType qtype = getEquivalentQuantType(
        storage, scales, zeroPoints, op.getAxis(), op.getBlockSize());
    if (!qtype)
      return failure();
    auto quantized = StorageCastOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get(inputType.getShape(), qtype), op.getInput());
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, op.getType(), quantized);
    return success();
  }
};
} // namespace

void DequantizeLinearOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                     MLIRContext *context) {
  results.add<DequantizeLinearToDequantize>(context);
}

//===----------------------------------------------------------------------===//
// DynamicQuantizeLinearOp
//===----------------------------------------------------------------------===//

LogicalResult DynamicQuantizeLinearOp::verify() {
  RankedTensorType in = getInput().getType();
  if (in.hasStaticShape() && in.getNumElements() == 0)
    return emitOpError("input must have at least one element");
  if (failed(verifySameShape(*this)))
    return failure();
  auto isUI8 = [](Type type) {
    auto integer = dyn_cast<IntegerType>(getElementTypeOrSelf(type));
    return integer && integer.isUnsigned() && integer.getWidth() == 8;
  };
  if (!isUI8(getOutput().getType()))
    return emitOpError() << "output must have element type ui8, got "
                         << getOutput().getType().getElementType();
  if (getScale().getType().getRank() != 0)
    return emitOpError() << "scale must be a rank-0 tensor, got "
                         << getScale().getType();
  if (getZeroPoint().getType().getRank() != 0 ||
      !isUI8(getZeroPoint().getType()))
    return emitOpError() << "zero point must be a rank-0 ui8 tensor, got "
                         << getZeroPoint().getType();
  return success();
}

LogicalResult
DynamicQuantizeLinearOp::fold(FoldAdaptor adaptor,
                              SmallVectorImpl<OpFoldResult> &results) {
  auto input = dyn_cast_if_present<DenseFPElementsAttr>(adaptor.getInput());
  if (!input || input.getNumElements() == 0 ||
      !getOutput().getType().hasStaticShape())
    return failure();
  // f32 throughout, in the order of ONNX's reference implementation.
  float hi = 0.0f, lo = 0.0f;
  for (float x : input.getValues<float>()) {
    hi = std::max(hi, x);
    lo = std::min(lo, x);
  }
  float scale = hi == lo ? 1.0f : (hi - lo) / 255.0f;
  float zpReal = std::clamp(0.0f - lo / scale, 0.0f, 255.0f);
  auto zeroPoint = static_cast<int64_t>(std::nearbyint(zpReal));
  SmallVector<APInt> stored;
  stored.reserve(input.getNumElements());
  for (float x : input.getValues<float>())
    stored.emplace_back(8, quantizeValue(x, scale, zeroPoint, 0, 255));
  results.push_back(DenseElementsAttr::get(getOutput().getType(), stored));
  results.push_back(
      DenseElementsAttr::get(getScale().getType(), ArrayRef<float>(scale)));
  results.push_back(DenseElementsAttr::get(
      getZeroPoint().getType(), ArrayRef<APInt>(APInt(8, zeroPoint))));
  return success();
}

//===----------------------------------------------------------------------===//
// MatMulIntegerOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulIntegerOp::verify() {
  auto lhsType = getLhs().getType(), rhsType = getRhs().getType();
  for (auto [what, type] :
       {std::pair<StringRef, RankedTensorType>{"lhs", lhsType},
        {"rhs", rhsType}}) {
    if (!isEightBitInteger(type.getElementType()))
      return emitOpError() << what << " must have element type i8 or ui8, got "
                           << type.getElementType();
    if (type.getRank() < 2)
      return emitOpError() << what << " must have rank at least 2, got rank "
                           << type.getRank();
  }
  ArrayRef<int64_t> lhs = lhsType.getShape(), rhs = rhsType.getShape();
  int64_t k1 = lhs.back(), k2 = rhs[rhs.size() - 2];
  if (!sameSize(k1, k2))
    return emitOpError() << "contraction sizes must match: lhs has " << k1
                         << " columns, rhs has " << k2 << " rows";
  auto batch = broadcastShapes(lhs.drop_back(2), rhs.drop_back(2));
  if (failed(batch))
    return emitOpError() << "batch dimensions " << shapeString(lhs.drop_back(2))
                         << " and " << shapeString(rhs.drop_back(2))
                         << " must broadcast";
  SmallVector<int64_t> expected = *batch;
  expected.push_back(lhs[lhs.size() - 2]);
  expected.push_back(rhs.back());
  if (failed(verifyResultShape(*this, expected)))
    return failure();
  if (!getType().getElementType().isSignlessInteger(32))
    return emitOpError() << "result must have element type i32, got "
                         << getType().getElementType();

  auto lhsZp = getLhsZeroPoint().getType(), rhsZp = getRhsZeroPoint().getType();
  if (lhsZp.getElementType() != lhsType.getElementType() ||
      lhsZp.getRank() != 0)
    return emitOpError() << "lhs zero point must be a rank-0 tensor of "
                         << lhsType.getElementType() << ", got " << lhsZp;
  if (rhsZp.getElementType() != rhsType.getElementType() ||
      rhsZp.getRank() > 1 ||
      (rhsZp.getRank() == 1 && !sameSize(rhsZp.getDimSize(0), rhs.back())))
    return emitOpError() << "rhs zero point must be a rank-0 tensor or one of "
                         << rhs.back() << " elements (one per column) of "
                         << rhsType.getElementType() << ", got " << rhsZp;
  return success();
}

namespace {
/// matmul_integer with constant zero points is qnt.matmul on quantized types
/// of scale 1, as long as no sum can leave the i32 range.
struct MatMulIntegerToMatMul : OpRewritePattern<MatMulIntegerOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatMulIntegerOp op,
                                PatternRewriter &rewriter) const override {
    DenseIntElementsAttr lhsZp, rhsZp;
    int64_t k = op.getLhs().getType().getShape().back();
    if (ShapedType::isDynamic(k) || k > 33025 ||
        !matchPattern(op.getLhsZeroPoint(), m_Constant(&lhsZp)) ||
        !matchPattern(op.getRhsZeroPoint(), m_Constant(&rhsZp)))
      return failure();
    Value lhs = castToScaleOne(rewriter, op.getLoc(), op.getLhs(), lhsZp, 0);
    Value rhs = castToScaleOne(rewriter, op.getLoc(), op.getRhs(), rhsZp,
                               op.getRhs().getType().getRank() - 1);
    auto product = MatMulOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get(op.getType().getShape(),
                              getAccumulatorType(rewriter.getContext())),
        lhs, rhs, FloatAttr(), FloatAttr());
    rewriter.replaceOpWithNewOp<StorageCastOp>(op, op.getType(), product);
    return success();
  }
};
} // namespace

void MatMulIntegerOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                  MLIRContext *context) {
  results.add<MatMulIntegerToMatMul>(context);
}

//===----------------------------------------------------------------------===//
// Conv2DIntegerOp
//===----------------------------------------------------------------------===//

LogicalResult Conv2DIntegerOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", 4, "NHWC")) ||
      failed(verifyRank(*this, getFilter(), "filter", 4, "FHWC")))
    return failure();
  RankedTensorType inType = getInput().getType(),
                   filterType = getFilter().getType();
  for (auto [what, type] :
       {std::pair<StringRef, RankedTensorType>{"input", inType},
        {"filter", filterType}})
    if (!isEightBitInteger(type.getElementType()))
      return emitOpError() << what << " must have element type i8 or ui8, got "
                           << type.getElementType();
  ArrayRef<int64_t> in = inType.getShape(), filter = filterType.getShape();
  int64_t groups = getGroups();
  int64_t channels = in[3], filters = filter[0], groupChannels = filter[3];
  if (groups <= 0)
    return emitOpError() << "groups must be positive, got " << groups;
  if (!ShapedType::isDynamic(filters) && filters % groups != 0)
    return emitOpError() << "filters " << filters
                         << " must be a multiple of groups " << groups;
  if (!ShapedType::isDynamic(channels) &&
      !ShapedType::isDynamic(groupChannels) &&
      groupChannels * groups != channels)
    return emitOpError() << "filter input channels " << groupChannels
                         << " must equal input channels / groups = "
                         << channels / groups;
  SmallVector<int64_t, 2> outHW;
  if (failed(verifyWindow2D(*this, in[1], in[2], filter.slice(1, 2),
                            getStrides(), getPads(), getDilations(),
                            /*ceilMode=*/false, outHW)) ||
      failed(verifyResultShape(*this, {in[0], outHW[0], outHW[1], filters})))
    return failure();
  if (!getType().getElementType().isSignlessInteger(32))
    return emitOpError() << "result must have element type i32, got "
                         << getType().getElementType();

  auto inZp = getInputZeroPoint().getType(),
       filterZp = getFilterZeroPoint().getType();
  if (inZp.getElementType() != inType.getElementType() || inZp.getRank() != 0)
    return emitOpError() << "input zero point must be a rank-0 tensor of "
                         << inType.getElementType() << ", got " << inZp;
  if (filterZp.getElementType() != filterType.getElementType() ||
      filterZp.getRank() > 1 ||
      (filterZp.getRank() == 1 && !sameSize(filterZp.getDimSize(0), filters)))
    return emitOpError() << "filter zero point must be a rank-0 tensor or one "
                            "of "
                         << filters << " elements (one per output channel) of "
                         << filterType.getElementType() << ", got " << filterZp;
  return success();
}

namespace {
/// conv2d_integer with constant zero points is qnt.conv2d on quantized types
/// of scale 1, as long as no sum can leave the i32 range.
struct Conv2DIntegerToConv2D : OpRewritePattern<Conv2DIntegerOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(Conv2DIntegerOp op,
                                PatternRewriter &rewriter) const override {
    DenseIntElementsAttr inZp, filterZp;
    ArrayRef<int64_t> filter = op.getFilter().getType().getShape();
    if (!op.getFilter().getType().hasStaticShape() ||
        filter[1] * filter[2] * filter[3] > 33025 ||
        !matchPattern(op.getInputZeroPoint(), m_Constant(&inZp)) ||
        !matchPattern(op.getFilterZeroPoint(), m_Constant(&filterZp)))
      return failure();
    Value input = castToScaleOne(rewriter, op.getLoc(), op.getInput(), inZp, 0);
    Value weights =
        castToScaleOne(rewriter, op.getLoc(), op.getFilter(), filterZp, 0);
    auto conv = Conv2DOp::create(
        rewriter, op.getLoc(),
        RankedTensorType::get(op.getType().getShape(),
                              getAccumulatorType(rewriter.getContext())),
        input, weights, Value(), op.getStrides(), op.getPads(),
        op.getDilations(), op.getGroups(), FloatAttr(), FloatAttr());
    rewriter.replaceOpWithNewOp<StorageCastOp>(op, op.getType(), conv);
    return success();
  }
};
} // namespace

void Conv2DIntegerOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                  MLIRContext *context) {
  results.add<Conv2DIntegerToConv2D>(context);
}
