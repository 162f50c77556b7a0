//===- Conv3D.cpp - Lowering of qnt.conv3d to linalg ----------------------===//
//
// qnt.conv3d (float only) on an input padded by tensor.pad:
//
// - groups == 1: linalg.conv_3d_ndhwc_dhwcf on the filter transposed from
//   FDHWC to DHWCF;
// - depthwise (groups == C == F): linalg.depthwise_conv_3d_ndhwc_dhwc on
//   the filter reshaped to DHWC;
// - other groups: linalg has no grouped 3-D convolution, so a
//   linalg.generic over (n, od, oh, ow, g, f, kd, kh, kw, c) reduces the
//   window and the group's channels.
//
// The accumulator starts as the broadcast bias (or 0); a fused clamp
// follows. A constant filter is rearranged at compile time.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::quantc;

/// `value` expanded or collapsed to `shape` (one of the two must hold).
static Value reshapeTo(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> shape) {
  auto sourceType = cast<RankedTensorType>(value.getType());
  if (sourceType.getShape() == shape)
    return value;
  auto targetType = sourceType.clone(shape);
  DenseElementsAttr constant;
  if (matchPattern(value, m_Constant(&constant)))
    return arith::ConstantOp::create(b, loc, constant.reshape(targetType));
  auto reassociation =
      getReassociationIndicesForReshape(sourceType, targetType);
  assert(reassociation && "not a pure collapse or expand");
  if (targetType.getRank() < sourceType.getRank())
    return tensor::CollapseShapeOp::create(b, loc, targetType, value,
                                           *reassociation);
  return tensor::ExpandShapeOp::create(b, loc, targetType, value,
                                       *reassociation);
}

/// `value` with its dimensions permuted (result dimension i is source
/// dimension `perm[i]`); a constant is permuted at compile time.
static Value permute(OpBuilder &b, Location loc, Value value,
                     ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(value.getType());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> permuted;
  for (int64_t d : perm)
    permuted.push_back(shape[d]);
  auto resultType = type.clone(permuted);

  DenseElementsAttr constant;
  if (matchPattern(value, m_Constant(&constant)) &&
      constant.getElementType().isF32()) {
    if (constant.isSplat())
      return arith::ConstantOp::create(
          b, loc,
          DenseElementsAttr::get(resultType,
                                 constant.getSplatValue<Attribute>()));
    auto values = llvm::to_vector(constant.getValues<float>());
    int64_t rank = shape.size();
    SmallVector<int64_t> strides(rank, 1);
    for (int64_t d = rank - 2; d >= 0; --d)
      strides[d] = strides[d + 1] * shape[d + 1];
    SmallVector<float> result(values.size());
    SmallVector<int64_t> index(rank, 0);
    for (float &element : result) {
      int64_t source = 0;
      for (int64_t i = 0; i < rank; ++i)
        source += index[i] * strides[perm[i]];
      element = values[source];
      for (int64_t i = rank - 1; i >= 0 && ++index[i] == permuted[i]; --i)
        index[i] = 0;
    }
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(resultType, ArrayRef<float>(result)));
  }
  Value init = createEmptyTensor(b, loc, permuted, type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, init, perm)->getResult(0);
}

/// The converted filter, as an `arith.constant` when the original is a
/// qnt.constant (so that it can be rearranged at compile time).
static Value getFilter(OpBuilder &b, Location loc, Value original,
                       Value converted) {
  if (matchPattern(converted, m_Constant()))
    return converted;
  if (auto constant = original.getDefiningOp<quantc::ConstantOp>())
    if (auto attr = dyn_cast<DenseElementsAttr>(constant.getValue()))
      return arith::ConstantOp::create(b, loc, attr);
  return converted;
}

/// The accumulator's initial value [N, OD, OH, OW, F]: the bias along the
/// last dimension, or 0.
static Value buildInit(OpBuilder &b, Location loc, Value bias,
                       ArrayRef<int64_t> shape) {
  if (!bias)
    return createFilledTensor(b, loc, shape, createF32Constant(b, loc, 0.0f));
  Value empty = createEmptyTensor(b, loc, shape, b.getF32Type());
  return linalg::BroadcastOp::create(b, loc, bias, empty,
                                     ArrayRef<int64_t>{0, 1, 2, 3})
      ->getResult(0);
}

/// The grouped convolution of `input` [N, D, H, W, C], already padded,
/// with `filter` [F, KD, KH, KW, C / G] into `init` [N, OD, OH, OW, F].
static Value buildGroupedConvolution(OpBuilder &b, Location loc, Value input,
                                     Value filter, Value init,
                                     ArrayRef<int64_t> strides,
                                     ArrayRef<int64_t> dilations,
                                     int64_t groups) {
  auto in = cast<RankedTensorType>(input.getType()).getShape();
  auto out = cast<RankedTensorType>(init.getType()).getShape();
  auto shape = cast<RankedTensorType>(filter.getType()).getShape();
  int64_t groupChannels = shape[4], groupFilters = shape[0] / groups;
  Value grouped = reshapeTo(
      b, loc, input, {in[0], in[1], in[2], in[3], groups, groupChannels});
  Value groupedFilter = reshapeTo(
      b, loc, filter,
      {groups, groupFilters, shape[1], shape[2], shape[3], groupChannels});
  Value acc = reshapeTo(b, loc, init,
                        {out[0], out[1], out[2], out[3], groups, groupFilters});

  // Loops (n, od, oh, ow, g, f, kd, kh, kw, c).
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> d;
  for (unsigned i = 0; i < 10; ++i)
    d.push_back(getAffineDimExpr(i, ctx));
  SmallVector<AffineExpr> inputExprs = {d[0]};
  for (int i = 0; i < 3; ++i)
    inputExprs.push_back(d[1 + i] * strides[i] + d[6 + i] * dilations[i]);
  inputExprs.append({d[4], d[9]});
  SmallVector<AffineMap> maps = {
      AffineMap::get(10, 0, inputExprs, ctx),
      AffineMap::get(10, 0, {d[4], d[5], d[6], d[7], d[8], d[9]}, ctx),
      AffineMap::get(10, 0, ArrayRef<AffineExpr>(d).take_front(6), ctx)};
  SmallVector<utils::IteratorType> iterators(6, utils::IteratorType::parallel);
  iterators.append(4, utils::IteratorType::reduction);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{acc.getType()}, ValueRange{grouped, groupedFilter},
      ValueRange{acc}, maps, iterators,
      [](OpBuilder &nb, Location nl, ValueRange args) {
        Value product = arith::MulFOp::create(nb, nl, args[0], args[1]);
        linalg::YieldOp::create(
            nb, nl,
            arith::AddFOp::create(nb, nl, args[2], product).getResult());
      });
  return reshapeTo(b, loc, generic.getResult(0), out);
}

/// Accumulates the convolution of `input`, already padded, with `filter`
/// [F, KD, KH, KW, C / groups] into `init`.
static Value buildConvolution(OpBuilder &b, Location loc, Value input,
                              Value filter, Value init,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations, int64_t groups) {
  Attribute stridesAttr = b.getI64TensorAttr(strides);
  Attribute dilationsAttr = b.getI64TensorAttr(dilations);
  auto shape = cast<RankedTensorType>(filter.getType()).getShape();
  int64_t channels = cast<RankedTensorType>(input.getType()).getShape()[4];
  if (groups == 1) {
    Value dhwcf = permute(b, loc, filter, {1, 2, 3, 4, 0});
    return linalg::Conv3DNdhwcDhwcfOp::create(b, loc, TypeRange{init.getType()},
                                              ValueRange{input, dhwcf}, init,
                                              stridesAttr, dilationsAttr)
        ->getResult(0);
  }
  if (groups == channels && shape[0] == channels) {
    // Depthwise: [C, KD, KH, KW, 1] -> [KD, KH, KW, C].
    Value dhwc = reshapeTo(b, loc, permute(b, loc, filter, {1, 2, 3, 0, 4}),
                           {shape[1], shape[2], shape[3], channels});
    return linalg::DepthwiseConv3DNdhwcDhwcOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{input, dhwc}, init,
               stridesAttr, dilationsAttr)
        ->getResult(0);
  }
  return buildGroupedConvolution(b, loc, input, filter, init, strides,
                                 dilations, groups);
}

namespace {

struct Conv3DLowering : OpConversionPattern<Conv3DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(Conv3DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = getStaticResultType(*getTypeConverter(), op);
    if (!resultType || !op.getInput().getType().hasStaticShape() ||
        !op.getFilter().getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    if (!resultType.getElementType().isF32())
      return rewriter.notifyMatchFailure(op, "not f32");
    Location loc = op.getLoc();
    Value input = padSpatial(
        rewriter, loc, adaptor.getInput(), op.getPads().take_front(3),
        op.getPads().drop_front(3), createF32Constant(rewriter, loc, 0.0f));
    Value filter =
        getFilter(rewriter, loc, op.getFilter(), adaptor.getFilter());
    Value init =
        buildInit(rewriter, loc, adaptor.getBias(), resultType.getShape());
    Value acc =
        buildConvolution(rewriter, loc, input, filter, init, op.getStrides(),
                         op.getDilations(), op.getGroups());

    std::optional<float> lo = asFloat(op.getClampMin()),
                         hi = asFloat(op.getClampMax());
    if (lo || hi)
      acc = buildElementwise(rewriter, loc, acc, resultType,
                             [&](OpBuilder &nb, Location nl, ValueRange args) {
                               Value x = args[0];
                               if (lo)
                                 x = arith::MaximumFOp::create(
                                     nb, nl, x, createF32Constant(nb, nl, *lo));
                               if (hi)
                                 x = arith::MinimumFOp::create(
                                     nb, nl, x, createF32Constant(nb, nl, *hi));
                               return x;
                             });
    rewriter.replaceOp(op, acc);
    return success();
  }
};

} // namespace

// Defined inside the namespace so that it declares itself too.
namespace mlir::quantc {
void populateConv3DLoweringPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns) {
  patterns.add<Conv3DLowering>(converter, patterns.getContext());
}
} // namespace mlir::quantc
