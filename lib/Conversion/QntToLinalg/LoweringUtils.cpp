//===- LoweringUtils.cpp - Shared pieces of the qnt lowering --------------===//
//
// Implements the builders declared in LoweringUtils.h.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/Utils/QuantArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

StorageInfo StorageInfo::get(Type qntElementType) {
  StorageInfo info;
  MLIRContext *ctx = qntElementType.getContext();
  if (auto quantized = dyn_cast<quant::QuantizedType>(qntElementType)) {
    info.type = IntegerType::get(ctx, quantized.getStorageTypeIntegralWidth());
    info.isSigned = quantized.isSigned();
    info.min = quantized.getStorageTypeMin();
    info.max = quantized.getStorageTypeMax();
    return info;
  }
  auto intType = dyn_cast<IntegerType>(qntElementType);
  if (!intType)
    return info;
  unsigned width = intType.getWidth();
  info.type = IntegerType::get(ctx, width);
  // Signless integers at the qnt level are signed, except i1 (a boolean).
  info.isSigned = !intType.isUnsigned() && width > 1;
  if (info.isSigned) {
    info.min = width >= 64 ? INT64_MIN : -(int64_t(1) << (width - 1));
    info.max = width >= 64 ? INT64_MAX : (int64_t(1) << (width - 1)) - 1;
  } else {
    info.min = 0;
    info.max = width >= 63 ? INT64_MAX : (int64_t(1) << width) - 1;
  }
  return info;
}

QuantParams QuantParams::get(quant::QuantizedType type) {
  QuantParams params;
  params.storage = StorageInfo::get(type);
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
    params.axis = perAxis.getQuantizedDimension();
    for (double scale : perAxis.getScales())
      params.scales.push_back(static_cast<float>(scale));
    llvm::append_range(params.zeroPoints, perAxis.getZeroPoints());
    return params;
  }
  auto uniform = cast<quant::UniformQuantizedType>(type);
  params.scales.push_back(static_cast<float>(uniform.getScale()));
  params.zeroPoints.push_back(uniform.getZeroPoint());
  return params;
}

quant::QuantizedType mlir::quantc::getQuantizedElementType(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    type = shaped.getElementType();
  return dyn_cast<quant::QuantizedType>(type);
}

Value mlir::quantc::createEmptyTensor(OpBuilder &b, Location loc,
                                      ArrayRef<int64_t> shape,
                                      Type elementType) {
  return tensor::EmptyOp::create(b, loc, shape, elementType);
}

Value mlir::quantc::createFilledTensor(OpBuilder &b, Location loc,
                                       ArrayRef<int64_t> shape, Value value) {
  Value empty = createEmptyTensor(b, loc, shape, value.getType());
  return linalg::FillOp::create(b, loc, value, empty).getResult(0);
}

AffineMap mlir::quantc::getBroadcastMap(MLIRContext *ctx,
                                        ArrayRef<int64_t> operandShape,
                                        ArrayRef<int64_t> resultShape) {
  int64_t offset = resultShape.size() - operandShape.size();
  SmallVector<AffineExpr> exprs;
  for (auto [i, size] : llvm::enumerate(operandShape)) {
    int64_t resultDim = offset + i;
    if (size == 1 && resultShape[resultDim] != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(resultDim, ctx));
  }
  return AffineMap::get(resultShape.size(), 0, exprs, ctx);
}

Value mlir::quantc::buildElementwise(OpBuilder &b, Location loc,
                                     ValueRange inputs,
                                     RankedTensorType resultType,
                                     ScalarBodyBuilder body) {
  MLIRContext *ctx = b.getContext();
  ArrayRef<int64_t> shape = resultType.getShape();
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(getBroadcastMap(
        ctx, cast<RankedTensorType>(input.getType()).getShape(), shape));
  maps.push_back(b.getMultiDimIdentityMap(shape.size()));
  SmallVector<utils::IteratorType> iterators(shape.size(),
                                             utils::IteratorType::parallel);
  Value init = createEmptyTensor(b, loc, shape, resultType.getElementType());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value result = body(nested, nestedLoc, args.drop_back());
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

RankedTensorType
mlir::quantc::getStaticResultType(const TypeConverter &converter,
                                  Operation *op) {
  auto type = dyn_cast_or_null<RankedTensorType>(
      converter.convertType(op->getResult(0).getType()));
  if (!type || !type.hasStaticShape())
    return {};
  return type;
}

Value mlir::quantc::padSpatial(OpBuilder &b, Location loc, Value input,
                               ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                               Value padValue) {
  auto nonZero = [](int64_t p) { return p != 0; };
  if (llvm::none_of(low, nonZero) && llvm::none_of(high, nonZero))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> lowAll(type.getRank(), 0), highAll(type.getRank(), 0);
  SmallVector<int64_t> shape(type.getShape());
  for (size_t i = 0; i < low.size(); ++i) {
    lowAll[1 + i] = low[i];
    highAll[1 + i] = high[i];
    shape[1 + i] += low[i] + high[i];
  }
  MLIRContext *ctx = b.getContext();
  return tensor::PadOp::create(b, loc, type.clone(shape), input,
                               getAsIndexOpFoldResult(ctx, lowAll),
                               getAsIndexOpFoldResult(ctx, highAll), padValue);
}

AffineMap mlir::quantc::getParameterMap(MLIRContext *ctx, int64_t rank,
                                        std::optional<int64_t> axis,
                                        std::optional<int64_t> blockSize) {
  if (!axis)
    return AffineMap::get(rank, 0, ctx);
  if (!blockSize)
    return AffineMap::get(rank, 0, getAffineDimExpr(*axis, ctx));
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d) {
    AffineExpr dim = getAffineDimExpr(d, ctx);
    exprs.push_back(d == *axis ? dim.floorDiv(*blockSize) : dim);
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

Value mlir::quantc::createF32Vector(OpBuilder &b, Location loc,
                                    ArrayRef<float> values) {
  auto type = RankedTensorType::get({int64_t(values.size())}, b.getF32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, values));
}

Value mlir::quantc::createI32Vector(OpBuilder &b, Location loc,
                                    ArrayRef<int64_t> values) {
  SmallVector<int32_t> narrowed(values.begin(), values.end());
  auto type = RankedTensorType::get({int64_t(values.size())}, b.getI32Type());
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, ArrayRef<int32_t>(narrowed)));
}

Value mlir::quantc::createF32Constant(OpBuilder &b, Location loc,
                                      float value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

Value mlir::quantc::createIntConstant(OpBuilder &b, Location loc, Type type,
                                      int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

Value mlir::quantc::castInteger(OpBuilder &b, Location loc, Value value,
                                Type to, bool isSigned) {
  unsigned from = value.getType().getIntOrFloatBitWidth();
  unsigned width = to.getIntOrFloatBitWidth();
  if (from == width)
    return value;
  if (from > width)
    return arith::TruncIOp::create(b, loc, to, value);
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, to, value);
  return arith::ExtUIOp::create(b, loc, to, value);
}

Value mlir::quantc::integerToF32(OpBuilder &b, Location loc, Value value,
                                 bool isSigned) {
  if (isSigned)
    return arith::SIToFPOp::create(b, loc, b.getF32Type(), value);
  return arith::UIToFPOp::create(b, loc, b.getF32Type(), value);
}

Value mlir::quantc::integralToI32(OpBuilder &b, Location loc, Value value) {
  // Adding 1.5 * 2^23 is exact for an integer below 2^22 in magnitude and
  // leaves it, offset by 2^22, in the low mantissa bits of the sum.
  Type i32 = b.getI32Type();
  Value biased = arith::AddFOp::create(b, loc, value,
                                       createF32Constant(b, loc, 0x1.8p23f));
  Value bits = arith::BitcastOp::create(b, loc, i32, biased);
  return arith::SubIOp::create(b, loc, bits,
                               createIntConstant(b, loc, i32, 0x4B400000));
}

Value mlir::quantc::roundToStorage(OpBuilder &b, Location loc, Value value,
                                   const StorageInfo &storage) {
  Value rounded = math::RoundEvenOp::create(b, loc, value);
  // maxnumf/minnumf return the other operand for NaN, so NaN saturates to
  // storage.min first; the final select maps it to 0.
  Value lo = createF32Constant(b, loc, static_cast<float>(storage.min));
  Value hi = createF32Constant(b, loc, static_cast<float>(storage.max));
  Value clamped = arith::MaxNumFOp::create(b, loc, rounded, lo);
  clamped = arith::MinNumFOp::create(b, loc, clamped, hi);
  Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO,
                                      value, value);
  if (storage.type.getWidth() <= 16) {
    Type i32 = b.getI32Type();
    Value exact = integralToI32(b, loc, clamped);
    exact = arith::SelectOp::create(b, loc, isNaN,
                                    createIntConstant(b, loc, i32, 0), exact);
    return castInteger(b, loc, exact, storage.type, storage.isSigned);
  }
  // f32 cannot hold every i32 bound exactly (2^31 - 1 rounds up to 2^31), so
  // convert through i64 and clamp again in integers.
  Type i64 = b.getI64Type();
  Value wide = storage.isSigned
                   ? Value(arith::FPToSIOp::create(b, loc, i64, clamped))
                   : Value(arith::FPToUIOp::create(b, loc, i64, clamped));
  wide = arith::MaxSIOp::create(b, loc, wide,
                                createIntConstant(b, loc, i64, storage.min));
  wide = arith::MinSIOp::create(b, loc, wide,
                                createIntConstant(b, loc, i64, storage.max));
  wide = arith::SelectOp::create(b, loc, isNaN,
                                 createIntConstant(b, loc, i64, 0), wide);
  return castInteger(b, loc, wide, storage.type, storage.isSigned);
}

Value mlir::quantc::quantizeScalar(OpBuilder &b, Location loc, Value x,
                                   Value scale, Value zeroPoint,
                                   const StorageInfo &storage) {
  Value scaled = arith::DivFOp::create(b, loc, x, scale);
  Value rounded = math::RoundEvenOp::create(b, loc, scaled);
  Value zp = integerToF32(b, loc, zeroPoint, /*isSigned=*/true);
  Value shifted = arith::AddFOp::create(b, loc, rounded, zp);
  return roundToStorage(b, loc, shifted, storage);
}

Value mlir::quantc::dequantizeScalar(OpBuilder &b, Location loc, Value q,
                                     const StorageInfo &qStorage,
                                     Value zeroPoint, Value scale) {
  Type i32 = b.getI32Type();
  Value wide = castInteger(b, loc, q, i32, qStorage.isSigned);
  Value centered = arith::SubIOp::create(b, loc, wide, zeroPoint);
  Value real = integerToF32(b, loc, centered, /*isSigned=*/true);
  return arith::MulFOp::create(b, loc, real, scale);
}

Value mlir::quantc::requantizeScalar(OpBuilder &b, Location loc, Value acc,
                                     Value multiplier, Value zeroPoint,
                                     const StorageInfo &storage) {
  Value real = integerToF32(b, loc, acc, /*isSigned=*/true);
  Value scaled = arith::MulFOp::create(b, loc, real, multiplier);
  Value rounded = math::RoundEvenOp::create(b, loc, scaled);
  Value zp = integerToF32(b, loc, zeroPoint, /*isSigned=*/true);
  Value shifted = arith::AddFOp::create(b, loc, rounded, zp);
  return roundToStorage(b, loc, shifted, storage);
}

std::optional<RequantMode> mlir::quantc::parseRequantMode(StringRef spelling) {
  if (spelling == "float")
    return RequantMode::Float;
  if (spelling == "fixed")
    return RequantMode::Fixed;
  return std::nullopt;
}

/// A signed constant of any width (createIntConstant zero-extends past 64).
static Value createWideConstant(OpBuilder &b, Location loc, Type type,
                                int64_t value) {
  APInt bits(type.getIntOrFloatBitWidth(), value, /*isSigned=*/true);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, bits));
}

FailureOr<FixedPointMultiplier>
FixedPointMultiplier::get(double multiplier, unsigned accumulatorWidth) {
  if (!(multiplier >= 0.0) || std::isinf(multiplier))
    return failure();
  if (multiplier == 0.0)
    return FixedPointMultiplier();
  // M = f * 2^e with f in [0.5, 1): m0 = f * 2^31 rounded to nearest, ties
  // to even (the default rounding mode), the only approximation of M.
  int exponent;
  double fraction = std::frexp(multiplier, &exponent);
  auto m0 = static_cast<int64_t>(std::nearbyint(std::ldexp(fraction, 31)));
  if (m0 == (int64_t(1) << 31)) {
    m0 >>= 1;
    ++exponent;
  }
  int64_t shift = 31 - exponent;
  if (shift < 1)
    return failure();
  // Beyond 2W - 2, M < 2^(32 - 2W) and |acc| <= 2^(W - 1) keep |acc * M| at
  // most 1/2 (which rounds to the even 0): every result is the zero point.
  if (shift > 2 * int64_t(accumulatorWidth) - 2)
    return FixedPointMultiplier();
  return FixedPointMultiplier{m0, shift};
}

FailureOr<Requantizer> Requantizer::get(Location loc, RequantMode mode,
                                        ArrayRef<RequantMultiplier> multipliers,
                                        ArrayRef<int64_t> shape,
                                        IntegerType accumulatorType) {
  Requantizer r;
  r.mode = mode;
  r.shape.assign(shape.begin(), shape.end());
  r.accumulatorType = accumulatorType;
  for (const RequantMultiplier &m : multipliers) {
    r.f32Multipliers.push_back(m.f32);
    if (mode != RequantMode::Fixed)
      continue;
    FailureOr<FixedPointMultiplier> fixed =
        FixedPointMultiplier::get(m.real, accumulatorType.getWidth());
    if (failed(fixed))
      return emitError(loc) << "fixed-point requantization cannot represent "
                               "the multiplier "
                            << m.real << " (it must be below 2^30)";
    r.fixedMultipliers.push_back(*fixed);
  }
  if (mode == RequantMode::Fixed)
    r.uniform = llvm::all_of(r.fixedMultipliers, [&](FixedPointMultiplier m) {
      return m.m0 == r.fixedMultipliers.front().m0 &&
             m.shift == r.fixedMultipliers.front().shift;
    });
  else
    r.uniform = llvm::all_equal(r.f32Multipliers);
  return r;
}

bool Requantizer::isIdentity() const {
  if (mode == RequantMode::Fixed)
    return llvm::all_of(fixedMultipliers, [](FixedPointMultiplier m) {
      return m.m0 == (int64_t(1) << 30) && m.shift == 30;
    });
  return llvm::all_of(f32Multipliers, [](float m) { return m == 1.0f; });
}

SmallVector<Value> Requantizer::createInputs(OpBuilder &b, Location loc) const {
  if (uniform)
    return {};
  if (mode == RequantMode::Float) {
    auto type = RankedTensorType::get(shape, b.getF32Type());
    return {arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(type, ArrayRef(f32Multipliers)))};
  }
  SmallVector<int32_t> m0s, shifts;
  for (FixedPointMultiplier m : fixedMultipliers) {
    m0s.push_back(static_cast<int32_t>(m.m0));
    shifts.push_back(static_cast<int32_t>(m.shift));
  }
  auto type = RankedTensorType::get(shape, b.getI32Type());
  return {arith::ConstantOp::create(
              b, loc, DenseElementsAttr::get(type, ArrayRef(m0s))),
          arith::ConstantOp::create(
              b, loc, DenseElementsAttr::get(type, ArrayRef(shifts)))};
}

SmallVector<Value> Requantizer::getMultiplier(OpBuilder &b, Location loc,
                                              ValueRange args) const {
  if (!uniform)
    return llvm::to_vector(args);
  if (mode == RequantMode::Float)
    return {createF32Constant(b, loc, f32Multipliers.front())};
  Type wide = b.getIntegerType(2 * accumulatorType.getWidth());
  return {createWideConstant(b, loc, wide, fixedMultipliers.front().m0),
          createWideConstant(b, loc, wide, fixedMultipliers.front().shift)};
}

Value Requantizer::build(OpBuilder &b, Location loc, Value acc,
                         ValueRange multiplier, Value zeroPoint,
                         const StorageInfo &storage) const {
  if (mode == RequantMode::Float)
    return requantizeScalar(b, loc, acc, multiplier[0], zeroPoint, storage);
  Type wide = b.getIntegerType(2 * accumulatorType.getWidth());
  Value m0 = castInteger(b, loc, multiplier[0], wide, /*isSigned=*/true);
  Value shift = castInteger(b, loc, multiplier[1], wide, /*isSigned=*/true);
  return requantizeFixedScalar(b, loc, acc, m0, shift, zeroPoint, storage);
}

/// `(1 << shift) - 1` and `1 << (shift - 1)`: constants when `shift` is one.
static std::pair<Value, Value> shiftMasks(OpBuilder &b, Location loc,
                                          Value shift) {
  Type type = shift.getType();
  if (std::optional<int64_t> s = getConstantIntValue(shift)) {
    unsigned width = type.getIntOrFloatBitWidth();
    APInt mask = APInt::getLowBitsSet(width, *s);
    APInt half = APInt::getOneBitSet(width, *s - 1);
    return {arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, mask)),
            arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, half))};
  }
  Value one = createWideConstant(b, loc, type, 1);
  Value mask = arith::SubIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, one, shift), one);
  Value half = arith::ShLIOp::create(b, loc, one,
                                     arith::SubIOp::create(b, loc, shift, one));
  return {mask, half};
}

Value mlir::quantc::requantizeFixedScalar(OpBuilder &b, Location loc, Value acc,
                                          Value m0, Value shift,
                                          Value zeroPoint,
                                          const StorageInfo &storage) {
  Type wide = m0.getType();
  // The product is exact: |acc| <= 2^(W-1) and m0 < 2^31 need W + 31 bits.
  Value product = arith::MulIOp::create(
      b, loc, castInteger(b, loc, acc, wide, /*isSigned=*/true), m0);
  // floor(product / 2^shift) and the remainder in [0, 2^shift), then one
  // rounding: up when the remainder passes half, or equals it with an odd
  // quotient (ties to even). Adding the quotient's low bit to the remainder
  // makes both one comparison, and nothing here can overflow.
  auto [mask, half] = shiftMasks(b, loc, shift);
  Value quotient = arith::ShRSIOp::create(b, loc, product, shift);
  Value remainder = arith::AndIOp::create(b, loc, product, mask);
  Value odd = arith::AndIOp::create(b, loc, quotient,
                                    createWideConstant(b, loc, wide, 1));
  Value up = arith::CmpIOp::create(
      b, loc, arith::CmpIPredicate::sgt,
      arith::AddIOp::create(b, loc, remainder, odd), half);
  Value rounded = arith::AddIOp::create(
      b, loc, quotient, arith::ExtUIOp::create(b, loc, wide, up));
  Value result = arith::AddIOp::create(
      b, loc, rounded, castInteger(b, loc, zeroPoint, wide, /*isSigned=*/true));
  result = arith::MaxSIOp::create(
      b, loc, result, createWideConstant(b, loc, wide, storage.min));
  result = arith::MinSIOp::create(
      b, loc, result, createWideConstant(b, loc, wide, storage.max));
  return castInteger(b, loc, result, storage.type, storage.isSigned);
}

StorageInfo mlir::quantc::clampStorage(const StorageInfo &storage, float scale,
                                       int64_t zeroPoint,
                                       std::optional<float> clampMin,
                                       std::optional<float> clampMax) {
  StorageInfo clamped = storage;
  if (clampMin)
    clamped.min = std::max(
        storage.min,
        quantizeValue(*clampMin, scale, zeroPoint, storage.min, storage.max));
  if (clampMax)
    clamped.max = std::min(
        storage.max,
        quantizeValue(*clampMax, scale, zeroPoint, storage.min, storage.max));
  clamped.max = std::max(clamped.max, clamped.min);
  return clamped;
}
