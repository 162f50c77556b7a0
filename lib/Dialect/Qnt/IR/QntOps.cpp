//===- QntOps.cpp - Verifiers of the qnt ops ------------------------------===//
//
// Each verifier enforces the constraints stated in the op's description in
// QntOps.td, and its messages quote the rule that was broken. Dynamic
// dimensions pass every size check they take part in.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "VerifierUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;

//===----------------------------------------------------------------------===//
// ConstantOp, QuantizeOp, DequantizeOp, RequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::verify() {
  auto resultType = getType();
  auto valueType = cast<ShapedType>(getValue().getType());
  if (valueType.getShape() != resultType.getShape())
    return emitOpError() << "value shape " << shapeString(valueType.getShape())
                         << " must match result shape "
                         << shapeString(resultType.getShape());
  auto qtype = getQuantType(resultType);
  if (!qtype) {
    if (valueType.getElementType() != resultType.getElementType())
      return emitOpError() << "value element type "
                           << valueType.getElementType()
                           << " must match result element type "
                           << resultType.getElementType();
    return success();
  }
  if (valueType.getElementType() != qtype.getStorageType())
    return emitOpError() << "value of a quantized constant must hold storage "
                            "integers of type "
                         << qtype.getStorageType() << ", got "
                         << valueType.getElementType();
  int64_t lo = qtype.getStorageTypeMin(), hi = qtype.getStorageTypeMax();
  for (const APInt &raw : getValue().getValues<APInt>()) {
    int64_t v = qtype.isSigned() ? raw.getSExtValue()
                                 : static_cast<int64_t>(raw.getZExtValue());
    if (v < lo || v > hi)
      return emitOpError() << "stored value " << v
                           << " is outside the storage range [" << lo << ", "
                           << hi << "]";
  }
  return success();
}

LogicalResult QuantizeOp::verify() { return verifySameShape(*this); }
LogicalResult DequantizeOp::verify() { return verifySameShape(*this); }

LogicalResult RequantizeOp::verify() {
  if (failed(verifySameShape(*this)))
    return failure();
  auto in = dyn_cast<quant::UniformQuantizedPerAxisType>(
      getElementTypeOrSelf(getInput().getType()));
  auto out = dyn_cast<quant::UniformQuantizedPerAxisType>(
      getElementTypeOrSelf(getType()));
  if (in && out && in.getQuantizedDimension() != out.getQuantizedDimension())
    return emitOpError() << "per-axis input and result must share the "
                            "quantized dimension, got "
                         << in.getQuantizedDimension() << " and "
                         << out.getQuantizedDimension();
  return success();
}

LogicalResult StorageCastOp::verify() {
  if (failed(verifySameShape(*this)))
    return failure();
  Type in = getElementTypeOrSelf(getInput()),
       out = getElementTypeOrSelf(getType());
  auto qtype = dyn_cast<quant::QuantizedType>(in);
  Type other = out;
  if (!qtype) {
    qtype = dyn_cast<quant::QuantizedType>(out);
    other = in;
  }
  auto integer = dyn_cast<IntegerType>(other);
  if (!qtype || !integer)
    return emitOpError("casts between an integer tensor and a quantized "
                       "tensor, one of each");
  if (integer.getWidth() != qtype.getStorageTypeIntegralWidth() ||
      (qtype.isSigned() ? integer.isUnsigned() : !integer.isUnsigned()))
    return emitOpError() << "integer type " << integer
                         << " must have the width and signedness of the "
                            "storage of "
                         << qtype;
  return success();
}

LogicalResult CastOp::verify() {
  if (failed(verifySameShape(*this)))
    return failure();
  if (getQuantType(getInput().getType()) || getQuantType(getType()))
    return emitOpError("converts f32 and integer tensors; quantized tensors "
                       "go through quantize, dequantize or storage_cast");
  Type in = getElementTypeOrSelf(getInput()),
       out = getElementTypeOrSelf(getType());
  auto isSmallFloat = [](Type t) { return isa<FloatType>(t) && !t.isF32(); };
  if ((isSmallFloat(in) || isSmallFloat(out)) && in != out) {
    if (!in.isF32() && !out.isF32())
      return emitOpError() << "converts a small float type only to or from "
                              "f32, got "
                           << in << " to " << out;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Compute ops
//===----------------------------------------------------------------------===//

LogicalResult Conv2DOp::verify() {
  if (failed(verifyGroupedConvolution(*this, getInput(), getFilter(),
                                      getGroupsAttr().getInt())))
    return failure();
  auto in = getInput().getType().getShape();
  auto filter = getFilter().getType().getShape();
  int64_t filters = filter[0];
  if (failed(verifyBiasShape(*this, getBias(), filters)))
    return failure();

  SmallVector<int64_t, 2> outHW;
  if (failed(verifyWindow2D(*this, in[1], in[2], filter.slice(1, 2),
                            getStrides(), getPads(), getDilations(),
                            /*ceilMode=*/false, outHW)) ||
      failed(verifyResultShape(*this, {in[0], outHW[0], outHW[1], filters})) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyQuantizedLinear(*this, getInput(), getFilter(), getBias(),
                                   "filter")))
    return failure();
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
}

LogicalResult Conv3DOp::verify() {
  if (failed(verifyGroupedConvolution(*this, getInput(), getFilter(),
                                      getGroupsAttr().getInt(), /*rank=*/5)))
    return failure();
  auto in = getInput().getType().getShape();
  auto filter = getFilter().getType().getShape();
  int64_t filters = filter[0];
  ArrayRef<int64_t> strides = getStrides(), pads = getPads(),
                    dilations = getDilations();
  if (failed(verifyBiasShape(*this, getBias(), filters)) ||
      failed(verifyWindowAttr(*this, "strides", strides, 3, "sd, sh, sw",
                              false)) ||
      failed(verifyWindowAttr(*this, "dilations", dilations, 3, "dd, dh, dw",
                              false)) ||
      failed(verifyWindowAttr(*this, "pads", pads, 6,
                              "front, top, left, back, bottom, right", true)))
    return failure();

  SmallVector<int64_t, 5> expected = {in[0]};
  for (int i = 0; i < 3; ++i) {
    int64_t out = windowOutputSize(in[1 + i], filter[1 + i], strides[i],
                                   dilations[i], pads[i], pads[i + 3],
                                   /*ceilMode=*/false);
    if (!ShapedType::isDynamic(out) && out <= 0)
      return emitOpError() << "dilated kernel "
                           << dilations[i] * (filter[1 + i] - 1) + 1
                           << " exceeds padded input "
                           << in[1 + i] + pads[i] + pads[i + 3]
                           << " in spatial dimension " << i;
    expected.push_back(out);
  }
  expected.push_back(filters);
  if (failed(verifyResultShape(*this, expected)))
    return failure();
  for (Type type : llvm::concat<Type>(getOperation()->getOperandTypes(),
                                      getOperation()->getResultTypes()))
    if (getQuantType(type))
      return emitOpError() << "has only a float form: operands and result "
                              "must be f32, got "
                           << type;
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
}

LogicalResult MatMulOp::verify() {
  auto lhs = getLhs().getType().getShape();
  auto rhs = getRhs().getType().getShape();
  if (lhs.size() < 2 || rhs.size() < 2)
    return emitOpError("operands must have rank at least 2");
  int64_t k1 = lhs.back(), k2 = rhs[rhs.size() - 2];
  if (!sameSize(k1, k2))
    return emitOpError() << "contraction sizes must match: lhs has " << k1
                         << " columns, rhs has " << k2 << " rows";
  auto batch = broadcastShapes(lhs.drop_back(2), rhs.drop_back(2));
  if (failed(batch))
    return emitOpError() << "batch dimensions " << shapeString(lhs.drop_back(2))
                         << " and " << shapeString(rhs.drop_back(2))
                         << " must broadcast";
  SmallVector<int64_t> expected = *batch;
  expected.push_back(lhs[lhs.size() - 2]);
  expected.push_back(rhs.back());
  if (failed(verifyResultShape(*this, expected)) ||
      failed(verifySameDomain(*this)))
    return failure();
  if (getQuantType(getLhs().getType()) &&
      (failed(verifyNarrowStorage(*this, getLhs(), "lhs")) ||
       failed(verifyNarrowStorage(*this, getRhs(), "rhs")) ||
       failed(verifyPerTensor(*this, getLhs(), "lhs")) ||
       failed(verifyPerTensor(*this, getOutput(), "result")) ||
       failed(verifyWeightAxis(*this, getRhs(), "rhs",
                               static_cast<int64_t>(rhs.size()) - 1))))
    return failure();
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
}

LogicalResult FullyConnectedOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", 2, "M, K")) ||
      failed(verifyRank(*this, getWeight(), "weight", 2, "N, K")))
    return failure();
  auto in = getInput().getType().getShape();
  auto weight = getWeight().getType().getShape();
  if (!sameSize(in[1], weight[1]))
    return emitOpError() << "input columns " << in[1]
                         << " must equal weight columns " << weight[1];
  if (failed(verifyBiasShape(*this, getBias(), weight[0])) ||
      failed(verifyResultShape(*this, {in[0], weight[0]})) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyQuantizedLinear(*this, getInput(), getWeight(), getBias(),
                                   "weight")))
    return failure();
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
}

template <typename BinaryOp>
static LogicalResult verifyBroadcastBinary(BinaryOp op) {
  auto lhs = op.getLhs().getType().getShape();
  auto rhs = op.getRhs().getType().getShape();
  auto shape = broadcastShapes(lhs, rhs);
  if (failed(shape))
    return op.emitOpError() << "operand shapes " << shapeString(lhs) << " and "
                            << shapeString(rhs) << " must broadcast";
  if (failed(verifyResultShape(op, *shape)) || failed(verifySameDomain(op)) ||
      failed(verifyPerTensor(op, op.getLhs(), "lhs")) ||
      failed(verifyPerTensor(op, op.getRhs(), "rhs")) ||
      failed(verifyPerTensor(op, op.getOutput(), "result")))
    return failure();
  return verifyClampBounds(op, asFloat(op.getClampMin()),
                           asFloat(op.getClampMax()), "clamp_min", "clamp_max");
}

LogicalResult AddOp::verify() { return verifyBroadcastBinary(*this); }
LogicalResult MulOp::verify() { return verifyBroadcastBinary(*this); }

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

LogicalResult ClampOp::verify() {
  if (!getMin() && !getMax())
    return emitOpError("needs at least one of min and max");
  return verifyClampBounds(*this, asFloat(getMin()), asFloat(getMax()), "min",
                           "max");
}

LogicalResult SigmoidOp::verify() { return verifyUnary(*this); }
LogicalResult TanhOp::verify() { return verifyUnary(*this); }
LogicalResult HardSwishOp::verify() { return verifyUnary(*this); }

LogicalResult LeakyReluOp::verify() {
  if (!std::isfinite(getAlpha().convertToFloat()))
    return emitOpError() << "alpha must be finite, got "
                         << getAlpha().convertToFloat();
  return verifyUnary(*this);
}

LogicalResult SoftmaxOp::verify() {
  int64_t rank = getInput().getType().getRank();
  int64_t axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " must be in [0, " << rank
                         << ")";
  return verifyUnary(*this);
}

//===----------------------------------------------------------------------===//
// Pooling and resizing
//===----------------------------------------------------------------------===//

template <typename PoolOp> static LogicalResult verifyPool2D(PoolOp op) {
  if (failed(verifyRank(op, op.getInput(), "input", 4, "NHWC")) ||
      failed(
          verifyWindowAttr(op, "kernel", op.getKernel(), 2, "kh, kw", false)))
    return failure();
  auto in = op.getInput().getType().getShape();
  SmallVector<int64_t, 2> outHW;
  if (failed(verifyWindow2D(op, in[1], in[2], op.getKernel(), op.getStrides(),
                            op.getPads(), op.getDilations(), op.getCeilMode(),
                            outHW)))
    return failure();
  for (int i = 0; i < 2; ++i) {
    int64_t extent = op.getDilations()[i] * (op.getKernel()[i] - 1) + 1;
    if (op.getPads()[i] >= extent || op.getPads()[i + 2] >= extent)
      return op.emitOpError()
             << "pads must be smaller than the dilated kernel " << extent
             << " so that every window sees the input";
  }
  if (failed(verifyResultShape(op, {in[0], outHW[0], outHW[1], in[3]})) ||
      failed(verifySameDomain(op)) ||
      failed(verifyPerTensor(op, op.getInput(), "input")) ||
      failed(verifyPerTensor(op, op.getOutput(), "result")))
    return failure();
  return success();
}

LogicalResult MaxPool2DOp::verify() {
  if (failed(verifyPool2D(*this)))
    return failure();
  if (getQuantType(getInput().getType()) &&
      getElementTypeOrSelf(getInput()) != getElementTypeOrSelf(getOutput()))
    return emitOpError("quantized input and result must have identical "
                       "quantization parameters");
  return success();
}

LogicalResult AvgPool2DOp::verify() { return verifyPool2D(*this); }

LogicalResult GlobalAvgPoolOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", 4, "NHWC")))
    return failure();
  auto in = getInput().getType().getShape();
  if (failed(verifyResultShape(*this, {in[0], 1, 1, in[3]})) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyPerTensor(*this, getInput(), "input")) ||
      failed(verifyPerTensor(*this, getOutput(), "result")))
    return failure();
  return success();
}

LogicalResult ResizeOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", 4, "NHWC")) ||
      failed(verifyRank(*this, getOutput(), "result", 4, "NHWC")))
    return failure();
  auto in = getInput().getType().getShape();
  auto out = getOutput().getType().getShape();
  if (!sameSize(in[0], out[0]) || !sameSize(in[3], out[3]))
    return emitOpError() << "resizes only H and W: input " << shapeString(in)
                         << " and result " << shapeString(out)
                         << " must agree in N and C";
  if (std::optional<ArrayRef<float>> scales = getScales()) {
    if (scales->size() != 2)
      return emitOpError() << "scales must have 2 values (scale_h, scale_w), "
                              "got "
                           << scales->size();
    for (float scale : *scales)
      if (!(scale > 0.0f) || !std::isfinite(scale))
        return emitOpError()
               << "scales must be positive and finite, got " << scale;
  }
  bool crop =
      getCoordinateTransform() == CoordinateTransform::tf_crop_and_resize;
  if (std::optional<ArrayRef<float>> roi = getRoi()) {
    if (!crop)
      return emitOpError() << "roi is only used by coordinate_transform "
                              "tf_crop_and_resize";
    if (roi->size() != 4)
      return emitOpError() << "roi must have 4 values (start_h, start_w, "
                              "end_h, end_w), got "
                           << roi->size();
    for (float v : *roi)
      if (!std::isfinite(v))
        return emitOpError() << "roi values must be finite, got " << v;
  } else if (crop) {
    return emitOpError() << "coordinate_transform tf_crop_and_resize needs "
                            "roi";
  }
  if (getExtrapolationValue() && !crop)
    return emitOpError() << "extrapolation_value is only used by "
                            "coordinate_transform tf_crop_and_resize";
  if (crop && !getInput().getType().getElementType().isF32())
    return emitOpError() << "coordinate_transform tf_crop_and_resize needs "
                            "a float tensor (extrapolation_value is a real "
                            "value)";
  bool interpolates = getMode() != ResizeMode::nearest;
  if (getAntialias() && !interpolates)
    return emitOpError() << "antialias is only used in linear mode or "
                            "cubic mode";
  if (getExcludeOutside() && !interpolates)
    return emitOpError() << "exclude_outside is only used in linear mode or "
                            "cubic mode";
  if (std::optional<APFloat> a = getCubicCoeffA()) {
    if (getMode() != ResizeMode::cubic)
      return emitOpError() << "cubic_coeff_a is only used in cubic mode";
    if (!a->isFinite())
      return emitOpError() << "cubic_coeff_a must be finite, got "
                           << a->convertToFloat();
  }
  return verifySameElementType(*this, getInput().getType(),
                               getOutput().getType(), "input");
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  auto in = getInput().getType();
  auto out = getOutput().getType();
  if (in.hasStaticShape() && out.hasStaticShape() &&
      in.getNumElements() != out.getNumElements())
    return emitOpError() << "input and result must have the same number of "
                            "elements, got "
                         << in.getNumElements() << " and "
                         << out.getNumElements();
  if (failed(verifySameElementType(*this, in, out, "input")))
    return failure();
  return verifyPerTensor(*this, getInput(), "input");
}

LogicalResult TransposeOp::verify() {
  auto in = getInput().getType();
  ArrayRef<int64_t> perm = getPerm();
  int64_t rank = in.getRank();
  if (static_cast<int64_t>(perm.size()) != rank)
    return emitOpError() << "perm must have one entry per dimension (rank "
                         << rank << "), got " << perm.size();
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t p : perm)
    if (p < 0 || p >= rank || !seen.insert(p).second)
      return emitOpError() << "perm must be a permutation of [0, " << rank
                           << ")";
  SmallVector<int64_t> expected;
  for (int64_t p : perm)
    expected.push_back(in.getDimSize(p));
  if (failed(verifyResultShape(*this, expected)))
    return failure();

  Type inElem = in.getElementType(), outElem = getType().getElementType();
  auto inAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(inElem);
  auto outAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(outElem);
  if (!inAxis || !outAxis)
    return verifySameElementType(*this, in, getType(), "input");
  int64_t expectedAxis =
      llvm::find(perm, inAxis.getQuantizedDimension()) - perm.begin();
  if (outAxis.getQuantizedDimension() != expectedAxis ||
      outAxis.getScales() != inAxis.getScales() ||
      outAxis.getZeroPoints() != inAxis.getZeroPoints() ||
      outAxis.getStorageType() != inAxis.getStorageType() ||
      outAxis.getFlags() != inAxis.getFlags())
    return emitOpError() << "result must keep the input's per-axis "
                            "parameters, quantized along dimension "
                         << expectedAxis;
  return success();
}

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  auto out = getOutput().getType();
  int64_t rank = out.getRank(), axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= rank)
    return emitOpError() << "axis " << axis << " must be in [0, " << rank
                         << ")";
  int64_t total = 0;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    auto type = cast<RankedTensorType>(input.getType());
    std::string what = ("input #" + Twine(index)).str();
    if (type.getRank() != rank)
      return emitOpError() << what << " must have rank " << rank
                           << ", got rank " << type.getRank();
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis && !sameSize(type.getDimSize(d), out.getDimSize(d)))
        return emitOpError()
               << what << " dimension " << d << " is " << type.getDimSize(d)
               << " but the result's is " << out.getDimSize(d)
               << "; only the concat axis may differ";
    if (failed(verifySameElementType(*this, type, out, what)))
      return failure();
    int64_t size = type.getDimSize(axis);
    total = (ShapedType::isDynamic(size) || ShapedType::isDynamic(total))
                ? ShapedType::kDynamic
                : total + size;
  }
  if (!sameSize(total, out.getDimSize(axis)))
    return emitOpError() << "result dimension " << axis
                         << " must be the sum of the inputs' = " << total
                         << ", got " << out.getDimSize(axis);
  return success();
}

LogicalResult PadOp::verify() {
  auto in = getInput().getType();
  int64_t rank = in.getRank();
  ArrayRef<int64_t> pads = getPads();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOpError() << "pads must have 2 * rank = " << 2 * rank
                         << " values (all begins, then all ends), got "
                         << pads.size();
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return emitOpError("pads must be non-negative");
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = in.getDimSize(d);
    int64_t begin = pads[d], end = pads[d + rank];
    if (!ShapedType::isDynamic(size)) {
      if (getMode() == PadMode::reflect && (begin >= size || end >= size))
        return emitOpError() << "reflect padding of dimension " << d
                             << " must be smaller than its size " << size;
      if (getMode() == PadMode::edge && size == 0 && begin + end > 0)
        return emitOpError()
               << "edge padding needs a non-empty dimension " << d;
    }
    expected.push_back(ShapedType::isDynamic(size) ? size : begin + size + end);
  }
  if (failed(verifyResultShape(*this, expected)) ||
      failed(verifySameElementType(*this, in, getType(), "input")))
    return failure();

  if (getMode() != PadMode::constant)
    return success();
  float value = getValue().convertToFloat();
  if (auto integer = dyn_cast<IntegerType>(in.getElementType())) {
    // i1 holds 0 and 1 (true), so read it as unsigned.
    APSInt asInt(integer.getWidth(),
                 integer.isUnsigned() || integer.getWidth() == 1);
    bool exact = false;
    APFloat(value).convertToInteger(asInt, llvm::RoundingMode::TowardZero,
                                    &exact);
    if (!exact)
      return emitOpError() << "pad value " << value
                           << " is not exactly representable in " << integer;
    return success();
  }
  auto qtype = getQuantType(in);
  if (!qtype)
    return success();
  if (failed(verifyPerTensor(*this, getInput(), "input")))
    return failure();
  auto uniform = cast<quant::UniformQuantizedType>(qtype);
  double stored =
      getValue().convertToFloat() / uniform.getScale() + uniform.getZeroPoint();
  if (std::abs(stored - std::round(stored)) > 1e-3 ||
      stored < qtype.getStorageTypeMin() || stored > qtype.getStorageTypeMax())
    return emitOpError() << "pad value " << value
                         << " is not exactly representable in " << qtype;
  return success();
}

#define GET_OP_CLASSES
#include "quantc/Dialect/Qnt/IR/QntOps.cpp.inc"
