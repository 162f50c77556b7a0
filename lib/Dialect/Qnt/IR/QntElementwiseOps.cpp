//===- QntElementwiseOps.cpp - Verifiers and folders of elementwise ops ---===//
//
// The ops declared in QntElementwiseOps.td. Folders evaluate constants with
// the semantics each op's description states (IEEE f32 arithmetic rounded to
// nearest even, wrapping integers), so shape computations on constants fold
// at import; identities fold only where they hold bit for bit.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;

//===----------------------------------------------------------------------===//
// Constant evaluation
//===----------------------------------------------------------------------===//

namespace {
/// The elements of a constant, read once; a splat keeps one element and
/// broadcasts it, so folding `x + splat` does not expand the splat first.
template <typename T> struct ConstantElements {
  SmallVector<T> values;
  SmallVector<int64_t> shape;

  explicit ConstantElements(DenseElementsAttr attr) {
    if (attr.isSplat()) {
      values.push_back(attr.getSplatValue<T>());
      return;
    }
    values.assign(attr.getValues<T>().begin(), attr.getValues<T>().end());
    shape.assign(attr.getType().getShape().begin(),
                 attr.getType().getShape().end());
  }
};

/// Maps linear indices of a broadcast result to linear indices of an operand
/// of shape `operandShape` (NumPy broadcasting: aligned at the last
/// dimension, size-1 dimensions repeat).
class BroadcastIndexer {
public:
  BroadcastIndexer(ArrayRef<int64_t> operandShape,
                   ArrayRef<int64_t> resultShape)
      : resultShape(resultShape), strides(resultShape.size(), 0) {
    size_t offset = resultShape.size() - operandShape.size();
    int64_t stride = 1;
    for (size_t d = operandShape.size(); d-- > 0;) {
      if (operandShape[d] != 1)
        strides[d + offset] = stride;
      stride *= operandShape[d];
    }
  }

  int64_t operator()(int64_t linear) const {
    int64_t index = 0;
    for (size_t d = resultShape.size(); d-- > 0;) {
      index += (linear % resultShape[d]) * strides[d];
      linear /= resultShape[d];
    }
    return index;
  }

private:
  ArrayRef<int64_t> resultShape;
  SmallVector<int64_t> strides;
};

Attribute elementAttr(Type type, const APInt &value) {
  return IntegerAttr::get(type, value);
}
Attribute elementAttr(Type type, const APFloat &value) {
  return FloatAttr::get(type, value);
}
} // namespace

/// Applies `fn` to the broadcast elements of two constants of element kind
/// `T` (APInt or APFloat); null unless both are dense constants and the
/// result shape is static.
template <typename T, typename Fn>
static Attribute foldBinary(Attribute lhsAttr, Attribute rhsAttr,
                            RankedTensorType resultType, Fn fn) {
  auto lhsDense = dyn_cast_if_present<DenseElementsAttr>(lhsAttr);
  auto rhsDense = dyn_cast_if_present<DenseElementsAttr>(rhsAttr);
  if (!lhsDense || !rhsDense || !resultType.hasStaticShape())
    return {};
  ConstantElements<T> lhs(lhsDense), rhs(rhsDense);
  if (lhsDense.isSplat() && rhsDense.isSplat())
    return SplatElementsAttr::get(
        resultType, elementAttr(resultType.getElementType(),
                                fn(lhs.values[0], rhs.values[0])));
  ArrayRef<int64_t> shape = resultType.getShape();
  BroadcastIndexer lhsIndex(lhs.shape, shape), rhsIndex(rhs.shape, shape);
  int64_t count = resultType.getNumElements();
  SmallVector<T> result;
  result.reserve(count);
  for (int64_t i = 0; i < count; ++i)
    result.push_back(fn(lhs.values[lhsIndex(i)], rhs.values[rhsIndex(i)]));
  return DenseElementsAttr::get(resultType, ArrayRef<T>(result));
}

/// Applies `fn` to every float of a constant f32 tensor.
template <typename Fn>
static Attribute foldUnaryFloat(Attribute inputAttr,
                                RankedTensorType resultType, Fn fn) {
  auto dense = dyn_cast_if_present<DenseFPElementsAttr>(inputAttr);
  if (!dense)
    return {};
  auto apply = [&](const APFloat &x) {
    return APFloat(fn(x.convertToFloat()));
  };
  if (dense.isSplat())
    return SplatElementsAttr::get(
        resultType, FloatAttr::get(resultType.getElementType(),
                                   apply(dense.getSplatValue<APFloat>())));
  SmallVector<APFloat> result;
  result.reserve(dense.getNumElements());
  for (const APFloat &x : dense.getValues<APFloat>())
    result.push_back(apply(x));
  return DenseElementsAttr::get(resultType, ArrayRef<APFloat>(result));
}

/// Whether `value` is a constant whose elements all equal `expected` (an
/// integer for integer tensors, a float for f32 tensors).
static bool isSplatConstant(Value value, double expected) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || !attr.isSplat())
    return false;
  if (auto intType = dyn_cast<IntegerType>(attr.getElementType())) {
    APInt v = attr.getSplatValue<APInt>();
    return intType.isUnsigned() ? v.getZExtValue() == expected
                                : v.getSExtValue() == expected;
  }
  if (attr.getElementType().isF32())
    return attr.getSplatValue<APFloat>().convertToDouble() == expected;
  return false;
}

/// `lhs` when `rhs` is the splat identity element `identity` and the
/// result has `lhs`'s type (no broadcast widened it).
static OpFoldResult foldRightIdentity(Value lhs, Value rhs, Type resultType,
                                      double identity) {
  if (lhs.getType() == resultType && isSplatConstant(rhs, identity))
    return lhs;
  return {};
}

static APFloat applyF32(
    const APFloat &a, const APFloat &b,
    APFloat::opStatus (APFloat::*op)(const APFloat &, APFloat::roundingMode)) {
  APFloat result = a;
  (result.*op)(b, APFloat::rmNearestTiesToEven);
  return result;
}

//===----------------------------------------------------------------------===//
// Float arithmetic
//===----------------------------------------------------------------------===//

/// Broadcast shapes and the result shape of a binary op.
static LogicalResult verifyBroadcastShapes(Operation *op, Value lhs,
                                           Value rhs) {
  auto lhsShape = cast<RankedTensorType>(lhs.getType()).getShape();
  auto rhsShape = cast<RankedTensorType>(rhs.getType()).getShape();
  auto shape = broadcastShapes(lhsShape, rhsShape);
  if (failed(shape))
    return op->emitOpError()
           << "operand shapes " << shapeString(lhsShape) << " and "
           << shapeString(rhsShape) << " must broadcast";
  return verifyResultShape(op, *shape);
}

LogicalResult SubOp::verify() {
  if (failed(verifyBroadcastShapes(*this, getLhs(), getRhs())) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyPerTensor(*this, getLhs(), "lhs")) ||
      failed(verifyPerTensor(*this, getRhs(), "rhs")) ||
      failed(verifyPerTensor(*this, getOutput(), "result")))
    return failure();
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  // Constants of quantized tensors hold stored integers; only f32 folds, and
  // only without a fused clamp.
  if (!getType().getElementType().isF32() || getClampMin() || getClampMax())
    return {};
  // x - (+0) is x for every x, -0 and NaN included (x - (-0) is not: it
  // turns -0 into +0).
  DenseFPElementsAttr rhs;
  if (getLhs().getType() == getType() &&
      matchPattern(getRhs(), m_Constant(&rhs)) && rhs.isSplat() &&
      rhs.getSplatValue<APFloat>().isPosZero())
    return getLhs();
  return foldBinary<APFloat>(adaptor.getLhs(), adaptor.getRhs(), getType(),
                             [](const APFloat &a, const APFloat &b) {
                               return applyF32(a, b, &APFloat::subtract);
                             });
}

LogicalResult DivOp::verify() {
  return verifyBroadcastShapes(*this, getLhs(), getRhs());
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  // x / 1 is x exactly.
  if (OpFoldResult same = foldRightIdentity(getLhs(), getRhs(), getType(), 1.0))
    return same;
  return foldBinary<APFloat>(adaptor.getLhs(), adaptor.getRhs(), getType(),
                             [](const APFloat &a, const APFloat &b) {
                               return applyF32(a, b, &APFloat::divide);
                             });
}

LogicalResult PowOp::verify() {
  return verifyBroadcastShapes(*this, getLhs(), getRhs());
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  return foldBinary<APFloat>(adaptor.getLhs(), adaptor.getRhs(), getType(),
                             [](const APFloat &a, const APFloat &b) {
                               // In double, then rounded once: almost always
                               // correctly rounded.
                               return APFloat(static_cast<float>(std::pow(
                                   a.convertToDouble(), b.convertToDouble())));
                             });
}

//===----------------------------------------------------------------------===//
// Integer arithmetic
//===----------------------------------------------------------------------===//

template <typename IntOp> static LogicalResult verifyIntBinary(IntOp op) {
  Type lhs = getElementTypeOrSelf(op.getLhs()),
       rhs = getElementTypeOrSelf(op.getRhs()),
       out = getElementTypeOrSelf(op.getOutput());
  if (lhs != rhs || lhs != out)
    return op.emitOpError()
           << "operands and result must have one element type, got " << lhs
           << ", " << rhs << " and " << out;
  return verifyBroadcastShapes(op, op.getLhs(), op.getRhs());
}

/// Folds constant operands of an integer op with `fn(a, b, isUnsigned)`.
template <typename IntOp, typename Fn>
static Attribute foldIntBinary(IntOp op, Attribute lhs, Attribute rhs, Fn fn) {
  bool isUnsigned = op.getType().getElementType().isUnsignedInteger();
  return foldBinary<APInt>(
      lhs, rhs, op.getType(),
      [&](const APInt &a, const APInt &b) { return fn(a, b, isUnsigned); });
}

LogicalResult IntAddOp::verify() { return verifyIntBinary(*this); }
LogicalResult IntSubOp::verify() { return verifyIntBinary(*this); }
LogicalResult IntMulOp::verify() { return verifyIntBinary(*this); }
LogicalResult IntDivOp::verify() { return verifyIntBinary(*this); }
LogicalResult IntMaxOp::verify() { return verifyIntBinary(*this); }
LogicalResult IntMinOp::verify() { return verifyIntBinary(*this); }

OpFoldResult IntAddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldRightIdentity(getLhs(), getRhs(), getType(), 0))
    return same;
  if (OpFoldResult same = foldRightIdentity(getRhs(), getLhs(), getType(), 0))
    return same;
  return foldIntBinary(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool) { return a + b; });
}

OpFoldResult IntSubOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldRightIdentity(getLhs(), getRhs(), getType(), 0))
    return same;
  return foldIntBinary(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool) { return a - b; });
}

OpFoldResult IntMulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldRightIdentity(getLhs(), getRhs(), getType(), 1))
    return same;
  if (OpFoldResult same = foldRightIdentity(getRhs(), getLhs(), getType(), 1))
    return same;
  return foldIntBinary(
      *this, adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool) { return a * b; });
}

OpFoldResult IntDivOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult same = foldRightIdentity(getLhs(), getRhs(), getType(), 1))
    return same;
  return foldIntBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                       [](const APInt &a, const APInt &b, bool isUnsigned) {
                         // See the op's description: x / 0 = 0, and
                         // MIN / -1 wraps to MIN (APInt::sdiv does).
                         if (b.isZero())
                           return APInt::getZero(a.getBitWidth());
                         return isUnsigned ? a.udiv(b) : a.sdiv(b);
                       });
}

OpFoldResult IntMaxOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs() && getLhs().getType() == getType())
    return getLhs();
  return foldIntBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                       [](const APInt &a, const APInt &b, bool isUnsigned) {
                         return isUnsigned ? llvm::APIntOps::umax(a, b)
                                           : llvm::APIntOps::smax(a, b);
                       });
}

OpFoldResult IntMinOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs() && getLhs().getType() == getType())
    return getLhs();
  return foldIntBinary(*this, adaptor.getLhs(), adaptor.getRhs(),
                       [](const APInt &a, const APInt &b, bool isUnsigned) {
                         return isUnsigned ? llvm::APIntOps::umin(a, b)
                                           : llvm::APIntOps::smin(a, b);
                       });
}

//===----------------------------------------------------------------------===//
// Float activations and math functions
//===----------------------------------------------------------------------===//

OpFoldResult ExpOp::fold(FoldAdaptor adaptor) {
  return foldUnaryFloat(adaptor.getInput(), getType(),
                        [](float x) { return float(std::exp(double(x))); });
}

OpFoldResult SqrtOp::fold(FoldAdaptor adaptor) {
  return foldUnaryFloat(adaptor.getInput(), getType(),
                        [](float x) { return std::sqrt(x); });
}

OpFoldResult ErfOp::fold(FoldAdaptor adaptor) {
  return foldUnaryFloat(adaptor.getInput(), getType(),
                        [](float x) { return float(std::erf(double(x))); });
}

LogicalResult PReluOp::verify() {
  auto input = getInput().getType(), slope = getSlope().getType();
  if (slope.getRank() > input.getRank())
    return emitOpError() << "slope rank " << slope.getRank()
                         << " must not exceed the input rank "
                         << input.getRank()
                         << " (slope broadcasts to the input)";
  int64_t offset = input.getRank() - slope.getRank();
  for (int64_t d = 0; d < slope.getRank(); ++d) {
    int64_t s = slope.getDimSize(d), x = input.getDimSize(d + offset);
    if (s != 1 && !sameSize(s, x))
      return emitOpError() << "slope shape " << shapeString(slope.getShape())
                           << " must broadcast to the input shape "
                           << shapeString(input.getShape())
                           << ": each slope dimension equals the input's or "
                              "is 1";
  }
  if (getType() != input)
    return emitOpError() << "result type " << getType()
                         << " must be the input type " << input;
  return success();
}

OpFoldResult PReluOp::fold(FoldAdaptor adaptor) {
  return foldBinary<APFloat>(
      adaptor.getInput(), adaptor.getSlope(), getType(),
      [](const APFloat &x, const APFloat &slope) {
        return x.isNegative() && !x.isZero() && !x.isNaN()
                   ? applyF32(slope, x, &APFloat::multiply)
                   : x;
      });
}

namespace {
/// prelu with a splat constant slope is leaky_relu: both are
/// `x < 0 ? alpha * x : x` (at x = -0 both return x).
struct PReluOfSplatSlope : OpRewritePattern<PReluOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PReluOp op,
                                PatternRewriter &rewriter) const override {
    DenseFPElementsAttr slope;
    if (!matchPattern(op.getSlope(), m_Constant(&slope)) || !slope.isSplat())
      return failure();
    APFloat alpha = slope.getSplatValue<APFloat>();
    if (!alpha.isFinite())
      return failure();
    rewriter.replaceOpWithNewOp<LeakyReluOp>(
        op, op.getType(), op.getInput(),
        rewriter.getF32FloatAttr(alpha.convertToFloat()));
    return success();
  }
};
} // namespace

void PReluOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                          MLIRContext *context) {
  results.add<PReluOfSplatSlope>(context);
}

LogicalResult HardSigmoidOp::verify() {
  float alpha = getAlpha().convertToFloat(), beta = getBeta().convertToFloat();
  if (!std::isfinite(alpha) || !std::isfinite(beta))
    return emitOpError() << "alpha and beta must be finite, got " << alpha
                         << " and " << beta;
  return verifyUnary(*this);
}

OpFoldResult HardSigmoidOp::fold(FoldAdaptor adaptor) {
  if (!getType().getElementType().isF32())
    return {};
  APFloat alpha = getAlpha(), beta = getBeta();
  APFloat zero(0.0f), one(1.0f);
  return foldUnaryFloat(adaptor.getInput(), getType(), [&](float x) {
    APFloat y = applyF32(alpha, APFloat(x), &APFloat::multiply);
    y = applyF32(y, beta, &APFloat::add);
    // min and max propagate NaN here, as max(0, min(1, NaN)) does in NumPy.
    if (y.isNaN())
      return y.convertToFloat();
    return llvm::maximum(zero, llvm::minimum(one, y)).convertToFloat();
  });
}

LogicalResult LogSoftmaxOp::verify() {
  int64_t rank = getInput().getType().getRank();
  int64_t axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " must be in [0, " << rank
                         << ")";
  return success();
}
