//===- Common.h - Helpers shared by the op handler files --------*- C++ -*-===//
//
// Conversions several ONNX ops share: the sliding-window attributes of
// convolutions and pools, NCHW convolution and pooling built on the NHWC
// qnt ops, and NumPy-style matrix products.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_OPS_COMMON_H
#define QUANTC_LIB_IMPORT_ONNX_OPS_COMMON_H

#include "../OpBinder.h"

#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

namespace mlir::quantc::onnx_import {

/// Sliding-window attributes after auto_pad, in qnt's order: two window
/// dimensions for 1-D (height 1) and 2-D windows, three for 3-D ones.
struct Window {
  SmallVector<int64_t, 3> kernel;
  SmallVector<int64_t, 3> strides;
  SmallVector<int64_t, 3> dilations;
  /// Every begin, then every end (2-D: top, left, bottom, right).
  SmallVector<int64_t, 6> pads;
  /// Whether a 1-D window was read as 2-D with height 1.
  bool lifted = false;

  size_t size() const { return kernel.size(); }
};

/// The window of a 1-D or 2-D op.
using Window2D = Window;

/// Reads strides, dilations, pads and auto_pad of a node whose input has
/// spatial sizes `inputSizes` and whose kernel is `kernel` (1-D, 2-D or 3-D;
/// 1-D windows are read as 2-D with height 1).
ParseResult readWindow(OpBinder &b, ArrayRef<int64_t> inputSizes,
                       ArrayRef<int64_t> kernel, Window &window);

/// The output sizes of `window` sliding over the input's spatial sizes
/// `inputSizes` (in the window's dimensions); fails with the error of the
/// first dimension where the dilated kernel does not fit the padded input.
ParseResult getWindowOutputSizes(OpBinder &b, ArrayRef<int64_t> inputSizes,
                                 const Window &window, bool ceilMode,
                                 SmallVectorImpl<int64_t> &outputSizes);

/// Reads kernel_shape, which must equal the filter's spatial dimensions
/// `kernel` when given.
ParseResult checkKernelShape(OpBinder &b, ArrayRef<int64_t> kernel);

/// Checks a convolution's input and filter ranks (1-D up to `maxSpatial`-D
/// spatial), kernel_shape and group against the channels, and reads its
/// window.
ParseResult readConvGeometry(OpBinder &b, RankedTensorType inType,
                             RankedTensorType filterType, int64_t &groups,
                             Window &window, unsigned maxSpatial = 2);

/// Builds ONNX Conv semantics (NCHW input, OIHW filter, 1-D or 2-D) with
/// qnt.conv2d, reading the node's attributes. `outputElement` is the
/// result's element type (f32, or a quantized type for integer convs).
FailureOr<Value> buildConv(OpBinder &b, Value input, Value filter, Value bias,
                           Type outputElement);

/// What a pooling node computes.
enum class PoolKind { Max, Average };

/// Builds ONNX MaxPool / AveragePool semantics (NCHW input, 1-D, 2-D or 3-D
/// windows) with qnt.max_pool2d / qnt.avg_pool2d (qnt.max_pool3d /
/// qnt.avg_pool3d on NDHWC for 3-D), reading the node's kernel_shape,
/// strides, pads, dilations, auto_pad, ceil_mode and (average only)
/// count_include_pad. `outputElement` is the result's element type (f32, or a
/// quantized type; max pooling needs the input's own). With `indices` (max
/// pooling, 1-D or 2-D) it also builds MaxPool's Indices output there with
/// qnt.max_pool2d_with_indices and `storageOrder` (0 or 1).
FailureOr<Value> buildPool(OpBinder &b, Value input, PoolKind kind,
                           Type outputElement, Value *indices = nullptr,
                           int64_t storageOrder = 0);

/// Builds ONNX GlobalAveragePool / GlobalMaxPool (NCHW input of rank 3 or
/// more; the result keeps the rank, spatial sizes 1) with
/// qnt.global_avg_pool / qnt.max_pool2d.
FailureOr<Value> buildGlobalPool(OpBinder &b, Value input, PoolKind kind,
                                 Type outputElement);

/// Builds ONNX MatMul semantics (NumPy matmul: a 1-D lhs is a row vector and
/// a 1-D rhs a column vector, their added dimension removed from the result;
/// batch dimensions broadcast) with qnt.matmul.
FailureOr<Value> buildMatMul(OpBinder &b, Value lhs, Value rhs,
                             Type outputElement);

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_OPS_COMMON_H
