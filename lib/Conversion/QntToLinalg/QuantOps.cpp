//===- QuantOps.cpp - Lowering of qnt quantization ops to linalg ---------===//
//
// quantize, dequantize, requantize and their tensor-parameter and dynamic
// forms.
//
// Each op becomes a linalg.generic over its data whose body is the op's
// scalar definition. Parameters known at compile time are constants in the
// body (per tensor) or constant vectors read along the quantized dimension
// (per axis); the tensor-parameter ops read `scale` and `zero_point` through
// a map that states their granularity: rank 0 (per tensor), `i[axis]` (per
// axis) or `i[axis] floordiv block_size` (blocked).
//
// Quantization follows ONNX QuantizeLinear exactly: the division in f32
// (never a multiplication by the reciprocal), round half to even, then the
// zero point added in i64 and the sum saturated, so every storage width up to
// 32 bits is exact. A NaN quotient yields saturate(zero_point), as the ops'
// folders compute it.
//
// Small float data of quantize_linear and dequantize_linear (float8,
// f4E2M1FN) is lowered by SmallFloats.cpp; these patterns decline it.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// Scalar definitions
//===----------------------------------------------------------------------===//

/// `saturate(round_half_to_even(x / scale) + zeroPoint)` with the division in
/// f32 and the sum in i32 for storage of up to 16 bits, else in i64
/// (`zeroPoint` is an i64 scalar within the storage range). A NaN quotient
/// rounds as 0, which makes the result saturate(zeroPoint).
static Value quantizeElement(OpBuilder &b, Location loc, Value x, Value scale,
                             Value zeroPoint, const StorageInfo &storage) {
  Type i64 = b.getI64Type();
  Value scaled = arith::DivFOp::create(b, loc, x, scale);
  Value isNaN =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, scaled, scaled);
  scaled = arith::SelectOp::create(b, loc, isNaN, createF32Constant(b, loc, 0),
                                   scaled);
  Value rounded = math::RoundEvenOp::create(b, loc, scaled);
  if (storage.type.getWidth() <= 16) {
    // Any bound beyond the storage range shifted by every zero point the
    // storage holds saturates the same way; with +-2^20 the sum fits i32
    // and integralToI32 converts exactly.
    const float bound = 0x1p20f;
    rounded = arith::MaxNumFOp::create(b, loc, rounded,
                                       createF32Constant(b, loc, -bound));
    rounded = arith::MinNumFOp::create(b, loc, rounded,
                                       createF32Constant(b, loc, bound));
    Type i32 = b.getI32Type();
    Value sum = arith::AddIOp::create(
        b, loc, integralToI32(b, loc, rounded),
        arith::TruncIOp::create(b, loc, i32, zeroPoint));
    sum = arith::MaxSIOp::create(b, loc, sum,
                                 createIntConstant(b, loc, i32, storage.min));
    sum = arith::MinSIOp::create(b, loc, sum,
                                 createIntConstant(b, loc, i32, storage.max));
    return castInteger(b, loc, sum, storage.type, /*isSigned=*/true);
  }
  // Any bound beyond the storage range shifted by every possible zero point
  // saturates the same way; +-2^62 keeps the conversion and the sum in i64.
  const float bound = 0x1p62f;
  rounded = arith::MaxNumFOp::create(b, loc, rounded,
                                     createF32Constant(b, loc, -bound));
  rounded = arith::MinNumFOp::create(b, loc, rounded,
                                     createF32Constant(b, loc, bound));
  Value wide = arith::FPToSIOp::create(b, loc, i64, rounded);
  wide = arith::AddIOp::create(b, loc, wide, zeroPoint);
  wide = arith::MaxSIOp::create(b, loc, wide,
                                createIntConstant(b, loc, i64, storage.min));
  wide = arith::MinSIOp::create(b, loc, wide,
                                createIntConstant(b, loc, i64, storage.max));
  return castInteger(b, loc, wide, storage.type, /*isSigned=*/true);
}

/// The integer type in which `q - zp` is exact for stored values of
/// `storage`: i32 up to 16 bits, i64 beyond.
static IntegerType getDifferenceType(OpBuilder &b, const StorageInfo &storage) {
  return storage.type.getWidth() < 32 ? b.getI32Type() : b.getI64Type();
}

/// `f32(q - zeroPoint) * scale`: the difference exact in `zeroPoint`'s type
/// (getDifferenceType), one rounding to f32, one f32 multiplication.
static Value dequantizeElement(OpBuilder &b, Location loc, Value q,
                               const StorageInfo &storage, Value zeroPoint,
                               Value scale) {
  Value wide = castInteger(b, loc, q, zeroPoint.getType(), storage.isSigned);
  Value centered = arith::SubIOp::create(b, loc, wide, zeroPoint);
  Value real = integerToF32(b, loc, centered, /*isSigned=*/true);
  return arith::MulFOp::create(b, loc, real, scale);
}

//===----------------------------------------------------------------------===//
// Generics
//===----------------------------------------------------------------------===//

namespace {
/// A parameter tensor a quantization generic reads, and the map from the
/// data's iteration space to the element each data element uses.
struct ParamInput {
  Value tensor;
  AffineMap map;
};
} // namespace

/// A parallel linalg.generic over the shape of `resultType` reading `data`
/// elementwise and each of `params` through its map; the body gets the data
/// element followed by the parameters' elements.
static Value buildQuantGeneric(OpBuilder &b, Location loc, Value data,
                               ArrayRef<ParamInput> params,
                               RankedTensorType resultType,
                               ScalarBodyBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<Value> inputs = {data};
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  for (const ParamInput &param : params) {
    inputs.push_back(param.tensor);
    maps.push_back(param.map);
  }
  maps.push_back(b.getMultiDimIdentityMap(rank));
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

/// The converted type of `type` when it is a statically shaped tensor.
static RankedTensorType getStaticType(const TypeConverter &converter,
                                      Type type) {
  auto converted =
      dyn_cast_or_null<RankedTensorType>(converter.convertType(type));
  if (!converted || !converted.hasStaticShape())
    return {};
  return converted;
}

//===----------------------------------------------------------------------===//
// Static parameters: quantize, dequantize, requantize
//===----------------------------------------------------------------------===//

namespace {

/// Scales and zero points of static quantized types inside a generic: body
/// constants when per tensor, constant vectors read along the axis when
/// per axis (one element per slice, a per-tensor side repeated).
class StaticParams {
public:
  StaticParams(int64_t axis, int64_t rank) : axis(axis), rank(rank) {}

  /// Adds an f32 parameter; returns its handle for `get`.
  unsigned addF32(ArrayRef<float> values) {
    floats.emplace_back(values);
    kinds.push_back({/*isFloat=*/true, floats.size() - 1});
    return kinds.size() - 1;
  }
  /// Adds an integer parameter, materialized as `type`.
  unsigned addInt(ArrayRef<int64_t> values, IntegerType type) {
    ints.emplace_back(values, type);
    kinds.push_back({/*isFloat=*/false, ints.size() - 1});
    return kinds.size() - 1;
  }

  /// The generic inputs of the per-axis parameters (none per tensor).
  SmallVector<ParamInput> getInputs(OpBuilder &b, Location loc) const {
    SmallVector<ParamInput> inputs;
    if (axis < 0)
      return inputs;
    AffineMap map = getParameterMap(b.getContext(), rank, axis, std::nullopt);
    for (auto [isFloat, index] : kinds)
      inputs.push_back({isFloat ? createF32Vector(b, loc, floats[index])
                                : createI32Vector(b, loc, ints[index].first),
                        map});
    return inputs;
  }

  /// Parameter `handle` in a body whose parameter arguments are `args`.
  Value get(OpBuilder &b, Location loc, ValueRange args,
            unsigned handle) const {
    auto [isFloat, index] = kinds[handle];
    if (axis < 0)
      return isFloat ? createF32Constant(b, loc, floats[index][0])
                     : createIntConstant(b, loc, ints[index].second,
                                         ints[index].first[0]);
    if (isFloat)
      return args[handle];
    return castInteger(b, loc, args[handle], ints[index].second,
                       /*isSigned=*/true);
  }

private:
  int64_t axis, rank;
  SmallVector<std::pair<bool, size_t>> kinds;
  SmallVector<SmallVector<float>> floats;
  SmallVector<std::pair<SmallVector<int64_t>, IntegerType>> ints;
};

/// Element `i` of per-axis `values`, or the only one of per-tensor values.
template <typename T> T at(ArrayRef<T> values, size_t i) {
  return values.size() == 1 ? values[0] : values[i];
}

struct QuantizeLowering : OpConversionPattern<QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    QuantParams params =
        QuantParams::get(getQuantizedElementType(op.getType()));
    StaticParams body(params.axis, resultType.getRank());
    unsigned scale = body.addF32(params.scales);
    unsigned zeroPoint = body.addInt(params.zeroPoints, rewriter.getI64Type());
    Location loc = op.getLoc();
    Value result = buildQuantGeneric(
        rewriter, loc, adaptor.getInput(), body.getInputs(rewriter, loc),
        resultType, [&](OpBuilder &b, Location loc, ValueRange args) {
          ValueRange paramArgs = args.drop_front();
          Value s = body.get(b, loc, paramArgs, scale);
          Value zp = body.get(b, loc, paramArgs, zeroPoint);
          return quantizeElement(b, loc, args[0], s, zp, params.storage);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLowering : OpConversionPattern<DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    QuantParams params =
        QuantParams::get(getQuantizedElementType(op.getInput().getType()));
    StaticParams body(params.axis, resultType.getRank());
    unsigned scale = body.addF32(params.scales);
    unsigned zeroPoint = body.addInt(
        params.zeroPoints, getDifferenceType(rewriter, params.storage));
    Location loc = op.getLoc();
    Value result = buildQuantGeneric(
        rewriter, loc, adaptor.getInput(), body.getInputs(rewriter, loc),
        resultType, [&](OpBuilder &b, Location loc, ValueRange args) {
          ValueRange paramArgs = args.drop_front();
          Value s = body.get(b, loc, paramArgs, scale);
          Value zp = body.get(b, loc, paramArgs, zeroPoint);
          return dequantizeElement(b, loc, args[0], params.storage, zp, s);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// `saturate(zp_out + requant(q_in - zp_in))` by the chosen contract
/// (Requantizer) with the multiplier `m = s_in / s_out`: divided in f32 for
/// the float contract, in double for the fixed one. The float form is
/// quantize(dequantize(q_in)) with one rounding instead of two: the
/// composition rounds `f32(q_in - zp_in) * s_in` to f32 and then divides by
/// `s_out`, so the two differ only where those intermediate roundings move
/// the quotient across a rounding boundary (a half-way case or an
/// integer-valued product off by an ulp).
struct RequantizeLowering : OpConversionPattern<RequantizeOp> {
  RequantizeLowering(const TypeConverter &converter, MLIRContext *ctx,
                     const LoweringOptions &options)
      : OpConversionPattern(converter, ctx), options(options) {}

  LogicalResult
  matchAndRewrite(RequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    QuantParams in =
        QuantParams::get(getQuantizedElementType(op.getInput().getType()));
    QuantParams out = QuantParams::get(getQuantizedElementType(op.getType()));
    int64_t axis = in.isPerAxis() ? in.axis : out.axis;
    size_t slices = std::max(in.scales.size(), out.scales.size());
    SmallVector<RequantMultiplier> multipliers;
    SmallVector<int64_t> inZeroPoints, outZeroPoints;
    for (size_t i = 0; i < slices; ++i) {
      float inScale = at<float>(in.scales, i),
            outScale = at<float>(out.scales, i);
      multipliers.push_back(
          {inScale / outScale, double(inScale) / double(outScale)});
      inZeroPoints.push_back(at<int64_t>(in.zeroPoints, i));
      outZeroPoints.push_back(at<int64_t>(out.zeroPoints, i));
    }
    Location loc = op.getLoc();
    IntegerType differenceType = getDifferenceType(rewriter, in.storage);
    FailureOr<Requantizer> requantizer = Requantizer::get(
        loc, options.requant, multipliers, {int64_t(slices)}, differenceType);
    if (failed(requantizer))
      return failure();
    // The multiplier's inputs (per axis) come first, then the zero points.
    SmallVector<ParamInput> params;
    if (axis >= 0) {
      AffineMap map = getParameterMap(getContext(), resultType.getRank(), axis,
                                      std::nullopt);
      for (Value multiplier : requantizer->createInputs(rewriter, loc))
        params.push_back({multiplier, map});
    }
    size_t numMultiplierArgs = params.size();
    StaticParams body(axis, resultType.getRank());
    unsigned inZeroPoint = body.addInt(inZeroPoints, differenceType);
    unsigned outZeroPoint = body.addInt(outZeroPoints, rewriter.getI32Type());
    llvm::append_range(params, body.getInputs(rewriter, loc));
    Value result = buildQuantGeneric(
        rewriter, loc, adaptor.getInput(), params, resultType,
        [&](OpBuilder &b, Location loc, ValueRange args) {
          ValueRange paramArgs = args.drop_front();
          ValueRange zeroPointArgs = paramArgs.drop_front(numMultiplierArgs);
          Value zpIn = body.get(b, loc, zeroPointArgs, inZeroPoint);
          SmallVector<Value> m = requantizer->getMultiplier(
              b, loc, paramArgs.take_front(numMultiplierArgs));
          Value zpOut = body.get(b, loc, zeroPointArgs, outZeroPoint);
          Value q =
              castInteger(b, loc, args[0], zpIn.getType(), in.storage.isSigned);
          Value centered = arith::SubIOp::create(b, loc, q, zpIn);
          return requantizer->build(b, loc, centered, m, zpOut, out.storage);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

  LoweringOptions options;
};

//===----------------------------------------------------------------------===//
// Tensor parameters: quantize_linear, dequantize_linear
//===----------------------------------------------------------------------===//

/// The scale and zero point operands of quantize_linear or
/// dequantize_linear as generic inputs; `zeroPoint` is null when absent.
static SmallVector<ParamInput> getLinearParams(MLIRContext *ctx, int64_t rank,
                                               Value scale, Value zeroPoint,
                                               std::optional<uint64_t> axis,
                                               std::optional<uint64_t> block) {
  std::optional<int64_t> paramAxis, blockSize;
  if (cast<RankedTensorType>(scale.getType()).getRank() > 0) {
    paramAxis = static_cast<int64_t>(*axis);
    if (block)
      blockSize = static_cast<int64_t>(*block);
  }
  AffineMap map = getParameterMap(ctx, rank, paramAxis, blockSize);
  SmallVector<ParamInput> params = {{scale, map}};
  if (zeroPoint)
    params.push_back({zeroPoint, map});
  return params;
}

/// The zero point of a tensor-parameter body as `type`: its argument
/// extended by the storage's signedness, or 0 when the op has none.
static Value getLinearZeroPoint(OpBuilder &b, Location loc, ValueRange args,
                                const StorageInfo &storage, Type type) {
  if (args.size() < 3)
    return createIntConstant(b, loc, type, 0);
  return castInteger(b, loc, args[2], type, storage.isSigned);
}

struct QuantizeLinearLowering : OpConversionPattern<QuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(QuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    StorageInfo storage = StorageInfo::get(op.getType().getElementType());
    if (!storage.type)
      return rewriter.notifyMatchFailure(op, "small float output");
    SmallVector<ParamInput> params = getLinearParams(
        getContext(), resultType.getRank(), adaptor.getScale(),
        adaptor.getZeroPoint(), op.getAxis(), op.getBlockSize());
    Value result = buildQuantGeneric(
        rewriter, op.getLoc(), adaptor.getInput(), params, resultType,
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value zp = getLinearZeroPoint(b, loc, args, storage, b.getI64Type());
          return quantizeElement(b, loc, args[0], args[1], zp, storage);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLinearLowering : OpConversionPattern<DequantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DequantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType =
        getStaticType(*getTypeConverter(), op.getType());
    if (!resultType)
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    StorageInfo storage =
        StorageInfo::get(op.getInput().getType().getElementType());
    if (!storage.type)
      return rewriter.notifyMatchFailure(op, "small float input");
    SmallVector<ParamInput> params = getLinearParams(
        getContext(), resultType.getRank(), adaptor.getScale(),
        adaptor.getZeroPoint(), op.getAxis(), op.getBlockSize());
    Value result = buildQuantGeneric(
        rewriter, op.getLoc(), adaptor.getInput(), params, resultType,
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value zp = getLinearZeroPoint(b, loc, args, storage,
                                        getDifferenceType(b, storage));
          return dequantizeElement(b, loc, args[0], storage, zp, args[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// dynamic_quantize_linear
//===----------------------------------------------------------------------===//

/// `(min(0, min x), max(0, max x))` as two rank-0 tensors: one reduction
/// generic whose accumulators start at 0. NaN elements are skipped
/// (minnumf/maxnumf), as in the op's folder.
static std::pair<Value, Value>
buildRangeIncludingZero(OpBuilder &b, Location loc, Value input) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  Value zero = createF32Constant(b, loc, 0.0f);
  Value lo = createFilledTensor(b, loc, {}, zero);
  Value hi = createFilledTensor(b, loc, {}, zero);
  AffineMap scalar = AffineMap::get(rank, 0, b.getContext());
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank), scalar,
                                 scalar};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{lo.getType(), hi.getType()}, ValueRange{input},
      ValueRange{lo, hi}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value min =
            arith::MinNumFOp::create(nested, nestedLoc, args[1], args[0]);
        Value max =
            arith::MaxNumFOp::create(nested, nestedLoc, args[2], args[0]);
        linalg::YieldOp::create(nested, nestedLoc, ValueRange{min, max});
      });
  return {generic.getResult(0), generic.getResult(1)};
}

/// ONNX DynamicQuantizeLinear, in f32 and in the order of its definition:
/// scale = (hi - lo) / 255 (1 when hi == lo, which only an all-zero input
/// gives), zero_point = round_half_to_even(clamp(0 - lo / scale, 0, 255)),
/// then QuantizeLinear with them.
struct DynamicQuantizeLinearLowering
    : OpConversionPattern<DynamicQuantizeLinearOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DynamicQuantizeLinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    RankedTensorType outputType =
        getStaticType(converter, op.getOutput().getType());
    RankedTensorType scaleType =
        getStaticType(converter, op.getScale().getType());
    RankedTensorType zpType =
        getStaticType(converter, op.getZeroPoint().getType());
    if (!outputType || !scaleType || !zpType)
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    Location loc = op.getLoc();
    StorageInfo storage =
        StorageInfo::get(op.getOutput().getType().getElementType());

    auto [lo, hi] = buildRangeIncludingZero(rewriter, loc, adaptor.getInput());
    Value scale = buildElementwise(
        rewriter, loc, {lo, hi}, scaleType,
        [](OpBuilder &b, Location loc, ValueRange args) -> Value {
          Value range = arith::SubFOp::create(b, loc, args[1], args[0]);
          Value scale = arith::DivFOp::create(b, loc, range,
                                              createF32Constant(b, loc, 255));
          Value empty = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                              args[1], args[0]);
          return arith::SelectOp::create(b, loc, empty,
                                         createF32Constant(b, loc, 1), scale);
        });
    Value zeroPoint = buildElementwise(
        rewriter, loc, {lo, scale}, zpType,
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          Value loScaled = arith::DivFOp::create(b, loc, args[0], args[1]);
          Value zp = arith::SubFOp::create(b, loc, createF32Constant(b, loc, 0),
                                           loScaled);
          // Rounding then clamping to the integers [0, 255] equals ONNX's
          // clamping then rounding.
          return roundToStorage(b, loc, zp, storage);
        });
    Value output = buildElementwise(
        rewriter, loc, {adaptor.getInput(), scale, zeroPoint}, outputType,
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          Value zp = castInteger(b, loc, args[2], b.getI64Type(),
                                 /*isSigned=*/false);
          return quantizeElement(b, loc, args[0], args[1], zp, storage);
        });
    rewriter.replaceOp(op, {output, scale, zeroPoint});
    return success();
  }
};

} // namespace

void mlir::quantc::populateQuantLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns,
    const LoweringOptions &options) {
  patterns.add<QuantizeLowering, DequantizeLowering, QuantizeLinearLowering,
               DequantizeLinearLowering, DynamicQuantizeLinearLowering>(
      converter, patterns.getContext());
  patterns.add<RequantizeLowering>(converter, patterns.getContext(), options);
}
