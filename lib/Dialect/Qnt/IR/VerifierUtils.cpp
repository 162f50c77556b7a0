//===- VerifierUtils.cpp - Checks shared by the qnt op verifiers ----------===//
//
// Implements the rule checks declared in VerifierUtils.h.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

namespace mlir::quantc::verifier {

quant::QuantizedType getQuantType(Type type) {
  return dyn_cast<quant::QuantizedType>(getElementTypeOrSelf(type));
}

bool isPerAxis(Type type) {
  return isa<quant::UniformQuantizedPerAxisType>(getElementTypeOrSelf(type));
}

/// The scale of slice `index` along the quantized dimension (any slice of a
/// per-tensor type).
double getScaleAt(quant::QuantizedType type, int64_t index) {
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type))
    return uniform.getScale();
  return cast<quant::UniformQuantizedPerAxisType>(type).getScales()[index];
}

bool sameSize(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string result = "[";
  llvm::raw_string_ostream os(result);
  llvm::interleave(
      shape, os,
      [&](int64_t d) {
        if (ShapedType::isDynamic(d))
          os << "?";
        else
          os << d;
      },
      ", ");
  os << "]";
  return result;
}

LogicalResult verifyRank(Operation *op, Value value, StringRef what,
                         int64_t rank, StringRef layout) {
  int64_t actual = cast<RankedTensorType>(value.getType()).getRank();
  if (actual == rank)
    return success();
  auto diag = op->emitOpError() << what << " must have rank " << rank;
  if (!layout.empty())
    diag << " (" << layout << ")";
  return diag << ", got rank " << actual;
}

LogicalResult verifyResultShape(Operation *op, ArrayRef<int64_t> expected) {
  auto actual = cast<RankedTensorType>(op->getResult(0).getType()).getShape();
  if (actual.size() == expected.size() &&
      llvm::all_of(llvm::zip(actual, expected), [](auto p) {
        return sameSize(std::get<0>(p), std::get<1>(p));
      }))
    return success();
  return op->emitOpError() << "result shape must be " << shapeString(expected)
                           << ", got " << shapeString(actual);
}

/// Compute ops work in one domain: float throughout, or quantized throughout.
LogicalResult verifySameDomain(Operation *op) {
  bool anyFloat = false, anyQuant = false;
  for (Type type :
       llvm::concat<Type>(op->getOperandTypes(), op->getResultTypes()))
    (getQuantType(type) ? anyQuant : anyFloat) = true;
  if (anyFloat && anyQuant)
    return op->emitOpError(
        "operands and result must be all float or all quantized");
  return success();
}

LogicalResult verifyPerTensor(Operation *op, Value value, StringRef what) {
  if (isPerAxis(value.getType()))
    return op->emitOpError()
           << what << " must be quantized per tensor, not per axis";
  return success();
}

/// Integer kernels take operands of at most 8 bits.
LogicalResult verifyNarrowStorage(Operation *op, Value value, StringRef what) {
  auto qtype = getQuantType(value.getType());
  if (qtype && qtype.getStorageTypeIntegralWidth() > 8)
    return op->emitOpError() << what << " storage must be at most 8 bits, got "
                             << qtype.getStorageTypeIntegralWidth();
  return success();
}

/// A per-axis weight is quantized along its output-channel dimension.
LogicalResult verifyWeightAxis(Operation *op, Value value, StringRef what,
                               int64_t axis) {
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(
      getElementTypeOrSelf(value.getType()));
  if (perAxis && perAxis.getQuantizedDimension() != axis)
    return op->emitOpError() << what << " may be per-axis only along dimension "
                             << axis << " (its output dimension), got "
                             << perAxis.getQuantizedDimension();
  return success();
}

/// A quantized bias is the i32 accumulator's initial value: i32 storage, zero
/// point 0, scale s_input * s_weight for every output channel.
LogicalResult verifyQuantizedBias(Operation *op, Value bias, Value input,
                                  Value weight) {
  auto biasType = getQuantType(bias.getType());
  if (!biasType)
    return success();
  if (biasType.getStorageTypeIntegralWidth() != 32 || !biasType.isSigned())
    return op->emitOpError() << "quantized bias must have i32 storage, got "
                             << biasType.getStorageType();
  auto perAxisBias = dyn_cast<quant::UniformQuantizedPerAxisType>(biasType);
  if (perAxisBias
          ? llvm::any_of(perAxisBias.getZeroPoints(),
                         [](int64_t zp) { return zp != 0; })
          : cast<quant::UniformQuantizedType>(biasType).getZeroPoint() != 0)
    return op->emitOpError("quantized bias must have zero point 0");

  auto inputType = getQuantType(input.getType());
  auto weightType = getQuantType(weight.getType());
  int64_t channels = cast<RankedTensorType>(bias.getType()).getDimSize(0);
  if (ShapedType::isDynamic(channels))
    return success();
  for (int64_t c = 0; c < channels; ++c) {
    // Both factors are f32 in ONNX; compare at f32 precision.
    float expected = static_cast<float>(getScaleAt(inputType, 0)) *
                     static_cast<float>(getScaleAt(weightType, c));
    double actual = getScaleAt(biasType, c);
    if (std::abs(actual - expected) > 1e-6 * std::abs(expected))
      return op->emitOpError()
             << "bias scale " << actual << " of channel " << c
             << " must equal input scale * weight scale = " << expected;
  }
  return success();
}

LogicalResult verifyClampBounds(Operation *op, std::optional<float> min,
                                std::optional<float> max, StringRef minName,
                                StringRef maxName) {
  if ((min && std::isnan(*min)) || (max && std::isnan(*max)))
    return op->emitOpError()
           << minName << " and " << maxName << " must not be NaN";
  if (min && max && *min > *max)
    return op->emitOpError() << minName << " (" << *min << ") must not exceed "
                             << maxName << " (" << *max << ")";
  return success();
}

/// Checks a list of per-spatial-dimension attribute values.
LogicalResult verifyWindowAttr(Operation *op, StringRef name,
                               ArrayRef<int64_t> values, size_t count,
                               StringRef meaning, bool allowZero) {
  if (values.size() != count)
    return op->emitOpError() << name << " must have " << count << " values ("
                             << meaning << "), got " << values.size();
  for (int64_t v : values)
    if (v < 0 || (!allowZero && v == 0))
      return op->emitOpError()
             << name << " must be " << (allowZero ? "non-negative" : "positive")
             << ", got " << v;
  return success();
}

/// Verifies the spatial attributes of a 2-D window op and computes its output
/// height and width.
LogicalResult verifyWindow2D(Operation *op, int64_t height, int64_t width,
                             ArrayRef<int64_t> kernel,
                             ArrayRef<int64_t> strides, ArrayRef<int64_t> pads,
                             ArrayRef<int64_t> dilations, bool ceilMode,
                             SmallVectorImpl<int64_t> &outHW) {
  if (failed(verifyWindowAttr(op, "strides", strides, 2, "sh, sw", false)) ||
      failed(
          verifyWindowAttr(op, "dilations", dilations, 2, "dh, dw", false)) ||
      failed(verifyWindowAttr(op, "pads", pads, 4, "top, left, bottom, right",
                              true)))
    return failure();
  int64_t in[2] = {height, width};
  for (int i = 0; i < 2; ++i) {
    int64_t out = windowOutputSize(in[i], kernel[i], strides[i], dilations[i],
                                   pads[i], pads[i + 2], ceilMode);
    if (!ShapedType::isDynamic(out) && out <= 0)
      return op->emitOpError()
             << "dilated kernel " << dilations[i] * (kernel[i] - 1) + 1
             << " exceeds padded input " << in[i] + pads[i] + pads[i + 2]
             << " in spatial dimension " << i;
    outHW.push_back(out);
  }
  return success();
}

LogicalResult verifySameShape(Operation *op) {
  auto in = cast<RankedTensorType>(op->getOperand(0).getType());
  auto out = cast<RankedTensorType>(op->getResult(0).getType());
  if (in.getRank() != out.getRank() ||
      !llvm::all_of(llvm::zip(in.getShape(), out.getShape()), [](auto p) {
        return sameSize(std::get<0>(p), std::get<1>(p));
      }))
    return op->emitOpError() << "input shape " << shapeString(in.getShape())
                             << " and result shape "
                             << shapeString(out.getShape()) << " must match";
  return success();
}

/// The quantized-form rules shared by conv2d and fully_connected.
LogicalResult verifyQuantizedLinear(Operation *op, Value input, Value weight,
                                    Value bias, StringRef weightName) {
  if (!getQuantType(input.getType()))
    return success();
  if (failed(verifyNarrowStorage(op, input, "input")) ||
      failed(verifyNarrowStorage(op, weight, weightName)) ||
      failed(verifyPerTensor(op, input, "input")) ||
      failed(verifyPerTensor(op, op->getResult(0), "result")) ||
      failed(verifyWeightAxis(op, weight, weightName, 0)))
    return failure();
  if (bias && failed(verifyQuantizedBias(op, bias, input, weight)))
    return failure();
  return success();
}

LogicalResult verifyBiasShape(Operation *op, Value bias, int64_t channels) {
  if (!bias)
    return success();
  auto type = cast<RankedTensorType>(bias.getType());
  if (type.getRank() != 1 || !sameSize(type.getDimSize(0), channels))
    return op->emitOpError()
           << "bias must have shape " << shapeString({channels}) << ", got "
           << shapeString(type.getShape());
  return success();
}

/// NumPy broadcasting of two shapes; fails when a dimension pair is neither
/// equal nor has a 1.
FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> a,
                                                ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x == 1)
      result[i] = y;
    else if (y == 1)
      result[i] = x;
    else if (ShapedType::isDynamic(x))
      result[i] = y;
    else if (ShapedType::isDynamic(y) || x == y)
      result[i] = x;
    else
      return failure();
  }
  return result;
}

/// Elementwise ops that may change quantization parameters but not the shape
/// or the domain.
LogicalResult verifyUnary(Operation *op) {
  if (failed(verifySameShape(op)) || failed(verifySameDomain(op)) ||
      failed(verifyPerTensor(op, op->getOperand(0), "input")) ||
      failed(verifyPerTensor(op, op->getResult(0), "result")))
    return failure();
  return success();
}

LogicalResult verifySameElementType(Operation *op, Type a, Type b,
                                    StringRef what) {
  if (getElementTypeOrSelf(a) != getElementTypeOrSelf(b))
    return op->emitOpError()
           << what << " element type " << getElementTypeOrSelf(a)
           << " must be identical to the result element type "
           << getElementTypeOrSelf(b);
  return success();
}

LogicalResult verifyGroupedConvolution(Operation *op, Value input, Value filter,
                                       int64_t groups, int64_t rank) {
  StringRef activations = rank == 5 ? "NDHWC" : "NHWC";
  StringRef filterLayout = rank == 5 ? "FDHWC" : "FHWC";
  if (failed(verifyRank(op, input, "input", rank, activations)) ||
      failed(verifyRank(op, filter, "filter", rank, filterLayout)) ||
      failed(verifyRank(op, op->getResult(0), "result", rank, activations)))
    return failure();
  auto in = cast<RankedTensorType>(input.getType()).getShape();
  auto shape = cast<RankedTensorType>(filter.getType()).getShape();
  if (groups < 1)
    return op->emitOpError() << "groups must be positive, got " << groups;
  int64_t channels = in.back(), filters = shape[0],
          groupChannels = shape.back();
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return op->emitOpError() << "input channels " << channels
                             << " must be divisible by groups " << groups;
  if (!ShapedType::isDynamic(filters) && filters % groups != 0)
    return op->emitOpError() << "filter count " << filters
                             << " must be divisible by groups " << groups;
  if (!ShapedType::isDynamic(channels) &&
      !ShapedType::isDynamic(groupChannels) &&
      groupChannels * groups != channels)
    return op->emitOpError()
           << "filter input channels " << groupChannels
           << " must equal input channels / groups = " << channels / groups;
  return success();
}

} // namespace mlir::quantc::verifier
