//===- DataMovement.cpp - Lowering of qnt data movement ops --------------===//
//
// reshape, transpose, concat, pad, slice and gather.
//
// These ops only move elements, so they lower on the converted (storage)
// types: a quantized tensor moves its storage integers and its parameters
// stay in the types. All shapes are static; a result without elements is a
// bare tensor.empty.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static bool hasStaticShape(Value value) {
  return cast<RankedTensorType>(value.getType()).hasStaticShape();
}

static SmallVector<OpFoldResult> getIndexAttrs(OpBuilder &b,
                                               ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

static Value createIndex(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

/// A `linalg.generic` with only an output: `body` receives the output's
/// indices and yields the element at that position.
static Value
buildIndexGeneric(OpBuilder &b, Location loc, RankedTensorType resultType,
                  ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                  function_ref<Value(OpBuilder &, Location, ValueRange inputs,
                                     ArrayRef<Value> indices)>
                      body) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmptyTensor(b, loc, resultType.getShape(),
                                 resultType.getElementType());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> indices;
        for (int64_t d = 0; d < rank; ++d)
          indices.push_back(linalg::IndexOp::create(nested, nestedLoc, d));
        Value result = body(nested, nestedLoc, args.drop_back(), indices);
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

/// A copy of `input` into a tensor of `resultType` whose element at each
/// position is the input element at `inputMap(position)`; an affine map, so
/// steps may be negative or zero.
static Value buildAffineRead(OpBuilder &b, Location loc, Value input,
                             RankedTensorType resultType, AffineMap inputMap) {
  MLIRContext *ctx = b.getContext();
  int64_t rank = resultType.getRank();
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = createEmptyTensor(b, loc, resultType.getShape(),
                                 resultType.getElementType());
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, ValueRange{input}, ValueRange{init},
      ArrayRef<AffineMap>{inputMap,
                          AffineMap::getMultiDimIdentityMap(rank, ctx)},
      iterators, [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc, args[0]);
      });
  return generic.getResult(0);
}

/// Replaces `op` by an uninitialized tensor when its result has no elements
/// (nothing to move; linalg's shape checks reject some maps over empty
/// loops).
static bool replaceIfEmpty(ConversionPatternRewriter &rewriter, Operation *op,
                           RankedTensorType resultType) {
  if (resultType.getNumElements() != 0)
    return false;
  rewriter.replaceOp(op, createEmptyTensor(rewriter, op->getLoc(),
                                           resultType.getShape(),
                                           resultType.getElementType()));
  return true;
}

/// `max(x, 0 - x)` on index values.
static Value absIndex(OpBuilder &b, Location loc, Value x, Value zero) {
  Value negated = arith::SubIOp::create(b, loc, zero, x);
  return arith::MaxSIOp::create(b, loc, x, negated);
}

/// The zero of a converted element type (float or storage integer).
static TypedAttr getZeroAttr(OpBuilder &b, Type elementType) {
  if (auto floatType = dyn_cast<FloatType>(elementType))
    return FloatAttr::get(floatType, 0.0);
  return b.getIntegerAttr(elementType, 0);
}

namespace {

//===----------------------------------------------------------------------===//
// reshape
//===----------------------------------------------------------------------===//

/// tensor.collapse_shape or tensor.expand_shape where the reshape only
/// merges or splits adjacent dimensions; otherwise a collapse to 1-D
/// followed by an expand to the result shape.
struct ReshapeLowering : OpConversionPattern<ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (inType == outType) {
      rewriter.replaceOp(op, input);
      return success();
    }
    Location loc = op.getLoc();
    if (auto reassociation =
            getReassociationIndicesForReshape(inType, outType)) {
      if (inType.getRank() > outType.getRank())
        rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(op, outType, input,
                                                             *reassociation);
      else
        rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(op, outType, input,
                                                           *reassociation);
      return success();
    }
    auto flatType = RankedTensorType::get({inType.getNumElements()},
                                          inType.getElementType());
    Value flat = input;
    if (inType.getRank() != 1) {
      auto all = llvm::to_vector<2>(llvm::seq<int64_t>(0, inType.getRank()));
      flat = tensor::CollapseShapeOp::create(rewriter, loc, flatType, input,
                                             ArrayRef{all});
    }
    if (outType.getRank() == 1) {
      rewriter.replaceOp(op, flat);
      return success();
    }
    auto all = llvm::to_vector<2>(llvm::seq<int64_t>(0, outType.getRank()));
    rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(op, outType, flat,
                                                       ArrayRef{all});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// transpose
//===----------------------------------------------------------------------===//

struct TransposeLowering : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !hasStaticShape(adaptor.getInput()))
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    ArrayRef<int64_t> perm = op.getPerm();
    if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size()))) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    Value init = createEmptyTensor(rewriter, op.getLoc(), outType.getShape(),
                                   outType.getElementType());
    auto transpose = linalg::TransposeOp::create(
        rewriter, op.getLoc(), adaptor.getInput(), init, perm);
    rewriter.replaceOp(op, transpose->getResults());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// concat
//===----------------------------------------------------------------------===//

/// Each input is inserted at its offset along `axis` into one tensor.empty
/// (rather than tensor.concat, which bufferizes to copies from temporaries),
/// so that empty-tensor elimination lets each input's producer write straight
/// into its part of the result.
struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !llvm::all_of(adaptor.getInputs(), hasStaticShape))
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (adaptor.getInputs().size() == 1) {
      rewriter.replaceOp(op, adaptor.getInputs()[0]);
      return success();
    }
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    Location loc = op.getLoc();
    int64_t axis = op.getAxis(), rank = outType.getRank();
    Value result = createEmptyTensor(rewriter, loc, outType.getShape(),
                                     outType.getElementType());
    SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
    for (Value input : adaptor.getInputs()) {
      ArrayRef<int64_t> shape =
          cast<RankedTensorType>(input.getType()).getShape();
      if (shape[axis] == 0)
        continue;
      result = tensor::InsertSliceOp::create(
          rewriter, loc, input, result, getIndexAttrs(rewriter, offsets),
          getIndexAttrs(rewriter, shape), getIndexAttrs(rewriter, strides));
      offsets[axis] += shape[axis];
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// pad
//===----------------------------------------------------------------------===//

/// The storage value of the real pad value `value` in the converted element
/// type `elementType` of a tensor whose qnt element type is `qntType`.
static FailureOr<TypedAttr> getPadValueAttr(OpBuilder &b, Type qntType,
                                            Type elementType, float value) {
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    APFloat converted(value);
    bool losesInfo = false;
    converted.convert(floatType.getFloatSemantics(),
                      APFloat::rmNearestTiesToEven, &losesInfo);
    return TypedAttr(FloatAttr::get(floatType, converted));
  }
  auto intType = dyn_cast<IntegerType>(elementType);
  if (!intType)
    return failure();
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(qntType)) {
    double stored =
        std::round(value / uniform.getScale() + uniform.getZeroPoint());
    return TypedAttr(b.getIntegerAttr(intType, static_cast<int64_t>(stored)));
  }
  if (isa<quant::QuantizedType>(qntType))
    return failure();
  // The verifier checked that the value is an integer of the qnt type (i1
  // holds 0 and 1); its bits are the storage.
  auto qntInt = cast<IntegerType>(qntType);
  APSInt bits(intType.getWidth(),
              qntInt.isUnsigned() || intType.getWidth() == 1);
  bool exact = false;
  APFloat(value).convertToInteger(bits, APFloat::rmTowardZero, &exact);
  return TypedAttr(b.getIntegerAttr(intType, bits));
}

/// The input index read by output index `i` of a dimension padded by
/// `begin` before it, whose last index is `last`: the nearest edge element
/// (`edge`) or the mirror image without repeating the edge (`reflect`).
static Value getSourceIndex(OpBuilder &b, Location loc, Value i, Value begin,
                            Value last, Value zero, PadMode mode) {
  Value j = arith::SubIOp::create(b, loc, i, begin);
  if (mode == PadMode::edge) {
    Value lower = arith::MaxSIOp::create(b, loc, j, zero);
    return arith::MinSIOp::create(b, loc, lower, last);
  }
  // Both pads are below `size`, so one reflection at each edge suffices:
  // last - |last - |j|| is j inside, -j before and 2 * last - j after.
  Value fromStart = absIndex(b, loc, j, zero);
  Value fromEnd =
      absIndex(b, loc, arith::SubIOp::create(b, loc, last, fromStart), zero);
  return arith::SubIOp::create(b, loc, last, fromEnd);
}

/// `constant`: the input inserted into a tensor filled with the stored pad
/// value (rather than tensor.pad, so that empty-tensor elimination lets the
/// input's producer write straight into the padded result). `edge`,
/// `reflect`: a generic whose element at each output index is the input
/// element at the clamped or mirrored index.
struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    int64_t rank = inType.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    ArrayRef<int64_t> begins = pads.take_front(rank),
                      ends = pads.drop_front(rank);
    if (llvm::all_of(pads, [](int64_t p) { return p == 0; })) {
      rewriter.replaceOp(op, input);
      return success();
    }
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    Location loc = op.getLoc();
    if (op.getMode() == PadMode::constant) {
      FailureOr<TypedAttr> valueAttr = getPadValueAttr(
          rewriter, op.getInput().getType().getElementType(),
          outType.getElementType(), op.getValue().convertToFloat());
      if (failed(valueAttr))
        return rewriter.notifyMatchFailure(op, "unsupported pad value type");
      Value value = arith::ConstantOp::create(rewriter, loc, *valueAttr);
      Value filled =
          createFilledTensor(rewriter, loc, outType.getShape(), value);
      SmallVector<int64_t> strides(rank, 1);
      rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
          op, input, filled, getIndexAttrs(rewriter, begins),
          getIndexAttrs(rewriter, inType.getShape()),
          getIndexAttrs(rewriter, strides));
      return success();
    }
    PadMode mode = op.getMode();
    // The constants of the index arithmetic, outside the loop body.
    Value zero = createIndex(rewriter, loc, 0);
    SmallVector<Value> beginValues, lastValues;
    for (int64_t d = 0; d < rank; ++d) {
      bool padded = begins[d] != 0 || ends[d] != 0;
      beginValues.push_back(padded ? createIndex(rewriter, loc, begins[d])
                                   : Value());
      lastValues.push_back(
          padded ? createIndex(rewriter, loc, inType.getDimSize(d) - 1)
                 : Value());
    }
    Value result = buildIndexGeneric(
        rewriter, loc, outType, /*inputs=*/{}, /*inputMaps=*/{},
        [&](OpBuilder &b, Location nestedLoc, ValueRange,
            ArrayRef<Value> indices) -> Value {
          SmallVector<Value> source;
          for (int64_t d = 0; d < rank; ++d)
            source.push_back(!beginValues[d]
                                 ? indices[d]
                                 : getSourceIndex(b, nestedLoc, indices[d],
                                                  beginValues[d], lastValues[d],
                                                  zero, mode));
          return tensor::ExtractOp::create(b, nestedLoc, input, source);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// slice
//===----------------------------------------------------------------------===//

/// tensor.extract_slice when every stride is positive; otherwise a copy
/// through the affine map `i_k -> offsets[k] + i_k * strides[k]`.
struct SliceLowering : OpConversionPattern<SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !hasStaticShape(adaptor.getInput()))
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    ArrayRef<int64_t> offsets = op.getOffsets(), strides = op.getStrides();
    if (llvm::all_of(strides, [](int64_t s) { return s > 0; })) {
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, outType, adaptor.getInput(), getIndexAttrs(rewriter, offsets),
          getIndexAttrs(rewriter, outType.getShape()),
          getIndexAttrs(rewriter, strides));
      return success();
    }
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineExpr> exprs;
    for (auto [k, offset] : llvm::enumerate(offsets))
      exprs.push_back(getAffineConstantExpr(offset, ctx) +
                      getAffineDimExpr(k, ctx) * strides[k]);
    AffineMap map = AffineMap::get(outType.getRank(), 0, exprs, ctx);
    rewriter.replaceOp(op, buildAffineRead(rewriter, op.getLoc(),
                                           adaptor.getInput(), outType, map));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// gather
//===----------------------------------------------------------------------===//

/// The map from the result's indices of a gather along `axis` with indices
/// of rank `m` to the input's indices, given the expression `axisIndex` of
/// the index along `axis`.
static AffineMap getGatherInputMap(MLIRContext *ctx, int64_t inRank,
                                   int64_t axis, int64_t m,
                                   AffineExpr axisIndex) {
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < inRank; ++k) {
    if (k < axis)
      exprs.push_back(getAffineDimExpr(k, ctx));
    else if (k == axis)
      exprs.push_back(axisIndex);
    else
      exprs.push_back(getAffineDimExpr(k + m - 1, ctx));
  }
  return AffineMap::get(inRank + m - 1, 0, exprs, ctx);
}

/// The input indices read at result position `indices` of a gather along
/// `axis` with indices of rank `m`, where `axisIndex` is the gathered index.
static SmallVector<Value> getGatherSourceIndices(ArrayRef<Value> indices,
                                                 int64_t inRank, int64_t axis,
                                                 int64_t m, Value axisIndex) {
  SmallVector<Value> source(indices.take_front(axis));
  source.push_back(axisIndex);
  llvm::append_range(source, indices.drop_front(axis + m));
  assert(static_cast<int64_t>(source.size()) == inRank);
  return source;
}

/// The map from the gather's index positions (result dimensions
/// `[axis, axis + m)`) into the indices tensor.
static AffineMap getIndicesMap(MLIRContext *ctx, int64_t outRank, int64_t axis,
                               int64_t m) {
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < m; ++k)
    exprs.push_back(getAffineDimExpr(axis + k, ctx));
  return AffineMap::get(outRank, 0, exprs, ctx);
}

/// Indices that step evenly (`first + j * step`, including a single index)
/// gather through an affine map; others through a generic that extracts the
/// input element at the index read from a constant tensor.
struct GatherLowering : OpConversionPattern<GatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getInput();
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !hasStaticShape(input))
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    MLIRContext *ctx = rewriter.getContext();
    Location loc = op.getLoc();
    int64_t axis = op.getAxis();
    int64_t inRank = cast<RankedTensorType>(input.getType()).getRank();
    DenseIntElementsAttr indicesAttr = op.getIndices();
    int64_t m = indicesAttr.getType().getRank();
    SmallVector<int64_t> indices =
        llvm::map_to_vector(indicesAttr.getValues<APInt>(),
                            [](const APInt &v) { return v.getSExtValue(); });

    if (m <= 1) {
      int64_t first = indices.front();
      int64_t step = indices.size() > 1 ? indices[1] - indices[0] : 0;
      bool even = llvm::all_of(llvm::enumerate(indices), [&](auto it) {
        return it.value() == first + static_cast<int64_t>(it.index()) * step;
      });
      if (even) {
        AffineExpr axisIndex = getAffineConstantExpr(first, ctx);
        if (m == 1 && step != 0)
          axisIndex = axisIndex + getAffineDimExpr(axis, ctx) * step;
        AffineMap map = getGatherInputMap(ctx, inRank, axis, m, axisIndex);
        rewriter.replaceOp(op,
                           buildAffineRead(rewriter, loc, input, outType, map));
        return success();
      }
    }

    Value indicesTensor = arith::ConstantOp::create(rewriter, loc, indicesAttr);
    Value result = buildIndexGeneric(
        rewriter, loc, outType, indicesTensor,
        getIndicesMap(ctx, outType.getRank(), axis, m),
        [&](OpBuilder &b, Location nestedLoc, ValueRange args,
            ArrayRef<Value> indices) -> Value {
          Value index = arith::IndexCastOp::create(b, nestedLoc,
                                                   b.getIndexType(), args[0]);
          return tensor::ExtractOp::create(
              b, nestedLoc, input,
              getGatherSourceIndices(indices, inRank, axis, m, index));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// A generic that reads each run-time index, wraps a negative one by the
/// axis size and clamps it into range, then extracts that input element.
struct GatherDynamicLowering : OpConversionPattern<GatherDynamicOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherDynamicOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getInput();
    RankedTensorType outType = getStaticResultType(*getTypeConverter(), op);
    if (!outType || !hasStaticShape(input) ||
        !hasStaticShape(adaptor.getIndices()))
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (replaceIfEmpty(rewriter, op, outType))
      return success();
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(input.getType());
    int64_t axis = op.getAxis(), inRank = inType.getRank();
    int64_t size = inType.getDimSize(axis);
    if (size == 0) {
      // No slice to read: the result is all zeros.
      Value zero = arith::ConstantOp::create(
          rewriter, loc, getZeroAttr(rewriter, outType.getElementType()));
      rewriter.replaceOp(
          op, createFilledTensor(rewriter, loc, outType.getShape(), zero));
      return success();
    }
    int64_t m =
        cast<RankedTensorType>(adaptor.getIndices().getType()).getRank();
    Value zero = createIndex(rewriter, loc, 0);
    Value sizeValue = createIndex(rewriter, loc, size);
    Value last = createIndex(rewriter, loc, size - 1);
    Value result = buildIndexGeneric(
        rewriter, loc, outType, adaptor.getIndices(),
        getIndicesMap(rewriter.getContext(), outType.getRank(), axis, m),
        [&](OpBuilder &b, Location nestedLoc, ValueRange args,
            ArrayRef<Value> indices) -> Value {
          Value index = arith::IndexCastOp::create(b, nestedLoc,
                                                   b.getIndexType(), args[0]);
          Value isNegative = arith::CmpIOp::create(
              b, nestedLoc, arith::CmpIPredicate::slt, index, zero);
          Value wrapped = arith::AddIOp::create(b, nestedLoc, index, sizeValue);
          index =
              arith::SelectOp::create(b, nestedLoc, isNegative, wrapped, index);
          index = arith::MaxSIOp::create(b, nestedLoc, index, zero);
          index = arith::MinSIOp::create(b, nestedLoc, index, last);
          return tensor::ExtractOp::create(
              b, nestedLoc, input,
              getGatherSourceIndices(indices, inRank, axis, m, index));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::quantc::populateDataMovementLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ReshapeLowering, TransposeLowering, ConcatLowering, PadLowering,
               SliceLowering, GatherLowering, GatherDynamicLowering>(
      converter, patterns.getContext());
}
