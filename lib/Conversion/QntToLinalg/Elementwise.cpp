//===- Elementwise.cpp - Lowering of elementwise qnt ops ------------------===//
//
// Float and integer elementwise ops, activations, cast and storage_cast.
//
// Every op becomes one broadcasting linalg.generic (buildElementwise) whose
// body is the op's scalar definition. Ops with a quantized form compute on
// real values: the body dequantizes each operand to f32, applies the float
// definition and quantizes to the result type (round half to even,
// saturate); a fused clamp narrows the quantized range, which equals
// clamping the real value first because quantization is monotonic. Float
// arithmetic is plain IEEE f32 (no fast-math flags, no fused multiply-add).
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static std::optional<float> getFloat(FloatAttr attr) {
  if (!attr)
    return std::nullopt;
  return attr.getValue().convertToFloat();
}

/// Real-valued clamp bounds; unset bounds are unbounded.
struct ClampBounds {
  std::optional<float> min, max;
};

/// `min(max(x, lo), hi)` with NaN propagating, as NumPy's clip does.
static Value clampF32(OpBuilder &b, Location loc, Value x,
                      const ClampBounds &bounds) {
  if (bounds.min)
    x = arith::MaximumFOp::create(b, loc, x,
                                  createF32Constant(b, loc, *bounds.min));
  if (bounds.max)
    x = arith::MinimumFOp::create(b, loc, x,
                                  createF32Constant(b, loc, *bounds.max));
  return x;
}

static Value createIntConstant(OpBuilder &b, Location loc, Type type,
                               const APInt &value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

/// Per-tensor quantization parameters as scalars a generic body can use.
struct ScalarQuantParams {
  Value scale;     // f32
  Value zeroPoint; // i32
  StorageInfo storage;

  /// Parameters of `type`, with the storage range narrowed to `clamp`.
  static ScalarQuantParams get(OpBuilder &b, Location loc,
                               quant::QuantizedType type,
                               const ClampBounds &clamp = {}) {
    QuantParams params = QuantParams::get(type);
    ScalarQuantParams result;
    result.scale = createF32Constant(b, loc, params.scales[0]);
    result.zeroPoint =
        createIntConstant(b, loc, b.getI32Type(), params.zeroPoints[0]);
    result.storage = clampStorage(params.storage, params.scales[0],
                                  params.zeroPoints[0], clamp.min, clamp.max);
    return result;
  }

  Value dequantize(OpBuilder &b, Location loc, Value q) const {
    return dequantizeScalar(b, loc, q, storage, zeroPoint, scale);
  }
  Value quantize(OpBuilder &b, Location loc, Value x) const {
    return quantizeScalar(b, loc, x, scale, zeroPoint, storage);
  }
};

//===----------------------------------------------------------------------===//
// Scalar definitions of the real-valued ops
//===----------------------------------------------------------------------===//

static Value applyReal(AddOp, OpBuilder &b, Location loc, Value x, Value y) {
  return arith::AddFOp::create(b, loc, x, y);
}
static Value applyReal(SubOp, OpBuilder &b, Location loc, Value x, Value y) {
  return arith::SubFOp::create(b, loc, x, y);
}
static Value applyReal(MulOp, OpBuilder &b, Location loc, Value x, Value y) {
  return arith::MulFOp::create(b, loc, x, y);
}
static Value applyReal(DivOp, OpBuilder &b, Location loc, Value x, Value y) {
  return arith::DivFOp::create(b, loc, x, y);
}
static Value applyReal(PowOp, OpBuilder &b, Location loc, Value x, Value y) {
  return math::PowFOp::create(b, loc, x, y);
}

/// `x < 0 ? slope * x : x`; NaN and -0 pass through unchanged.
static Value negativeSlope(OpBuilder &b, Location loc, Value x, Value slope) {
  Value isNegative = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                           createF32Constant(b, loc, 0.0f));
  Value scaled = arith::MulFOp::create(b, loc, slope, x);
  return arith::SelectOp::create(b, loc, isNegative, scaled, x);
}

static Value applyReal(PReluOp, OpBuilder &b, Location loc, Value x,
                       Value slope) {
  return negativeSlope(b, loc, x, slope);
}

static Value applyReal(LeakyReluOp op, OpBuilder &b, Location loc, Value x) {
  return negativeSlope(
      b, loc, x, createF32Constant(b, loc, op.getAlpha().convertToFloat()));
}

static Value applyReal(SigmoidOp, OpBuilder &b, Location loc, Value x) {
  Value one = createF32Constant(b, loc, 1.0f);
  Value negated = arith::NegFOp::create(b, loc, x);
  Value exp = math::ExpOp::create(b, loc, negated);
  Value denominator = arith::AddFOp::create(b, loc, one, exp);
  return arith::DivFOp::create(b, loc, one, denominator);
}

static Value applyReal(TanhOp, OpBuilder &b, Location loc, Value x) {
  return math::TanhOp::create(b, loc, x);
}

/// `x * min(max(x + 3, 0), 6) / 6`, each step rounded to f32.
static Value applyReal(HardSwishOp, OpBuilder &b, Location loc, Value x) {
  Value shifted =
      arith::AddFOp::create(b, loc, x, createF32Constant(b, loc, 3.0f));
  Value relu6 = clampF32(b, loc, shifted, {0.0f, 6.0f});
  Value product = arith::MulFOp::create(b, loc, x, relu6);
  return arith::DivFOp::create(b, loc, product,
                               createF32Constant(b, loc, 6.0f));
}

/// `max(0, min(1, alpha * x + beta))`: a separate multiply and add (no FMA).
static Value applyReal(HardSigmoidOp op, OpBuilder &b, Location loc, Value x) {
  Value alpha = createF32Constant(b, loc, op.getAlpha().convertToFloat());
  Value beta = createF32Constant(b, loc, op.getBeta().convertToFloat());
  Value product = arith::MulFOp::create(b, loc, alpha, x);
  Value sum = arith::AddFOp::create(b, loc, product, beta);
  Value upper =
      arith::MinimumFOp::create(b, loc, sum, createF32Constant(b, loc, 1.0f));
  return arith::MaximumFOp::create(b, loc, upper,
                                   createF32Constant(b, loc, 0.0f));
}

static Value applyReal(ExpOp, OpBuilder &b, Location loc, Value x) {
  return math::ExpOp::create(b, loc, x);
}
static Value applyReal(SqrtOp, OpBuilder &b, Location loc, Value x) {
  return math::SqrtOp::create(b, loc, x);
}
static Value applyReal(ErfOp, OpBuilder &b, Location loc, Value x) {
  return math::ErfOp::create(b, loc, x);
}

/// The fused clamp of add, sub and mul; other ops have none.
template <typename OpTy> static ClampBounds getFusedClamp(OpTy op) {
  if constexpr (std::is_same_v<OpTy, AddOp> || std::is_same_v<OpTy, SubOp> ||
                std::is_same_v<OpTy, MulOp>)
    return {getFloat(op.getClampMinAttr()), getFloat(op.getClampMaxAttr())};
  return {};
}

//===----------------------------------------------------------------------===//
// Real-valued ops: f32 or per-tensor quantized
//===----------------------------------------------------------------------===//

namespace {

/// Builds the generic of a real-valued op: `fn` on f32 scalars, wrapped in
/// dequantize/quantize when the operands are quantized.
template <typename OpTy, typename Fn>
LogicalResult lowerReal(OpTy op, ValueRange qntOperands, ValueRange operands,
                        const TypeConverter &converter,
                        ConversionPatternRewriter &rewriter, Fn fn) {
  RankedTensorType resultType = getStaticResultType(converter, op);
  if (!resultType)
    return rewriter.notifyMatchFailure(op, "expects a static result shape");
  Location loc = op.getLoc();
  auto resultQuant = getQuantizedElementType(op.getType());
  ClampBounds clamp = getFusedClamp(op);
  if (!resultQuant) {
    rewriter.replaceOp(
        op, buildElementwise(rewriter, loc, operands, resultType,
                             [&](OpBuilder &b, Location l, ValueRange args) {
                               return clampF32(b, l, fn(b, l, args), clamp);
                             }));
    return success();
  }
  SmallVector<ScalarQuantParams> inputParams;
  for (Value operand : qntOperands)
    inputParams.push_back(ScalarQuantParams::get(
        rewriter, loc, getQuantizedElementType(operand.getType())));
  auto resultParams = ScalarQuantParams::get(rewriter, loc, resultQuant, clamp);
  rewriter.replaceOp(
      op, buildElementwise(
              rewriter, loc, operands, resultType,
              [&](OpBuilder &b, Location l, ValueRange args) {
                SmallVector<Value> reals;
                for (auto [params, q] : llvm::zip_equal(inputParams, args))
                  reals.push_back(params.dequantize(b, l, q));
                return resultParams.quantize(b, l, fn(b, l, reals));
              }));
  return success();
}

template <typename OpTy> struct RealUnaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerReal(op, ValueRange{op.getInput()},
                     ValueRange{adaptor.getInput()}, *this->getTypeConverter(),
                     rewriter, [&](OpBuilder &b, Location loc, ValueRange x) {
                       return applyReal(op, b, loc, x[0]);
                     });
  }
};

template <typename OpTy> struct RealBinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerReal(op, op->getOperands(), adaptor.getOperands(),
                     *this->getTypeConverter(), rewriter,
                     [&](OpBuilder &b, Location loc, ValueRange x) {
                       return applyReal(op, b, loc, x[0], x[1]);
                     });
  }
};

//===----------------------------------------------------------------------===//
// clamp
//===----------------------------------------------------------------------===//

/// Storage bounds of a quantized clamp, one pair per quantization slice.
struct StorageBounds {
  SmallVector<int64_t> lo, hi;
  bool isSigned;
};

static StorageBounds getStorageBounds(quant::QuantizedType type,
                                      const ClampBounds &bounds) {
  QuantParams params = QuantParams::get(type);
  StorageBounds result;
  result.isSigned = params.storage.isSigned;
  for (auto [scale, zeroPoint] :
       llvm::zip_equal(params.scales, params.zeroPoints)) {
    StorageInfo clamped =
        clampStorage(params.storage, scale, zeroPoint, bounds.min, bounds.max);
    result.lo.push_back(clamped.min);
    result.hi.push_back(clamped.max);
  }
  return result;
}

/// A constant of per-axis bounds shaped to broadcast along `axis` of a
/// tensor of rank `rank`.
static Value createAxisBounds(OpBuilder &b, Location loc, IntegerType type,
                              bool isSigned, ArrayRef<int64_t> values,
                              int64_t rank, int64_t axis) {
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = values.size();
  SmallVector<APInt> bits = llvm::map_to_vector(
      values, [&](int64_t v) { return APInt(type.getWidth(), v, isSigned); });
  auto tensorType = RankedTensorType::get(shape, type);
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(tensorType, bits));
}

static Value maxInt(OpBuilder &b, Location loc, Value x, Value y,
                    bool isSigned) {
  if (isSigned)
    return arith::MaxSIOp::create(b, loc, x, y);
  return arith::MaxUIOp::create(b, loc, x, y);
}

static Value minInt(OpBuilder &b, Location loc, Value x, Value y,
                    bool isSigned) {
  if (isSigned)
    return arith::MinSIOp::create(b, loc, x, y);
  return arith::MinUIOp::create(b, loc, x, y);
}

/// Float clamps compare reals; quantized clamps compare stored integers
/// against the quantized bounds (per slice for per-axis types).
struct ClampLowering : OpConversionPattern<ClampOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = getStaticResultType(*getTypeConverter(), op);
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "expects a static result shape");
    Location loc = op.getLoc();
    ClampBounds bounds{getFloat(op.getMinAttr()), getFloat(op.getMaxAttr())};
    auto quantType = getQuantizedElementType(op.getType());
    if (!quantType) {
      rewriter.replaceOp(
          op, buildElementwise(rewriter, loc, adaptor.getInput(), resultType,
                               [&](OpBuilder &b, Location l, ValueRange args) {
                                 return clampF32(b, l, args[0], bounds);
                               }));
      return success();
    }
    StorageBounds storage = getStorageBounds(quantType, bounds);
    auto storageType = cast<IntegerType>(resultType.getElementType());
    SmallVector<Value> inputs{adaptor.getInput()};
    if (auto perAxis =
            dyn_cast<quant::UniformQuantizedPerAxisType>(quantType)) {
      int64_t rank = resultType.getRank(),
              axis = perAxis.getQuantizedDimension();
      inputs.push_back(createAxisBounds(rewriter, loc, storageType,
                                        storage.isSigned, storage.lo, rank,
                                        axis));
      inputs.push_back(createAxisBounds(rewriter, loc, storageType,
                                        storage.isSigned, storage.hi, rank,
                                        axis));
    }
    Value lo, hi;
    if (inputs.size() == 1) {
      lo = createIntConstant(rewriter, loc, storageType, storage.lo[0]);
      hi = createIntConstant(rewriter, loc, storageType, storage.hi[0]);
    }
    bool isSigned = storage.isSigned;
    rewriter.replaceOp(
        op, buildElementwise(rewriter, loc, inputs, resultType,
                             [&](OpBuilder &b, Location l, ValueRange args) {
                               Value low = lo ? lo : args[1];
                               Value high = hi ? hi : args[2];
                               Value x = maxInt(b, l, args[0], low, isSigned);
                               return minInt(b, l, x, high, isSigned);
                             }));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Integer arithmetic
//===----------------------------------------------------------------------===//

Value applyInt(IntAddOp, OpBuilder &b, Location loc, Value x, Value y, bool) {
  return arith::AddIOp::create(b, loc, x, y);
}
Value applyInt(IntSubOp, OpBuilder &b, Location loc, Value x, Value y, bool) {
  return arith::SubIOp::create(b, loc, x, y);
}
Value applyInt(IntMulOp, OpBuilder &b, Location loc, Value x, Value y, bool) {
  return arith::MulIOp::create(b, loc, x, y);
}
Value applyInt(IntMaxOp, OpBuilder &b, Location loc, Value x, Value y,
               bool isSigned) {
  return maxInt(b, loc, x, y, isSigned);
}
Value applyInt(IntMinOp, OpBuilder &b, Location loc, Value x, Value y,
               bool isSigned) {
  return minInt(b, loc, x, y, isSigned);
}

/// Truncating division with the op's definitions of the cases LLVM leaves
/// undefined: `x / 0 = 0` and `MIN / -1 = MIN`. The divisor is replaced by 1
/// in both, so the division itself never traps.
Value applyInt(IntDivOp, OpBuilder &b, Location loc, Value x, Value y,
               bool isSigned) {
  Type type = x.getType();
  unsigned width = type.getIntOrFloatBitWidth();
  Value zero = createIntConstant(b, loc, type, APInt::getZero(width));
  Value one = createIntConstant(b, loc, type, APInt(width, 1));
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, y, zero);
  Value replaceDivisor = isZero;
  if (isSigned) {
    Value isMin = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, x,
        createIntConstant(b, loc, type, APInt::getSignedMinValue(width)));
    Value isMinusOne = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, y,
        createIntConstant(b, loc, type, APInt::getAllOnes(width)));
    Value overflows = arith::AndIOp::create(b, loc, isMin, isMinusOne);
    replaceDivisor = arith::OrIOp::create(b, loc, isZero, overflows);
  }
  Value divisor = arith::SelectOp::create(b, loc, replaceDivisor, one, y);
  Value quotient = isSigned ? Value(arith::DivSIOp::create(b, loc, x, divisor))
                            : Value(arith::DivUIOp::create(b, loc, x, divisor));
  return arith::SelectOp::create(b, loc, isZero, zero, quotient);
}

template <typename OpTy> struct IntBinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticResultType(*this->getTypeConverter(), op);
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "expects a static result shape");
    bool isSigned = StorageInfo::get(op.getType().getElementType()).isSigned;
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, op.getLoc(), adaptor.getOperands(), resultType,
                [&](OpBuilder &b, Location loc, ValueRange args) {
                  return applyInt(op, b, loc, args[0], args[1], isSigned);
                }));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// cast
//===----------------------------------------------------------------------===//

/// f32 to an integer: truncate toward zero, saturate, NaN to 0. The input is
/// clamped below the first power of two out of range before the conversion
/// (which would be poison out of range), and values at or above it select
/// the maximum: f32 cannot hold the maximum of 32- and 64-bit types.
static Value floatToInteger(OpBuilder &b, Location loc, Value x,
                            IntegerType type, bool isSigned) {
  unsigned width = type.getWidth();
  int exponent = isSigned ? width - 1 : width;
  float limit = std::ldexp(1.0f, exponent);
  float below = std::nextafter(limit, 0.0f);
  float lowest = isSigned ? -limit : 0.0f;
  Value clamped =
      arith::MaxNumFOp::create(b, loc, x, createF32Constant(b, loc, lowest));
  clamped = arith::MinNumFOp::create(b, loc, clamped,
                                     createF32Constant(b, loc, below));
  Value converted = isSigned
                        ? Value(arith::FPToSIOp::create(b, loc, type, clamped))
                        : Value(arith::FPToUIOp::create(b, loc, type, clamped));
  APInt max =
      isSigned ? APInt::getSignedMaxValue(width) : APInt::getMaxValue(width);
  Value tooLarge = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                                         createF32Constant(b, loc, limit));
  converted = arith::SelectOp::create(
      b, loc, tooLarge, createIntConstant(b, loc, type, max), converted);
  Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  return arith::SelectOp::create(
      b, loc, isNaN, createIntConstant(b, loc, type, APInt::getZero(width)),
      converted);
}

/// The encoding of a small float type (16 bits or fewer): sign-magnitude
/// with `mantissaBits` and a biased exponent, specials read from APFloat's
/// semantics.
struct SmallFloatFormat {
  FloatType type;
  unsigned bits = 0, mantissaBits = 0;
  int minExponent = 0; // unbiased exponent of the smallest normal
  bool hasSign = true;
  APInt largest; // largest finite magnitude
  std::optional<APInt> infinity;
  std::optional<APInt> nan;

  static std::optional<SmallFloatFormat> get(Type type) {
    auto floatType = dyn_cast<FloatType>(type);
    if (!floatType || floatType.getWidth() > 16)
      return std::nullopt;
    const llvm::fltSemantics &sem = floatType.getFloatSemantics();
    SmallFloatFormat format;
    format.type = floatType;
    format.bits = floatType.getWidth();
    format.mantissaBits = APFloat::semanticsPrecision(sem) - 1;
    format.minExponent = APFloat::semanticsMinExponent(sem);
    format.hasSign = APFloat::semanticsHasSignedRepr(sem);
    format.largest = APFloat::getLargest(sem).bitcastToAPInt();
    if (APFloat::semanticsHasInf(sem))
      format.infinity = APFloat::getInf(sem).bitcastToAPInt();
    if (APFloat::semanticsHasNaN(sem))
      format.nan = APFloat::getNaN(sem).bitcastToAPInt();
    return format;
  }

  int bias() const { return 1 - minExponent; }
  uint32_t signBit() const { return hasSign ? 1u << (bits - 1) : 0; }
  /// The bits of `value`, a small float, as an i32 constant.
  static Value encoding(OpBuilder &b, Location loc, const APFloat &value) {
    return createIntConstant(b, loc, b.getI32Type(),
                             value.bitcastToAPInt().getZExtValue());
  }
};

static Value selectBySign(OpBuilder &b, Location loc, Value negative,
                          const APFloat &positiveValue,
                          const APFloat &negativeValue) {
  return arith::SelectOp::create(
      b, loc, negative, SmallFloatFormat::encoding(b, loc, negativeValue),
      SmallFloatFormat::encoding(b, loc, positiveValue));
}

static Value finishSmallFloat(OpBuilder &b, Location loc, Value x,
                              const SmallFloatFormat &format, bool saturate,
                              Value negative, Value encoded);

/// f32 to a small float, rounding to nearest even, as the op defines it:
/// overflow (infinities included) saturates or becomes infinity or NaN by
/// `saturate`; NaN stays NaN (f4E2M1FN, without NaN, stores -0).
static Value floatToSmallFloat(OpBuilder &b, Location loc, Value x,
                               const SmallFloatFormat &format, bool saturate) {
  Type i32 = b.getI32Type();
  auto constant = [&](int64_t v) { return createIntConstant(b, loc, i32, v); };
  unsigned shift = 23 - format.mantissaBits;

  Value signedBits = arith::BitcastOp::create(b, loc, i32, x);
  Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                         signedBits, constant(0));
  Value magnitude = math::AbsFOp::create(b, loc, x);
  Value bits = arith::BitcastOp::create(b, loc, i32, magnitude);

  // Normal results: round the f32 mantissa to `mantissaBits` half to even on
  // the bits (a carry moves into the exponent), then rebias the exponent.
  Value odd = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, constant(shift)),
      constant(1));
  Value rounded = arith::AddIOp::create(
      b, loc, bits,
      arith::AddIOp::create(b, loc, odd, constant((1 << (shift - 1)) - 1)));
  Value normal = arith::SubIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, rounded, constant(shift)),
      constant(int64_t(127 - format.bias()) << format.mantissaBits));

  // A type with f32's exponent range (bf16) needs no more: rounding the
  // bits is right for f32's subnormals too.
  if (format.minExponent <=
      APFloat::semanticsMinExponent(APFloat::IEEEsingle()))
    return finishSmallFloat(b, loc, x, format, saturate, negative, normal);

  // Subnormal results: a count of the smallest subnormal, which is the
  // encoding itself (a count of 2^mantissaBits is the smallest normal).
  float minNormal = std::ldexp(1.0f, format.minExponent);
  Value small = arith::MinNumFOp::create(b, loc, magnitude,
                                         createF32Constant(b, loc, minNormal));
  Value quanta = arith::MulFOp::create(
      b, loc, small,
      createF32Constant(
          b, loc, std::ldexp(1.0f, format.mantissaBits - format.minExponent)));
  Value subnormal = arith::FPToSIOp::create(
      b, loc, i32, math::RoundEvenOp::create(b, loc, quanta));
  Value isSubnormal =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, magnitude,
                            createF32Constant(b, loc, minNormal));
  Value encoded =
      arith::SelectOp::create(b, loc, isSubnormal, subnormal, normal);
  return finishSmallFloat(b, loc, x, format, saturate, negative, encoded);
}

/// The rest of floatToSmallFloat from the encoded magnitude: the sign, the
/// types without a negative zero, overflow and NaN.
static Value finishSmallFloat(OpBuilder &b, Location loc, Value x,
                              const SmallFloatFormat &format, bool saturate,
                              Value negative, Value encoded) {
  const llvm::fltSemantics &sem = format.type.getFloatSemantics();
  Type i32 = b.getI32Type();
  auto constant = [&](int64_t v) { return createIntConstant(b, loc, i32, v); };

  // Sign, then the types without a negative zero.
  Value withSign = arith::SelectOp::create(
      b, loc, negative,
      arith::OrIOp::create(b, loc, encoded, constant(format.signBit())),
      encoded);
  if (APFloat::getZero(sem, /*Negative=*/true).bitcastToAPInt().isZero()) {
    Value isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                         encoded, constant(0));
    withSign = arith::SelectOp::create(b, loc, isZero, constant(0), withSign);
  }

  bool finiteOnly = !format.nan;
  Value overflowValue;
  if (saturate || finiteOnly)
    overflowValue = selectBySign(b, loc, negative, APFloat::getLargest(sem),
                                 APFloat::getLargest(sem, true));
  else if (format.infinity)
    overflowValue = selectBySign(b, loc, negative, APFloat::getInf(sem),
                                 APFloat::getInf(sem, true));
  else
    overflowValue = selectBySign(b, loc, negative, APFloat::getNaN(sem),
                                 APFloat::getNaN(sem, true));
  Value overflows =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, encoded,
                            constant(format.largest.getZExtValue()));
  Value result =
      arith::SelectOp::create(b, loc, overflows, overflowValue, withSign);

  Value nanValue =
      finiteOnly
          ? SmallFloatFormat::encoding(b, loc, APFloat::getZero(sem, true))
          : selectBySign(b, loc, negative, APFloat::getNaN(sem),
                         APFloat::getNaN(sem, true));
  Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  result = arith::SelectOp::create(b, loc, isNaN, nanValue, result);

  Type storage = b.getIntegerType(format.bits);
  return arith::BitcastOp::create(
      b, loc, format.type, arith::TruncIOp::create(b, loc, storage, result));
}

/// A small float to f32, exactly: normal values rebias the exponent on the
/// bits, subnormals scale their mantissa by a power of two; then the
/// encodings of infinity and NaN.
static Value smallFloatToFloat(OpBuilder &b, Location loc, Value x,
                               const SmallFloatFormat &format) {
  const llvm::fltSemantics &sem = format.type.getFloatSemantics();
  Type i32 = b.getI32Type(), f32 = b.getF32Type();
  auto constant = [&](int64_t v) { return createIntConstant(b, loc, i32, v); };
  auto equals = [&](Value v, int64_t c) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, v,
                                 constant(c));
  };
  unsigned m = format.mantissaBits;
  Value stored =
      arith::BitcastOp::create(b, loc, b.getIntegerType(format.bits), x);
  Value bits = arith::ExtUIOp::create(b, loc, i32, stored);
  Value nan = createF32Constant(b, loc, std::nanf(""));

  if (!format.hasSign) {
    // f8E8M0FNU: a bare biased exponent, 2^(e - 127); 0 is 2^-127, an f32
    // subnormal, and 0xFF is NaN.
    Value value = arith::BitcastOp::create(
        b, loc, f32, arith::ShLIOp::create(b, loc, bits, constant(23)));
    value = arith::SelectOp::create(
        b, loc, equals(bits, 0),
        createF32Constant(b, loc, std::ldexp(1.0f, -127)), value);
    return arith::SelectOp::create(b, loc, equals(bits, 0xFF), nan, value);
  }

  uint32_t signBit = format.signBit();
  Value magnitude = arith::AndIOp::create(b, loc, bits, constant(signBit - 1));
  Value normalBits = arith::AddIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, magnitude, constant(23 - m)),
      constant(int64_t(127 - format.bias()) << 23));
  Value normal = arith::BitcastOp::create(b, loc, f32, normalBits);
  Value subnormal = arith::MulFOp::create(
      b, loc, arith::SIToFPOp::create(b, loc, f32, magnitude),
      createF32Constant(b, loc, std::ldexp(1.0f, format.minExponent - m)));
  Value isSubnormal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                            magnitude, constant(1 << m));
  Value value = arith::SelectOp::create(b, loc, isSubnormal, subnormal, normal);
  Value negative = arith::CmpIOp::create(
      b, loc, arith::CmpIPredicate::ne,
      arith::AndIOp::create(b, loc, bits, constant(signBit)), constant(0));
  value = arith::SelectOp::create(b, loc, negative,
                                  arith::NegFOp::create(b, loc, value), value);

  int64_t largest = format.largest.getZExtValue();
  if (format.infinity) {
    Value inf = createF32Constant(b, loc, INFINITY);
    Value signedInf = arith::SelectOp::create(
        b, loc, negative, createF32Constant(b, loc, -INFINITY), inf);
    value = arith::SelectOp::create(
        b, loc, equals(magnitude, format.infinity->getZExtValue()), signedInf,
        value);
  }
  if (format.nan) {
    // Magnitudes above the largest finite one (and infinity) are NaN; the
    // FNUZ types encode their only NaN as negative zero.
    int64_t firstNaN =
        format.infinity ? format.infinity->getZExtValue() + 1 : largest + 1;
    Value isNaN = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge,
                                        magnitude, constant(firstNaN));
    if (APFloat::getNaN(sem).bitcastToAPInt() == signBit)
      isNaN = equals(bits, signBit);
    value = arith::SelectOp::create(b, loc, isNaN, nan, value);
  }
  return value;
}

/// Whether castScalar converts `from` to `to`: f32 and integers among
/// themselves, and f32 to and from a small float; f32 to f8E8M0FNU, which
/// depends on a round_mode, is left to the small-float patterns.
static bool isLowerableCast(Type from, Type to) {
  auto isIntOrF32 = [](Type t) { return isa<IntegerType>(t) || t.isF32(); };
  if (isIntOrF32(from) && isIntOrF32(to))
    return true;
  if (from.isF32())
    return SmallFloatFormat::get(to) && SmallFloatFormat::get(to)->hasSign;
  return to.isF32() && SmallFloatFormat::get(from);
}

/// One element of ONNX Cast as the op defines it, for a pair of element
/// types isLowerableCast accepts.
static Value castScalar(OpBuilder &b, Location loc, Value x, Type from, Type to,
                        bool saturate) {
  auto fromInt = dyn_cast<IntegerType>(from);
  auto toInt = dyn_cast<IntegerType>(to);
  if (toInt && toInt.getWidth() == 1) {
    // Any non-zero value, NaN included, is true.
    if (fromInt)
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                   createIntConstant(b, loc, x.getType(), 0));
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x,
                                 createF32Constant(b, loc, 0.0f));
  }
  IntegerType storageType =
      toInt ? b.getIntegerType(toInt.getWidth()) : IntegerType();
  if (fromInt) {
    bool isSigned = StorageInfo::get(from).isSigned;
    if (toInt)
      return castInteger(b, loc, x, storageType, isSigned);
    return integerToF32(b, loc, x, isSigned);
  }
  if (!from.isF32())
    return smallFloatToFloat(b, loc, x, *SmallFloatFormat::get(from));
  if (toInt)
    return floatToInteger(b, loc, x, storageType,
                          StorageInfo::get(to).isSigned);
  return floatToSmallFloat(b, loc, x, *SmallFloatFormat::get(to), saturate);
}

struct CastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = getStaticResultType(*getTypeConverter(), op);
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "expects a static result shape");
    Type from = op.getInput().getType().getElementType();
    Type to = op.getType().getElementType();
    if (from == to) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    if (!isLowerableCast(from, to))
      return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
        diag << "no lowering of a cast from " << from << " to " << to;
      });
    bool saturate = op.getSaturate();
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, op.getLoc(), adaptor.getInput(), resultType,
                [&](OpBuilder &b, Location loc, ValueRange args) {
                  return castScalar(b, loc, args[0], from, to, saturate);
                }));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// storage_cast
//===----------------------------------------------------------------------===//

/// The stored bits do not change, and both sides convert to the same
/// storage tensor type: the op is the identity.
struct StorageCastLowering : OpConversionPattern<StorageCastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(StorageCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type resultType = getTypeConverter()->convertType(op.getType());
    if (adaptor.getInput().getType() != resultType)
      return rewriter.notifyMatchFailure(op, "storage types differ");
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

} // namespace

void mlir::quantc::populateElementwiseLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<RealBinaryLowering<AddOp>, RealBinaryLowering<SubOp>,
               RealBinaryLowering<MulOp>, RealBinaryLowering<DivOp>,
               RealBinaryLowering<PowOp>, RealBinaryLowering<PReluOp>>(
      converter, ctx);
  patterns.add<RealUnaryLowering<LeakyReluOp>, RealUnaryLowering<SigmoidOp>,
               RealUnaryLowering<TanhOp>, RealUnaryLowering<HardSwishOp>,
               RealUnaryLowering<HardSigmoidOp>, RealUnaryLowering<ExpOp>,
               RealUnaryLowering<SqrtOp>, RealUnaryLowering<ErfOp>>(converter,
                                                                    ctx);
  patterns.add<IntBinaryLowering<IntAddOp>, IntBinaryLowering<IntSubOp>,
               IntBinaryLowering<IntMulOp>, IntBinaryLowering<IntDivOp>,
               IntBinaryLowering<IntMaxOp>, IntBinaryLowering<IntMinOp>>(
      converter, ctx);
  patterns.add<ClampLowering, CastLowering, StorageCastLowering>(converter,
                                                                 ctx);
}
