//===- SmallFloats.cpp - Lowering of qnt ops on 8- and 4-bit floats -------===//
//
// quantize_linear and dequantize_linear with float8 or f4E2M1FN data, and
// qnt.cast to f8E8M0FNU.
//
// The linear ops compute in f32 and convert through qnt.cast, whose lowering
// implements ONNX's rounding, saturation and special values of each small
// float type: quantize_linear is cast(x / s + zp) with the op's `saturate`,
// dequantize_linear (f32(x) - f32(zp)) * s with exact conversions. Scale and
// zero point are read through a map that states their granularity, as for
// the integer forms. These patterns match only small-float data and carry a
// higher benefit than the integer forms' patterns.
//
// f32 to f8E8M0FNU works on the f32 bits: the result is the biased exponent,
// incremented by the round mode.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"

using namespace mlir;
using namespace mlir::quantc;

/// The parameter map of a quantize_linear/dequantize_linear: per tensor when
/// the scale is rank 0, else along the axis, blocked when a block size is set.
template <typename OpTy>
static AffineMap getSmallFloatParameterMap(OpTy op) {
  int64_t rank = op.getType().getRank();
  if (op.getScale().getType().getRank() == 0)
    return getParameterMap(op.getContext(), rank, std::nullopt, std::nullopt);
  std::optional<uint64_t> axis = op.getAxis();
  std::optional<uint64_t> block = op.getBlockSize();
  return getParameterMap(op.getContext(), rank, static_cast<int64_t>(*axis),
                         block ? std::optional<int64_t>(*block) : std::nullopt);
}

/// Ahead of the integer forms' patterns, which do not handle small floats.
static constexpr unsigned kSmallFloatBenefit = 2;

static bool isSmallFloat(Type type) {
  auto floatType = dyn_cast<FloatType>(type);
  return floatType && floatType.getWidth() <= 8;
}

/// `value`, a tensor of small floats, as f32: qnt.cast, exact.
static Value castToF32(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  return CastOp::create(b, loc, type.clone(b.getF32Type()), value);
}

/// A parallel linalg.generic over `resultType` reading `data` elementwise
/// and each of `params` through `paramMap`, yielding `body(args)`.
static Value buildLinearGeneric(OpBuilder &b, Location loc, Value data,
                                ValueRange params, AffineMap paramMap,
                                RankedTensorType resultType,
                                ScalarBodyBuilder body) {
  int64_t rank = resultType.getRank();
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  SmallVector<AffineMap> maps = {identity};
  maps.append(params.size(), paramMap);
  maps.push_back(identity);
  SmallVector<Value> inputs = {data};
  llvm::append_range(inputs, params);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmptyTensor(b, loc, resultType.getShape(),
                                 resultType.getElementType());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args.drop_back()));
      });
  return generic.getResult(0);
}

namespace {

/// quantize_linear to a small float: x / s (+ zp) in f32, then qnt.cast.
struct SmallFloatQuantizeLinearLowering
    : OpConversionPattern<QuantizeLinearOp> {
  SmallFloatQuantizeLinearLowering(const TypeConverter &converter,
                                   MLIRContext *ctx)
      : OpConversionPattern(converter, ctx, kSmallFloatBenefit) {}

  LogicalResult
  matchAndRewrite(QuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    if (!isSmallFloat(type.getElementType()))
      return rewriter.notifyMatchFailure(op, "not a small float result");
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    Location loc = op.getLoc();
    SmallVector<Value> params = {adaptor.getScale()};
    if (Value zp = adaptor.getZeroPoint())
      params.push_back(castToF32(rewriter, loc, zp));
    AffineMap paramMap = getSmallFloatParameterMap(op);
    bool isFloat4 = isa<Float4E2M1FNType>(type.getElementType());
    Value scaled = buildLinearGeneric(
        rewriter, loc, adaptor.getInput(), params, paramMap,
        type.clone(rewriter.getF32Type()),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value quotient = arith::DivFOp::create(b, l, args[0], args[1]);
          // The sign of a zero quotient as ONNX's reference implementation
          // has it: f4E2M1FN always adds the zero point (-0 + 0 = +0),
          // float8 only a non-zero one.
          if (isFloat4)
            return arith::AddFOp::create(
                b, l, quotient,
                args.size() > 2 ? args[2] : createF32Constant(b, l, 0.0f));
          if (args.size() < 3)
            return quotient;
          Value isZero =
              arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, args[2],
                                    createF32Constant(b, l, 0.0f));
          Value sum = arith::AddFOp::create(b, l, quotient, args[2]);
          return arith::SelectOp::create(b, l, isZero, quotient, sum);
        });
    rewriter.replaceOpWithNewOp<CastOp>(op, type, scaled, op.getSaturate(),
                                        RoundMode::up);
    return success();
  }
};

/// dequantize_linear of small floats: (f32(x) - f32(zp)) * s.
struct SmallFloatDequantizeLinearLowering
    : OpConversionPattern<DequantizeLinearOp> {
  SmallFloatDequantizeLinearLowering(const TypeConverter &converter,
                                     MLIRContext *ctx)
      : OpConversionPattern(converter, ctx, kSmallFloatBenefit) {}

  LogicalResult
  matchAndRewrite(DequantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    if (!isSmallFloat(op.getInput().getType().getElementType()))
      return rewriter.notifyMatchFailure(op, "not a small float input");
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    Location loc = op.getLoc();
    SmallVector<Value> params = {adaptor.getScale()};
    if (Value zp = adaptor.getZeroPoint())
      params.push_back(castToF32(rewriter, loc, zp));
    AffineMap paramMap = getSmallFloatParameterMap(op);
    rewriter.replaceOp(
        op, buildLinearGeneric(
                rewriter, loc, castToF32(rewriter, loc, adaptor.getInput()),
                params, paramMap, type,
                [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                  Value x = args[0];
                  if (args.size() > 2)
                    x = arith::SubFOp::create(b, l, x, args[2]);
                  return arith::MulFOp::create(b, l, x, args[1]);
                }));
    return success();
  }
};

/// f32 to f8E8M0FNU as qnt.cast defines it: the biased exponent of the f32
/// bits, incremented by the round mode unless it is 0xFF (NaN, infinity)
/// or, saturating, 0xFE (the largest value).
static Value floatToE8M0(OpBuilder &b, Location loc, Value x, bool saturate,
                         RoundMode mode) {
  Type i32 = b.getI32Type();
  auto constant = [&](int64_t v) { return createIntConstant(b, loc, i32, v); };
  auto compare = [&](arith::CmpIPredicate predicate, Value v, int64_t c) {
    return arith::CmpIOp::create(b, loc, predicate, v, constant(c));
  };
  Value bits = arith::BitcastOp::create(b, loc, i32, x);
  Value exponent = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, constant(23)),
      constant(0xFF));
  Value result = exponent;
  if (mode != RoundMode::down) {
    Value fraction = arith::AndIOp::create(b, loc, bits, constant(0x7FFFFF));
    const int64_t half = 1 << 22;
    Value roundUp;
    if (mode == RoundMode::up) {
      roundUp = compare(arith::CmpIPredicate::ne, fraction, 0);
    } else {
      // Ties (exactly half) round up except below the smallest normal.
      Value tie = arith::AndIOp::create(
          b, loc, compare(arith::CmpIPredicate::eq, fraction, half),
          compare(arith::CmpIPredicate::ne, exponent, 0));
      roundUp = arith::OrIOp::create(
          b, loc, compare(arith::CmpIPredicate::ugt, fraction, half), tie);
    }
    int64_t last = saturate ? 0xFE : 0xFF;
    roundUp = arith::AndIOp::create(
        b, loc, roundUp, compare(arith::CmpIPredicate::ult, exponent, last));
    result = arith::AddIOp::create(
        b, loc, exponent, arith::ExtUIOp::create(b, loc, i32, roundUp));
  }
  Value stored = arith::TruncIOp::create(b, loc, b.getI8Type(), result);
  return arith::BitcastOp::create(b, loc, b.getType<Float8E8M0FNUType>(),
                                  stored);
}

struct CastToE8M0Lowering : OpConversionPattern<CastOp> {
  CastToE8M0Lowering(const TypeConverter &converter, MLIRContext *ctx)
      : OpConversionPattern(converter, ctx, kSmallFloatBenefit) {}

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getType();
    if (!isa<Float8E8M0FNUType>(type.getElementType()) ||
        !op.getInput().getType().getElementType().isF32())
      return rewriter.notifyMatchFailure(op, "not f32 to f8E8M0FNU");
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    bool saturate = op.getSaturate();
    RoundMode mode = op.getRoundMode();
    rewriter.replaceOp(
        op, buildElementwise(rewriter, op.getLoc(), adaptor.getInput(), type,
                             [&](OpBuilder &b, Location l, ValueRange args) {
                               return floatToE8M0(b, l, args[0], saturate,
                                                  mode);
                             }));
    return success();
  }
};

} // namespace

void mlir::quantc::populateSmallFloatLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<SmallFloatQuantizeLinearLowering,
               SmallFloatDequantizeLinearLowering, CastToE8M0Lowering>(
      converter, patterns.getContext());
}
