//===- TypeUtils.h - Shapes and quantized types under data movement -*- C++
//-*-===//
//
// How tensor types change when data moves: permuted dimensions carry a
// per-axis quantized dimension with them, selected slices carry their own
// parameters, sliding windows shrink dimensions. Shared by verifiers,
// passes and the importer so they agree.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_UTILS_TYPEUTILS_H
#define QUANTC_DIALECT_QNT_UTILS_TYPEUTILS_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir::quantc {

/// `type` quantized along `dimension` instead (same scales and zero points).
quant::UniformQuantizedPerAxisType
withQuantizedDimension(quant::UniformQuantizedPerAxisType type,
                       int32_t dimension);

/// `type` keeping the parameters of slices `selected` of its quantized
/// dimension, quantized along `dimension`.
quant::UniformQuantizedPerAxisType
selectSlices(quant::UniformQuantizedPerAxisType type,
             ArrayRef<int64_t> selected, int32_t dimension);

/// The type of `transpose(value of type, perm)`: dimension k is dimension
/// perm[k], and a per-axis quantized dimension moves with its dimension.
RankedTensorType permuteTensorType(RankedTensorType type,
                                   ArrayRef<int64_t> perm);

/// Output size of a sliding window along one dimension, ONNX's formula:
/// floor, or with `ceilMode` ceil where a window must start inside the input
/// or the leading padding. Negative when the dilated kernel exceeds the
/// padded input; dynamic when `in` or `kernel` is.
int64_t windowOutputSize(int64_t in, int64_t kernel, int64_t stride,
                         int64_t dilation, int64_t padBegin, int64_t padEnd,
                         bool ceilMode);

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_UTILS_TYPEUTILS_H
