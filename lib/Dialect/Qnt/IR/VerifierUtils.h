//===- VerifierUtils.h - Checks shared by the qnt op verifiers --*- C++ -*-===//
//
// Rule checks used by the verifiers of several qnt ops. Each reports the
// rule it enforces on failure; dynamic dimensions pass size checks.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_DIALECT_QNT_IR_VERIFIERUTILS_H
#define QUANTC_LIB_DIALECT_QNT_IR_VERIFIERUTILS_H

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include <optional>
#include <string>

namespace mlir::quantc::verifier {

quant::QuantizedType getQuantType(Type type);

bool isPerAxis(Type type);

/// The scale of slice `index` along the quantized dimension (any slice of a
/// per-tensor type).
double getScaleAt(quant::QuantizedType type, int64_t index);

bool sameSize(int64_t a, int64_t b);

std::string shapeString(ArrayRef<int64_t> shape);

LogicalResult verifyRank(Operation *op, Value value, StringRef what,
                         int64_t rank, StringRef layout = "");

LogicalResult verifyResultShape(Operation *op, ArrayRef<int64_t> expected);

/// Compute ops work in one domain: float throughout, or quantized throughout.
LogicalResult verifySameDomain(Operation *op);

LogicalResult verifyPerTensor(Operation *op, Value value, StringRef what);

/// Integer kernels take operands of at most 8 bits.
LogicalResult verifyNarrowStorage(Operation *op, Value value, StringRef what);

/// A per-axis weight is quantized along its output-channel dimension.
LogicalResult verifyWeightAxis(Operation *op, Value value, StringRef what,
                               int64_t axis);

/// A quantized bias is the i32 accumulator's initial value: i32 storage, zero
/// point 0, scale s_input * s_weight for every output channel.
LogicalResult verifyQuantizedBias(Operation *op, Value bias, Value input,
                                  Value weight);

LogicalResult verifyClampBounds(Operation *op, std::optional<float> min,
                                std::optional<float> max, StringRef minName,
                                StringRef maxName);

/// Checks a list of per-spatial-dimension attribute values.
LogicalResult verifyWindowAttr(Operation *op, StringRef name,
                               ArrayRef<int64_t> values, size_t count,
                               StringRef meaning, bool allowZero);

/// Verifies the spatial attributes of a 2-D window op and computes its output
/// height and width.
LogicalResult verifyWindow2D(Operation *op, int64_t height, int64_t width,
                             ArrayRef<int64_t> kernel,
                             ArrayRef<int64_t> strides, ArrayRef<int64_t> pads,
                             ArrayRef<int64_t> dilations, bool ceilMode,
                             SmallVectorImpl<int64_t> &outHW);

LogicalResult verifySameShape(Operation *op);

/// The quantized-form rules shared by conv2d and fully_connected.
LogicalResult verifyQuantizedLinear(Operation *op, Value input, Value weight,
                                    Value bias, StringRef weightName);

LogicalResult verifyBiasShape(Operation *op, Value bias, int64_t channels);

/// NumPy broadcasting of two shapes; fails when a dimension pair is neither
/// equal nor has a 1.
FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> a,
                                                ArrayRef<int64_t> b);

/// Elementwise ops that may change quantization parameters but not the shape
/// or the domain.
LogicalResult verifyUnary(Operation *op);

LogicalResult verifySameElementType(Operation *op, Type a, Type b,
                                    StringRef what);

/// The layout rules of a grouped convolution: NHWC input and result, FHWC
/// filter (NDHWC and FDHWC for rank 5), positive groups dividing both the
/// input channels and the filters, and C / groups channels per filter.
LogicalResult verifyGroupedConvolution(Operation *op, Value input, Value filter,
                                       int64_t groups, int64_t rank = 4);

} // namespace mlir::quantc::verifier

#endif // QUANTC_LIB_DIALECT_QNT_IR_VERIFIERUTILS_H
