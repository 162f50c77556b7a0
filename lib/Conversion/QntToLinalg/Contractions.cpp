//===- Contractions.cpp - Lowering of qnt contractions to linalg ----------===//
//
// conv2d, conv_transpose2d/3d, matmul, fully_connected, the integer forms,
// and the 3-D convolution that conv3d shares.
//
// Every contraction becomes an upstream named linalg op - a convolution on
// an input padded by tensor.pad, matmul or batch_matmul - so that later
// stages can match it. Quantized forms accumulate
//
//   sum (x - zp_x) * (w - zp_w) + bias
//
// in i32 with the `_q` named ops, which read every operand and zero point
// through a signed cast: each integer operand is first brought to that
// signed form (SignedOperand), and the accumulator is then requantized to
// the result type. Constant operands are rearranged at compile time.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

static bool hasStaticShapes(Operation *op) {
  auto isStatic = [](Type type) {
    auto ranked = dyn_cast<RankedTensorType>(type);
    return ranked && ranked.hasStaticShape();
  };
  return llvm::all_of(op->getOperandTypes(), isStatic) &&
         llvm::all_of(op->getResultTypes(), isStatic);
}

static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

static int64_t product(ArrayRef<int64_t> shape) {
  int64_t result = 1;
  for (int64_t size : shape)
    result *= size;
  return result;
}

/// `value` collapsed or expanded to `shape` (one of the two must hold).
static Value reshape(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> shape) {
  auto sourceType = cast<RankedTensorType>(value.getType());
  if (sourceType.getShape() == shape)
    return value;
  auto targetType = sourceType.clone(shape);
  auto reassociation =
      getReassociationIndicesForReshape(sourceType, targetType);
  assert(reassociation && "not a pure collapse or expand");
  if (targetType.getRank() < sourceType.getRank())
    return tensor::CollapseShapeOp::create(b, loc, targetType, value,
                                           *reassociation);
  return tensor::ExpandShapeOp::create(b, loc, targetType, value,
                                       *reassociation);
}

/// A parallel linalg.generic over `resultType` reading `inputs` through
/// `inputMaps` (the result map is the identity).
static Value buildGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                          ArrayRef<AffineMap> inputMaps,
                          RankedTensorType resultType, ScalarBodyBuilder body) {
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(resultType.getRank()));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
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

//===----------------------------------------------------------------------===//
// Operands that may be constants
//===----------------------------------------------------------------------===//

/// Calls `fn` with every index of `shape` in row-major order.
static void forEachIndex(ArrayRef<int64_t> shape,
                         function_ref<void(ArrayRef<int64_t>)> fn) {
  SmallVector<int64_t> index(shape.size(), 0);
  for (int64_t i = 0, e = product(shape); i < e; ++i) {
    fn(index);
    for (int64_t d = shape.size() - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

static int64_t linearize(ArrayRef<int64_t> index, ArrayRef<int64_t> shape) {
  int64_t linear = 0;
  for (auto [i, size] : llvm::zip_equal(index, shape))
    linear = linear * size + i;
  return linear;
}

template <typename T>
static SmallVector<T>
gatherValues(ArrayRef<T> values, ArrayRef<int64_t> shape,
             function_ref<int64_t(ArrayRef<int64_t>)> at) {
  SmallVector<T> result;
  result.reserve(product(shape));
  forEachIndex(shape, [&](ArrayRef<int64_t> index) {
    result.push_back(values[at(index)]);
  });
  return result;
}

/// A constant of `shape` whose element at each index is the element of
/// `attr` at the linear index `at(index)`.
static DenseElementsAttr
rearrange(DenseElementsAttr attr, ArrayRef<int64_t> shape,
          function_ref<int64_t(ArrayRef<int64_t>)> at) {
  auto type = RankedTensorType::get(shape, attr.getElementType());
  if (isa<FloatType>(attr.getElementType())) {
    auto values = llvm::to_vector(attr.getValues<APFloat>());
    return DenseElementsAttr::get(type,
                                  gatherValues<APFloat>(values, shape, at));
  }
  auto values = llvm::to_vector(attr.getValues<APInt>());
  return DenseElementsAttr::get(type, gatherValues<APInt>(values, shape, at));
}

namespace {
/// A contraction operand that stays a compile-time constant while it is
/// one, so that rearranging a constant filter costs nothing at run time.
struct TensorOperand {
  Value value;
  DenseElementsAttr constant;

  /// `converted` (the lowered `original`), with its elements when constant.
  static TensorOperand get(Value original, Value converted) {
    DenseElementsAttr attr;
    if (!matchPattern(converted, m_Constant(&attr)))
      if (auto constant = original.getDefiningOp<quantc::ConstantOp>())
        attr = dyn_cast<DenseElementsAttr>(constant.getValue());
    return {converted, attr};
  }
  static TensorOperand get(DenseElementsAttr attr) { return {Value(), attr}; }

  RankedTensorType getType() const {
    return cast<RankedTensorType>(constant ? constant.getType()
                                           : value.getType());
  }
  ArrayRef<int64_t> getShape() const { return getType().getShape(); }

  Value materialize(OpBuilder &b, Location loc) const {
    if (constant)
      return arith::ConstantOp::create(b, loc, constant);
    return value;
  }
};
} // namespace

static TensorOperand transpose(OpBuilder &b, Location loc,
                               const TensorOperand &x,
                               ArrayRef<int64_t> permutation) {
  ArrayRef<int64_t> shape = x.getShape();
  SmallVector<int64_t> permuted;
  for (int64_t d : permutation)
    permuted.push_back(shape[d]);
  if (x.constant) {
    SmallVector<int64_t> source(shape.size());
    return TensorOperand::get(
        rearrange(x.constant, permuted, [&](ArrayRef<int64_t> index) {
          for (auto [i, d] : llvm::enumerate(permutation))
            source[d] = index[i];
          return linearize(source, shape);
        }));
  }
  Value init =
      createEmptyTensor(b, loc, permuted, x.getType().getElementType());
  return {linalg::TransposeOp::create(b, loc, x.value, init, permutation)
              ->getResult(0),
          nullptr};
}

static TensorOperand reshape(OpBuilder &b, Location loc, const TensorOperand &x,
                             ArrayRef<int64_t> shape) {
  if (DenseElementsAttr constant = x.constant)
    return TensorOperand::get(constant.reshape(x.getType().clone(shape)));
  return {reshape(b, loc, x.value, shape), nullptr};
}

/// A channels-last filter [F, K..., C] (FHWC, FDHWC) mirrored in every
/// spatial dimension.
static TensorOperand flipSpatial(OpBuilder &b, Location loc,
                                 const TensorOperand &filter) {
  ArrayRef<int64_t> shape = filter.getShape();
  int64_t rank = shape.size();
  if (filter.constant) {
    SmallVector<int64_t> source(rank);
    return TensorOperand::get(
        rearrange(filter.constant, shape, [&](ArrayRef<int64_t> index) {
          source.assign(index.begin(), index.end());
          for (int64_t d = 1; d < rank - 1; ++d)
            source[d] = shape[d] - 1 - index[d];
          return linearize(source, shape);
        }));
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d) {
    AffineExpr dim = getAffineDimExpr(d, ctx);
    exprs.push_back(d == 0 || d == rank - 1 ? dim : shape[d] - 1 - dim);
  }
  auto map = AffineMap::get(rank, 0, exprs, ctx);
  return {buildGeneric(
              b, loc, filter.value, map, filter.getType(),
              [](OpBuilder &, Location, ValueRange args) { return args[0]; }),
          nullptr};
}

//===----------------------------------------------------------------------===//
// Integer operands in signed form
//===----------------------------------------------------------------------===//

namespace {
/// The zero points of an integer operand: static ones (one, or one per
/// slice along `axis`), or a run-time tensor of the operand's element type,
/// of rank 0 or of rank 1 along `axis`.
struct ZeroPoints {
  SmallVector<int64_t> values;
  Value tensor;
  int64_t axis = -1;

  bool isUniform() const {
    if (tensor)
      return cast<RankedTensorType>(tensor.getType()).getRank() == 0;
    return llvm::all_equal(values);
  }
};

/// An integer operand as the `_q` named ops read it: its elements read as
/// signed integers, minus the i32 scalar `zeroPoint`, are the operand's
/// `q - zp`.
struct SignedOperand {
  TensorOperand tensor;
  Value zeroPoint;
};
} // namespace

/// Per-slice zero points do not fit a `_q` op's scalar: subtract them up
/// front into i16 (|q - zp| <= 255), leaving a zero point of 0.
static SignedOperand subtractZeroPoints(OpBuilder &b, Location loc,
                                        const TensorOperand &x,
                                        const StorageInfo &storage,
                                        const ZeroPoints &zps) {
  Type i16 = b.getIntegerType(16), i32 = b.getI32Type();
  ArrayRef<int64_t> shape = x.getShape();
  auto resultType = RankedTensorType::get(shape, i16);
  Value zero = createIntConstant(b, loc, i32, 0);
  if (x.constant && !zps.tensor) {
    int64_t stride = product(shape.drop_front(zps.axis + 1));
    SmallVector<APInt> values;
    for (auto [i, stored] : llvm::enumerate(x.constant.getValues<APInt>())) {
      int64_t q = storage.isSigned
                      ? stored.getSExtValue()
                      : static_cast<int64_t>(stored.getZExtValue());
      int64_t zp = zps.values[(i / stride) % shape[zps.axis]];
      values.emplace_back(16, q - zp, /*isSigned=*/true);
    }
    return {TensorOperand::get(DenseElementsAttr::get(resultType, values)),
            zero};
  }
  // Static zero points are i32; run-time ones have the operand's storage.
  Value zpTensor =
      zps.tensor ? zps.tensor : createI32Vector(b, loc, zps.values);
  MLIRContext *ctx = b.getContext();
  AffineMap identity = b.getMultiDimIdentityMap(shape.size());
  AffineMap alongAxis =
      AffineMap::get(shape.size(), 0, getAffineDimExpr(zps.axis, ctx), ctx);
  Value result = buildGeneric(
      b, loc, {x.materialize(b, loc), zpTensor}, {identity, alongAxis},
      resultType, [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value q = castInteger(nb, nl, args[0], i32, storage.isSigned);
        Value zp = castInteger(nb, nl, args[1], i32, storage.isSigned);
        Value centered = arith::SubIOp::create(nb, nl, q, zp);
        return castInteger(nb, nl, centered, i16, /*isSigned=*/true);
      });
  return {TensorOperand{result, nullptr}, zero};
}

/// Brings an integer operand of at most 8 bits to signed i8 with one zero
/// point: u8 storage is shifted by -128 (its top bit flipped), narrower
/// storage is extended; per-slice zero points widen to i16 instead.
static SignedOperand toSignedOperand(OpBuilder &b, Location loc,
                                     const TensorOperand &x,
                                     const StorageInfo &storage,
                                     const ZeroPoints &zps) {
  if (!zps.isUniform())
    return subtractZeroPoints(b, loc, x, storage, zps);

  Type i8 = b.getI8Type(), i32 = b.getI32Type();
  unsigned width = storage.type.getWidth();
  int64_t shift = !storage.isSigned && width == 8 ? -128 : 0;
  Value zp;
  if (zps.tensor) {
    Value stored = tensor::ExtractOp::create(b, loc, zps.tensor, ValueRange{});
    zp = castInteger(b, loc, stored, i32, storage.isSigned);
    if (shift)
      zp = arith::AddIOp::create(b, loc, zp,
                                 createIntConstant(b, loc, i32, shift));
  } else {
    zp = createIntConstant(b, loc, i32, zps.values.front() + shift);
  }
  if (storage.isSigned && width == 8)
    return {x, zp};

  auto resultType = RankedTensorType::get(x.getShape(), i8);
  if (x.constant) {
    SmallVector<APInt> values;
    for (const APInt &stored : x.constant.getValues<APInt>()) {
      int64_t q = storage.isSigned
                      ? stored.getSExtValue()
                      : static_cast<int64_t>(stored.getZExtValue());
      values.emplace_back(8, q + shift, /*isSigned=*/true);
    }
    return {TensorOperand::get(DenseElementsAttr::get(resultType, values)), zp};
  }
  Value result = buildElementwise(
      b, loc, x.value, resultType,
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        if (shift)
          return arith::XOrIOp::create(nb, nl, args[0],
                                       createIntConstant(nb, nl, i8, 0x80));
        return castInteger(nb, nl, args[0], i8, storage.isSigned);
      });
  return {TensorOperand{result, nullptr}, zp};
}

namespace {
/// The two operands of a contraction ready for the named ops: float, or in
/// signed form with their zero points.
struct ContractionOperands {
  TensorOperand input;
  TensorOperand weight;
  Value inputZp, weightZp;

  bool isQuantized() const { return inputZp != nullptr; }
  Type getAccumulatorType(OpBuilder &b) const {
    return isQuantized() ? Type(b.getI32Type()) : Type(b.getF32Type());
  }
  /// What padding holds: a value that contributes nothing to the sum.
  Value getPadValue(OpBuilder &b, Location loc) const {
    if (!isQuantized())
      return createF32Constant(b, loc, 0.0f);
    return castInteger(b, loc, inputZp, input.getType().getElementType(),
                       /*isSigned=*/true);
  }
};
} // namespace

/// Operands of a float or quantized contraction; a per-axis weight is
/// quantized along `weightAxis` (its output dimension).
static ContractionOperands getOperands(OpBuilder &b, Location loc, Value input,
                                       Value convertedInput, Value weight,
                                       Value convertedWeight,
                                       int64_t weightAxis) {
  TensorOperand x = TensorOperand::get(input, convertedInput);
  TensorOperand w = TensorOperand::get(weight, convertedWeight);
  auto inputType = getQuantizedElementType(input.getType());
  if (!inputType)
    return {x, w, nullptr, nullptr};
  QuantParams xParams = QuantParams::get(inputType);
  QuantParams wParams =
      QuantParams::get(getQuantizedElementType(weight.getType()));
  SignedOperand sx = toSignedOperand(b, loc, x, xParams.storage,
                                     ZeroPoints{xParams.zeroPoints, {}, -1});
  SignedOperand sw =
      toSignedOperand(b, loc, w, wParams.storage,
                      ZeroPoints{wParams.zeroPoints, {}, weightAxis});
  return {sx.tensor, sw.tensor, sx.zeroPoint, sw.zeroPoint};
}

/// Operands of matmul_integer and conv2d_integer: i8 or ui8 tensors with
/// run-time zero points.
static ContractionOperands
getIntegerOperands(OpBuilder &b, Location loc, Value input,
                   Value convertedInput, Value inputZp, Value weight,
                   Value convertedWeight, Value weightZp, int64_t weightAxis) {
  auto storageOf = [](Value v) {
    return StorageInfo::get(getElementTypeOrSelf(v.getType()));
  };
  SignedOperand sx =
      toSignedOperand(b, loc, TensorOperand::get(input, convertedInput),
                      storageOf(input), ZeroPoints{{}, inputZp, -1});
  SignedOperand sw =
      toSignedOperand(b, loc, TensorOperand::get(weight, convertedWeight),
                      storageOf(weight), ZeroPoints{{}, weightZp, weightAxis});
  return {sx.tensor, sw.tensor, sx.zeroPoint, sw.zeroPoint};
}

//===----------------------------------------------------------------------===//
// Accumulator and epilogue
//===----------------------------------------------------------------------===//

Value mlir::quantc::createAccumulator(OpBuilder &b, Location loc, Value bias,
                                      ArrayRef<int64_t> shape,
                                      Type elementType) {
  if (!bias) {
    Value zero = isa<FloatType>(elementType)
                     ? createF32Constant(b, loc, 0.0f)
                     : createIntConstant(b, loc, elementType, 0);
    return createFilledTensor(b, loc, shape, zero);
  }
  Value empty = createEmptyTensor(b, loc, shape, elementType);
  auto dims = llvm::to_vector(llvm::seq<int64_t>(0, shape.size() - 1));
  return linalg::BroadcastOp::create(b, loc, bias, empty, dims)->getResult(0);
}

Value mlir::quantc::clampFloat(OpBuilder &b, Location loc, Value value,
                               std::optional<float> lo,
                               std::optional<float> hi) {
  if (!lo && !hi)
    return value;
  return buildElementwise(
      b, loc, value, cast<RankedTensorType>(value.getType()),
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value x = args[0];
        if (lo)
          x = arith::MaximumFOp::create(nb, nl, x,
                                        createF32Constant(nb, nl, *lo));
        if (hi)
          x = arith::MinimumFOp::create(nb, nl, x,
                                        createF32Constant(nb, nl, *hi));
        return x;
      });
}

/// The quantized result of an i32 accumulator whose last dimension is the
/// output channel. A 32-bit result with the accumulator's own scale and
/// zero point 0 is the accumulator itself; otherwise each channel is
/// requantized with the multiplier (s_x * s_w[c]) / s_y: in f32 in that
/// order, as ONNX Runtime does, for the float contract; in double for the
/// fixed one. Null after reporting a multiplier the fixed contract cannot
/// represent.
static Value requantizeAccumulator(OpBuilder &b, Location loc, Value acc,
                                   Type inputType, Type weightType,
                                   Type resultType, std::optional<float> lo,
                                   std::optional<float> hi, RequantMode mode) {
  QuantParams x = QuantParams::get(getQuantizedElementType(inputType));
  QuantParams w = QuantParams::get(getQuantizedElementType(weightType));
  QuantParams y = QuantParams::get(getQuantizedElementType(resultType));
  float inScale = x.scales.front(), outScale = y.scales.front();
  int64_t outZp = y.zeroPoints.front();
  SmallVector<RequantMultiplier> multipliers;
  for (float weightScale : w.scales)
    multipliers.push_back(
        {(inScale * weightScale) / outScale,
         (double(inScale) * double(weightScale)) / double(outScale)});
  auto accType = cast<IntegerType>(getElementTypeOrSelf(acc.getType()));
  FailureOr<Requantizer> requantizer = Requantizer::get(
      loc, mode, multipliers, {int64_t(multipliers.size())}, accType);
  if (failed(requantizer))
    return nullptr;
  StorageInfo storage = clampStorage(y.storage, outScale, outZp, lo, hi);
  auto type = RankedTensorType::get(shapeOf(acc), y.storage.type);

  bool isAccumulator = y.storage.type.getWidth() == 32 && y.storage.isSigned &&
                       outZp == 0 && requantizer->isIdentity();
  if (isAccumulator) {
    if (storage.min == y.storage.min && storage.max == y.storage.max)
      return acc;
    return buildElementwise(
        b, loc, acc, type, [&](OpBuilder &nb, Location nl, ValueRange args) {
          Type i32 = nb.getI32Type();
          Value v = arith::MaxSIOp::create(
              nb, nl, args[0], createIntConstant(nb, nl, i32, storage.min));
          return arith::MinSIOp::create(
              nb, nl, v, createIntConstant(nb, nl, i32, storage.max));
        });
  }

  SmallVector<Value> inputs = {acc};
  llvm::append_range(inputs, requantizer->createInputs(b, loc));
  return buildElementwise(
      b, loc, inputs, type, [&](OpBuilder &nb, Location nl, ValueRange args) {
        SmallVector<Value> multiplier =
            requantizer->getMultiplier(nb, nl, args.drop_front());
        Value zp = createIntConstant(nb, nl, nb.getI32Type(), outZp);
        return requantizer->build(nb, nl, args[0], multiplier, zp, storage);
      });
}

/// The result of a float or quantized contraction from its accumulator;
/// null after an error.
static Value buildEpilogue(OpBuilder &b, Location loc, Value acc,
                           const ContractionOperands &operands, Type inputType,
                           Type weightType, Type resultType,
                           std::optional<float> lo, std::optional<float> hi,
                           RequantMode mode) {
  if (!operands.isQuantized())
    return clampFloat(b, loc, acc, lo, hi);
  return requantizeAccumulator(b, loc, acc, inputType, weightType, resultType,
                               lo, hi, mode);
}

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

template <typename FloatOp, typename QuantizedOp>
static Value
createConvolution(OpBuilder &b, Location loc, Value input, Value filter,
                  Value init, ArrayRef<int64_t> strides,
                  ArrayRef<int64_t> dilations, Value inputZp, Value filterZp) {
  Attribute stridesAttr = b.getI64TensorAttr(strides);
  Attribute dilationsAttr = b.getI64TensorAttr(dilations);
  Type resultType = init.getType();
  if (inputZp)
    return QuantizedOp::create(b, loc, TypeRange{resultType},
                               ValueRange{input, filter, inputZp, filterZp},
                               init, stridesAttr, dilationsAttr)
        ->getResult(0);
  return FloatOp::create(b, loc, TypeRange{resultType},
                         ValueRange{input, filter}, init, stridesAttr,
                         dilationsAttr)
      ->getResult(0);
}

/// Accumulates the convolution of `input` [N, H, W, C], already padded,
/// with `filter` [F, KH, KW, C / groups] into `init` [N, OH, OW, F]: the
/// plain, depthwise (with or without a channel multiplier) or grouped
/// named op, `_q` when zero points are given.
static Value buildConvolution(OpBuilder &b, Location loc, Value input,
                              const TensorOperand &filter, Value init,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations, int64_t groups,
                              Value inputZp, Value filterZp) {
  ArrayRef<int64_t> in = shapeOf(input), out = shapeOf(init);
  ArrayRef<int64_t> shape = filter.getShape();
  int64_t channels = in[3], filters = shape[0], kh = shape[1], kw = shape[2];
  if (groups == 1)
    return createConvolution<linalg::Conv2DNhwcFhwcOp,
                             linalg::Conv2DNhwcFhwcQOp>(
        b, loc, input, filter.materialize(b, loc), init, strides, dilations,
        inputZp, filterZp);

  if (groups == channels) {
    // Depthwise: [F, KH, KW, 1] -> [KH, KW, F] -> [KH, KW, C, M] with
    // f = c * M + m.
    int64_t multiplier = filters / channels;
    TensorOperand hwc = reshape(b, loc, transpose(b, loc, filter, {1, 2, 0, 3}),
                                {kh, kw, filters});
    if (multiplier == 1)
      return createConvolution<linalg::DepthwiseConv2DNhwcHwcOp,
                               linalg::DepthwiseConv2DNhwcHwcQOp>(
          b, loc, input, hwc.materialize(b, loc), init, strides, dilations,
          inputZp, filterZp);
    TensorOperand hwcm = reshape(b, loc, hwc, {kh, kw, channels, multiplier});
    Value acc =
        reshape(b, loc, init, {out[0], out[1], out[2], channels, multiplier});
    acc = createConvolution<linalg::DepthwiseConv2DNhwcHwcmOp,
                            linalg::DepthwiseConv2DNhwcHwcmQOp>(
        b, loc, input, hwcm.materialize(b, loc), acc, strides, dilations,
        inputZp, filterZp);
    return reshape(b, loc, acc, out);
  }

  // Grouped: channels and filters split as [G, C / G] and [G, F / G].
  int64_t groupChannels = shape[3], groupFilters = filters / groups;
  Value grouped =
      reshape(b, loc, input, {in[0], in[1], in[2], groups, groupChannels});
  TensorOperand groupedFilter =
      reshape(b, loc, filter, {groups, groupFilters, kh, kw, groupChannels});
  Value acc =
      reshape(b, loc, init, {out[0], out[1], out[2], groups, groupFilters});
  acc = createConvolution<linalg::Conv2DNhwgcGfhwcOp,
                          linalg::Conv2DNhwgcGfhwcQOp>(
      b, loc, grouped, groupedFilter.materialize(b, loc), acc, strides,
      dilations, inputZp, filterZp);
  return reshape(b, loc, acc, out);
}

/// Accumulates the 3-D convolution of `input` [N, D, H, W, C], already
/// padded, with `filter` [F, KD, KH, KW, C / groups] into `init`
/// [N, OD, OH, OW, F], `_q` when zero points are given. Without groups it
/// is the named op on the filter in DHWCF order; a float depthwise one
/// (groups == C == F) the named depthwise op on the filter as DHWC. linalg
/// has no grouped 3-D convolution (nor a quantized depthwise one): other
/// grouped ones are a linalg.generic over [N, OD, OH, OW, G, F / G] that
/// reduces the kernel window and the group's channels.
static Value buildConvolution3D(OpBuilder &b, Location loc, Value input,
                                const TensorOperand &filter, Value init,
                                ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> dilations, int64_t groups,
                                Value inputZp, Value filterZp) {
  if (groups == 1) {
    TensorOperand dhwcf = transpose(b, loc, filter, {1, 2, 3, 4, 0});
    return createConvolution<linalg::Conv3DNdhwcDhwcfOp,
                             linalg::Conv3DNdhwcDhwcfQOp>(
        b, loc, input, dhwcf.materialize(b, loc), init, strides, dilations,
        inputZp, filterZp);
  }

  ArrayRef<int64_t> in = shapeOf(input), out = shapeOf(init);
  ArrayRef<int64_t> shape = filter.getShape();
  int64_t channels = in[4];
  if (!inputZp && groups == channels && shape[0] == channels) {
    // [C, KD, KH, KW, 1] -> [KD, KH, KW, C].
    TensorOperand dhwc =
        reshape(b, loc, transpose(b, loc, filter, {1, 2, 3, 0, 4}),
                {shape[1], shape[2], shape[3], channels});
    return linalg::DepthwiseConv3DNdhwcDhwcOp::create(
               b, loc, TypeRange{init.getType()},
               ValueRange{input, dhwc.materialize(b, loc)}, init,
               b.getI64TensorAttr(strides), b.getI64TensorAttr(dilations))
        ->getResult(0);
  }

  int64_t groupChannels = shape[4], groupFilters = shape[0] / groups;
  Value grouped = reshape(b, loc, input,
                          {in[0], in[1], in[2], in[3], groups, groupChannels});
  TensorOperand groupedFilter = reshape(
      b, loc, filter,
      {groups, groupFilters, shape[1], shape[2], shape[3], groupChannels});
  Value acc = reshape(b, loc, init,
                      {out[0], out[1], out[2], out[3], groups, groupFilters});

  // Loops (n, od, oh, ow, g, f, kd, kh, kw, c).
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> d;
  for (unsigned i = 0; i < 10; ++i)
    d.push_back(getAffineDimExpr(i, ctx));
  SmallVector<AffineExpr> inputExprs = {d[0]};
  for (int i = 0; i < 3; ++i)
    inputExprs.push_back(d[1 + i] * strides[i] + d[6 + i] * dilations[i]);
  llvm::append_range(inputExprs, ArrayRef<AffineExpr>{d[4], d[9]});
  SmallVector<AffineMap> maps = {
      AffineMap::get(10, 0, inputExprs, ctx),
      AffineMap::get(10, 0, {d[4], d[5], d[6], d[7], d[8], d[9]}, ctx),
      AffineMap::get(10, 0, ArrayRef<AffineExpr>(d).take_front(6), ctx)};
  SmallVector<utils::IteratorType> iterators(6, utils::IteratorType::parallel);
  iterators.append(4, utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{acc.getType()},
      ValueRange{grouped, groupedFilter.materialize(b, loc)}, ValueRange{acc},
      maps, iterators, [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value x = args[0], w = args[1], sum = args[2];
        Value product;
        if (inputZp) {
          Type i32 = nb.getI32Type();
          x = arith::SubIOp::create(
              nb, nl, castInteger(nb, nl, x, i32, /*isSigned=*/true), inputZp);
          w = arith::SubIOp::create(
              nb, nl, castInteger(nb, nl, w, i32, /*isSigned=*/true), filterZp);
          product = arith::AddIOp::create(nb, nl, sum,
                                          arith::MulIOp::create(nb, nl, x, w));
        } else {
          product = arith::AddFOp::create(nb, nl, sum,
                                          arith::MulFOp::create(nb, nl, x, w));
        }
        linalg::YieldOp::create(nb, nl, product);
      });
  return reshape(b, loc, generic.getResult(0), out);
}

Value mlir::quantc::buildFloatConvolution3D(OpBuilder &b, Location loc,
                                            Value input, Value filter,
                                            Value convertedFilter, Value init,
                                            ArrayRef<int64_t> strides,
                                            ArrayRef<int64_t> dilations,
                                            int64_t groups) {
  return buildConvolution3D(b, loc, input,
                            TensorOperand::get(filter, convertedFilter), init,
                            strides, dilations, groups, /*inputZp=*/Value(),
                            /*filterZp=*/Value());
}

/// The input of the stride-1 convolution that computes a transposed one:
/// input pixel `i` placed at `i * stride + d * (K - 1) - pad_begin` of a
/// tensor otherwise holding `padValue`, whose size leaves `OH` outputs for
/// the dilated kernel. Pixels placed outside are dropped; returns null when
/// none is left (every output is then the bias).
static Value placeTransposedInput(OpBuilder &b, Location loc, Value input,
                                  ArrayRef<int64_t> kernel,
                                  ArrayRef<int64_t> strides,
                                  ArrayRef<int64_t> dilations,
                                  ArrayRef<int64_t> pads,
                                  ArrayRef<int64_t> outShape, Value padValue) {
  ArrayRef<int64_t> in = shapeOf(input);
  int64_t rank = in.size(), spatial = rank - 2;
  SmallVector<int64_t> first(rank, 0), count(in), offset(rank, 0), size(in);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t d = 1 + i, stride = strides[i];
    int64_t begin = dilations[i] * (kernel[i] - 1) - pads[i];
    size[d] = outShape[d] + dilations[i] * (kernel[i] - 1);
    int64_t lo = std::max<int64_t>(0, llvm::divideCeilSigned(-begin, stride));
    int64_t hi = std::min<int64_t>(
        in[d] - 1, llvm::divideFloorSigned(size[d] - 1 - begin, stride));
    if (lo > hi)
      return nullptr;
    first[d] = lo;
    count[d] = hi - lo + 1;
    offset[d] = lo * stride + begin;
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<int64_t> ones(rank, 1);
  Value source = input;
  if (ArrayRef<int64_t>(count) != in)
    source = tensor::ExtractSliceOp::create(
        b, loc, input, getAsIndexOpFoldResult(ctx, first),
        getAsIndexOpFoldResult(ctx, count), getAsIndexOpFoldResult(ctx, ones));
  if (llvm::all_of(strides, [](int64_t s) { return s == 1; })) {
    SmallVector<int64_t> pads(2 * spatial);
    for (int64_t i = 0; i < spatial; ++i) {
      pads[i] = offset[1 + i];
      pads[spatial + i] = size[1 + i] - offset[1 + i] - count[1 + i];
    }
    return padSpatial(b, loc, source, ArrayRef(pads).take_front(spatial),
                      ArrayRef(pads).drop_front(spatial), padValue);
  }
  Value canvas = createFilledTensor(b, loc, size, padValue);
  SmallVector<int64_t> steps(rank, 1);
  llvm::copy(strides, steps.begin() + 1);
  return tensor::InsertSliceOp::create(
      b, loc, source, canvas, getAsIndexOpFoldResult(ctx, offset),
      getAsIndexOpFoldResult(ctx, count), getAsIndexOpFoldResult(ctx, steps));
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

/// `x` [..., R, C] broadcast to the batch dimensions `batch`.
static Value broadcastBatch(OpBuilder &b, Location loc, Value x,
                            ArrayRef<int64_t> batch) {
  ArrayRef<int64_t> shape = shapeOf(x);
  SmallVector<int64_t> target(batch);
  llvm::append_range(target, shape.take_back(2));
  if (shape == ArrayRef<int64_t>(target))
    return x;
  auto type = cast<RankedTensorType>(x.getType()).clone(target);
  return buildElementwise(
      b, loc, x, type,
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

/// Accumulates `lhs` [..., M, K] times `rhs` [..., K, N] into `init`
/// [batch..., M, N], the batch dimensions broadcasting as in NumPy: one
/// matmul when `rhs` has a single matrix (the batch joins the rows of
/// `lhs`), else batch_matmul over the flattened, broadcast batch.
static Value buildMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                         Value init, Value lhsZp, Value rhsZp) {
  ArrayRef<int64_t> out = shapeOf(init);
  int64_t m = out[out.size() - 2], n = out.back(), k = shapeOf(lhs).back();
  ArrayRef<int64_t> batch = out.drop_back(2);
  int64_t batchSize = product(batch);
  if (product(shapeOf(rhs).drop_back(2)) == 1) {
    Value a = reshape(b, loc, lhs, {batchSize * m, k});
    Value c = reshape(b, loc, rhs, {k, n});
    Value acc = reshape(b, loc, init, {batchSize * m, n});
    Operation *matmul;
    if (lhsZp)
      matmul = linalg::QuantizedMatmulOp::create(
          b, loc, TypeRange{acc.getType()}, ValueRange{a, c, lhsZp, rhsZp},
          acc);
    else
      matmul = linalg::MatmulOp::create(b, loc, TypeRange{acc.getType()},
                                        ValueRange{a, c}, acc);
    return reshape(b, loc, matmul->getResult(0), out);
  }
  Value a =
      reshape(b, loc, broadcastBatch(b, loc, lhs, batch), {batchSize, m, k});
  Value c =
      reshape(b, loc, broadcastBatch(b, loc, rhs, batch), {batchSize, k, n});
  Value acc = reshape(b, loc, init, {batchSize, m, n});
  Operation *matmul;
  if (lhsZp)
    matmul = linalg::QuantizedBatchMatmulOp::create(
        b, loc, TypeRange{acc.getType()}, ValueRange{a, c, lhsZp, rhsZp}, acc);
  else
    matmul = linalg::BatchMatmulOp::create(b, loc, TypeRange{acc.getType()},
                                           ValueRange{a, c}, acc);
  return reshape(b, loc, matmul->getResult(0), out);
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

template <typename OpTy> struct ContractionPattern : OpConversionPattern<OpTy> {
  ContractionPattern(const TypeConverter &converter, MLIRContext *ctx,
                     const LoweringOptions &options)
      : OpConversionPattern<OpTy>(converter, ctx), options(options) {}

  RankedTensorType getResultType(OpTy op) const {
    return cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op.getType()));
  }

  /// Replaces `op` by the epilogue of its accumulator `acc`; fails after
  /// the epilogue reported an error.
  LogicalResult replaceWithEpilogue(ConversionPatternRewriter &rewriter,
                                    OpTy op, Value acc,
                                    const ContractionOperands &operands,
                                    Type inputType, Type weightType) const {
    Value result =
        buildEpilogue(rewriter, op.getLoc(), acc, operands, inputType,
                      weightType, op.getType(), asFloat(op.getClampMin()),
                      asFloat(op.getClampMax()), options.requant);
    if (!result)
      return failure();
    rewriter.replaceOp(op, result);
    return success();
  }

  LoweringOptions options;
};

struct Conv2DLowering : ContractionPattern<Conv2DOp> {
  using ContractionPattern::ContractionPattern;

  LogicalResult
  matchAndRewrite(Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands =
        getOperands(rewriter, loc, op.getInput(), adaptor.getInput(),
                    op.getFilter(), adaptor.getFilter(), /*weightAxis=*/0);
    Value input =
        padSpatial(rewriter, loc, operands.input.materialize(rewriter, loc),
                   op.getPads().take_front(2), op.getPads().drop_front(2),
                   operands.getPadValue(rewriter, loc));
    Value init = createAccumulator(rewriter, loc, adaptor.getBias(),
                                   op.getType().getShape(),
                                   operands.getAccumulatorType(rewriter));
    Value acc = buildConvolution(
        rewriter, loc, input, operands.weight, init, op.getStrides(),
        op.getDilations(), op.getGroups(), operands.inputZp, operands.weightZp);
    return replaceWithEpilogue(rewriter, op, acc, operands,
                               op.getInput().getType(),
                               op.getFilter().getType());
  }
};

/// A transposed convolution is the stride-1 convolution, with the spatially
/// flipped filter, of its input spread out by the strides and padded by
/// the dilated kernel extent minus its pads.
template <typename OpTy>
struct ConvTransposeLowering : ContractionPattern<OpTy> {
  using ContractionPattern<OpTy>::ContractionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands =
        getOperands(rewriter, loc, op.getInput(), adaptor.getInput(),
                    op.getFilter(), adaptor.getFilter(), /*weightAxis=*/0);
    ArrayRef<int64_t> outShape = op.getType().getShape();
    int64_t spatial = outShape.size() - 2;
    Value init = createAccumulator(rewriter, loc, adaptor.getBias(), outShape,
                                   operands.getAccumulatorType(rewriter));
    Value input = placeTransposedInput(
        rewriter, loc, operands.input.materialize(rewriter, loc),
        operands.weight.getShape().slice(1, spatial), op.getStrides(),
        op.getDilations(), op.getPads(), outShape,
        operands.getPadValue(rewriter, loc));
    Value acc = init;
    if (input) {
      TensorOperand flipped = flipSpatial(rewriter, loc, operands.weight);
      SmallVector<int64_t, 3> unitStrides(spatial, 1);
      auto build = spatial == 3 ? buildConvolution3D : buildConvolution;
      acc = build(rewriter, loc, input, flipped, init, unitStrides,
                  op.getDilations(), op.getGroups(), operands.inputZp,
                  operands.weightZp);
    }
    return this->replaceWithEpilogue(rewriter, op, acc, operands,
                                     op.getInput().getType(),
                                     op.getFilter().getType());
  }
};

struct MatMulLowering : ContractionPattern<MatMulOp> {
  using ContractionPattern::ContractionPattern;

  LogicalResult
  matchAndRewrite(MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands =
        getOperands(rewriter, loc, op.getLhs(), adaptor.getLhs(), op.getRhs(),
                    adaptor.getRhs(), op.getRhs().getType().getRank() - 1);
    Value init =
        createAccumulator(rewriter, loc, Value(), op.getType().getShape(),
                          operands.getAccumulatorType(rewriter));
    Value acc =
        buildMatmul(rewriter, loc, operands.input.materialize(rewriter, loc),
                    operands.weight.materialize(rewriter, loc), init,
                    operands.inputZp, operands.weightZp);
    return replaceWithEpilogue(rewriter, op, acc, operands,
                               op.getLhs().getType(), op.getRhs().getType());
  }
};

/// input [M, K] times the transposed weight [N, K]: a matmul with the
/// weight transposed to [K, N] (at compile time when it is constant).
struct FullyConnectedLowering : ContractionPattern<FullyConnectedOp> {
  using ContractionPattern::ContractionPattern;

  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands =
        getOperands(rewriter, loc, op.getInput(), adaptor.getInput(),
                    op.getWeight(), adaptor.getWeight(), /*weightAxis=*/0);
    TensorOperand weight = transpose(rewriter, loc, operands.weight, {1, 0});
    Value init = createAccumulator(rewriter, loc, adaptor.getBias(),
                                   op.getType().getShape(),
                                   operands.getAccumulatorType(rewriter));
    Value acc =
        buildMatmul(rewriter, loc, operands.input.materialize(rewriter, loc),
                    weight.materialize(rewriter, loc), init, operands.inputZp,
                    operands.weightZp);
    return replaceWithEpilogue(rewriter, op, acc, operands,
                               op.getInput().getType(),
                               op.getWeight().getType());
  }
};

/// MatMulInteger: the i32 accumulator itself, wrapping.
struct MatMulIntegerLowering : ContractionPattern<MatMulIntegerOp> {
  using ContractionPattern::ContractionPattern;

  LogicalResult
  matchAndRewrite(MatMulIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands = getIntegerOperands(
        rewriter, loc, op.getLhs(), adaptor.getLhs(), adaptor.getLhsZeroPoint(),
        op.getRhs(), adaptor.getRhs(), adaptor.getRhsZeroPoint(),
        op.getRhs().getType().getRank() - 1);
    Value init = createAccumulator(
        rewriter, loc, Value(), op.getType().getShape(), rewriter.getI32Type());
    rewriter.replaceOp(op,
                       buildMatmul(rewriter, loc,
                                   operands.input.materialize(rewriter, loc),
                                   operands.weight.materialize(rewriter, loc),
                                   init, operands.inputZp, operands.weightZp));
    return success();
  }
};

/// ConvInteger: the i32 accumulator itself, wrapping; the input is padded
/// with its zero point.
struct Conv2DIntegerLowering : ContractionPattern<Conv2DIntegerOp> {
  using ContractionPattern::ContractionPattern;

  LogicalResult
  matchAndRewrite(Conv2DIntegerOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!hasStaticShapes(op))
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    Location loc = op.getLoc();
    ContractionOperands operands = getIntegerOperands(
        rewriter, loc, op.getInput(), adaptor.getInput(),
        adaptor.getInputZeroPoint(), op.getFilter(), adaptor.getFilter(),
        adaptor.getFilterZeroPoint(), /*weightAxis=*/0);
    Value input =
        padSpatial(rewriter, loc, operands.input.materialize(rewriter, loc),
                   op.getPads().take_front(2), op.getPads().drop_front(2),
                   operands.getPadValue(rewriter, loc));
    Value init = createAccumulator(
        rewriter, loc, Value(), op.getType().getShape(), rewriter.getI32Type());
    rewriter.replaceOp(
        op, buildConvolution(rewriter, loc, input, operands.weight, init,
                             op.getStrides(), op.getDilations(), op.getGroups(),
                             operands.inputZp, operands.weightZp));
    return success();
  }
};

} // namespace

void mlir::quantc::populateContractionLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns,
    const LoweringOptions &options) {
  patterns.add<Conv2DLowering, ConvTransposeLowering<ConvTranspose2DOp>,
               ConvTransposeLowering<ConvTranspose3DOp>, MatMulLowering,
               FullyConnectedLowering, MatMulIntegerLowering,
               Conv2DIntegerLowering>(converter, patterns.getContext(),
                                      options);
}
