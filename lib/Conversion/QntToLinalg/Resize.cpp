//===- Resize.cpp - Lowering of qnt.resize to linalg -------------------===//
//
// qnt.resize: nearest, linear and cubic interpolation (with antialias and
// exclude_outside).
//
// Shapes are static, so every output row (and column) reads the same input
// rows with the same weights whatever N and C are: the lowering computes,
// per axis, the input index (nearest) or the taps and their weights
// (linear: 2 per position, cubic: 4, more with antialias) at compile time,
// in double precision as ONNX's reference implementation does, and emits
// them as constant tables.
//
// * nearest: one parallel generic over the output reads the H and W index
//   tables and extracts the input element; it moves stored values, so a
//   quantized tensor needs no arithmetic.
// * linear, cubic: a generic over (n, oh, ow, c, kh, kw), reducing over
//   the taps, accumulates `wh * ww * in[n, ih, iw, c]` in f32 (a quantized
//   input contributes `q - zp`, which is rounded back and offset by zp
//   afterwards: the real-valued interpolation quantized with the same
//   parameters).
// * tf_crop_and_resize marks the rows and columns whose input coordinate
//   lies outside the input; their pixels are `extrapolation_value`.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

namespace {

//===----------------------------------------------------------------------===//
// Per-axis sampling tables
//===----------------------------------------------------------------------===//

/// How one resized axis (H or W) of qnt.resize samples its input.
struct AxisSpec {
  int64_t inSize;
  int64_t outSize;
  /// The op's scale for this axis, or the size ratio.
  double scale;
  /// The resized length: scale * inSize with the op's scales, else outSize.
  double length;
  /// tf_crop_and_resize: the normalized crop window.
  float roiStart = 0.0f, roiEnd = 1.0f;
};

/// The filter that weighs the taps of linear and cubic modes.
struct Filter {
  ResizeMode mode;
  bool antialias;
  bool excludeOutside;
  /// cubic_coeff_a.
  double cubicA;
};

/// The input taps of every output position along one axis: `taps` per
/// position, row-major `[outSize, taps]`, indices already clamped into the
/// input. `inside` is false where tf_crop_and_resize extrapolates.
struct AxisTable {
  int64_t taps = 1;
  SmallVector<int32_t> indices;
  SmallVector<float> weights;
  SmallVector<bool> inside;

  bool anyOutside() const { return llvm::is_contained(inside, false); }
};

/// The real input coordinate of output position `y`, by the formulas of
/// qnt.resize (and ONNX's reference implementation, in double).
double inputCoordinate(CoordinateTransform transform, const AxisSpec &axis,
                       int64_t y) {
  double in = static_cast<double>(axis.inSize);
  double out = static_cast<double>(axis.outSize);
  double pos = static_cast<double>(y);
  switch (transform) {
  case CoordinateTransform::half_pixel:
    return (pos + 0.5) / axis.scale - 0.5;
  case CoordinateTransform::half_pixel_symmetric: {
    double adjustment = out / axis.length;
    double offset = in / 2.0 * (1.0 - adjustment);
    return offset + (pos + 0.5) / axis.scale - 0.5;
  }
  case CoordinateTransform::pytorch_half_pixel:
    return axis.outSize > 1 ? (pos + 0.5) / axis.scale - 0.5 : -0.5;
  case CoordinateTransform::align_corners:
    return axis.outSize > 1 ? pos * (in - 1.0) / (axis.length - 1.0) : 0.0;
  case CoordinateTransform::asymmetric:
    return pos / axis.scale;
  case CoordinateTransform::tf_crop_and_resize: {
    // The reference subtracts the roi values in f32.
    double extent = static_cast<double>(axis.roiEnd - axis.roiStart);
    double start = static_cast<double>(axis.roiStart) * (in - 1.0);
    if (axis.outSize == 1)
      return extent * (in - 1.0) / 2.0 + start;
    return pos * extent * (in - 1.0) / (out - 1.0) + start;
  }
  }
  llvm_unreachable("unknown coordinate transform");
}

/// `x` moved onto the nearest multiple of 1/2 when it is within rounding
/// error of it. Integer and half-integer coordinates are exact in real
/// arithmetic (the center of half_pixel_symmetric, ties of nearest) but
/// may come out an ulp off in double, which would flip floor, ceil or a
/// tie (ONNX's reference implementation has the same error). A coordinate
/// that is not such a multiple lies far further from one than the
/// tolerance: its denominator comes from a 24-bit float mantissa or the
/// sizes.
double snapToHalves(double x) {
  double nearest = std::round(2.0 * x) / 2.0;
  double tolerance = 1e-12 * std::max(1.0, std::abs(x));
  return std::abs(x - nearest) <= tolerance ? nearest : x;
}

int64_t clampIndex(int64_t index, int64_t size) {
  return std::clamp<int64_t>(index, 0, size - 1);
}

/// The input index nearest mode reads for coordinate `x`.
int64_t nearestIndex(NearestMode mode, double x) {
  double lower = std::floor(x);
  if (lower == x)
    return static_cast<int64_t>(x);
  double fraction = x - lower;
  bool up = false;
  switch (mode) {
  case NearestMode::round_prefer_floor:
    up = fraction > 0.5;
    break;
  case NearestMode::round_prefer_ceil:
    up = fraction >= 0.5;
    break;
  case NearestMode::floor:
    up = false;
    break;
  case NearestMode::ceil:
    up = true;
    break;
  }
  return static_cast<int64_t>(lower) + (up ? 1 : 0);
}

/// The filter's reach on each side without antialiasing: 1 row (linear)
/// or 2 (cubic).
int64_t filterRadius(ResizeMode mode) {
  return mode == ResizeMode::cubic ? 2 : 1;
}

/// The number of taps per output position: twice the filter's radius, or
/// with antialias the footprint of the filter stretched by
/// `1 / min(scale, 1)`.
int64_t numTaps(const Filter &filter, double scale) {
  int64_t radius = filterRadius(filter.mode);
  if (!filter.antialias)
    return 2 * radius;
  double a = std::min(scale, 1.0);
  int64_t start =
      static_cast<int64_t>(std::floor(-static_cast<double>(radius) / a) + 1.0);
  return 2 - 2 * start;
}

/// Keys' cubic convolution kernel at distance `d`, as ONNX's reference
/// implementation evaluates it for antialiasing.
double cubicKernel(double d, double a) {
  d = std::abs(d);
  double d2 = d * d;
  double d3 = d * d2;
  if (d <= 1.0)
    return (a + 2.0) * d3 - (a + 3.0) * d2 + 1.0;
  if (d < 2.0)
    return a * d3 - 5.0 * a * d2 + 8.0 * a * d - 4.0 * a;
  return 0.0;
}

/// The weights of the `taps` taps at `ratio` (in (0, 1]) past the tap
/// before the middle, by the formulas of ONNX's reference implementation:
/// without antialias, linear `1 - ratio, ratio` and cubic in Horner form
/// (unnormalized, they sum to 1); with antialias, the filter stretched by
/// `1 / min(scale, 1)`, normalized.
SmallVector<double> filterWeights(const Filter &filter, double scale,
                                  int64_t taps, double ratio) {
  double a = filter.cubicA;
  if (!filter.antialias) {
    if (filter.mode == ResizeMode::linear)
      return {1.0 - ratio, ratio};
    double r1 = ratio + 1.0, q = 1.0 - ratio, q1 = q + 1.0;
    return {((a * r1 - 5.0 * a) * r1 + 8.0 * a) * r1 - 4.0 * a,
            ((a + 2.0) * ratio - (a + 3.0)) * ratio * ratio + 1.0,
            ((a + 2.0) * q - (a + 3.0)) * q * q + 1.0,
            ((a * q1 - 5.0 * a) * q1 + 8.0 * a) * q1 - 4.0 * a};
  }
  double stretch = std::min(scale, 1.0);
  int64_t start = 1 - taps / 2;
  SmallVector<double> weights;
  double sum = 0.0;
  for (int64_t k = 0; k < taps; ++k) {
    double arg = (static_cast<double>(start + k) - ratio) * stretch;
    double w = filter.mode == ResizeMode::linear
                   ? std::clamp(1.0 - std::abs(arg), 0.0, 1.0)
                   : cubicKernel(arg, a);
    weights.push_back(w);
    sum += w;
  }
  for (double &w : weights)
    w /= sum;
  return weights;
}

/// The taps around `x`, as ONNX's reference implementation picks them:
/// with `base` the integer below x (x - 1 when x is an integer) and
/// `ratio = x - base` in (0, 1], tap `k` reads `base + 1 - taps / 2 + k`
/// (the `taps` positions nearest x among the input padded by `taps / 2`
/// repeated edge rows) with the filter's weight; the reads are clamped
/// into the input.
void appendFilterTaps(const Filter &filter, double scale, int64_t taps,
                      double x, int64_t inSize, AxisTable &table) {
  double lower = std::floor(x);
  double ratio = lower == x ? 1.0 : x - lower;
  int64_t base = static_cast<int64_t>(lower == x ? x - 1.0 : lower);
  int64_t pad = taps / 2;
  int64_t first =
      std::clamp<int64_t>(base + 1 - pad, -pad, inSize + pad - taps);
  SmallVector<double> weights = filterWeights(filter, scale, taps, ratio);
  if (filter.excludeOutside) {
    double sum = 0.0;
    for (int64_t k = 0; k < taps; ++k) {
      int64_t index = first + k;
      if (index < 0 || index >= inSize)
        weights[k] = 0.0;
      sum += weights[k];
    }
    for (double &w : weights)
      w /= sum;
  }
  for (int64_t k = 0; k < taps; ++k) {
    table.indices.push_back(clampIndex(first + k, inSize));
    table.weights.push_back(static_cast<float>(weights[k]));
  }
}

/// Drops the leading and trailing taps that weigh 0 at every position (an
/// axis that keeps its size reads one tap per position, not two).
void dropZeroTaps(AxisTable &table) {
  int64_t outSize = table.inside.size();
  auto unused = [&](int64_t k) {
    for (int64_t y = 0; y < outSize; ++y)
      if (table.weights[y * table.taps + k] != 0.0f)
        return false;
    return true;
  };
  int64_t first = 0, last = table.taps - 1;
  while (first < last && unused(first))
    ++first;
  while (last > first && unused(last))
    --last;
  if (first == 0 && last == table.taps - 1)
    return;
  AxisTable trimmed;
  trimmed.taps = last - first + 1;
  trimmed.inside = table.inside;
  for (int64_t y = 0; y < outSize; ++y)
    for (int64_t k = first; k <= last; ++k) {
      trimmed.indices.push_back(table.indices[y * table.taps + k]);
      trimmed.weights.push_back(table.weights[y * table.taps + k]);
    }
  table = std::move(trimmed);
}

Filter getFilter(ResizeOp op) {
  Filter filter;
  filter.mode = op.getMode();
  filter.antialias = op.getAntialias();
  filter.excludeOutside = op.getExcludeOutside();
  std::optional<APFloat> a = op.getCubicCoeffA();
  filter.cubicA = a ? static_cast<double>(a->convertToFloat()) : -0.75;
  return filter;
}

AxisTable buildAxisTable(ResizeOp op, const AxisSpec &axis) {
  CoordinateTransform transform = op.getCoordinateTransform();
  bool nearest = op.getMode() == ResizeMode::nearest;
  Filter filter = getFilter(op);
  AxisTable table;
  table.taps = nearest ? 1 : numTaps(filter, axis.scale);
  for (int64_t y = 0; y < axis.outSize; ++y) {
    double x = snapToHalves(inputCoordinate(transform, axis, y));
    bool inside = transform != CoordinateTransform::tf_crop_and_resize ||
                  (x >= 0.0 && x <= static_cast<double>(axis.inSize - 1));
    table.inside.push_back(inside);
    if (!inside) {
      // Extrapolated: any valid taps; the result is replaced.
      table.indices.append(table.taps, 0);
      table.weights.append(table.taps, 0.0f);
      continue;
    }
    if (nearest)
      table.indices.push_back(
          clampIndex(nearestIndex(op.getNearestMode(), x), axis.inSize));
    else
      appendFilterTaps(filter, axis.scale, table.taps, x, axis.inSize, table);
  }
  if (!nearest)
    dropZeroTaps(table);
  return table;
}

/// The H (`dim` 1) or W (`dim` 2) axis of `op`.
AxisSpec getAxisSpec(ResizeOp op, int dim) {
  auto inShape = op.getInput().getType().getShape();
  auto outShape = op.getOutput().getType().getShape();
  AxisSpec axis;
  axis.inSize = inShape[dim];
  axis.outSize = outShape[dim];
  if (std::optional<ArrayRef<float>> scales = op.getScales()) {
    float scale = (*scales)[dim - 1];
    axis.scale = static_cast<double>(scale);
    // The reference implementation multiplies the f32 scale by the size
    // in f32.
    axis.length = static_cast<double>(scale * static_cast<float>(axis.inSize));
  } else {
    axis.scale =
        static_cast<double>(axis.outSize) / static_cast<double>(axis.inSize);
    axis.length = static_cast<double>(axis.outSize);
  }
  if (std::optional<ArrayRef<float>> roi = op.getRoi()) {
    axis.roiStart = (*roi)[dim - 1];
    axis.roiEnd = (*roi)[dim + 1];
  }
  return axis;
}

//===----------------------------------------------------------------------===//
// IR builders
//===----------------------------------------------------------------------===//

Value createI32Table(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                     ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get(shape, b.getI32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, values));
}

Value createF32Table(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                     ArrayRef<float> values) {
  auto type = RankedTensorType::get(shape, b.getF32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, values));
}

/// An i1 tensor of `shape` holding `inside`, to broadcast over the output.
Value createMask(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                 ArrayRef<bool> inside) {
  auto type = RankedTensorType::get(shape, b.getI1Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, inside));
}

Value toIndex(OpBuilder &b, Location loc, Value value) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), value);
}

/// Whether every output position along the axis reads just its own input
/// position.
bool isIdentity(const AxisTable &table) {
  if (table.taps != 1 || table.anyOutside())
    return false;
  for (auto [y, index] : llvm::enumerate(table.indices))
    if (index != static_cast<int64_t>(y) || table.weights[y] != 1.0f)
      return false;
  return true;
}

/// The zero points of a quantized input: one constant, or a table along the
/// per-axis dimension. Interpolation mixes values along H and W, so
/// parameters may only vary along H or W when the resize keeps that axis
/// as it is.
struct ZeroPoints {
  int64_t value = 0;
  Value table;
  int64_t dim = -1;

  static FailureOr<ZeroPoints> get(OpBuilder &b, Location loc,
                                   const QuantParams &params,
                                   const AxisTable &rows,
                                   const AxisTable &cols) {
    ZeroPoints zps;
    bool sameZeroPoints = llvm::all_equal(ArrayRef<int64_t>(params.zeroPoints));
    bool sameScales = llvm::all_equal(ArrayRef<float>(params.scales));
    if ((params.axis == 1 && !isIdentity(rows)) ||
        (params.axis == 2 && !isIdentity(cols)))
      if (!sameZeroPoints || !sameScales)
        return failure();
    if (!params.isPerAxis() || sameZeroPoints) {
      zps.value = params.zeroPoints.front();
      return zps;
    }
    zps.table = createI32Vector(b, loc, params.zeroPoints);
    zps.dim = params.axis;
    return zps;
  }

  /// The i32 zero point at the current position of a generic over the
  /// output.
  Value build(OpBuilder &b, Location loc) const {
    if (!table)
      return createIntConstant(b, loc, b.getI32Type(), value);
    Value index = linalg::IndexOp::create(b, loc, dim);
    return tensor::ExtractOp::create(b, loc, table, ValueRange{index});
  }
};

struct ResizeLowering : OpConversionPattern<ResizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value input = adaptor.getInput();
    auto inType = cast<RankedTensorType>(input.getType());
    auto outType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    if (!outType || !outType.hasStaticShape() || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    Location loc = op.getLoc();
    if (outType.getNumElements() == 0) {
      rewriter.replaceOp(op,
                         createEmptyTensor(rewriter, loc, outType.getShape(),
                                           outType.getElementType()));
      return success();
    }
    if (inType.getDimSize(1) == 0 || inType.getDimSize(2) == 0)
      return rewriter.notifyMatchFailure(op, "empty input H or W");

    AxisTable rows = buildAxisTable(op, getAxisSpec(op, 1));
    AxisTable cols = buildAxisTable(op, getAxisSpec(op, 2));
    FailureOr<Value> result =
        op.getMode() == ResizeMode::nearest
            ? buildNearest(rewriter, loc, op, input, outType, rows, cols)
            : buildFiltered(rewriter, loc, op, input, outType, rows, cols);
    if (failed(result))
      return rewriter.notifyMatchFailure(
          op, "per-axis parameters that vary along a resized dimension");
    rewriter.replaceOp(op, *result);
    return success();
  }

private:
  /// out[n, oh, ow, c] = in[n, rows[oh], cols[ow], c]; with
  /// tf_crop_and_resize, an outside row or column (index -1) yields the
  /// extrapolation value.
  static FailureOr<Value> buildNearest(OpBuilder &b, Location loc, ResizeOp op,
                                       Value input, RankedTensorType outType,
                                       const AxisTable &rows,
                                       const AxisTable &cols) {
    MLIRContext *ctx = b.getContext();
    bool extrapolate = rows.anyOutside() || cols.anyOutside();
    auto withOutside = [](const AxisTable &table) {
      SmallVector<int32_t> indices(table.indices);
      for (auto [index, inside] : llvm::zip(indices, table.inside))
        if (!inside)
          index = -1;
      return indices;
    };
    int64_t oh = outType.getDimSize(1), ow = outType.getDimSize(2);
    Value rowTable = createI32Table(b, loc, {oh}, withOutside(rows));
    Value colTable = createI32Table(b, loc, {ow}, withOutside(cols));
    SmallVector<AffineMap> maps = {
        AffineMap::get(4, 0, getAffineDimExpr(1, ctx)),
        AffineMap::get(4, 0, getAffineDimExpr(2, ctx)),
        AffineMap::getMultiDimIdentityMap(4, ctx)};
    Value init =
        createEmptyTensor(b, loc, outType.getShape(), outType.getElementType());
    float extrapolation = op.getExtrapolationValue()
                              ? op.getExtrapolationValue()->convertToFloat()
                              : 0.0f;
    auto generic = linalg::GenericOp::create(
        b, loc, TypeRange{outType}, ValueRange{rowTable, colTable},
        ValueRange{init}, maps,
        SmallVector<utils::IteratorType>(4, utils::IteratorType::parallel),
        [&](OpBuilder &nb, Location nl, ValueRange args) {
          Value n = linalg::IndexOp::create(nb, nl, 0);
          Value c = linalg::IndexOp::create(nb, nl, 3);
          Value row = args[0], col = args[1];
          Value inside;
          if (extrapolate) {
            Value zero = createIntConstant(nb, nl, nb.getI32Type(), 0);
            Value rowInside = arith::CmpIOp::create(
                nb, nl, arith::CmpIPredicate::sge, row, zero);
            Value colInside = arith::CmpIOp::create(
                nb, nl, arith::CmpIPredicate::sge, col, zero);
            inside = arith::AndIOp::create(nb, nl, rowInside, colInside);
            row = arith::MaxSIOp::create(nb, nl, row, zero);
            col = arith::MaxSIOp::create(nb, nl, col, zero);
          }
          Value value = tensor::ExtractOp::create(
              nb, nl, input,
              ValueRange{n, toIndex(nb, nl, row), toIndex(nb, nl, col), c});
          if (extrapolate)
            value = arith::SelectOp::create(
                nb, nl, inside, value,
                createF32Constant(nb, nl, extrapolation));
          linalg::YieldOp::create(nb, nl, value);
        });
    return generic.getResult(0);
  }

  /// acc[n, oh, ow, c] = sum over (kh, kw) of
  /// rowWeights[oh, kh] * colWeights[ow, kw] * v(in[n, rows[oh, kh],
  /// cols[ow, kw], c]), v the float value or `q - zp`; then quantized,
  /// or extrapolated where tf_crop_and_resize says so.
  static FailureOr<Value> buildFiltered(OpBuilder &b, Location loc, ResizeOp op,
                                        Value input, RankedTensorType outType,
                                        const AxisTable &rows,
                                        const AxisTable &cols) {
    MLIRContext *ctx = b.getContext();
    quant::QuantizedType quantized =
        getQuantizedElementType(op.getInput().getType());
    std::optional<QuantParams> params;
    ZeroPoints zps;
    if (quantized) {
      params = QuantParams::get(quantized);
      FailureOr<ZeroPoints> found =
          ZeroPoints::get(b, loc, *params, rows, cols);
      if (failed(found))
        return failure();
      zps = *found;
    }
    int64_t oh = outType.getDimSize(1), ow = outType.getDimSize(2);
    Value rowIndices = createI32Table(b, loc, {oh, rows.taps}, rows.indices);
    Value rowWeights = createF32Table(b, loc, {oh, rows.taps}, rows.weights);
    Value colIndices = createI32Table(b, loc, {ow, cols.taps}, cols.indices);
    Value colWeights = createF32Table(b, loc, {ow, cols.taps}, cols.weights);
    AffineExpr d0, d1, d2, d3, d4, d5;
    bindDims(ctx, d0, d1, d2, d3, d4, d5);
    AffineMap rowMap = AffineMap::get(6, 0, {d1, d4}, ctx);
    AffineMap colMap = AffineMap::get(6, 0, {d2, d5}, ctx);
    AffineMap outMap = AffineMap::get(6, 0, {d0, d1, d2, d3}, ctx);
    SmallVector<utils::IteratorType> iterators(4,
                                               utils::IteratorType::parallel);
    iterators.append(2, utils::IteratorType::reduction);
    Type f32 = b.getF32Type();
    Value acc = createFilledTensor(b, loc, outType.getShape(),
                                   createF32Constant(b, loc, 0.0f));
    auto generic = linalg::GenericOp::create(
        b, loc, TypeRange{acc.getType()},
        ValueRange{rowIndices, rowWeights, colIndices, colWeights},
        ValueRange{acc},
        ArrayRef<AffineMap>{rowMap, rowMap, colMap, colMap, outMap}, iterators,
        [&](OpBuilder &nb, Location nl, ValueRange args) {
          Value n = linalg::IndexOp::create(nb, nl, 0);
          Value c = linalg::IndexOp::create(nb, nl, 3);
          Value value = tensor::ExtractOp::create(
              nb, nl, input,
              ValueRange{n, toIndex(nb, nl, args[0]), toIndex(nb, nl, args[2]),
                         c});
          if (params) {
            Value q = castInteger(nb, nl, value, nb.getI32Type(),
                                  params->storage.isSigned);
            Value zp = zps.build(nb, nl);
            value = arith::SIToFPOp::create(
                nb, nl, f32, arith::SubIOp::create(nb, nl, q, zp));
          }
          Value weight = arith::MulFOp::create(nb, nl, args[1], args[3]);
          Value term = arith::MulFOp::create(nb, nl, weight, value);
          Value sum = arith::AddFOp::create(nb, nl, args[4], term);
          linalg::YieldOp::create(nb, nl, sum);
        });
    Value sum = generic.getResult(0);

    bool extrapolate = rows.anyOutside() || cols.anyOutside();
    if (!params && !extrapolate)
      return sum;
    // Epilogue: quantize, or replace the extrapolated pixels.
    SmallVector<Value> inputs = {sum};
    if (extrapolate) {
      inputs.push_back(createMask(b, loc, {1, oh, 1, 1}, rows.inside));
      inputs.push_back(createMask(b, loc, {1, 1, ow, 1}, cols.inside));
    }
    float extrapolation = op.getExtrapolationValue()
                              ? op.getExtrapolationValue()->convertToFloat()
                              : 0.0f;
    return buildElementwise(
        b, loc, inputs, outType,
        [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value value = args[0];
          if (params) {
            Value zp = zps.build(nb, nl);
            return quantizeScalar(nb, nl, value,
                                  createF32Constant(nb, nl, 1.0f), zp,
                                  params->storage);
          }
          Value inside = arith::AndIOp::create(nb, nl, args[1], args[2]);
          return arith::SelectOp::create(
              nb, nl, inside, value, createF32Constant(nb, nl, extrapolation));
        });
  }
};

} // namespace

void mlir::quantc::populateResizeLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<ResizeLowering>(converter, patterns.getContext());
}
