//===- InsertQDQ.cpp - Quantize/dequantize pairs from calibration ---------===//
//
// Implements qnt-insert-qdq. The statistics file (written by `quantc
// calibrate`) gives each ONNX tensor a calibrated real range:
//
//   {"tensors": {"conv1_out": {"min": -1.5, "max": 7.25,
//                              "range": [-1.2, 6.5], ...}, ...}}
//
// ("range" is the range the calibration method chose; "min"/"max" are used
// when it is absent). Values find their tensor through the `onnx.name`
// attribute the importer puts on producers and function arguments.
//
// Every quantizable op gets the QDQ form qnt-quantize-ops rebuilds into an
// integer op: each float activation operand comes from a dequantize, each
// constant weight is quantized and dequantized, and the result's only use
// is a quantize whose dequantize feeds every other user.
//
//   %x = dequantize(quantize(%in))          // activation, per tensor
//   %w = dequantize(quantize(%filter))      // weight, per channel, s8
//   %y = conv2d %x, %w, %bias               // bias stays f32
//   %r = dequantize(quantize(%y))           // result
//
// Before that, float additions of a constant per-channel bias after a
// convolution or a matrix product become the op's bias, so that they are
// folded into the i32 accumulator instead of costing an integer add.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cmath>
#include <limits>
#include <optional>

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTINSERTQDQ
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {

constexpr StringLiteral kONNXNameAttr("onnx.name");

/// A calibrated range of real values.
struct Range {
  double lo, hi;
};

//===----------------------------------------------------------------------===//
// Statistics
//===----------------------------------------------------------------------===//

/// Reads `path` into `ranges`; returns an error message on failure.
std::string readStatistics(StringRef path, llvm::StringMap<Range> &ranges) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!file)
    return "cannot read statistics '" + path.str() +
           "': " + file.getError().message();
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*file)->getBuffer());
  if (!json)
    return "statistics '" + path.str() +
           "' are not JSON: " + llvm::toString(json.takeError());
  const llvm::json::Object *root = json->getAsObject();
  const llvm::json::Object *tensors =
      root ? root->getObject("tensors") : nullptr;
  if (!tensors)
    return "statistics '" + path.str() + "' have no \"tensors\" object";
  for (const auto &[name, entry] : *tensors) {
    const llvm::json::Object *stats = entry.getAsObject();
    if (!stats)
      return "statistics of '" + name.str() + "' are not an object";
    std::optional<double> lo = stats->getNumber("min");
    std::optional<double> hi = stats->getNumber("max");
    if (const llvm::json::Array *range = stats->getArray("range")) {
      if (range->size() != 2)
        return "\"range\" of '" + name.str() + "' is not [lo, hi]";
      lo = (*range)[0].getAsNumber();
      hi = (*range)[1].getAsNumber();
    }
    if (!lo || !hi || !std::isfinite(*lo) || !std::isfinite(*hi) || *lo > *hi)
      return "statistics of '" + name.str() + "' have no finite range";
    ranges[name] = Range{*lo, *hi};
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Quantization parameters
//===----------------------------------------------------------------------===//

/// How activations are stored.
struct ActivationScheme {
  bool isSigned = false;
  bool symmetric = false;
};

/// Scales are computed in double and rounded to f32, the precision the
/// generated code divides by.
double toF32Scale(double scale) {
  float f = static_cast<float>(scale);
  return std::isnormal(f) && f > 0 ? f : 1.0;
}

/// Per-tensor parameters covering `range` (widened to contain 0, so that
/// zero - padding, ReLU - is exact).
quant::UniformQuantizedType getActivationType(MLIRContext *context, Range range,
                                              ActivationScheme scheme) {
  double lo = std::min(range.lo, 0.0), hi = std::max(range.hi, 0.0);
  if (!(hi > lo))
    hi = lo + 1.0;
  int64_t qmin = scheme.isSigned ? -128 : 0, qmax = scheme.isSigned ? 127 : 255;
  double scale;
  int64_t zeroPoint;
  if (scheme.symmetric) {
    double absMax = std::max(-lo, hi);
    if (scheme.isSigned) {
      scale = toF32Scale(absMax / 127.0), zeroPoint = 0;
    } else if (lo >= 0) {
      scale = toF32Scale(hi / 255.0), zeroPoint = 0;
    } else {
      // u8 cannot hold negative values around zero point 0: centre it, as
      // symmetric u8 quantizers do.
      scale = toF32Scale(absMax / 127.0), zeroPoint = 128;
    }
  } else {
    scale = toF32Scale((hi - lo) / double(qmax - qmin));
    zeroPoint = qmin - static_cast<int64_t>(std::nearbyint(lo / scale));
    zeroPoint = std::clamp(zeroPoint, qmin, qmax);
  }
  return quant::UniformQuantizedType::get(
      scheme.isSigned ? quant::QuantizationFlags::Signed : 0,
      IntegerType::get(context, 8), Float32Type::get(context), scale, zeroPoint,
      qmin, qmax);
}

/// Parameters for a contraction's result that is a graph output: the
/// accumulator's precision, not 8 bits, so that the model's decision (an
/// argmax of logits, a regression) is not rounded to 256 levels at its
/// last step. i32 with zero point 0 and a scale 2^-24 of the calibrated
/// magnitude (saturating 128 times past it), never finer than 2^-20 of the
/// largest accumulator step `accumulatorScale`, so that the requantization
/// multiplier stays below 2^20 for `--requant=fixed`.
quant::UniformQuantizedType getWideResultType(MLIRContext *context,
                                              Range range,
                                              double accumulatorScale) {
  double absMax = std::max(std::fabs(range.lo), std::fabs(range.hi));
  if (!(absMax > 0) || !std::isfinite(absMax))
    absMax = 1.0;
  double scale = toF32Scale(
      std::max(std::ldexp(absMax, -24), std::ldexp(accumulatorScale, -20)));
  return quant::UniformQuantizedType::get(
      quant::QuantizationFlags::Signed, IntegerType::get(context, 32),
      Float32Type::get(context), scale, 0, std::numeric_limits<int32_t>::min(),
      std::numeric_limits<int32_t>::max());
}

/// The largest scale of `type`'s (one or per-axis) scales.
double getLargestScale(quant::QuantizedType type) {
  if (auto perTensor = dyn_cast<quant::UniformQuantizedType>(type))
    return perTensor.getScale();
  ArrayRef<double> scales =
      cast<quant::UniformQuantizedPerAxisType>(type).getScales();
  return *std::max_element(scales.begin(), scales.end());
}

/// Symmetric s8 parameters of a constant weight from its own values: one
/// scale per slice along `axis`, or one for the tensor when `axis` is unset.
/// The scale maps the largest magnitude to 127, so -128 is never used.
quant::QuantizedType getWeightType(DenseElementsAttr weight,
                                   std::optional<int64_t> axis) {
  MLIRContext *context = weight.getContext();
  auto type = cast<RankedTensorType>(weight.getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t channels = axis ? shape[*axis] : 1;
  int64_t inner = 1;
  if (axis)
    for (int64_t d = *axis + 1; d < type.getRank(); ++d)
      inner *= shape[d];
  SmallVector<double> absMax(channels, 0.0);
  int64_t index = 0;
  for (const APFloat &v : weight.getValues<APFloat>()) {
    double x = std::fabs(v.convertToFloat());
    int64_t c = axis ? (index / inner) % channels : 0;
    if (std::isfinite(x))
      absMax[c] = std::max(absMax[c], x);
    ++index;
  }
  SmallVector<double> scales;
  for (double m : absMax)
    scales.push_back(toF32Scale(m / 127.0));
  Type storage = IntegerType::get(context, 8);
  Type f32 = Float32Type::get(context);
  unsigned flags = quant::QuantizationFlags::Signed;
  if (!axis)
    return quant::UniformQuantizedType::get(flags, storage, f32, scales[0], 0,
                                            -128, 127);
  return quant::UniformQuantizedPerAxisType::get(
      flags, storage, f32, scales, SmallVector<int64_t>(channels, 0), *axis,
      -128, 127);
}

/// Rounds `scaled` (weights divided by their scale) to integers in
/// [-127, 127], to nearest (ties to even), except that the rounded values of
/// each kernel - the elements `kernelOf` maps to one index - keep their sum
/// within 1/2 of the exact one: while a kernel's rounding errors add up to
/// more than 1/2, the element rounded furthest in that direction (the one
/// nearest to a rounding boundary) is rounded the other way. A kernel's sum
/// is its response to a constant input; nearest rounding lets the errors of
/// its taps add up there (a random walk over the taps), which is what
/// smooth regions of an image see.
SmallVector<int64_t> roundKeepingKernelSums(
    ArrayRef<double> scaled, int64_t numKernels,
    llvm::function_ref<int64_t(int64_t)> kernelOf) {
  SmallVector<int64_t> rounded(scaled.size());
  SmallVector<double> excess(numKernels, 0.0);
  SmallVector<SmallVector<int64_t>> members(numKernels);
  for (auto [i, x] : llvm::enumerate(scaled)) {
    rounded[i] = std::clamp<int64_t>(int64_t(std::nearbyint(x)), -127, 127);
    excess[kernelOf(i)] += double(rounded[i]) - x;
    members[kernelOf(i)].push_back(i);
  }
  for (int64_t k = 0; k < numKernels; ++k) {
    while (std::fabs(excess[k]) > 0.5) {
      int64_t step = excess[k] > 0 ? -1 : 1;
      std::optional<int64_t> best;
      double bestError = 0.0;
      for (int64_t i : members[k]) {
        double error = double(rounded[i]) - scaled[i];
        int64_t moved = rounded[i] + step;
        if (error * step < 0 && moved >= -127 && moved <= 127 &&
            std::fabs(error) > bestError) {
          best = i;
          bestError = std::fabs(error);
        }
      }
      if (!best)
        break;
      rounded[*best] += step;
      excess[k] += step;
    }
  }
  return rounded;
}

/// The convolution filter `filter` ([F, KH, KW, C]) on the grid of its
/// symmetric parameters `type`, rounded by roundKeepingKernelSums with one
/// kernel per output and input channel: a float constant whose quantize
/// folds to those integers.
DenseElementsAttr snapKeepingKernelSums(DenseElementsAttr filter,
                                        quant::QuantizedType type) {
  auto filterType = cast<RankedTensorType>(filter.getType());
  ArrayRef<int64_t> shape = filterType.getShape();
  int64_t channels = shape.back(), taps = shape[1] * shape[2];
  SmallVector<double> scales;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type))
    llvm::append_range(scales, perAxis.getScales());
  else
    scales.push_back(cast<quant::UniformQuantizedType>(type).getScale());
  auto scaleOf = [&](int64_t i) {
    return scales.size() == 1 ? scales[0] : scales[i / (taps * channels)];
  };
  SmallVector<double> scaled;
  for (auto [i, v] : llvm::enumerate(filter.getValues<APFloat>()))
    scaled.push_back(double(v.convertToFloat()) / scaleOf(i));
  SmallVector<int64_t> rounded = roundKeepingKernelSums(
      scaled, shape[0] * channels, [&](int64_t i) {
        return (i / (taps * channels)) * channels + i % channels;
      });
  SmallVector<float> values;
  for (auto [i, q] : llvm::enumerate(rounded))
    values.push_back(static_cast<float>(double(q) * scaleOf(i)));
  return DenseElementsAttr::get(filterType, ArrayRef<float>(values));
}

/// The float constant `value` is, if it is one.
DenseElementsAttr getFloatConstant(Value value) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || !attr.getElementType().isF32())
    return {};
  return attr;
}

std::optional<Range> getConstantRange(DenseElementsAttr attr) {
  std::optional<Range> range;
  for (const APFloat &v : attr.getValues<APFloat>()) {
    double x = v.convertToFloat();
    if (!std::isfinite(x))
      continue;
    range = range ? Range{std::min(range->lo, x), std::max(range->hi, x)}
                  : Range{x, x};
  }
  return range;
}

/// Whether every factor in `c` survives quantization to `type` within
/// 1/32 of itself: a product is only as exact as its factor, and per-tensor
/// parameters flush small per-channel factors to a few levels.
bool keepsFactors(DenseElementsAttr c, quant::UniformQuantizedType type) {
  double scale = type.getScale();
  for (const APFloat &v : c.getValues<APFloat>()) {
    double x = v.convertToFloat();
    double q =
        std::clamp<double>(std::nearbyint(x / scale) + type.getZeroPoint(),
                           type.getStorageTypeMin(), type.getStorageTypeMax());
    double back = (q - type.getZeroPoint()) * scale;
    if (std::fabs(back - x) > std::fabs(x) / 32)
      return false;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Bias folding
//===----------------------------------------------------------------------===//

bool isF32Tensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getElementType().isF32();
}

/// The values of `c` as a bias of `channels` entries, if `c` broadcasts
/// along the last dimension only (shape [..., 1, channels] or [1]) and has
/// rank at most `rank`.
std::optional<SmallVector<float>>
getChannelBias(DenseElementsAttr c, int64_t channels, int64_t rank) {
  auto type = cast<RankedTensorType>(c.getType());
  if (type.getRank() > rank)
    return std::nullopt;
  ArrayRef<int64_t> shape = type.getShape();
  for (size_t d = 0; d + 1 < shape.size(); ++d)
    if (shape[d] != 1)
      return std::nullopt;
  int64_t last = shape.empty() ? 1 : shape.back();
  if (last != channels && last != 1)
    return std::nullopt;
  SmallVector<float> values;
  for (const APFloat &v : c.getValues<APFloat>())
    values.push_back(v.convertToFloat());
  if (values.size() == 1)
    values.assign(channels, values[0]);
  return values;
}

/// The add `result` flows into, with the other operand, when it is the
/// result's only user.
std::optional<std::pair<AddOp, DenseElementsAttr>> getBiasAdd(Value result) {
  if (!result.hasOneUse())
    return std::nullopt;
  auto add = dyn_cast<AddOp>(*result.getUsers().begin());
  if (!add || add.getClampMinAttr() || add.getClampMaxAttr() ||
      add.getType() != result.getType())
    return std::nullopt;
  Value other = add.getLhs() == result ? add.getRhs() : add.getLhs();
  if (DenseElementsAttr c = getFloatConstant(other))
    return std::make_pair(add, c);
  return std::nullopt;
}

/// `bias + values`, or `values` when there is no bias.
Value addToBias(OpBuilder &b, Location loc, Value bias,
                ArrayRef<float> values) {
  SmallVector<float> sum(values);
  if (bias) {
    DenseElementsAttr old = getFloatConstant(bias);
    for (auto [i, v] : llvm::enumerate(old.getValues<float>()))
      sum[i] += v;
  }
  auto type = RankedTensorType::get({int64_t(sum.size())}, b.getF32Type());
  auto attr = DenseElementsAttr::get(type, ArrayRef<float>(sum));
  return ConstantOp::create(b, loc, type, attr);
}

/// Moves the name of the tensor `from` computes onto `to`, which now
/// computes it.
void takeName(Operation *to, Operation *from) {
  if (Attribute name = from->getAttr(kONNXNameAttr))
    to->setAttr(kONNXNameAttr, name);
}

/// Replaces `add` by `replacement`, erases it and `producer` (the op it
/// added to, when that was replaced too), then the constants only they and
/// `oldUses` used.
void eraseFolded(AddOp add, Value replacement, Operation *producer,
                 ValueRange oldUses) {
  SmallVector<Value> inputs(add->getOperands());
  if (producer)
    llvm::append_range(inputs, producer->getOperands());
  llvm::append_range(inputs, oldUses);
  llvm::SetVector<Operation *> constants;
  for (Value input : inputs)
    if (Operation *def = input.getDefiningOp())
      if (def->hasTrait<mlir::OpTrait::ConstantLike>())
        constants.insert(def);
  add.getResult().replaceAllUsesWith(replacement);
  add.erase();
  if (producer)
    producer->erase();
  for (Operation *constant : constants)
    if (constant->use_empty())
      constant->erase();
}

/// conv(x, w, b) + c, with c constant along channels: conv(x, w, b + c).
/// The bias (f32 here) becomes an i32 accumulator offset once quantized.
template <typename ConvOp> bool foldBiasAdd(ConvOp conv) {
  if (conv.getClampMinAttr() || conv.getClampMaxAttr() ||
      (conv.getBias() && !getFloatConstant(conv.getBias())))
    return false;
  auto biasAdd = getBiasAdd(conv.getResult());
  if (!biasAdd)
    return false;
  auto [add, c] = *biasAdd;
  RankedTensorType type = conv.getType();
  std::optional<SmallVector<float>> values =
      getChannelBias(c, type.getShape().back(), type.getRank());
  if (!values)
    return false;
  OpBuilder b(conv);
  Value oldBias = conv.getBias();
  Value bias = addToBias(b, add.getLoc(), oldBias, *values);
  if (oldBias)
    conv.getBiasMutable().assign(bias);
  else
    conv->insertOperands(2, bias);
  takeName(conv, add);
  eraseFolded(add, conv.getResult(), /*producer=*/nullptr,
              oldBias ? ValueRange(oldBias) : ValueRange());
  return true;
}

/// matmul(x, W) + c with x [M, K], W constant [K, N] and c constant [N]:
/// fully_connected(x, transpose(W), c).
bool foldBiasAdd(MatMulOp matmul) {
  DenseElementsAttr weight = getFloatConstant(matmul.getRhs());
  auto lhsType = cast<RankedTensorType>(matmul.getLhs().getType());
  if (!weight || lhsType.getRank() != 2 || matmul.getClampMinAttr() ||
      matmul.getClampMaxAttr() || weight.getType().getRank() != 2)
    return false;
  auto biasAdd = getBiasAdd(matmul.getResult());
  if (!biasAdd)
    return false;
  auto [add, c] = *biasAdd;
  ArrayRef<int64_t> wShape = weight.getType().getShape();
  int64_t k = wShape[0], n = wShape[1];
  std::optional<SmallVector<float>> values = getChannelBias(c, n, 2);
  if (!values)
    return false;
  SmallVector<float> w(weight.getValues<float>());
  SmallVector<float> transposed(w.size());
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < n; ++j)
      transposed[j * k + i] = w[i * n + j];
  OpBuilder b(matmul);
  auto wType = RankedTensorType::get({n, k}, b.getF32Type());
  Value wT = ConstantOp::create(
      b, matmul.getLoc(), wType,
      DenseElementsAttr::get(wType, ArrayRef<float>(transposed)));
  Value bias = addToBias(b, add.getLoc(), Value(), *values);
  auto fc = FullyConnectedOp::create(b, matmul.getLoc(), matmul.getType(),
                                     matmul.getLhs(), wT, bias,
                                     /*clamp_min=*/FloatAttr(),
                                     /*clamp_max=*/FloatAttr());
  takeName(fc, add);
  eraseFolded(add, fc.getResult(), matmul, {});
  return true;
}

void foldBiasAdds(func::FuncOp func) {
  SmallVector<Operation *> candidates;
  func.walk([&](Operation *op) {
    if (isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(op))
      candidates.push_back(op);
  });
  for (Operation *op : candidates) {
    if (auto conv = dyn_cast<Conv2DOp>(op))
      while (foldBiasAdd(conv)) {
      }
    else if (auto convT = dyn_cast<ConvTranspose2DOp>(op))
      while (foldBiasAdd(convT)) {
      }
    else if (auto fc = dyn_cast<FullyConnectedOp>(op))
      while (foldBiasAdd(fc)) {
      }
    else
      foldBiasAdd(cast<MatMulOp>(op));
  }
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

/// How an op takes part in quantization.
enum class OpKind {
  /// Computes new values: activations take their calibrated parameters,
  /// constant weights their own.
  Compute,
  /// Moves or selects values (max pooling, layout, ReLU): the result has
  /// the parameters of the input.
  PassThrough,
  /// Every input is brought to the parameters of the result.
  Concat,
  /// Has no quantized form here.
  Float,
  /// Not a float computation (constants, quantization ops, integers).
  Ignored,
};

OpKind classify(Operation *op) {
  if (op->hasTrait<mlir::OpTrait::ConstantLike>() || op->getNumResults() != 1 ||
      !isF32Tensor(op->getResult(0).getType()) ||
      isa<QuantizeOp, DequantizeOp, RequantizeOp, StorageCastOp, CastOp>(op) ||
      op->getDialect() != op->getContext()->getLoadedDialect<QntDialect>())
    return OpKind::Ignored;
  if (isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp, AddOp, SubOp,
          MulOp, AvgPool2DOp, AvgPool3DOp, GlobalAvgPoolOp, ReduceMeanOp,
          SigmoidOp, TanhOp, HardSwishOp, HardSigmoidOp, LeakyReluOp,
          SoftmaxOp>(op))
    return OpKind::Compute;
  if (isa<MaxPool2DOp, MaxPool3DOp, ClampOp, TransposeOp, ReshapeOp, SliceOp,
          GatherOp>(op))
    return OpKind::PassThrough;
  // Interpolation keeps its input's parameters; cropping extrapolates
  // outside them and needs a float tensor.
  if (auto resize = dyn_cast<ResizeOp>(op))
    return resize.getCoordinateTransform() !=
                   CoordinateTransform::tf_crop_and_resize
               ? OpKind::PassThrough
               : OpKind::Float;
  if (auto pad = dyn_cast<PadOp>(op))
    return pad.getMode() != PadMode::constant || pad.getValue().isZero()
               ? OpKind::PassThrough
               : OpKind::Float;
  if (isa<ConcatOp>(op))
    return OpKind::Concat;
  return OpKind::Float;
}

/// The axis of per-channel weight scales: the output channel.
std::optional<int64_t> getWeightAxis(Operation *op, unsigned operandIndex) {
  if (isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp>(op) &&
      operandIndex == 1)
    return 0;
  if (isa<MatMulOp>(op) && operandIndex == 1)
    return cast<RankedTensorType>(op->getOperand(1).getType()).getRank() - 1;
  return std::nullopt;
}

/// The ONNX name recorded for `value`, or "".
StringRef getONNXName(Value value) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto func = dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp());
    if (!func || arg.getOwner() != &func.getBody().front())
      return {};
    auto name =
        func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), kONNXNameAttr);
    return name ? name.getValue() : StringRef();
  }
  auto result = cast<OpResult>(value);
  Attribute attr = result.getOwner()->getAttr(kONNXNameAttr);
  if (auto name = dyn_cast_or_null<StringAttr>(attr))
    return name.getValue();
  if (auto names = dyn_cast_or_null<ArrayAttr>(attr))
    if (result.getResultNumber() < names.size())
      if (auto name = dyn_cast<StringAttr>(names[result.getResultNumber()]))
        return name.getValue();
  return {};
}

/// Ops whose result holds exactly the elements of their input.
bool preservesValues(Operation *op) {
  return isa_and_nonnull<TransposeOp, ReshapeOp>(op);
}

/// Whether `value` is used only as a result of the function, directly or
/// through ops that move or clamp its elements.
bool isOnlyReturned(Value value) {
  if (value.use_empty())
    return false;
  for (Operation *user : value.getUsers()) {
    if (isa<func::ReturnOp>(user))
      continue;
    if ((preservesValues(user) || isa<ClampOp>(user)) &&
        isOnlyReturned(user->getResult(0)))
      continue;
    return false;
  }
  return true;
}

/// Parameters of an operand or result, or why there are none.
struct Params {
  quant::QuantizedType type;
  std::string missing;
};

struct QntInsertQDQPass
    : mlir::quantc::impl::QntInsertQDQBase<QntInsertQDQPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    Location loc = UnknownLoc::get(context);
    if (activationType != "u8" && activationType != "s8")
      return emitError(loc) << "qnt-insert-qdq: activation-type must be u8 "
                               "or s8, not '"
                            << activationType << "'";
    if (weightGranularity != "per-channel" && weightGranularity != "per-tensor")
      return emitError(loc) << "qnt-insert-qdq: weight-granularity must be "
                               "per-channel or per-tensor, not '"
                            << weightGranularity << "'";
    if (weightRounding != "kernel-sum" && weightRounding != "nearest")
      return emitError(loc) << "qnt-insert-qdq: weight-rounding must be "
                               "kernel-sum or nearest, not '"
                            << weightRounding << "'";
    if (statsFile.empty())
      return emitError(loc) << "qnt-insert-qdq needs stats=<file>";
    std::string error = readStatistics(statsFile, ranges);
    if (!error.empty())
      return emitError(loc) << error;
    this->context = context;
    scheme.isSigned = activationType == "s8";
    scheme.symmetric = symmetricActivations;
    return success();
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    foldBiasAdds(func);
    SmallVector<Operation *> ops;
    func.walk([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops)
      quantizeOp(op);
  }

  /// The calibrated range of `value`: its own statistics, else those of the
  /// value it was reshaped or transposed from (`backward`) or to.
  std::optional<Range> lookupRange(Value value, bool backward) const {
    for (unsigned depth = 0; value && depth < 16; ++depth) {
      if (DenseElementsAttr c = getFloatConstant(value))
        return getConstantRange(c);
      StringRef name = getONNXName(value);
      auto it = name.empty() ? ranges.end() : ranges.find(name);
      if (it != ranges.end())
        return it->second;
      Value next;
      if (backward) {
        if (preservesValues(value.getDefiningOp()))
          next = value.getDefiningOp()->getOperand(0);
      } else if (value.hasOneUse() &&
                 preservesValues(*value.getUsers().begin())) {
        next = value.getUsers().begin()->getResult(0);
      }
      value = next;
    }
    return std::nullopt;
  }

  /// The range of `value`: calibrated, else bounded from its operands'
  /// (see boundRange).
  std::optional<Range> lookupRange(Value value, unsigned depth = 0) const {
    if (std::optional<Range> range = lookupRange(value, /*backward=*/true))
      return range;
    if (std::optional<Range> range = lookupRange(value, /*backward=*/false))
      return range;
    if (depth >= 4)
      return std::nullopt;
    std::optional<Range> forward = boundRange(value, depth);
    std::optional<Range> backward = boundFromUser(value);
    if (forward && backward) {
      Range both{std::max(forward->lo, backward->lo),
                 std::min(forward->hi, backward->hi)};
      return both.lo <= both.hi ? both : *backward;
    }
    return forward ? forward : backward;
  }

  /// The range of `value` + c from the calibrated range r of its only user,
  /// an add of a constant c: [r.lo - max c, r.hi - min c].
  std::optional<Range> boundFromUser(Value value) const {
    if (!value.hasOneUse())
      return std::nullopt;
    auto add = dyn_cast<AddOp>(*value.getUsers().begin());
    if (!add)
      return std::nullopt;
    DenseElementsAttr c =
        getFloatConstant(add.getLhs() == value ? add.getRhs() : add.getLhs());
    std::optional<Range> cRange = c ? getConstantRange(c) : std::nullopt;
    std::optional<Range> sum = lookupRange(add.getResult(), /*backward=*/true);
    if (!sum)
      sum = lookupRange(add.getResult(), /*backward=*/false);
    if (!cRange || !sum)
      return std::nullopt;
    return Range{sum->lo - cRange->hi, sum->hi - cRange->lo};
  }

  /// Interval arithmetic for values the model does not name, such as the
  /// scale half of a BatchNormalization after a ReLU (x * c + d with
  /// constants c, d): x * c from x's range and c's, x + c likewise. A
  /// dequantized value spans its type's range. Intersected with the bound
  /// from the user (boundFromUser), which is tighter when c is per channel.
  std::optional<Range> boundRange(Value value, unsigned depth) const {
    if (auto dq = value.getDefiningOp<DequantizeOp>()) {
      auto type = dyn_cast<quant::UniformQuantizedType>(
          dq.getInput().getType().getElementType());
      if (!type)
        return std::nullopt;
      double scale = type.getScale();
      return Range{scale * (type.getStorageTypeMin() - type.getZeroPoint()),
                   scale * (type.getStorageTypeMax() - type.getZeroPoint())};
    }
    Operation *op = value.getDefiningOp();
    if (!isa_and_nonnull<MulOp, AddOp>(op))
      return std::nullopt;
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    DenseElementsAttr c = getFloatConstant(rhs);
    Value x = lhs;
    if (!c) {
      c = getFloatConstant(lhs);
      x = rhs;
    }
    if (!c)
      return std::nullopt;
    std::optional<Range> cRange = getConstantRange(c);
    std::optional<Range> xRange = lookupRange(x, depth + 1);
    if (!cRange || !xRange)
      return std::nullopt;
    if (isa<AddOp>(op))
      return Range{xRange->lo + cRange->lo, xRange->hi + cRange->hi};
    double products[] = {xRange->lo * cRange->lo, xRange->lo * cRange->hi,
                         xRange->hi * cRange->lo, xRange->hi * cRange->hi};
    return Range{*std::min_element(std::begin(products), std::end(products)),
                 *std::max_element(std::begin(products), std::end(products))};
  }

  /// "no calibration statistics for its <what> 'name'".
  static std::string missingStatistics(StringRef what, Value value) {
    StringRef name = getONNXName(value);
    return ("no calibration statistics for its " + what +
            (name.empty() ? Twine(", which has no ONNX name")
                          : " '" + name + "'"))
        .str();
  }

  /// Parameters of activation `value`: those it was quantized with, else
  /// its calibrated range's.
  Params getActivationParams(Value value) const {
    if (auto dq = value.getDefiningOp<DequantizeOp>()) {
      auto type =
          cast<quant::QuantizedType>(dq.getInput().getType().getElementType());
      if (isa<quant::UniformQuantizedType>(type))
        return {type, {}};
      return {{}, "an activation operand is quantized per axis"};
    }
    if (std::optional<Range> range = lookupRange(value))
      return {getActivationType(context, *range, scheme), {}};
    return {{}, missingStatistics("operand", value)};
  }

  /// Parameters of `op`'s result from its range; a compute op followed
  /// only by a clamp takes the clamp's, so that the clamp is free and the
  /// range is not spent on values it removes.
  Params getResultParams(Operation *op) const {
    Value result = op->getResult(0);
    if (result.hasOneUse())
      if (auto clamp = dyn_cast<ClampOp>(*result.getUsers().begin()))
        if (std::optional<Range> range = lookupRange(clamp.getResult()))
          return {getActivationType(context, *range, scheme), {}};
    if (std::optional<Range> range = lookupRange(result))
      return {getActivationType(context, *range, scheme), {}};
    return {{}, missingStatistics("result", result)};
  }

  void leaveFloat(Operation *op, const Twine &why) {
    op->emitRemark() << "left in float: " << why;
    ++numLeftFloat;
  }

  void quantizeOp(Operation *op) {
    OpKind kind = classify(op);
    if (kind == OpKind::Ignored)
      return;
    if (kind == OpKind::Float) {
      op->emitRemark() << "left in float: '" << op->getName()
                       << "' has no quantized form";
      return;
    }
    for (Value operand : op->getOperands())
      if (!isF32Tensor(operand.getType()))
        return leaveFloat(op, "it has operands that are not f32 tensors");

    // The parameters each operand must have (null: stays float), and the
    // result's.
    SmallVector<quant::QuantizedType> operandTypes(op->getNumOperands());
    quant::QuantizedType resultType;
    switch (kind) {
    case OpKind::Compute:
      for (OpOperand &operand : op->getOpOperands()) {
        unsigned index = operand.getOperandNumber();
        bool isBias = isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp>(op) &&
                      index == 2;
        if (isBias)
          continue;
        if (std::optional<int64_t> axis = getWeightAxis(op, index)) {
          if (DenseElementsAttr weight = getFloatConstant(operand.get())) {
            bool perTensor = weightGranularity == "per-tensor";
            operandTypes[index] =
                getWeightType(weight, perTensor ? std::nullopt : axis);
            if (weightRounding == "kernel-sum" && isa<Conv2DOp>(op)) {
              OpBuilder b(op);
              Operation *old = operand.get().getDefiningOp();
              operand.set(ConstantOp::create(
                  b, old->getLoc(), weight.getType(),
                  snapKeepingKernelSums(weight, operandTypes[index])));
              // Defined before `op`, so already visited by the walk.
              if (old->use_empty())
                old->erase();
            }
            continue;
          }
          if (!isa<MatMulOp>(op))
            return leaveFloat(op, "its weight is not a constant");
        }
        Params params = getActivationParams(operand.get());
        if (!params.type)
          return leaveFloat(op, params.missing);
        if (isa<MulOp>(op))
          if (DenseElementsAttr c = getFloatConstant(operand.get()))
            if (!keepsFactors(c,
                              cast<quant::UniformQuantizedType>(params.type)))
              return leaveFloat(op, "one scale cannot hold its constant "
                                    "factors (per channel, as in a "
                                    "BatchNormalization) to 1/32");
        operandTypes[index] = params.type;
      }
      if (Value bias = isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp>(op) &&
                               op->getNumOperands() > 2
                           ? op->getOperand(2)
                           : Value())
        if (!getFloatConstant(bias))
          return leaveFloat(op, "its bias is not a constant");
      {
        Params params = getResultParams(op);
        if (!params.type)
          return leaveFloat(op, params.missing);
        resultType = params.type;
      }
      if (!narrowOutputs && isOnlyReturned(op->getResult(0))) {
        // Graph outputs keep their precision: a contraction's result is
        // its accumulator, any other op (which computes in f32 on its
        // dequantized operands anyway) stays float.
        if (!isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(
                op)) {
          op->emitRemark() << "left in float: its result is a graph output";
          return;
        }
        std::optional<Range> range = lookupRange(op->getResult(0));
        auto input = cast<quant::UniformQuantizedType>(operandTypes[0]);
        resultType = getWideResultType(
            context, range ? *range : Range{0.0, 1.0},
            input.getScale() * getLargestScale(operandTypes[1]));
      }
      break;
    case OpKind::PassThrough: {
      Params params = getActivationParams(op->getOperand(0));
      // A clamp is requantized to its own range: after a result with
      // other users, ReLU's range is half of its input's. One of a wide
      // graph output keeps its input's type.
      bool isWide =
          params.type && params.type.getStorageTypeIntegralWidth() > 16;
      if (auto clamp = dyn_cast<ClampOp>(op))
        if (!isWide || narrowOutputs || !isOnlyReturned(clamp.getResult()))
          if (std::optional<Range> range = lookupRange(clamp.getResult()))
            params = {getActivationType(context, *range, scheme), {}};
      if (!params.type)
        return leaveFloat(op, params.missing);
      operandTypes[0] = resultType = params.type;
      break;
    }
    case OpKind::Concat: {
      Params params = getResultParams(op);
      if (!params.type)
        return leaveFloat(op, params.missing);
      resultType = params.type;
      for (auto &type : operandTypes)
        type = resultType;
      break;
    }
    default:
      return;
    }

    OpBuilder b(op);
    for (OpOperand &operand : op->getOpOperands())
      if (quant::QuantizedType type = operandTypes[operand.getOperandNumber()])
        operand.set(quantizeOperand(b, op->getLoc(), operand.get(), type));
    quantizeResult(op, resultType);
    ++numQuantized;
  }

  /// `value` as `type` would hold it: the value itself if it already comes
  /// from a dequantize of that type, else dequantize(quantize(value)).
  static Value quantizeOperand(OpBuilder &b, Location loc, Value value,
                               quant::QuantizedType type) {
    auto tensorType = cast<RankedTensorType>(value.getType());
    auto quantizedType = RankedTensorType::get(tensorType.getShape(), type);
    if (auto dq = value.getDefiningOp<DequantizeOp>())
      if (dq.getInput().getType() == quantizedType)
        return value;
    Value q = QuantizeOp::create(b, loc, quantizedType, value);
    return DequantizeOp::create(b, loc, tensorType, q);
  }

  /// Quantizes `op`'s result to `type`; the dequantized value replaces it
  /// everywhere else.
  static void quantizeResult(Operation *op, quant::QuantizedType type) {
    Value result = op->getResult(0);
    auto tensorType = cast<RankedTensorType>(result.getType());
    OpBuilder b(op->getContext());
    b.setInsertionPointAfter(op);
    auto q = QuantizeOp::create(
        b, op->getLoc(), RankedTensorType::get(tensorType.getShape(), type),
        result);
    auto dq = DequantizeOp::create(b, op->getLoc(), tensorType, q);
    result.replaceAllUsesExcept(dq, q);
  }

  MLIRContext *context = nullptr;
  llvm::StringMap<Range> ranges;
  ActivationScheme scheme;
};

} // namespace
