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

/// Sliding-window attributes for two spatial dimensions, after auto_pad.
struct Window2D {
  SmallVector<int64_t, 2> kernel;
  SmallVector<int64_t, 2> strides;
  SmallVector<int64_t, 2> dilations;
  /// qnt order: top, left, bottom, right.
  SmallVector<int64_t, 4> pads;
};

/// Reads strides, dilations, pads and auto_pad of a node whose input has
/// spatial sizes `inputHW` and whose kernel is `kernelHW`. 1-D windows
/// (one spatial dimension) are read as 2-D with height 1.
ParseResult readWindow2D(OpBinder &b, ArrayRef<int64_t> inputHW,
                         ArrayRef<int64_t> kernelHW, Window2D &window);

/// Checks a convolution's input and filter ranks (1-D or 2-D spatial),
/// kernel_shape and group against the channels, and reads its window.
ParseResult readConvGeometry(OpBinder &b, RankedTensorType inType,
                             RankedTensorType filterType, int64_t &groups,
                             Window2D &window);

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
