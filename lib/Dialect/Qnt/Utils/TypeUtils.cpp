//===- TypeUtils.cpp - Shapes and quantized types under data movement -----===//
//
// Implements TypeUtils.h.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::quantc;

quant::UniformQuantizedPerAxisType
mlir::quantc::withQuantizedDimension(quant::UniformQuantizedPerAxisType type,
                                     int32_t dimension) {
  return quant::UniformQuantizedPerAxisType::get(
      type.getFlags(), type.getStorageType(), type.getExpressedType(),
      type.getScales(), type.getZeroPoints(), dimension,
      type.getStorageTypeMin(), type.getStorageTypeMax());
}

quant::UniformQuantizedPerAxisType
mlir::quantc::selectSlices(quant::UniformQuantizedPerAxisType type,
                           ArrayRef<int64_t> selected, int32_t dimension) {
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  for (int64_t index : selected) {
    scales.push_back(type.getScales()[index]);
    zeroPoints.push_back(type.getZeroPoints()[index]);
  }
  return quant::UniformQuantizedPerAxisType::get(
      type.getFlags(), type.getStorageType(), type.getExpressedType(), scales,
      zeroPoints, dimension, type.getStorageTypeMin(),
      type.getStorageTypeMax());
}

RankedTensorType mlir::quantc::permuteTensorType(RankedTensorType type,
                                                 ArrayRef<int64_t> perm) {
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Type element = type.getElementType();
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
    element = withQuantizedDimension(
        perAxis,
        llvm::find(perm, perAxis.getQuantizedDimension()) - perm.begin());
  return RankedTensorType::get(shape, element);
}

int64_t mlir::quantc::windowOutputSize(int64_t in, int64_t kernel,
                                       int64_t stride, int64_t dilation,
                                       int64_t padBegin, int64_t padEnd,
                                       bool ceilMode) {
  if (ShapedType::isDynamic(in) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  int64_t span = in + padBegin + padEnd - (dilation * (kernel - 1) + 1);
  if (span < 0)
    return -1;
  int64_t out = (ceilMode ? llvm::divideCeil(span, stride) : span / stride) + 1;
  // A window must start inside the input or the leading padding.
  if (ceilMode && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}
