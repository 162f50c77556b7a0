//===- Resize.cpp - ONNX Resize and Upsample ------------------------------===//
//
// Resize (opsets 10, 11+) and the older Upsample become qnt.resize on the H
// and W of an NCHW tensor, wrapped in transposes: nearest, linear and cubic
// modes, scales or sizes, every coordinate transformation mode qnt.resize
// has, keep_aspect_ratio_policy, tf_crop_and_resize, antialias,
// exclude_outside and cubic_coeff_a, per the ONNX specification and its
// reference implementation.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"

#include "mlir/IR/Matchers.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

//===----------------------------------------------------------------------===//
// Resize, Upsample
//===----------------------------------------------------------------------===//

/// The resize to build on the H and W of an NCHW tensor.
struct ResizeParams {
  ResizeMode mode = ResizeMode::nearest;
  CoordinateTransform transform = CoordinateTransform::half_pixel;
  NearestMode nearest = NearestMode::round_prefer_floor;
  /// tf_crop_and_resize: [start_h, start_w, end_h, end_w] and the value of
  /// pixels mapped outside the input.
  SmallVector<float> roi;
  float extrapolation = 0.0f;
  /// antialias = 1 in linear and cubic modes.
  bool antialias = false;
  /// exclude_outside = 1 in linear and cubic modes.
  bool excludeOutside = false;
  float cubicCoeffA = -0.75f;
};

/// qnt.resize of an NCHW tensor to `size` (rank 4; N and C unchanged).
/// `scales`, when the model gives them, become the op's scales where they
/// differ from the size ratio (ONNX maps coordinates with the given scales).
LogicalResult buildResize(OpBinder &b, Value input, ArrayRef<int64_t> size,
                          ArrayRef<float> scales, const ResizeParams &params) {
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  if (size[0] != shape[0] || size[1] != shape[1])
    return b.unsupported("resizing N or C (" + Twine(shape[0]) + "x" +
                         Twine(shape[1]) + " to " + Twine(size[0]) + "x" +
                         Twine(size[1]) + "); QuantC resizes H and W");
  for (int d = 0; d < 4; ++d) {
    if (d >= 2 && (size[d] <= 0 || shape[d] == 0))
      return b.unsupported("resizing dimension " + Twine(d) + " of size " +
                           Twine(shape[d]) + " to " + Twine(size[d]) +
                           "; QuantC resizes non-empty H and W");
  }
  // A scale other than 1 on N or C moves elements along it even where the
  // size is kept (a dimension of size 1 always maps to its only element).
  if (!scales.empty())
    for (int d = 0; d < 2; ++d)
      if (scales[d] != 1.0f && shape[d] > 1)
        return b.unsupported("a scale other than 1 on dimension " + Twine(d) +
                             " of size " + Twine(shape[d]) +
                             "; QuantC resizes H and W");
  Type element = getTensorType(input).getElementType();
  if (!element.isF32() && !isa<quant::QuantizedType>(element))
    return b.unsupported("Resize of an integer tensor");
  if (isa<quant::QuantizedType>(element) && params.mode != ResizeMode::nearest)
    return b.unsupported(stringifyResizeMode(params.mode) +
                         " Resize of a quantized tensor (ONNX interpolates "
                         "the stored integers)");
  bool crop = params.transform == CoordinateTransform::tf_crop_and_resize;
  if (crop && !element.isF32())
    return b.unsupported("tf_crop_and_resize of a quantized tensor");
  Value nhwc = b.toNHWC(input);
  auto type =
      RankedTensorType::get({size[0], size[2], size[3], size[1]}, element);
  auto ratio = [&](int d) {
    return static_cast<float>(size[d]) / static_cast<float>(shape[d]);
  };
  // The scale of H and W: the given one, or the size ratio.
  float scale[2] = {ratio(2), ratio(3)};
  if (!scales.empty())
    scale[0] = scales[2], scale[1] = scales[3];
  bool interpolates = params.mode != ResizeMode::nearest;
  // Antialiasing only changes linear and cubic down-sampling.
  bool antialias =
      params.antialias && interpolates && (scale[0] < 1.0f || scale[1] < 1.0f);
  // tf_crop_and_resize maps coordinates with the sizes and roi alone; only
  // the antialiasing filter uses the scales there.
  bool scalesMap = !crop || antialias;
  Builder &builder = b.getBuilder();
  DenseF32ArrayAttr scaleAttr;
  if (scalesMap && (scale[0] != ratio(2) || scale[1] != ratio(3)))
    scaleAttr = builder.getDenseF32ArrayAttr({scale[0], scale[1]});
  FloatAttr cubicCoeffAttr;
  if (params.mode == ResizeMode::cubic && params.cubicCoeffA != -0.75f)
    cubicCoeffAttr = builder.getF32FloatAttr(params.cubicCoeffA);
  DenseF32ArrayAttr roiAttr;
  FloatAttr extrapolationAttr;
  if (crop) {
    roiAttr = builder.getDenseF32ArrayAttr(
        {params.roi[2], params.roi[3], params.roi[6], params.roi[7]});
    if (params.extrapolation != 0.0f)
      extrapolationAttr = builder.getF32FloatAttr(params.extrapolation);
  }
  // exclude_outside reweights interpolation taps; nearest reads one
  // element, which ONNX Runtime takes as it is.
  Value resized = b.create<ResizeOp>(
      type, nhwc, params.mode, params.transform, params.nearest, scaleAttr,
      roiAttr, extrapolationAttr, antialias, cubicCoeffAttr,
      params.excludeOutside && interpolates);
  b.setResult(0, b.fromNHWC(resized));
  return success();
}

/// The output size for `scales` (floor(size * scale), as ONNX computes it
/// in double precision).
ParseResult sizeFromScales(OpBinder &b, ArrayRef<int64_t> shape,
                           ArrayRef<float> scales,
                           SmallVectorImpl<int64_t> &size) {
  if (scales.size() != shape.size())
    return b.emitError() << "scales has " << scales.size()
                         << " values for an input of rank " << shape.size();
  size.clear();
  for (auto [dim, scale] : llvm::zip(shape, scales)) {
    if (!(scale > 0.0f) || !std::isfinite(scale))
      return b.emitError() << "scales must be positive and finite, got "
                           << scale;
    double out = std::floor(static_cast<double>(dim) * scale);
    if (out > static_cast<double>(int64_t(1) << 40))
      return b.emitError() << "scale " << scale << " makes dimension of size "
                           << dim << " too large";
    size.push_back(static_cast<int64_t>(out));
  }
  return success();
}

ParseResult readResizeMode(OpBinder &b, ResizeParams &params) {
  std::string mode;
  if (b.stringAttr("mode", mode, StringRef("nearest")))
    return failure();
  if (mode == "linear" || mode == "bilinear")
    params.mode = ResizeMode::linear;
  else if (mode == "nearest")
    params.mode = ResizeMode::nearest;
  else if (mode == "cubic" || mode == "bicubic")
    params.mode = ResizeMode::cubic;
  else
    return b.emitError() << "mode '" << mode
                         << "' is not one of nearest, linear, cubic";
  return success();
}

/// Upsample-7/9 and Resize-10: asymmetric coordinates, nearest rounds down
/// (ONNX's opset converter to Resize-11 spells them out).
LogicalResult convertLegacyResize(OpBinder &b, bool scalesAttr) {
  Value input;
  SmallVector<float> scales;
  ResizeParams params;
  params.transform = CoordinateTransform::asymmetric;
  params.nearest = NearestMode::floor;
  if (b.tensorOperand(0, input) || readResizeMode(b, params) ||
      (scalesAttr ? b.floatsAttr("scales", scales)
                  : b.constantFloats(1, "scales", scales)))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  SmallVector<int64_t> size;
  if (sizeFromScales(b, shape, scales, size))
    return failure();
  if (shape.size() != 4)
    return b.unsupported("resizing a tensor of rank " + Twine(shape.size()) +
                         "; QuantC resizes H and W of NCHW tensors");
  // ONNX Runtime rounds nearest down-sampling up here, ONNX's converter
  // down; both agree where the input coordinates are integers.
  if (params.mode == ResizeMode::nearest)
    for (int d = 2; d < 4; ++d)
      if (size[d] < shape[d] && shape[d] % size[d] != 0)
        return b.unsupported("nearest down-sampling of dimension " + Twine(d) +
                             " by a non-integer factor (" + Twine(shape[d]) +
                             " to " + Twine(size[d]) +
                             "), where ONNX's rounding is ambiguous");
  return buildResize(b, input, size, scales, params);
}

LogicalResult convertUpsampleV7(OpBinder &b) {
  return convertLegacyResize(b, /*scalesAttr=*/true);
}
LogicalResult convertUpsampleV9(OpBinder &b) {
  return convertLegacyResize(b, /*scalesAttr=*/false);
}
LogicalResult convertUpsampleV10(OpBinder &b) {
  return b.emitError() << "Upsample is deprecated since opset 10; use Resize";
}
LogicalResult convertResizeV10(OpBinder &b) {
  return convertLegacyResize(b, /*scalesAttr=*/false);
}

/// Resize-11 and later: roi (only for tf_crop_and_resize), scales or sizes
/// (optional inputs from 13), and from 18 axes, antialias and
/// keep_aspect_ratio_policy.
LogicalResult convertResize(OpBinder &b) {
  Value input;
  ResizeParams params;
  std::string transform, nearest, policy;
  int64_t excludeOutside, antialias;
  float extrapolation, cubicCoeffA;
  SmallVector<int64_t> axes;
  if (b.tensorOperand(0, input) || readResizeMode(b, params) ||
      b.stringAttr("coordinate_transformation_mode", transform,
                   StringRef("half_pixel")) ||
      b.stringAttr("nearest_mode", nearest, StringRef("round_prefer_floor")) ||
      b.stringAttr("keep_aspect_ratio_policy", policy, StringRef("stretch")) ||
      b.intAttr("exclude_outside", excludeOutside, 0) ||
      b.intAttr("antialias", antialias, 0) ||
      b.floatAttr("extrapolation_value", extrapolation, 0.0f) ||
      b.floatAttr("cubic_coeff_a", cubicCoeffA, -0.75f) ||
      b.intsAttr("axes", axes, ArrayRef<int64_t>()))
    return failure();
  std::optional<CoordinateTransform> t =
      symbolizeCoordinateTransform(transform);
  if (!t)
    return b.unsupported("coordinate_transformation_mode '" + transform + "'");
  if (*t == CoordinateTransform::half_pixel_symmetric && b.getOpset() < 19)
    return b.emitError() << "coordinate_transformation_mode "
                            "'half_pixel_symmetric' needs opset 19";
  params.transform = *t;
  params.extrapolation = extrapolation;
  params.antialias = antialias != 0;
  std::optional<NearestMode> nm = symbolizeNearestMode(nearest);
  if (!nm)
    return b.emitError() << "nearest_mode '" << nearest << "' is not one of "
                         << "round_prefer_floor, round_prefer_ceil, floor, "
                            "ceil";
  params.nearest = *nm;
  if (excludeOutside != 0 && excludeOutside != 1)
    return b.emitError() << "exclude_outside must be 0 or 1, got "
                         << excludeOutside;
  params.excludeOutside = excludeOutside != 0;
  if (!std::isfinite(cubicCoeffA))
    return b.emitError() << "cubic_coeff_a must be finite, got " << cubicCoeffA;
  params.cubicCoeffA = cubicCoeffA;
  if (policy != "stretch" && policy != "not_larger" && policy != "not_smaller")
    return b.emitError() << "keep_aspect_ratio_policy '" << policy
                         << "' is not one of stretch, not_larger, "
                            "not_smaller";

  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  if (rank != 4)
    return b.unsupported("resizing a tensor of rank " + Twine(rank) +
                         "; QuantC resizes H and W of NCHW tensors");
  if (axes.empty())
    axes.append(llvm::to_vector(llvm::seq<int64_t>(0, rank)));
  else if (normalizeAxes(b, axes, rank))
    return failure();

  // Scales (possibly given empty when sizes are used) or sizes, one per
  // entry of axes; the other dimensions keep their size and scale 1.
  SmallVector<float> givenScales;
  SmallVector<int64_t> givenSizes;
  if (b.hasOperand(2) && b.constantFloats(2, "scales", givenScales))
    return failure();
  if (b.hasOperand(3) && b.constantInts(3, "sizes", givenSizes))
    return failure();
  if (givenScales.empty() == givenSizes.empty())
    return b.emitError() << "exactly one of scales and sizes must be given";
  size_t given = std::max(givenScales.size(), givenSizes.size());
  if (given != axes.size())
    return b.emitError() << (givenScales.empty() ? "sizes" : "scales")
                         << " has " << given << " values but " << axes.size()
                         << " axes are resized";
  SmallVector<float> scales;
  SmallVector<int64_t> size(shape);
  if (!givenScales.empty()) {
    scales.assign(rank, 1.0f);
    for (auto [axis, scale] : llvm::zip(axes, givenScales))
      scales[axis] = scale;
    if (sizeFromScales(b, shape, scales, size))
      return failure();
  } else if (policy == "stretch") {
    for (auto [axis, s] : llvm::zip(axes, givenSizes))
      size[axis] = s;
  } else {
    // keep_aspect_ratio_policy: one scale for every axis in axes, the
    // smallest (not_larger) or largest (not_smaller) of sizes / shape; the
    // sizes are scale * shape rounded half up.
    if (llvm::any_of(givenSizes, [](int64_t s) { return s <= 0; }) ||
        llvm::any_of(axes, [&](int64_t axis) { return shape[axis] == 0; }))
      return b.unsupported("keep_aspect_ratio_policy with an empty input or "
                           "output dimension");
    double scale = 0.0;
    for (auto [i, axis] : llvm::enumerate(axes)) {
      double r =
          static_cast<double>(givenSizes[i]) / static_cast<double>(shape[axis]);
      if (i == 0 || (policy == "not_larger" ? r < scale : r > scale))
        scale = r;
    }
    scales.assign(rank, 1.0f);
    for (int64_t axis : axes) {
      scales[axis] = static_cast<float>(scale);
      size[axis] = static_cast<int64_t>(
          std::floor(scale * static_cast<double>(shape[axis]) + 0.5));
    }
  }
  if (params.transform == CoordinateTransform::tf_crop_and_resize) {
    // roi: starts then ends, one pair per entry of axes, normalized; the
    // other dimensions are not cropped.
    SmallVector<float> givenRoi;
    if (!b.hasOperand(1))
      return b.emitError() << "tf_crop_and_resize needs the roi input";
    if (b.constantFloats(1, "roi", givenRoi))
      return failure();
    if (givenRoi.size() != 2 * axes.size())
      return b.emitError() << "roi has " << givenRoi.size() << " values; "
                           << "tf_crop_and_resize needs " << 2 * axes.size()
                           << " (a start and an end per resized axis)";
    if (!givenScales.empty())
      return b.unsupported("tf_crop_and_resize with scales (the ONNX "
                           "specification and its reference implementation "
                           "disagree on the output size); give sizes");
    params.roi.assign(rank, 0.0f);
    params.roi.append(rank, 1.0f);
    for (auto [i, axis] : llvm::enumerate(axes)) {
      params.roi[axis] = givenRoi[i];
      params.roi[rank + axis] = givenRoi[axes.size() + i];
    }
    for (float v : params.roi)
      if (!std::isfinite(v))
        return b.emitError() << "roi values must be finite, got " << v;
    for (int d = 0; d < 2; ++d)
      if (shape[d] > 1 && size[d] == shape[d] &&
          (params.roi[d] != 0.0f || params.roi[rank + d] != 1.0f))
        return b.unsupported("tf_crop_and_resize cropping dimension " +
                             Twine(d) + "; QuantC resizes H and W");
  }
  return buildResize(b, input, size, scales, params);
}

} // namespace

void mlir::quantc::onnx_import::populateResizeHandlers(OpRegistry &registry) {
  registry.on("Resize", 10, convertResizeV10);
  registry.on("Resize", 11, convertResize);
  registry.on("Upsample", 7, convertUpsampleV7);
  registry.on("Upsample", 9, convertUpsampleV9);
  registry.on("Upsample", 10, convertUpsampleV10);
}
