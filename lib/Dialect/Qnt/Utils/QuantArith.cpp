//===- QuantArith.cpp - Scalar arithmetic of uniform quantization ---------===//
//
// ONNX's QuantizeLinear and DequantizeLinear on single values.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/Utils/QuantArith.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

int64_t mlir::quantc::quantizeValue(float x, float scale, int64_t zeroPoint,
                                    int64_t qmin, int64_t qmax) {
  float scaled = x / scale;
  if (std::isnan(scaled))
    return std::clamp(zeroPoint, qmin, qmax);
  // nearbyint rounds half to even in the default rounding mode.
  double rounded = std::nearbyint(scaled) + static_cast<double>(zeroPoint);
  return static_cast<int64_t>(std::clamp(rounded, static_cast<double>(qmin),
                                         static_cast<double>(qmax)));
}

float mlir::quantc::dequantizeValue(int64_t q, float scale, int64_t zeroPoint) {
  return static_cast<float>(q - zeroPoint) * scale;
}

ElementQuantParams::ElementQuantParams(quant::QuantizedType type,
                                       ArrayRef<int64_t> shape) {
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type)) {
    scales.push_back(static_cast<float>(uniform.getScale()));
    zeroPoints.push_back(uniform.getZeroPoint());
    return;
  }
  auto perAxis = cast<quant::UniformQuantizedPerAxisType>(type);
  for (double s : perAxis.getScales())
    scales.push_back(static_cast<float>(s));
  zeroPoints.assign(perAxis.getZeroPoints().begin(),
                    perAxis.getZeroPoints().end());
  int32_t axis = perAxis.getQuantizedDimension();
  axisSize = shape[axis];
  for (size_t d = axis + 1; d < shape.size(); ++d)
    axisStride *= shape[d];
}
