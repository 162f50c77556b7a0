//===- Reductions.cpp - Lowering of qnt ops to linalg ---------------------===//
//
// Pools, reductions, softmax and log_softmax.
//
// Max pools and float sum pools are linalg's named pooling ops on an
// explicitly padded input; quantized max pools compare the storage integers
// (input and result share their parameters). Quantized means sum the stored
// values minus the zero point exactly in integers and requantize the sum
// with the multiplier s_in / (s_out * count), one rounding of the real mean.
// They, max pooling with indices and the unsigned 3-D max pool (which linalg
// lacks) are linalg.generic ops over the window, indexed as the named ops
// are.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// Scalars
//===----------------------------------------------------------------------===//

static Value negativeInfinity(OpBuilder &b, Location loc) {
  return createF32Constant(b, loc, -std::numeric_limits<float>::infinity());
}

/// The smallest value of `storage`, as its signless storage integer.
static Value storageMin(OpBuilder &b, Location loc,
                        const StorageInfo &storage) {
  return createIntConstant(b, loc, storage.type, storage.min);
}

/// The larger of two stored values: float maximum (NaN propagates), or the
/// storage integers compared with their signedness.
static Value maxOf(OpBuilder &b, Location loc, Value lhs, Value rhs,
                   const StorageInfo &storage) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MaximumFOp::create(b, loc, lhs, rhs);
  if (storage.isSigned)
    return arith::MaxSIOp::create(b, loc, lhs, rhs);
  return arith::MaxUIOp::create(b, loc, lhs, rhs);
}

/// `lhs > rhs` on stored values.
static Value greaterThan(OpBuilder &b, Location loc, Value lhs, Value rhs,
                         const StorageInfo &storage) {
  if (isa<FloatType>(lhs.getType()))
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, lhs, rhs);
  return arith::CmpIOp::create(b, loc,
                               storage.isSigned ? arith::CmpIPredicate::sgt
                                                : arith::CmpIPredicate::ugt,
                               lhs, rhs);
}

namespace {
/// The parameters of a per-tensor quantized type as scalar constants.
struct ScalarParams {
  Value scale;     // f32
  Value zeroPoint; // i32
  float scaleValue;
  int64_t zeroPointValue;
  StorageInfo storage;

  static ScalarParams get(OpBuilder &b, Location loc,
                          quant::QuantizedType type) {
    QuantParams params = QuantParams::get(type);
    int64_t zp = params.zeroPoints.front();
    float scale = params.scales.front();
    return {createF32Constant(b, loc, scale),
            createIntConstant(b, loc, b.getI32Type(), zp), scale, zp,
            params.storage};
  }

  /// The parameters of a tensor type with a quantized element type, or none.
  static std::optional<ScalarParams> getIfQuantized(OpBuilder &b, Location loc,
                                                    Type type) {
    if (quant::QuantizedType quantized = getQuantizedElementType(type))
      return get(b, loc, quantized);
    return std::nullopt;
  }

  Value dequantize(OpBuilder &b, Location loc, Value q) const {
    return dequantizeScalar(b, loc, q, storage, zeroPoint, scale);
  }
  Value quantize(OpBuilder &b, Location loc, Value x) const {
    return quantizeScalar(b, loc, x, scale, zeroPoint, storage);
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Windows
//===----------------------------------------------------------------------===//

namespace {
/// The geometry of a pool over the spatial dimensions of an N...C tensor.
/// `padHigh` is how far the last window reaches past the input's end: less
/// than the op's end padding where no window reaches all of it, more where
/// ceil_mode's last window hangs over it.
struct Window {
  SmallVector<int64_t, 3> in, out, kernel, strides, dilations, padLow, padHigh;

  size_t rank() const { return kernel.size(); }
  bool isPadded() const {
    auto nonZero = [](int64_t p) { return p != 0; };
    return llvm::any_of(padLow, nonZero) || llvm::any_of(padHigh, nonZero);
  }
  int64_t extent(size_t i) const { return dilations[i] * (kernel[i] - 1) + 1; }

  static Window get(ArrayRef<int64_t> inShape, ArrayRef<int64_t> outShape,
                    ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                    ArrayRef<int64_t> pads, ArrayRef<int64_t> dilations) {
    Window w;
    size_t n = kernel.size();
    w.in.assign(inShape.begin() + 1, inShape.begin() + 1 + n);
    w.out.assign(outShape.begin() + 1, outShape.begin() + 1 + n);
    w.kernel.assign(kernel.begin(), kernel.end());
    w.strides.assign(strides.begin(), strides.end());
    w.dilations.assign(dilations.begin(), dilations.end());
    w.padLow.assign(pads.begin(), pads.begin() + n);
    for (size_t i = 0; i < n; ++i) {
      int64_t reach = (w.out[i] - 1) * w.strides[i] + w.extent(i);
      w.padHigh.push_back(std::max<int64_t>(0, reach - w.in[i] - w.padLow[i]));
    }
    return w;
  }

  /// How many taps of the window at output position `o` of dimension `i`
  /// fall inside the input.
  int64_t tapsInside(size_t i, int64_t o) const {
    int64_t count = 0;
    for (int64_t k = 0; k < kernel[i]; ++k) {
      int64_t x = o * strides[i] + k * dilations[i] - padLow[i];
      count += x >= 0 && x < in[i];
    }
    return count;
  }
};
} // namespace

/// The output shape [N, out..., C] of a pool of `input` over `w`.
static SmallVector<int64_t, 5> poolShape(Value input, const Window &w) {
  ArrayRef<int64_t> in = cast<RankedTensorType>(input.getType()).getShape();
  SmallVector<int64_t, 5> shape = {in.front()};
  llvm::append_range(shape, w.out);
  shape.push_back(in.back());
  return shape;
}

/// A linalg named pooling op (max or sum, 2-D or 3-D) of the padded input
/// into `init`.
template <typename PoolOp>
static Value buildNamedPool(OpBuilder &b, Location loc, Value padded,
                            Value init, const Window &w) {
  Value kernel = createEmptyTensor(b, loc, w.kernel, b.getF32Type());
  return PoolOp::create(b, loc, TypeRange{init.getType()},
                        ValueRange{padded, kernel}, ValueRange{init},
                        b.getI64TensorAttr(w.strides),
                        b.getI64TensorAttr(w.dilations))
      .getResult(0);
}

using WindowBodyBuilder = function_ref<SmallVector<Value>(
    OpBuilder &b, Location loc, Value element, ValueRange accumulators)>;

/// A linalg.generic reducing every window of the padded input into `inits`
/// ([N, out..., C] each), as linalg's named pooling ops are defined: loops
/// (n, out..., c, k...), the input read at out * stride + k * dilation.
/// `body` maps a window element and the accumulators to their new values;
/// it may read the loop positions with linalg.index.
static ValueRange buildWindowGeneric(OpBuilder &b, Location loc, Value padded,
                                     ValueRange inits, const Window &w,
                                     WindowBodyBuilder body) {
  MLIRContext *ctx = b.getContext();
  size_t n = w.rank();
  unsigned loops = 2 * n + 2;
  SmallVector<AffineExpr, 5> inputExprs = {getAffineDimExpr(0, ctx)};
  SmallVector<AffineExpr, 5> outputExprs = {getAffineDimExpr(0, ctx)};
  SmallVector<AffineExpr, 3> kernelExprs;
  for (size_t i = 0; i < n; ++i) {
    AffineExpr o = getAffineDimExpr(1 + i, ctx);
    AffineExpr k = getAffineDimExpr(n + 2 + i, ctx);
    inputExprs.push_back(o * w.strides[i] + k * w.dilations[i]);
    outputExprs.push_back(o);
    kernelExprs.push_back(k);
  }
  inputExprs.push_back(getAffineDimExpr(n + 1, ctx));
  outputExprs.push_back(getAffineDimExpr(n + 1, ctx));
  AffineMap outputMap = AffineMap::get(loops, 0, outputExprs, ctx);
  SmallVector<AffineMap> maps = {AffineMap::get(loops, 0, inputExprs, ctx),
                                 AffineMap::get(loops, 0, kernelExprs, ctx)};
  maps.append(inits.size(), outputMap);
  SmallVector<utils::IteratorType> iterators(n + 2,
                                             utils::IteratorType::parallel);
  iterators.append(n, utils::IteratorType::reduction);
  // The kernel operand only gives the window loops their sizes.
  Value kernel = createEmptyTensor(b, loc, w.kernel, b.getF32Type());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange(inits), ValueRange{padded, kernel}, inits, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(
            nested, nestedLoc,
            body(nested, nestedLoc, args[0], args.drop_front(2)));
      });
  return generic.getResults();
}

//===----------------------------------------------------------------------===//
// Max pools
//===----------------------------------------------------------------------===//

/// Max pooling of `input` (f32 or storage integers) over `w`: the padding
/// holds the smallest value, which every window's input elements reach.
static Value buildMaxPool(OpBuilder &b, Location loc, Value input,
                          const Window &w, const StorageInfo &storage) {
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  Value lowest = isa<FloatType>(elementType) ? negativeInfinity(b, loc)
                                             : storageMin(b, loc, storage);
  Value padded = padSpatial(b, loc, input, w.padLow, w.padHigh, lowest);
  Value init = createFilledTensor(b, loc, poolShape(input, w), lowest);
  bool isUnsigned = !isa<FloatType>(elementType) && !storage.isSigned;
  if (w.rank() == 2)
    return isUnsigned ? buildNamedPool<linalg::PoolingNhwcMaxUnsignedOp>(
                            b, loc, padded, init, w)
                      : buildNamedPool<linalg::PoolingNhwcMaxOp>(b, loc, padded,
                                                                 init, w);
  if (!isUnsigned)
    return buildNamedPool<linalg::PoolingNdhwcMaxOp>(b, loc, padded, init, w);
  // linalg has no unsigned 3-D max pool.
  return buildWindowGeneric(
      b, loc, padded, init, w,
      [&](OpBuilder &nb, Location nl, Value x, ValueRange acc) {
        return SmallVector<Value>{maxOf(nb, nl, acc[0], x, storage)};
      })[0];
}

namespace {
template <typename OpTy> struct MaxPoolLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpConversionPattern<OpTy>::OpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    if (!inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    Window w =
        Window::get(inType.getShape(), outType.getShape(), op.getKernel(),
                    op.getStrides(), op.getPads(), op.getDilations());
    StorageInfo storage = StorageInfo::get(inType.getElementType());
    rewriter.replaceOp(op, buildMaxPool(rewriter, op.getLoc(),
                                        adaptor.getInput(), w, storage));
    return success();
  }
};

/// The maximum and where it was found, a generic over the window that
/// takes an element when it lies inside the input and is the first one or
/// greater than the maximum so far (so the first maximum in window order).
struct MaxPoolWithIndicesLowering
    : OpConversionPattern<MaxPool2DWithIndicesOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MaxPool2DWithIndicesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getOutput().getType();
    if (!inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    Location loc = op.getLoc();
    Window w =
        Window::get(inType.getShape(), outType.getShape(), op.getKernel(),
                    op.getStrides(), op.getPads(), op.getDilations());
    StorageInfo storage = StorageInfo::get(inType.getElementType());
    Value input = adaptor.getInput();
    Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
    Value lowest = isa<FloatType>(elementType)
                       ? negativeInfinity(rewriter, loc)
                       : storageMin(rewriter, loc, storage);
    Value padded = padSpatial(rewriter, loc, input, w.padLow, w.padHigh, lowest);
    SmallVector<int64_t, 5> shape = poolShape(input, w);
    Type i64 = rewriter.getI64Type();
    Value values = createFilledTensor(rewriter, loc, shape, lowest);
    Value indices = createFilledTensor(
        rewriter, loc, shape, createIntConstant(rewriter, loc, i64, -1));
    int64_t height = inType.getDimSize(1), width = inType.getDimSize(2);
    bool columnMajor = op.getStorageOrder() == 1;

    // Index constants, made once outside the loop body.
    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, v);
    };
    Value zero = constant(0), channels = constant(inType.getDimSize(3));
    Value sizes[2] = {constant(height), constant(width)};
    Value strides[2], dilations[2], padLow[2];
    for (int i = 0; i < 2; ++i) {
      strides[i] = constant(w.strides[i]);
      dilations[i] = constant(w.dilations[i]);
      padLow[i] = constant(w.padLow[i]);
    }
    Value zeroI64 = createIntConstant(rewriter, loc, i64, 0);

    ValueRange results = buildWindowGeneric(
        rewriter, loc, padded, {values, indices}, w,
        [&](OpBuilder &b, Location l, Value x, ValueRange acc) {
          auto index = [&](int64_t dim) -> Value {
            return linalg::IndexOp::create(b, l, dim);
          };
          // The row (i = 0) or column (i = 1) of this tap in the input, and
          // whether it lies inside the input.
          Value position[2], inside;
          for (int i = 0; i < 2; ++i) {
            Value o = arith::MulIOp::create(b, l, index(1 + i), strides[i]);
            Value k = arith::MulIOp::create(b, l, index(4 + i), dilations[i]);
            position[i] = arith::SubIOp::create(
                b, l, arith::AddIOp::create(b, l, o, k), padLow[i]);
            Value lo = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge,
                                             position[i], zero);
            Value hi = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                             position[i], sizes[i]);
            Value both = arith::AndIOp::create(b, l, lo, hi);
            inside = i == 0 ? both : arith::AndIOp::create(b, l, inside, both);
          }
          Value first = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                              acc[1], zeroI64);
          Value better = arith::OrIOp::create(
              b, l, first, greaterThan(b, l, x, acc[0], storage));
          Value take = arith::AndIOp::create(b, l, inside, better);
          // The NCHW flat index: the plane n * C + c, then the position in
          // row-major (h * W + w) or column-major (w * H + h) order.
          Value plane = arith::AddIOp::create(
              b, l, arith::MulIOp::create(b, l, index(0), channels), index(3));
          int major = columnMajor ? 1 : 0;
          Value flat = arith::MulIOp::create(
              b, l, arith::MulIOp::create(b, l, plane, sizes[0]), sizes[1]);
          Value inPlane = arith::AddIOp::create(
              b, l,
              arith::MulIOp::create(b, l, position[major], sizes[1 - major]),
              position[1 - major]);
          flat = arith::IndexCastOp::create(
              b, l, i64, arith::AddIOp::create(b, l, flat, inPlane));
          return SmallVector<Value>{
              arith::SelectOp::create(b, l, take, x, acc[0]),
              arith::SelectOp::create(b, l, take, flat, acc[1])};
        });
    rewriter.replaceOp(op, results);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Average pools
//===----------------------------------------------------------------------===//

/// The integer type that holds exactly a sum of `count` stored values of
/// `storage` centered on their zero point: i32, or i64 when i32 could
/// overflow.
static IntegerType accumulatorType(OpBuilder &b, const StorageInfo &storage,
                                   int64_t count) {
  double bound = double(storage.max - storage.min) * double(count);
  return bound <= double(INT32_MAX) ? b.getI32Type() : b.getI64Type();
}

/// The zero point of `params` as an `accType` scalar.
static Value zeroPointAs(OpBuilder &b, Location loc, const ScalarParams &params,
                         IntegerType accType) {
  if (accType == params.zeroPoint.getType())
    return params.zeroPoint;
  return createIntConstant(b, loc, accType, params.zeroPointValue);
}

/// `q - zeroPoint` in `accType`; `zeroPoint` is an `accType` scalar.
static Value centered(OpBuilder &b, Location loc, Value q, Value zeroPoint,
                      const StorageInfo &storage) {
  Value wide = castInteger(b, loc, q, zeroPoint.getType(), storage.isSigned);
  return arith::SubIOp::create(b, loc, wide, zeroPoint);
}

/// The sums of every window of `input` [N, spatial..., C]: for f32, linalg's
/// sum pools over zero padding; for quantized storage, the stored values
/// minus the zero point summed exactly in integers (i32 unless that could
/// overflow) by a window generic over zero-point padding.
static Value buildWindowSums(OpBuilder &b, Location loc, Value input,
                             const Window &w,
                             const std::optional<ScalarParams> &inParams) {
  SmallVector<int64_t, 5> shape = poolShape(input, w);
  if (!inParams) {
    Value zero = createF32Constant(b, loc, 0.0f);
    Value init = createFilledTensor(b, loc, shape, zero);
    Value padded = padSpatial(b, loc, input, w.padLow, w.padHigh, zero);
    if (w.rank() == 2)
      return buildNamedPool<linalg::PoolingNhwcSumOp>(b, loc, padded, init, w);
    return buildNamedPool<linalg::PoolingNdhwcSumOp>(b, loc, padded, init, w);
  }
  const StorageInfo &storage = inParams->storage;
  IntegerType accType = accumulatorType(b, storage, llvm::product_of(w.kernel));
  Value init =
      createFilledTensor(b, loc, shape, createIntConstant(b, loc, accType, 0));
  Value padded = input;
  if (w.isPadded())
    padded = padSpatial(
        b, loc, input, w.padLow, w.padHigh,
        createIntConstant(b, loc, storage.type, inParams->zeroPointValue));
  Value zeroPoint = zeroPointAs(b, loc, *inParams, accType);
  return buildWindowGeneric(
      b, loc, padded, init, w,
      [&](OpBuilder &nb, Location nl, Value q, ValueRange acc) {
        Value term = centered(nb, nl, q, zeroPoint, storage);
        return SmallVector<Value>{arith::AddIOp::create(nb, nl, acc[0], term)};
      })[0];
}

/// The multiplier `s_in / (s_out * count)` of a quantized mean: in f32 in
/// that order for the float contract, in double for the fixed one.
static RequantMultiplier
meanMultiplier(const ScalarParams &in, const ScalarParams &out, int64_t count) {
  return {in.scaleValue / (out.scaleValue * static_cast<float>(count)),
          double(in.scaleValue) /
              (double(out.scaleValue) * static_cast<double>(count))};
}

/// The quantized means of integer `sums` whose divisor (the taps inside
/// the input) varies with the output position, under the fixed contract:
/// one multiplier per position, from the product of its per-dimension tap
/// counts, in a constant of shape [1, out..., 1]. Null after an error.
static Value buildVaryingFixedMeans(OpBuilder &b, Location loc, Value sums,
                                    const Window &w,
                                    RankedTensorType resultType,
                                    const ScalarParams &inParams,
                                    const ScalarParams &outParams) {
  SmallVector<int64_t> shape = {1};
  llvm::append_range(shape, w.out);
  shape.push_back(1);
  SmallVector<RequantMultiplier> multipliers;
  SmallVector<int64_t> position(w.rank(), 0);
  for (int64_t i = 0, e = llvm::product_of(w.out); i < e; ++i) {
    int64_t count = 1;
    for (size_t d = 0; d < w.rank(); ++d)
      count *= w.tapsInside(d, position[d]);
    multipliers.push_back(meanMultiplier(inParams, outParams, count));
    for (int64_t d = w.rank() - 1; d >= 0; --d) {
      if (++position[d] < w.out[d])
        break;
      position[d] = 0;
    }
  }
  auto accType = cast<IntegerType>(getElementTypeOrSelf(sums.getType()));
  FailureOr<Requantizer> requantizer =
      Requantizer::get(loc, RequantMode::Fixed, multipliers, shape, accType);
  if (failed(requantizer))
    return nullptr;
  SmallVector<Value> inputs = {sums};
  llvm::append_range(inputs, requantizer->createInputs(b, loc));
  return buildElementwise(
      b, loc, inputs, resultType,
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        return requantizer->build(
            nb, nl, args[0],
            requantizer->getMultiplier(nb, nl, args.drop_front()),
            outParams.zeroPoint, outParams.storage);
      });
}

/// The mean of each window from its sum, as `resultType`. The divisor is the
/// full kernel size with `countIncludePad`, otherwise the number of taps
/// inside the input: a product over the spatial dimensions, read from a
/// constant per dimension where it varies. Float sums are divided by it;
/// quantized integer sums are requantized with the multiplier
/// `s_in / (s_out * divisor)` (round half to even, saturate), which is
/// `quantize(s_in * sum / divisor)` with one rounding of the real mean.
/// Null after an error.
static Value buildWindowMeans(OpBuilder &b, Location loc, Value sums,
                              const Window &w, bool countIncludePad,
                              RankedTensorType resultType,
                              const std::optional<ScalarParams> &inParams,
                              const std::optional<ScalarParams> &outParams,
                              RequantMode mode) {
  int64_t rank = resultType.getRank();
  int64_t fixedCount = 1;
  SmallVector<std::pair<size_t, SmallVector<float>>> varyingCounts;
  for (size_t i = 0; i < w.rank(); ++i) {
    if (countIncludePad) {
      fixedCount *= w.kernel[i];
      continue;
    }
    SmallVector<float> counts;
    for (int64_t o = 0; o < w.out[i]; ++o)
      counts.push_back(static_cast<float>(w.tapsInside(i, o)));
    if (llvm::all_equal(counts))
      fixedCount *= static_cast<int64_t>(counts.front());
    else
      varyingCounts.emplace_back(i, std::move(counts));
  }
  bool varying = !varyingCounts.empty();
  if (inParams && varying && mode == RequantMode::Fixed)
    return buildVaryingFixedMeans(b, loc, sums, w, resultType, *inParams,
                                  *outParams);
  SmallVector<Value> inputs = {sums};
  for (auto &[i, counts] : varyingCounts) {
    SmallVector<int64_t, 5> shape(rank, 1);
    shape[1 + i] = w.out[i];
    auto type = RankedTensorType::get(shape, b.getF32Type());
    inputs.push_back(arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(type, ArrayRef<float>(counts))));
  }
  std::optional<Requantizer> constantRequantizer;
  if (inParams && !varying) {
    auto accType = cast<IntegerType>(getElementTypeOrSelf(sums.getType()));
    FailureOr<Requantizer> requantizer = Requantizer::get(
        loc, mode, meanMultiplier(*inParams, *outParams, fixedCount), {},
        accType);
    if (failed(requantizer))
      return nullptr;
    constantRequantizer = *requantizer;
  }
  return buildElementwise(
      b, loc, inputs, resultType,
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        if (constantRequantizer)
          return constantRequantizer->build(
              nb, nl, args[0], constantRequantizer->getMultiplier(nb, nl, {}),
              outParams->zeroPoint, outParams->storage);
        // Counts are small integers: their f32 products are exact.
        ValueRange counts = args.drop_front();
        Value divisor;
        if (fixedCount != 1 || counts.empty())
          divisor = createF32Constant(nb, nl, static_cast<float>(fixedCount));
        for (Value count : counts)
          divisor =
              divisor ? arith::MulFOp::create(nb, nl, divisor, count) : count;
        if (!inParams)
          return arith::DivFOp::create(nb, nl, args[0], divisor);
        Value scaled = arith::MulFOp::create(nb, nl, outParams->scale, divisor);
        Value multiplier =
            arith::DivFOp::create(nb, nl, inParams->scale, scaled);
        return requantizeScalar(nb, nl, args[0], multiplier,
                                outParams->zeroPoint, outParams->storage);
      });
}

namespace {
template <typename OpTy> struct AvgPoolLowering : OpConversionPattern<OpTy> {
  using OpAdaptor = typename OpConversionPattern<OpTy>::OpAdaptor;

  AvgPoolLowering(const TypeConverter &converter, MLIRContext *ctx,
                  const LoweringOptions &options)
      : OpConversionPattern<OpTy>(converter, ctx), options(options) {}
  LoweringOptions options;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        this->getTypeConverter()->convertType(outType));
    if (!resultType || !inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "unsupported types");
    Location loc = op.getLoc();
    Window w =
        Window::get(inType.getShape(), outType.getShape(), op.getKernel(),
                    op.getStrides(), op.getPads(), op.getDilations());
    auto inParams = ScalarParams::getIfQuantized(rewriter, loc, inType);
    auto outParams = ScalarParams::getIfQuantized(rewriter, loc, outType);
    Value sums =
        buildWindowSums(rewriter, loc, adaptor.getInput(), w, inParams);
    Value means =
        buildWindowMeans(rewriter, loc, sums, w, op.getCountIncludePad(),
                         resultType, inParams, outParams, options.requant);
    if (!means)
      return failure();
    rewriter.replaceOp(op, means);
    return success();
  }
};

/// A window covering all of H and W.
struct GlobalAvgPoolLowering : OpConversionPattern<GlobalAvgPoolOp> {
  GlobalAvgPoolLowering(const TypeConverter &converter, MLIRContext *ctx,
                        const LoweringOptions &options)
      : OpConversionPattern(converter, ctx), options(options) {}
  LoweringOptions options;

  LogicalResult
  matchAndRewrite(GlobalAvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(outType));
    if (!resultType || !inType.hasStaticShape() || !outType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "unsupported types");
    Location loc = op.getLoc();
    ArrayRef<int64_t> in = inType.getShape();
    Window w = Window::get(in, outType.getShape(), {in[1], in[2]}, {1, 1},
                           {0, 0, 0, 0}, {1, 1});
    auto inParams = ScalarParams::getIfQuantized(rewriter, loc, inType);
    auto outParams = ScalarParams::getIfQuantized(rewriter, loc, outType);
    Value sums =
        buildWindowSums(rewriter, loc, adaptor.getInput(), w, inParams);
    Value means = buildWindowMeans(rewriter, loc, sums, w,
                                   /*countIncludePad=*/true, resultType,
                                   inParams, outParams, options.requant);
    if (!means)
      return failure();
    rewriter.replaceOp(op, means);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Reductions along dimensions
//===----------------------------------------------------------------------===//

/// The shape of `shape` without the dimensions `reduced` marks.
static SmallVector<int64_t> keptShape(ArrayRef<int64_t> shape,
                                      ArrayRef<bool> reduced) {
  SmallVector<int64_t> kept;
  for (auto [size, isReduced] : llvm::zip_equal(shape, reduced))
    if (!isReduced)
      kept.push_back(size);
  return kept;
}

using ReductionBodyBuilder = function_ref<Value(
    OpBuilder &b, Location loc, ValueRange elements, Value accumulator)>;

/// A linalg.generic over the shape of `inputs[0]` (the others broadcast to
/// it) reducing the dimensions `reduced` marks into `init`, whose shape
/// drops them; `body` maps the elements and the accumulator to its new
/// value.
static Value buildReduction(OpBuilder &b, Location loc, ValueRange inputs,
                            ArrayRef<bool> reduced, Value init,
                            ReductionBodyBuilder body) {
  MLIRContext *ctx = b.getContext();
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(inputs.front().getType()).getShape();
  SmallVector<AffineMap> maps;
  for (Value input : inputs)
    maps.push_back(getBroadcastMap(
        ctx, cast<RankedTensorType>(input.getType()).getShape(), shape));
  SmallVector<AffineExpr> keptExprs;
  SmallVector<utils::IteratorType> iterators;
  for (auto [dim, isReduced] : llvm::enumerate(reduced)) {
    iterators.push_back(isReduced ? utils::IteratorType::reduction
                                  : utils::IteratorType::parallel);
    if (!isReduced)
      keptExprs.push_back(getAffineDimExpr(dim, ctx));
  }
  maps.push_back(AffineMap::get(shape.size(), 0, keptExprs, ctx));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(
            nested, nestedLoc,
            body(nested, nestedLoc, args.drop_back(), args.back()));
      });
  return generic.getResult(0);
}

/// `value`, whose shape is `shape` without the dimensions `reduced` marks,
/// reshaped to `shape` with those dimensions of size 1.
static Value keepDims(OpBuilder &b, Location loc, Value value,
                      ArrayRef<int64_t> shape, ArrayRef<bool> reduced) {
  SmallVector<int64_t> fullShape;
  for (auto [dim, isReduced] : llvm::enumerate(reduced))
    fullShape.push_back(isReduced ? 1 : shape[dim]);
  // Reduced dimensions before the first kept one join its group; later
  // ones join the group of the kept dimension before them. With no kept
  // dimension there are no groups (a rank-0 value).
  SmallVector<ReassociationIndices> groups;
  SmallVector<int64_t> leading;
  for (auto [dim, isReduced] : llvm::enumerate(reduced)) {
    if (isReduced) {
      if (groups.empty())
        leading.push_back(dim);
      else
        groups.back().push_back(dim);
      continue;
    }
    groups.emplace_back(leading.begin(), leading.end());
    leading.clear();
    groups.back().push_back(dim);
  }
  auto type = cast<RankedTensorType>(value.getType()).clone(fullShape);
  return tensor::ExpandShapeOp::create(b, loc, type, value, groups);
}

namespace {
/// Float sums divided by the number of elements each covers. Quantized
/// values are summed exactly as integers minus the zero point and
/// requantized with the multiplier `s_in / (s_out * count)`, as the window
/// means are.
struct ReduceMeanLowering : OpConversionPattern<ReduceMeanOp> {
  ReduceMeanLowering(const TypeConverter &converter, MLIRContext *ctx,
                     const LoweringOptions &options)
      : OpConversionPattern(converter, ctx), options(options) {}
  LoweringOptions options;

  LogicalResult
  matchAndRewrite(ReduceMeanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType outType = op.getType();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(outType));
    if (!resultType || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "unsupported types");
    Location loc = op.getLoc();
    ArrayRef<int64_t> shape = inType.getShape();
    SmallVector<bool> reduced(shape.size(), false);
    int64_t count = 1;
    for (int64_t axis : op.getAxes()) {
      reduced[axis] = true;
      count *= shape[axis];
    }
    auto inParams = ScalarParams::getIfQuantized(rewriter, loc, inType);
    auto outParams = ScalarParams::getIfQuantized(rewriter, loc, outType);
    SmallVector<int64_t> kept = keptShape(shape, reduced);
    auto meanType = RankedTensorType::get(kept, resultType.getElementType());
    Value means;
    if (!inParams) {
      Value init = createFilledTensor(rewriter, loc, kept,
                                      createF32Constant(rewriter, loc, 0.0f));
      Value sums = buildReduction(
          rewriter, loc, adaptor.getInput(), reduced, init,
          [](OpBuilder &b, Location l, ValueRange x, Value acc) -> Value {
            return arith::AddFOp::create(b, l, acc, x[0]);
          });
      means = buildElementwise(
          rewriter, loc, sums, meanType,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::DivFOp::create(
                b, l, args[0],
                createF32Constant(b, l, static_cast<float>(count)));
          });
    } else {
      IntegerType accType = accumulatorType(rewriter, inParams->storage, count);
      Value init = createFilledTensor(
          rewriter, loc, kept, createIntConstant(rewriter, loc, accType, 0));
      Value zeroPoint = zeroPointAs(rewriter, loc, *inParams, accType);
      Value sums = buildReduction(
          rewriter, loc, adaptor.getInput(), reduced, init,
          [&](OpBuilder &b, Location l, ValueRange q, Value acc) -> Value {
            return arith::AddIOp::create(
                b, l, acc, centered(b, l, q[0], zeroPoint, inParams->storage));
          });
      FailureOr<Requantizer> requantizer = Requantizer::get(
          loc, options.requant, meanMultiplier(*inParams, *outParams, count),
          {}, accType);
      if (failed(requantizer))
        return failure();
      means = buildElementwise(
          rewriter, loc, sums, meanType,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return requantizer->build(b, l, args[0],
                                      requantizer->getMultiplier(b, l, {}),
                                      outParams->zeroPoint, outParams->storage);
          });
    }
    if (op.getKeepdims())
      means = keepDims(rewriter, loc, means, shape, reduced);
    rewriter.replaceOp(op, means);
    return success();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Softmax and log_softmax
//===----------------------------------------------------------------------===//

/// The maximum of `input` (f32 or storage integers) along `axis`, with that
/// dimension kept as size 1.
static Value buildAxisMax(OpBuilder &b, Location loc, Value input,
                          ArrayRef<bool> reduced, const StorageInfo &storage) {
  auto type = cast<RankedTensorType>(input.getType());
  Value lowest = isa<FloatType>(type.getElementType())
                     ? negativeInfinity(b, loc)
                     : storageMin(b, loc, storage);
  Value init =
      createFilledTensor(b, loc, keptShape(type.getShape(), reduced), lowest);
  Value max =
      buildReduction(b, loc, input, reduced, init,
                     [&](OpBuilder &nb, Location nl, ValueRange x, Value acc) {
                       return maxOf(nb, nl, acc, x[0], storage);
                     });
  return keepDims(b, loc, max, type.getShape(), reduced);
}

/// The f32 sums of `input` along the reduced dimension, kept as size 1.
static Value
buildAxisSum(OpBuilder &b, Location loc, ValueRange inputs,
             ArrayRef<bool> reduced,
             function_ref<Value(OpBuilder &, Location, ValueRange)> term) {
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(inputs.front().getType()).getShape();
  Value init = createFilledTensor(b, loc, keptShape(shape, reduced),
                                  createF32Constant(b, loc, 0.0f));
  Value sum = buildReduction(
      b, loc, inputs, reduced, init,
      [&](OpBuilder &nb, Location nl, ValueRange x, Value acc) -> Value {
        return arith::AddFOp::create(nb, nl, acc, term(nb, nl, x));
      });
  return keepDims(b, loc, sum, shape, reduced);
}

namespace {
/// exp(x - max) / sum(exp(x - max)) along the axis, as ONNX computes it. A
/// quantized input's maximum is taken on the storage integers (dequantizing
/// is monotonic) and both are dequantized before subtracting; the result is
/// quantized.
struct SoftmaxLowering : OpConversionPattern<SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType inType = op.getInput().getType();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!resultType || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "unsupported types");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    SmallVector<bool> reduced(inType.getRank(), false);
    reduced[op.getAxis()] = true;
    auto inParams = ScalarParams::getIfQuantized(rewriter, loc, inType);
    auto outParams = ScalarParams::getIfQuantized(rewriter, loc, op.getType());
    StorageInfo storage = StorageInfo::get(inType.getElementType());

    Value max = buildAxisMax(rewriter, loc, input, reduced, storage);
    auto realType =
        RankedTensorType::get(inType.getShape(), rewriter.getF32Type());
    Value exps = buildElementwise(
        rewriter, loc, {input, max}, realType,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0], m = args[1];
          if (inParams) {
            x = inParams->dequantize(b, l, x);
            m = inParams->dequantize(b, l, m);
          }
          return math::ExpOp::create(b, l, arith::SubFOp::create(b, l, x, m));
        });
    Value sums =
        buildAxisSum(rewriter, loc, exps, reduced,
                     [](OpBuilder &, Location, ValueRange x) { return x[0]; });
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, loc, {exps, sums}, resultType,
                [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                  Value y = arith::DivFOp::create(b, l, args[0], args[1]);
                  return outParams ? outParams->quantize(b, l, y) : y;
                }));
    return success();
  }
};

/// (x - max) - log(sum(exp(x - max))) along the axis (f32 only).
struct LogSoftmaxLowering : OpConversionPattern<LogSoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LogSoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = op.getInput().getType();
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shape");
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    SmallVector<bool> reduced(type.getRank(), false);
    reduced[op.getAxis()] = true;

    Value max = buildAxisMax(rewriter, loc, input, reduced, StorageInfo());
    Value sums =
        buildAxisSum(rewriter, loc, {input, max}, reduced,
                     [](OpBuilder &b, Location l, ValueRange x) -> Value {
                       return math::ExpOp::create(
                           b, l, arith::SubFOp::create(b, l, x[0], x[1]));
                     });
    Value logs = buildElementwise(
        rewriter, loc, sums, cast<RankedTensorType>(sums.getType()),
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return math::LogOp::create(b, l, args[0]);
        });
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, loc, {input, max, logs}, type,
                [](OpBuilder &b, Location l, ValueRange args) -> Value {
                  Value shifted = arith::SubFOp::create(b, l, args[0], args[1]);
                  return arith::SubFOp::create(b, l, shifted, args[2]);
                }));
    return success();
  }
};
} // namespace

void mlir::quantc::populateReductionLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns,
    const LoweringOptions &options) {
  patterns.add<MaxPoolLowering<MaxPool2DOp>, MaxPoolLowering<MaxPool3DOp>,
               MaxPoolWithIndicesLowering, SoftmaxLowering, LogSoftmaxLowering>(
      converter, patterns.getContext());
  patterns.add<AvgPoolLowering<AvgPool2DOp>, AvgPoolLowering<AvgPool3DOp>,
               GlobalAvgPoolLowering, ReduceMeanLowering>(
      converter, patterns.getContext(), options);
}
