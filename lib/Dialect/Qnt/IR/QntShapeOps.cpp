//===- QntShapeOps.cpp - Verifiers and folders of the shape ops -------===//
//
// The ops declared in QntShapeOps.td. Slices and gathers of constants fold
// to constants, so that the shape computations of ONNX models (Shape ->
// Gather -> Concat -> Reshape chains) disappear at import.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

/// Checks that the result element type is `expected`, quoting `rule`.
static LogicalResult verifyPerAxisResult(Operation *op, Type expected,
                                         Type actual, StringRef rule) {
  if (expected == actual)
    return success();
  return op->emitOpError() << "result element type must be " << expected << " ("
                           << rule << "), got " << actual;
}

/// A constant of `resultType`'s shape (with the element type of `values`,
/// storage integers for quantized tensors) whose element at each result
/// position is the element of `values` at `sourceOffset(position)`, a
/// row-major linear offset into `values`.
static DenseElementsAttr
remapConstant(DenseElementsAttr values, ShapedType resultType,
              function_ref<int64_t(ArrayRef<int64_t>)> sourceOffset) {
  if (!resultType.hasStaticShape() || !values.getType().hasStaticShape())
    return {};
  auto type = RankedTensorType::get(resultType.getShape(),
                                    values.getType().getElementType());
  if (values.isSplat())
    return values.resizeSplat(type);
  ArrayRef<int64_t> outShape = type.getShape();
  int64_t count = type.getNumElements();
  int64_t rank = outShape.size();
  SmallVector<int64_t> index(rank, 0);
  auto advance = [&] {
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++index[k] < outShape[k])
        return;
      index[k] = 0;
    }
  };

  unsigned bits = getElementTypeOrSelf(type).getIntOrFloatBitWidth();
  if (bits % 8 == 0) {
    size_t bytes = bits / 8;
    ArrayRef<char> src = values.getRawData();
    std::vector<char> dst(count * bytes);
    for (int64_t linear = 0; linear < count; ++linear, advance())
      std::memcpy(&dst[linear * bytes], &src[sourceOffset(index) * bytes],
                  bytes);
    return DenseElementsAttr::getFromRawBuffer(type, dst);
  }
  // Sub-byte elements (i1, i4) are not addressable in the raw buffer.
  SmallVector<Attribute> src(values.getValues<Attribute>());
  SmallVector<Attribute> dst;
  dst.reserve(count);
  for (int64_t linear = 0; linear < count; ++linear, advance())
    dst.push_back(src[sourceOffset(index)]);
  return DenseElementsAttr::get(type, dst);
}

/// Row-major strides of a static shape.
static SmallVector<int64_t> rowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  ArrayRef<int64_t> offsets = getOffsets(), strides = getStrides();
  int64_t rank = in.getRank();
  if (static_cast<int64_t>(offsets.size()) != rank ||
      static_cast<int64_t>(strides.size()) != rank)
    return emitOpError() << "offsets and strides must have one entry per "
                            "dimension (rank "
                         << rank << "), got " << offsets.size() << " and "
                         << strides.size();
  if (out.getRank() != rank)
    return emitOpError() << "result must have the input's rank " << rank
                         << ", got rank " << out.getRank();
  for (int64_t k = 0; k < rank; ++k) {
    if (strides[k] == 0)
      return emitOpError() << "strides must be non-zero, got 0 in dimension "
                           << k;
    int64_t size = in.getDimSize(k), count = out.getDimSize(k);
    if (ShapedType::isDynamic(size) || ShapedType::isDynamic(count) ||
        count == 0)
      continue;
    int64_t step, last;
    bool overflow = llvm::MulOverflow(count - 1, strides[k], step) ||
                    llvm::AddOverflow(offsets[k], step, last);
    if (overflow || offsets[k] < 0 || offsets[k] >= size || last < 0 ||
        last >= size)
      return emitOpError() << "dimension " << k << " reads indices "
                           << offsets[k] << " to "
                           << (overflow ? "beyond" : std::to_string(last))
                           << ", which must lie in [0, " << size << ")";
  }

  auto perAxis =
      dyn_cast<quant::UniformQuantizedPerAxisType>(in.getElementType());
  if (!perAxis)
    return verifySameElementType(*this, in, out, "input");
  int32_t d = perAxis.getQuantizedDimension();
  int64_t count = out.getDimSize(d);
  if (ShapedType::isDynamic(count))
    return success();
  SmallVector<int64_t> selected;
  for (int64_t i = 0; i < count; ++i)
    selected.push_back(offsets[d] + i * strides[d]);
  return verifyPerAxisResult(
      *this, selectSlices(perAxis, selected, d), out.getElementType(),
      "the parameters of the selected slices of quantized dimension " +
          std::to_string(d));
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> offsets = getOffsets(), strides = getStrides();
  if (getInput().getType() == getType() &&
      llvm::all_of(offsets, [](int64_t o) { return o == 0; }) &&
      llvm::all_of(strides, [](int64_t s) { return s == 1; }))
    return getInput();

  if (auto values =
          dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput())) {
    SmallVector<int64_t> inStrides =
        rowMajorStrides(getInput().getType().getShape());
    return remapConstant(values, getType(), [&](ArrayRef<int64_t> index) {
      int64_t offset = 0;
      for (auto [k, i] : llvm::enumerate(index))
        offset += (offsets[k] + i * strides[k]) * inStrides[k];
      return offset;
    });
  }

  // slice(slice(x, o1, s1), o2, s2) reads x at o1 + (o2 + i * s2) * s1.
  if (auto producer = getInput().getDefiningOp<SliceOp>()) {
    SmallVector<int64_t> composedOffsets, composedStrides;
    for (auto [k, inner] : llvm::enumerate(producer.getStrides())) {
      composedOffsets.push_back(producer.getOffsets()[k] + offsets[k] * inner);
      composedStrides.push_back(strides[k] * inner);
    }
    getInputMutable().assign(producer.getInput());
    setOffsets(composedOffsets);
    setStrides(composedStrides);
    return getResult();
  }
  return {};
}

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  int64_t rank = in.getRank(), axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " must be in [0, " << rank
                         << ")";
  auto indicesType = cast<ShapedType>(getIndices().getType());
  if (!indicesType.hasStaticShape())
    return emitOpError("indices must have a static shape");
  int64_t size = in.getDimSize(axis);
  if (!ShapedType::isDynamic(size))
    for (const APInt &value : getIndices().getValues<APInt>())
      if (value.isNegative() || value.sge(size))
        return emitOpError()
               << "index " << value.getSExtValue() << " must lie in [0, "
               << size << ") of dimension " << axis;
  SmallVector<int64_t> expected(in.getShape().take_front(axis));
  llvm::append_range(expected, indicesType.getShape());
  llvm::append_range(expected, in.getShape().drop_front(axis + 1));
  if (failed(verifyResultShape(*this, expected)))
    return failure();

  auto perAxis =
      dyn_cast<quant::UniformQuantizedPerAxisType>(in.getElementType());
  if (!perAxis)
    return verifySameElementType(*this, in, out, "input");
  int32_t d = perAxis.getQuantizedDimension();
  int64_t m = indicesType.getRank();
  if (d < axis)
    return verifyPerAxisResult(*this, perAxis, out.getElementType(),
                               "a quantized dimension before axis is kept");
  if (d > axis) {
    auto expectedType = withQuantizedDimension(perAxis, d + m - 1);
    return verifyPerAxisResult(
        *this, expectedType, out.getElementType(),
        "a quantized dimension after axis moves by the indices' rank - 1");
  }
  if (m != 1)
    return emitOpError() << "gathering along the quantized dimension " << d
                         << " needs indices of rank 1, got rank " << m;
  SmallVector<int64_t> selected;
  for (const APInt &value : getIndices().getValues<APInt>())
    selected.push_back(value.getSExtValue());
  return verifyPerAxisResult(*this, selectSlices(perAxis, selected, d),
                             out.getElementType(),
                             "the parameters of the gathered slices");
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  RankedTensorType inType = getInput().getType();
  int64_t axis = getAxis();
  auto indicesType = cast<ShapedType>(getIndices().getType());
  SmallVector<int64_t> indices;
  for (const APInt &value : getIndices().getValues<APInt>())
    indices.push_back(value.getSExtValue());

  // Gathering every slice in order is the identity.
  if (inType == getType() && indicesType.getRank() == 1 &&
      llvm::equal(indices, llvm::seq<int64_t>(0, indices.size())))
    return getInput();

  auto values = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
  if (!values || !inType.hasStaticShape())
    return {};
  SmallVector<int64_t> inStrides = rowMajorStrides(inType.getShape());
  SmallVector<int64_t> indexStrides = rowMajorStrides(indicesType.getShape());
  int64_t m = indicesType.getRank();
  return remapConstant(values, getType(), [&](ArrayRef<int64_t> index) {
    // Result index: [p (axis dims), j (m dims), q (rank - axis - 1 dims)].
    int64_t offset = 0, j = 0;
    for (int64_t k = 0; k < axis; ++k)
      offset += index[k] * inStrides[k];
    for (int64_t k = 0; k < m; ++k)
      j += index[axis + k] * indexStrides[k];
    offset += indices[j] * inStrides[axis];
    for (int64_t k = axis + 1; k < inType.getRank(); ++k)
      offset += index[k + m - 1] * inStrides[k];
    return offset;
  });
}

//===----------------------------------------------------------------------===//
// ReduceMeanOp
//===----------------------------------------------------------------------===//

LogicalResult ReduceMeanOp::verify() {
  RankedTensorType in = getInput().getType();
  int64_t rank = in.getRank();
  ArrayRef<int64_t> axes = getAxes();
  if (axes.empty())
    return emitOpError("axes must not be empty");
  for (auto [i, axis] : llvm::enumerate(axes)) {
    if (axis < 0 || axis >= rank)
      return emitOpError() << "axis " << axis << " must be in [0, " << rank
                           << ")";
    if (i > 0 && axes[i - 1] >= axis)
      return emitOpError("axes must be strictly increasing");
    if (in.getDimSize(axis) == 0)
      return emitOpError() << "reduced dimension " << axis
                           << " must not be empty";
  }
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    if (!llvm::is_contained(axes, d))
      expected.push_back(in.getDimSize(d));
    else if (getKeepdims())
      expected.push_back(1);
  }
  if (failed(verifyResultShape(*this, expected)) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyPerTensor(*this, getInput(), "input")) ||
      failed(verifyPerTensor(*this, getOutput(), "result")))
    return failure();
  return success();
}

OpFoldResult ReduceMeanOp::fold(FoldAdaptor) {
  // The mean of one element is that element.
  if (getKeepdims() && getInput().getType() == getType() &&
      llvm::all_of(getAxes(), [&](int64_t axis) {
        return getInput().getType().getDimSize(axis) == 1;
      }))
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// GatherDynamicOp
//===----------------------------------------------------------------------===//

LogicalResult GatherDynamicOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  auto indicesType = cast<RankedTensorType>(getIndices().getType());
  int64_t rank = in.getRank(), axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " must be in [0, " << rank
                         << ")";
  SmallVector<int64_t> expected(in.getShape().take_front(axis));
  llvm::append_range(expected, indicesType.getShape());
  llvm::append_range(expected, in.getShape().drop_front(axis + 1));
  if (failed(verifyResultShape(*this, expected)))
    return failure();
  auto perAxis =
      dyn_cast<quant::UniformQuantizedPerAxisType>(in.getElementType());
  if (!perAxis)
    return verifySameElementType(*this, in, out, "input");
  int32_t d = perAxis.getQuantizedDimension();
  if (d == axis)
    return emitOpError() << "input quantized along the gather axis " << axis
                         << " needs constant indices (qnt.gather)";
  if (d < axis)
    return verifyPerAxisResult(*this, perAxis, out.getElementType(),
                               "a quantized dimension before axis is kept");
  auto expectedType =
      withQuantizedDimension(perAxis, d + indicesType.getRank() - 1);
  return verifyPerAxisResult(
      *this, expectedType, out.getElementType(),
      "a quantized dimension after axis moves by the indices' rank - 1");
}

namespace {
/// gather_dynamic with constant indices in range is qnt.gather (normalized
/// and clamped as gather_dynamic specifies).
struct GatherDynamicOfConstant : OpRewritePattern<GatherDynamicOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(GatherDynamicOp op,
                                PatternRewriter &rewriter) const override {
    DenseIntElementsAttr indices;
    if (!matchPattern(op.getIndices(), m_Constant(&indices)))
      return failure();
    int64_t size =
        op.getInput().getType().getDimSize(op.getAxisAttr().getInt());
    if (ShapedType::isDynamic(size) || size == 0)
      return failure();
    SmallVector<int64_t> normalized;
    for (const APInt &raw : indices.getValues<APInt>()) {
      int64_t index = raw.getSExtValue();
      if (index < 0)
        index += size;
      normalized.push_back(std::clamp<int64_t>(index, 0, size - 1));
    }
    auto attr = DenseIntElementsAttr::get(
        RankedTensorType::get(indices.getType().getShape(),
                              rewriter.getI64Type()),
        ArrayRef(normalized));
    rewriter.replaceOpWithNewOp<GatherOp>(op, op.getType(), op.getInput(),
                                          op.getAxisAttr(), attr);
    return success();
  }
};
} // namespace

void GatherDynamicOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                  MLIRContext *context) {
  results.add<GatherDynamicOfConstant>(context);
}
