//===- QntFolds.cpp - Folders and canonicalizations of the qnt ops --------===//
//
// Only rewrites that keep the result bit for bit: quantize(dequantize(q)) is
// q again, but dequantize(quantize(x)) rounds x to the grid and stays.
// Constants fold through quantize, dequantize, transpose and reshape, so
// weights reach code generation as one constant each.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Utils/QuantArith.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/APSInt.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// QuantizeOp, DequantizeOp, RequantizeOp
//===----------------------------------------------------------------------===//

OpFoldResult QuantizeOp::fold(FoldAdaptor adaptor) {
  // quantize(dequantize(q)) with q's own parameters is q.
  if (auto dequantize = getInput().getDefiningOp<DequantizeOp>())
    if (dequantize.getInput().getType() == getType())
      return dequantize.getInput();

  auto values = dyn_cast_if_present<DenseFPElementsAttr>(adaptor.getInput());
  if (!values)
    return {};
  auto qtype = cast<quant::QuantizedType>(getType().getElementType());
  ElementQuantParams params(qtype, getType().getShape());
  unsigned width = qtype.getStorageTypeIntegralWidth();
  SmallVector<APInt> stored;
  stored.reserve(values.getNumElements());
  int64_t index = 0;
  for (const APFloat &value : values.getValues<APFloat>()) {
    int64_t q = quantizeValue(
        value.convertToFloat(), params.scale(index), params.zeroPoint(index),
        qtype.getStorageTypeMin(), qtype.getStorageTypeMax());
    stored.emplace_back(width, q, qtype.isSigned(), /*implicitTrunc=*/true);
    ++index;
  }
  return DenseElementsAttr::get(
      RankedTensorType::get(getType().getShape(), qtype.getStorageType()),
      stored);
}

namespace {
/// quantize(dequantize(q)) with new parameters is one requantize of q.
struct QuantizeOfDequantize : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto dequantize = op.getInput().getDefiningOp<DequantizeOp>();
    if (!dequantize || dequantize.getInput().getType() == op.getType())
      return failure();
    rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(),
                                              dequantize.getInput());
    return success();
  }
};
} // namespace

void QuantizeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                             MLIRContext *context) {
  results.add<QuantizeOfDequantize>(context);
}

OpFoldResult DequantizeOp::fold(FoldAdaptor adaptor) {
  auto values = dyn_cast_if_present<DenseIntElementsAttr>(adaptor.getInput());
  if (!values)
    return {};
  auto inputType = getInput().getType();
  auto qtype = cast<quant::QuantizedType>(inputType.getElementType());
  ElementQuantParams params(qtype, inputType.getShape());
  SmallVector<float> real;
  real.reserve(values.getNumElements());
  int64_t index = 0;
  for (const APInt &raw : values.getValues<APInt>()) {
    int64_t q = qtype.isSigned() ? raw.getSExtValue()
                                 : static_cast<int64_t>(raw.getZExtValue());
    real.push_back(
        dequantizeValue(q, params.scale(index), params.zeroPoint(index)));
    ++index;
  }
  return DenseElementsAttr::get(getType(), llvm::ArrayRef(real));
}

OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

OpFoldResult StorageCastOp::fold(FoldAdaptor adaptor) {
  if (auto producer = getInput().getDefiningOp<StorageCastOp>())
    if (producer.getInput().getType() == getType())
      return producer.getInput();
  // The stored bits do not change: reinterpret the constant's element type.
  auto values = dyn_cast_if_present<DenseIntElementsAttr>(adaptor.getInput());
  if (!values)
    return {};
  Type element = getType().getElementType();
  if (auto qtype = dyn_cast<quant::QuantizedType>(element))
    element = qtype.getStorageType();
  return values.bitcast(element);
}

/// f32 to a small float type, as ONNX's Cast does; see CastOp's description.
static APFloat castToSmallFloat(APFloat v, FloatType to, bool saturate) {
  const llvm::fltSemantics &sem = to.getFloatSemantics();
  bool negative = v.isNegative();
  bool finiteOnly = !APFloat::semanticsHasNaN(sem);
  if (v.isNaN()) {
    // f4E2M1FN has no NaN: ONNX's reference implementation and node tests
    // store NaN as the bit pattern 0b1000 (negative zero).
    if (finiteOnly)
      return APFloat::getZero(sem, /*Negative=*/true);
    return APFloat::getNaN(sem, negative);
  }
  auto overflow = [&] {
    if (saturate || finiteOnly)
      return APFloat::getLargest(sem, negative);
    if (APFloat::semanticsHasInf(sem))
      return APFloat::getInf(sem, negative);
    return APFloat::getNaN(sem, negative);
  };
  if (v.isInfinity())
    return overflow();
  bool lost = false;
  APFloat::opStatus status =
      v.convert(sem, llvm::RoundingMode::NearestTiesToEven, &lost);
  if ((status & APFloat::opOverflow) || v.isInfinity() || v.isNaN())
    return overflow();
  return v;
}

/// f32 to f8E8M0FNU on the f32 bits, as ONNX's Cast (opset 24) does; see
/// CastOp's description.
static APFloat castToE8M0(const APFloat &v, bool saturate, RoundMode mode) {
  uint32_t bits = v.bitcastToAPInt().getZExtValue();
  uint32_t exponent = (bits >> 23) & 0xFF, fraction = bits & 0x7FFFFF;
  const uint32_t half = 1u << 22;
  bool roundUp = false;
  switch (mode) {
  case RoundMode::up:
    roundUp = fraction != 0;
    break;
  case RoundMode::down:
    break;
  case RoundMode::nearest:
    roundUp = fraction > half || (fraction == half && exponent > 0);
    break;
  }
  // NaN and infinities (exponent 0xFF) stay 0xFF, NaN.
  if (exponent != 0xFF && roundUp && !(saturate && exponent == 0xFE))
    ++exponent;
  return APFloat(APFloat::Float8E8M0FNU(), APInt(8, exponent));
}

/// ONNX Cast of one constant element; see CastOp's description.
static Attribute castElement(Attribute value, Type from, Type to,
                             bool saturate, RoundMode roundMode) {
  if (auto toInt = dyn_cast<IntegerType>(to)) {
    unsigned width = toInt.getWidth();
    if (auto fromInt = dyn_cast<IntegerType>(from)) {
      APInt v = cast<IntegerAttr>(value).getValue();
      if (width == 1)
        return IntegerAttr::get(to, APInt(1, !v.isZero()));
      return IntegerAttr::get(to,
                              fromInt.isUnsigned() || fromInt.getWidth() == 1
                                  ? v.zextOrTrunc(width)
                                  : v.sextOrTrunc(width));
    }
    APFloat v = cast<FloatAttr>(value).getValue();
    if (width == 1)
      return IntegerAttr::get(to, APInt(1, !v.isZero()));
    if (v.isNaN())
      return IntegerAttr::get(to, APInt(width, 0));
    // convertToInteger truncates toward zero and saturates on overflow.
    APSInt result(width, toInt.isUnsigned());
    bool exact = false;
    v.convertToInteger(result, llvm::RoundingMode::TowardZero, &exact);
    return IntegerAttr::get(to, result);
  }
  if (auto fromFloat = dyn_cast<FloatType>(from)) {
    APFloat v = cast<FloatAttr>(value).getValue();
    if (isa<Float8E8M0FNUType>(to))
      return FloatAttr::get(to, castToE8M0(v, saturate, roundMode));
    if (!to.isF32())
      return FloatAttr::get(to,
                            castToSmallFloat(v, cast<FloatType>(to), saturate));
    // A small float to f32 is exact.
    bool lost = false;
    v.convert(APFloat::IEEEsingle(), llvm::RoundingMode::NearestTiesToEven,
              &lost);
    return FloatAttr::get(to, v);
  }
  auto fromInt = cast<IntegerType>(from);
  APFloat result(cast<FloatType>(to).getFloatSemantics());
  result.convertFromAPInt(cast<IntegerAttr>(value).getValue(),
                          !fromInt.isUnsigned() && fromInt.getWidth() != 1,
                          llvm::RoundingMode::NearestTiesToEven);
  return FloatAttr::get(to, result);
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  auto values = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
  if (!values)
    return {};
  Type from = values.getElementType(), to = getType().getElementType();
  bool saturate = getSaturate();
  RoundMode roundMode = getRoundMode();
  if (values.isSplat())
    return SplatElementsAttr::get(
        getType(), castElement(values.getSplatValue<Attribute>(), from, to,
                               saturate, roundMode));
  SmallVector<Attribute> converted;
  converted.reserve(values.getNumElements());
  for (Attribute element : values.getValues<Attribute>())
    converted.push_back(castElement(element, from, to, saturate, roundMode));
  return DenseElementsAttr::get(getType(), converted);
}

//===----------------------------------------------------------------------===//
// ClampOp
//===----------------------------------------------------------------------===//

OpFoldResult ClampOp::fold(FoldAdaptor) {
  float inf = std::numeric_limits<float>::infinity();
  if (asFloat(getMin()).value_or(-inf) == -inf &&
      asFloat(getMax()).value_or(inf) == inf)
    return getInput();
  return {};
}

namespace {
/// clamp(clamp(x, a1, b1), a2, b2) is clamp(x, max(a1, a2), min(b1, b2))
/// when the two ranges overlap (rounding to a quantized grid is monotone, so
/// this holds on quantized tensors too).
struct ClampOfClamp : OpRewritePattern<ClampOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ClampOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<ClampOp>();
    if (!inner)
      return failure();
    float inf = std::numeric_limits<float>::infinity();
    float lo = std::max(asFloat(op.getMin()).value_or(-inf),
                        asFloat(inner.getMin()).value_or(-inf));
    float hi = std::min(asFloat(op.getMax()).value_or(inf),
                        asFloat(inner.getMax()).value_or(inf));
    if (lo > hi)
      return failure();
    FloatAttr minAttr = lo == -inf ? FloatAttr() : rewriter.getF32FloatAttr(lo);
    FloatAttr maxAttr = hi == inf ? FloatAttr() : rewriter.getF32FloatAttr(hi);
    rewriter.replaceOpWithNewOp<ClampOp>(op, op.getType(), inner.getInput(),
                                         minAttr, maxAttr);
    return success();
  }
};
} // namespace

void ClampOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  results.add<ClampOfClamp>(context);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

/// The constant `values` with the type's shape and the values' own element
/// type (storage integers for quantized tensors).
static RankedTensorType withShapeOf(DenseElementsAttr values,
                                    ShapedType shaped) {
  return RankedTensorType::get(shaped.getShape(),
                               values.getType().getElementType());
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto values = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    if (getType().hasStaticShape())
      return values.reshape(withShapeOf(values, getType()));
  // reshape(reshape(x)) only depends on x.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  return {};
}

/// Permutes the elements of a dense constant whose elements are whole bytes.
static DenseElementsAttr transposeConstant(DenseElementsAttr values,
                                           ArrayRef<int64_t> perm,
                                           ShapedType resultType) {
  RankedTensorType type = withShapeOf(values, resultType);
  if (values.isSplat())
    return values.reshape(type);
  unsigned bits = values.getElementType().getIntOrFloatBitWidth();
  if (bits % 8 != 0 || !values.getType().hasStaticShape())
    return {};
  size_t bytes = bits / 8;
  ArrayRef<int64_t> inShape = values.getType().getShape();
  int64_t rank = inShape.size();
  SmallVector<int64_t> inStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStrides[d] = inStrides[d + 1] * inShape[d + 1];

  ArrayRef<char> src = values.getRawData();
  std::vector<char> dst(src.size());
  SmallVector<int64_t> index(rank, 0); // Index into the result.
  ArrayRef<int64_t> outShape = type.getShape();
  for (int64_t linear = 0, n = values.getNumElements(); linear < n; ++linear) {
    int64_t offset = 0;
    for (int64_t k = 0; k < rank; ++k)
      offset += index[k] * inStrides[perm[k]];
    std::memcpy(&dst[linear * bytes], &src[offset * bytes], bytes);
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++index[k] < outShape[k])
        break;
      index[k] = 0;
    }
  }
  return DenseElementsAttr::getFromRawBuffer(type, dst);
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPerm();
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())) &&
      getInput().getType() == getType())
    return getInput();
  if (auto values = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return transposeConstant(values, perm, getType());
  // transpose(transpose(x, p1), p2) is transpose(x, k -> p1[p2[k]]).
  if (auto producer = getInput().getDefiningOp<TransposeOp>()) {
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(producer.getPerm()[p]);
    getInputMutable().assign(producer.getInput());
    setPerm(composed);
    return getResult();
  }
  return {};
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1 && getInputs().front().getType() == getType())
    return getInputs().front();
  // Constants: copy each input's run of `axis`-and-inner elements per outer
  // index, in order.
  SmallVector<DenseElementsAttr> values;
  for (Attribute attr : adaptor.getInputs()) {
    auto dense = dyn_cast_if_present<DenseElementsAttr>(attr);
    if (!dense)
      return {};
    values.push_back(dense);
  }
  if (!getType().hasStaticShape())
    return {};
  ArrayRef<int64_t> shape = getType().getShape();
  int64_t axis = getAxisAttr().getInt();
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1; d < static_cast<int64_t>(shape.size()); ++d)
    inner *= shape[d];
  SmallVector<SmallVector<Attribute>> elements;
  for (DenseElementsAttr dense : values)
    elements.emplace_back(dense.getValues<Attribute>().begin(),
                          dense.getValues<Attribute>().end());
  SmallVector<Attribute> result;
  result.reserve(getType().getNumElements());
  for (int64_t o = 0; o < outer; ++o)
    for (auto [dense, all] : llvm::zip(values, elements)) {
      int64_t run = dense.getType().getDimSize(axis) * inner;
      result.append(all.begin() + o * run, all.begin() + (o + 1) * run);
    }
  return DenseElementsAttr::get(withShapeOf(values.front(), getType()), result);
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (llvm::all_of(getPads(), [](int64_t p) { return p == 0; }) &&
      getInput().getType() == getType())
    return getInput();
  return {};
}
