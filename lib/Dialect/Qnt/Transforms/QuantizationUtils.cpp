//===- QuantizationUtils.cpp - Helpers of the quantization passes ---------===//
//
// Implements QuantizationUtils.h.
//
//===----------------------------------------------------------------------===//

#include "QuantizationUtils.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <cstdint>
#include <limits>

using namespace mlir;
using namespace mlir::quantc;

quant::QuantizedType mlir::quantc::getQuantElementType(Type type) {
  return dyn_cast<quant::QuantizedType>(getElementTypeOrSelf(type));
}

quant::UniformQuantizedType mlir::quantc::getPerTensorType(Type type) {
  return dyn_cast<quant::UniformQuantizedType>(getElementTypeOrSelf(type));
}

RankedTensorType mlir::quantc::withElementType(Type shaped, Type element) {
  return RankedTensorType::get(cast<ShapedType>(shaped).getShape(), element);
}

quant::UniformQuantizedType mlir::quantc::getUniform8(MLIRContext *ctx,
                                                      bool isSigned,
                                                      double scale,
                                                      int64_t zeroPoint) {
  return quant::UniformQuantizedType::get(
      isSigned ? quant::QuantizationFlags::Signed : 0, IntegerType::get(ctx, 8),
      Float32Type::get(ctx), scale, zeroPoint, isSigned ? -128 : 0,
      isSigned ? 127 : 255);
}

quant::QuantizedType
mlir::quantc::getAccumulatorType(quant::UniformQuantizedType input,
                                 quant::QuantizedType weight, int32_t axis) {
  MLIRContext *ctx = input.getContext();
  auto i32 = IntegerType::get(ctx, 32);
  auto f32 = Float32Type::get(ctx);
  int64_t lo = std::numeric_limits<int32_t>::min();
  int64_t hi = std::numeric_limits<int32_t>::max();
  auto product = [&](double weightScale) {
    return static_cast<double>(static_cast<float>(input.getScale()) *
                               static_cast<float>(weightScale));
  };
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(weight))
    return quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, i32, f32, product(uniform.getScale()),
        0, lo, hi);
  auto perAxis = cast<quant::UniformQuantizedPerAxisType>(weight);
  SmallVector<double> scales =
      llvm::map_to_vector(perAxis.getScales(), product);
  SmallVector<int64_t> zeroPoints(scales.size(), 0);
  return quant::UniformQuantizedPerAxisType::get(
      quant::QuantizationFlags::Signed, i32, f32, scales, zeroPoints, axis, lo,
      hi);
}

bool mlir::quantc::isExactRefinement(quant::QuantizedType from,
                                     quant::QuantizedType to) {
  if (from == to)
    return true;
  auto in = dyn_cast<quant::UniformQuantizedType>(from);
  auto out = dyn_cast<quant::UniformQuantizedType>(to);
  if (!in || !out || in.getExpressedType() != out.getExpressedType())
    return false;
  double ratio = in.getScale() / out.getScale();
  double steps = std::nearbyint(ratio);
  if (steps < 1 || std::abs(ratio - steps) > 1e-6 * ratio)
    return false;
  auto step = static_cast<int64_t>(steps);
  return (in.getStorageTypeMin() - in.getZeroPoint()) * step +
                 out.getZeroPoint() >=
             out.getStorageTypeMin() &&
         (in.getStorageTypeMax() - in.getZeroPoint()) * step +
                 out.getZeroPoint() <=
             out.getStorageTypeMax();
}

//===----------------------------------------------------------------------===//
// Grid recovery
//===----------------------------------------------------------------------===//

namespace {
/// `value = scale * (q - zeroPoint)` with 8-bit storage.
struct Grid {
  float scale;
  int64_t zeroPoint;
  bool isSigned;
};
} // namespace

/// The f32 scale, among `scale` rounded to f32 and its neighbours, with which
/// `f32(steps[i]) * scale` reproduces every value bit for bit; the rounded
/// scale when none does.
static float pickF32Scale(ArrayRef<float> values, ArrayRef<int64_t> steps,
                          double scale) {
  auto rounded = static_cast<float>(scale);
  for (float candidate :
       {rounded, std::nextafter(rounded, std::numeric_limits<float>::max()),
        std::nextafter(rounded, 0.0f)}) {
    if (llvm::all_of(llvm::zip_equal(values, steps), [&](auto pair) {
          return static_cast<float>(std::get<1>(pair)) * candidate ==
                 std::get<0>(pair);
        }))
      return candidate;
  }
  return rounded;
}

/// The grid with `scale = amax / count` if every value is an integer
/// multiple of it (to well within f32 rounding) and the multiples fit 8-bit
/// storage: i8 with zero point 0, or, unless `symmetric`, u8 with the zero
/// point that fits them.
static std::optional<Grid> tryGrid(ArrayRef<float> values, float amax,
                                   int64_t count, bool symmetric) {
  double scale = static_cast<double>(amax) / static_cast<double>(count);
  SmallVector<int64_t> steps;
  steps.reserve(values.size());
  int64_t lo = std::numeric_limits<int64_t>::max();
  int64_t hi = std::numeric_limits<int64_t>::min();
  for (float value : values) {
    double ratio = value / scale;
    double nearest = std::nearbyint(ratio);
    if (std::abs(ratio - nearest) > 1e-4)
      return std::nullopt;
    auto step = static_cast<int64_t>(nearest);
    lo = std::min(lo, step);
    hi = std::max(hi, step);
    if (hi - lo > 255)
      return std::nullopt;
    steps.push_back(step);
  }
  Grid grid{0.0f, 0, true};
  if (lo < -128 || hi > 127) {
    if (symmetric)
      return std::nullopt;
    grid.isSigned = false;
    grid.zeroPoint = std::max<int64_t>(0, -lo);
    if (grid.zeroPoint + hi > 255)
      return std::nullopt;
  }
  grid.scale = pickF32Scale(values, steps, scale);
  return grid;
}

/// The finest 8-bit grid the values lie on: symmetric i8 first, then (unless
/// `symmetric`) u8 with a zero point. The finest grid keeps any coarser
/// original grid's integers as multiples, so it is exact either way.
static std::optional<Grid> findGrid(ArrayRef<float> values, bool symmetric) {
  float amax = 0.0f;
  for (float value : values) {
    if (!std::isfinite(value))
      return std::nullopt;
    amax = std::max(amax, std::abs(value));
  }
  if (amax == 0.0f)
    return Grid{1.0f, 0, true};
  for (int64_t count = 128; count >= 1; --count)
    if (std::optional<Grid> grid = tryGrid(values, amax, count, true))
      return grid;
  if (symmetric)
    return std::nullopt;
  for (int64_t count = 255; count >= 1; --count)
    if (std::optional<Grid> grid = tryGrid(values, amax, count, false))
      return grid;
  return std::nullopt;
}

quant::QuantizedType mlir::quantc::recoverGrid(DenseFPElementsAttr values,
                                               int64_t axis) {
  auto type = cast<ShapedType>(values.getType());
  if (!type.getElementType().isF32() || !type.hasStaticShape())
    return {};
  MLIRContext *ctx = type.getContext();
  SmallVector<float> all(values.getValues<float>());
  if (axis < 0) {
    std::optional<Grid> grid = findGrid(all, /*symmetric=*/false);
    if (!grid)
      return {};
    return getUniform8(ctx, grid->isSigned, grid->scale, grid->zeroPoint);
  }

  ArrayRef<int64_t> shape = type.getShape();
  int64_t channels = shape[axis], stride = 1;
  for (size_t d = axis + 1; d < shape.size(); ++d)
    stride *= shape[d];
  SmallVector<SmallVector<float>> slices(channels);
  for (auto [index, value] : llvm::enumerate(all))
    slices[(index / stride) % channels].push_back(value);
  SmallVector<double> scales;
  for (ArrayRef<float> slice : slices) {
    std::optional<Grid> grid = findGrid(slice, /*symmetric=*/true);
    if (!grid)
      return {};
    scales.push_back(grid->scale);
  }
  SmallVector<int64_t> zeroPoints(channels, 0);
  return quant::UniformQuantizedPerAxisType::get(
      quant::QuantizationFlags::Signed, IntegerType::get(ctx, 8),
      Float32Type::get(ctx), scales, zeroPoints, axis, -128, 127);
}

//===----------------------------------------------------------------------===//
// Op classes
//===----------------------------------------------------------------------===//

bool mlir::quantc::hasFreeResultType(Operation *op) {
  return isa<Conv2DOp, ConvTranspose2DOp, MatMulOp, FullyConnectedOp, AddOp,
             SubOp, MulOp, SigmoidOp, TanhOp, HardSwishOp, HardSigmoidOp,
             LeakyReluOp, SoftmaxOp, AvgPool2DOp, AvgPool3DOp, GlobalAvgPoolOp,
             ReduceMeanOp>(op);
}

bool mlir::quantc::hasFusedClamp(Operation *op) {
  std::optional<RegisteredOperationName> info = op->getRegisteredInfo();
  return info && llvm::any_of(info->getAttributeNames(), [](StringAttr name) {
           return name.getValue() == "clamp_min";
         });
}
