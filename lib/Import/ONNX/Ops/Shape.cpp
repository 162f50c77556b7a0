//===- Shape.cpp - ONNX constants, shape and data movement ops ------------===//
//
// Handlers for constants and for ops that move data without arithmetic.
// Shapes are static after import, so shape computations on constants fold
// here (OpBinder::create folds ops whose operands are constants).
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

LogicalResult convertConstant(OpBinder &b) {
  OpBuilder &builder = b.getBuilder();
  DenseElementsAttr value;
  if (b.hasAttr("value")) {
    if (b.tensorAttr("value", value))
      return failure();
  } else if (b.hasAttr("value_float")) {
    float v;
    if (b.floatAttr("value_float", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getF32Type()), v);
  } else if (b.hasAttr("value_floats")) {
    SmallVector<float> v;
    if (b.floatsAttr("value_floats", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              builder.getF32Type()),
        llvm::ArrayRef(v));
  } else if (b.hasAttr("value_int")) {
    int64_t v;
    if (b.intAttr("value_int", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getI64Type()), v);
  } else if (b.hasAttr("value_ints")) {
    SmallVector<int64_t> v;
    if (b.intsAttr("value_ints", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              builder.getI64Type()),
        llvm::ArrayRef(v));
  } else {
    return b.unsupported("Constant without value, value_float(s) or "
                         "value_int(s) (sparse and string constants)");
  }
  b.setResult(0,
              ConstantOp::create(builder, b.getLoc(), value.getType(), value));
  return success();
}

LogicalResult convertReshape(OpBinder &b) {
  Value input;
  SmallVector<int64_t> shape;
  int64_t allowZero;
  if (b.tensorOperand(0, input) || b.constantInts(1, "shape", shape) ||
      b.intAttr("allowzero", allowZero, 0))
    return failure();
  RankedTensorType type = getTensorType(input);
  int64_t known = 1, inferred = -1;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (dim == 0 && !allowZero) {
      if (i >= static_cast<size_t>(type.getRank()))
        return b.emitError()
               << "shape entry " << i << " copies a dimension the input lacks";
      dim = type.getDimSize(i);
    }
    if (dim == -1) {
      if (inferred >= 0)
        return b.emitError() << "shape has more than one -1";
      inferred = i;
      continue;
    }
    if (dim < 0)
      return b.emitError() << "shape has invalid entry " << dim;
    known *= dim;
  }
  int64_t total = type.getNumElements();
  if (inferred >= 0) {
    if (known == 0 || total % known != 0)
      return b.emitError() << "cannot infer the -1 entry: " << total
                           << " elements do not divide into " << known;
    shape[inferred] = total / known;
  } else if (known != total) {
    return b.emitError() << "cannot reshape " << total << " elements into "
                         << known;
  }
  b.setResult(0, b.reshape(input, shape));
  return success();
}

LogicalResult convertTranspose(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  int64_t rank = getTensorType(input).getRank();
  SmallVector<int64_t> reversed(llvm::reverse(llvm::seq<int64_t>(0, rank)));
  SmallVector<int64_t> perm;
  if (b.intsAttr("perm", perm, ArrayRef<int64_t>(reversed)))
    return failure();
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm.size()) != rank ||
      llvm::any_of(perm, [&](int64_t p) {
        return p < 0 || p >= rank || std::exchange(seen[p], true);
      }))
    return b.emitError() << "perm is not a permutation of [0, " << rank << ")";
  b.setResult(0, b.transpose(input, perm));
  return success();
}

LogicalResult convertFlatten(OpBinder &b) {
  Value input;
  int64_t axis;
  if (b.tensorOperand(0, input) || b.intAttr("axis", axis, 1))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  // Flatten's axis may equal the rank.
  if (axis < -rank || axis > rank)
    return b.emitError() << "axis " << axis << " is out of range for rank "
                         << rank;
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < axis ? outer : inner) *= shape[i];
  b.setResult(0, b.reshape(input, {outer, inner}));
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateShapeHandlers(OpRegistry &registry) {
  registry.on("Constant", 1, convertConstant);
  registry.on("Flatten", 1, convertFlatten);
  registry.on("Reshape", 5, convertReshape);
  registry.on("Transpose", 1, convertTranspose);
}
