//===- QuantArith.h - Scalar arithmetic of uniform quantization -*- C++ -*-===//
//
// The scalar definitions of quantize and dequantize that the folders use,
// written once so that every place that evaluates them at compile time
// agrees with ONNX QuantizeLinear / DequantizeLinear.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_UTILS_QUANTARITH_H
#define QUANTC_DIALECT_QNT_UTILS_QUANTARITH_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir::quantc {

/// ONNX QuantizeLinear of one value: `x / scale` in f32, rounded half to
/// even, plus the zero point, saturated to [qmin, qmax]. NaN maps to the zero
/// point.
int64_t quantizeValue(float x, float scale, int64_t zeroPoint, int64_t qmin,
                      int64_t qmax);

/// ONNX DequantizeLinear of one value: `(q - zero_point) * scale` in f32.
float dequantizeValue(int64_t q, float scale, int64_t zeroPoint);

/// The scale and zero point of each element of a tensor of a uniform
/// quantized type, per tensor or per axis.
class ElementQuantParams {
public:
  ElementQuantParams(quant::QuantizedType type, ArrayRef<int64_t> shape);

  float scale(int64_t linearIndex) const { return scales[slice(linearIndex)]; }
  int64_t zeroPoint(int64_t linearIndex) const {
    return zeroPoints[slice(linearIndex)];
  }

private:
  int64_t slice(int64_t linearIndex) const {
    return axisSize == 1 ? 0 : (linearIndex / axisStride) % axisSize;
  }

  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
  int64_t axisStride = 1;
  int64_t axisSize = 1;
};

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_UTILS_QUANTARITH_H
