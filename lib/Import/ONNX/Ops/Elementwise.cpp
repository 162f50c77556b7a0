//===- Elementwise.cpp - ONNX elementwise and activation ops --------------===//
//
// Handlers for arithmetic with NumPy broadcasting, activations, and the ops
// that pass values through or convert them (Identity, Dropout, Cast).
//
// Float arithmetic becomes qnt's f32 ops; arithmetic on ONNX's integer tensors
// (shape computations, integer models) becomes qnt.int_* ops, whose folders
// evaluate constant operands, so shape chains fold at import.
//
// ONNX has no quantized tensors: a QuantizeLinear output is a tensor of
// stored integers, which the importer types as a quantized tensor. Handlers
// that compute on such a value first strip its parameters with
// qnt.storage_cast, so ONNX's integer semantics hold; only a Cast to the
// storage type passes the quantized value on unchanged, which keeps
// QuantizeLinear -> Cast -> DequantizeLinear chains fusable.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "../TensorConversion.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string result = "[";
  llvm::raw_string_ostream os(result);
  llvm::interleaveComma(shape, os);
  os << "]";
  return result;
}

/// The stored integer type of a quantized type, as ONNX names it (ui8, i8).
IntegerType getStorageIntegerType(quant::QuantizedType type) {
  return IntegerType::get(type.getContext(), type.getStorageTypeIntegralWidth(),
                          type.isSigned() ? IntegerType::Signless
                                          : IntegerType::Unsigned);
}

/// `value` as ONNX sees it: a quantized tensor is its stored integers.
Value asStoredIntegers(OpBinder &b, Value value) {
  RankedTensorType type = getTensorType(value);
  auto qtype = dyn_cast<quant::QuantizedType>(type.getElementType());
  if (!qtype)
    return value;
  return b.create<StorageCastOp>(
      RankedTensorType::get(type.getShape(), getStorageIntegerType(qtype)),
      value);
}

/// A required input as ONNX sees it (see asStoredIntegers).
ParseResult onnxOperand(OpBinder &b, unsigned index, Value &value) {
  if (b.tensorOperand(index, value))
    return failure();
  value = asStoredIntegers(b, value);
  return success();
}

/// The integer element types of qnt.int_* ops: 8 to 64 bits, signless or
/// unsigned.
bool isArithInteger(Type type) {
  auto integer = dyn_cast<IntegerType>(type);
  return integer && !integer.isSigned() &&
         llvm::is_contained({8u, 16u, 32u, 64u}, integer.getWidth());
}

/// A rank-0 integer constant of `type`.
Value intScalar(OpBinder &b, IntegerType type, int64_t value) {
  auto tensorType = RankedTensorType::get({}, type);
  APInt v(type.getWidth(), value, /*isSigned=*/!type.isUnsigned());
  return ConstantOp::create(b.getBuilder(), b.getLoc(), tensorType,
                            DenseElementsAttr::get(tensorType, ArrayRef(v)));
}

/// Evaluates a binary op of two constant f32 tensors with broadcasting, in
/// IEEE f32 rounded to nearest even; null unless both are constants.
/// qnt.add and qnt.mul have no folders, so the handlers fold here.
Value foldFloatBinary(OpBinder &b, Value lhs, Value rhs, RankedTensorType type,
                      APFloat::opStatus (APFloat::*op)(const APFloat &,
                                                       APFloat::roundingMode)) {
  DenseFPElementsAttr lhsAttr, rhsAttr;
  if (!matchPattern(lhs, m_Constant(&lhsAttr)) ||
      !matchPattern(rhs, m_Constant(&rhsAttr)))
    return {};
  SmallVector<APFloat> a(lhsAttr.getValues<APFloat>()),
      c(rhsAttr.getValues<APFloat>());
  ArrayRef<int64_t> shape = type.getShape();
  // Operand strides over the result's dimensions, 0 where broadcast.
  auto stridesOf = [&](ArrayRef<int64_t> operand) {
    SmallVector<int64_t> strides(shape.size(), 0);
    int64_t stride = 1;
    size_t offset = shape.size() - operand.size();
    for (size_t d = operand.size(); d-- > 0;) {
      if (operand[d] != 1)
        strides[d + offset] = stride;
      stride *= operand[d];
    }
    return strides;
  };
  SmallVector<int64_t> lhsStrides = stridesOf(lhsAttr.getType().getShape());
  SmallVector<int64_t> rhsStrides = stridesOf(rhsAttr.getType().getShape());
  SmallVector<APFloat> result;
  for (int64_t i = 0, n = type.getNumElements(); i < n; ++i) {
    int64_t rest = i, li = 0, ri = 0;
    for (size_t d = shape.size(); d-- > 0;) {
      int64_t coordinate = rest % shape[d];
      rest /= shape[d];
      li += coordinate * lhsStrides[d];
      ri += coordinate * rhsStrides[d];
    }
    APFloat value = a[li];
    (value.*op)(c[ri], APFloat::rmNearestTiesToEven);
    result.push_back(value);
  }
  return ConstantOp::create(b.getBuilder(), b.getLoc(), type,
                            DenseElementsAttr::get(type, result));
}

/// Applies an elementwise function to a constant f32 tensor; null unless
/// `input` is a constant. qnt.clamp, qnt.leaky_relu, qnt.sigmoid, qnt.tanh
/// and qnt.hard_swish have no folders, so the handlers fold here.
Value foldFloatUnary(OpBinder &b, Value input,
                     llvm::function_ref<float(float)> fn) {
  DenseFPElementsAttr attr;
  if (!matchPattern(input, m_Constant(&attr)))
    return {};
  SmallVector<float> result;
  for (const APFloat &x : attr.getValues<APFloat>())
    result.push_back(fn(x.convertToFloat()));
  RankedTensorType type = getTensorType(input);
  return ConstantOp::create(b.getBuilder(), b.getLoc(), type,
                            DenseElementsAttr::get(type, ArrayRef(result)));
}

/// qnt.clamp's value for one element: NaN stays NaN.
float clampValue(float x, std::optional<float> min, std::optional<float> max) {
  if (min && x < *min)
    return *min;
  if (max && x > *max)
    return *max;
  return x;
}

/// Before opset 7, Add, Sub, Mul, Div and Pow broadcast only `rhs` to `lhs`,
/// and only with `broadcast = 1`: `rhs`'s shape matches a contiguous run of
/// `lhs`'s dimensions starting at `axis` (default: `lhs`'s suffix), size-1
/// dimensions allowed. Reshapes `rhs` so that NumPy broadcasting does the
/// same.
ParseResult applyLegacyBroadcast(OpBinder &b, Value lhs, Value &rhs) {
  ArrayRef<int64_t> lhsShape = getTensorType(lhs).getShape();
  ArrayRef<int64_t> rhsShape = getTensorType(rhs).getShape();
  int64_t lhsRank = lhsShape.size(), rhsRank = rhsShape.size();
  int64_t broadcast, axis;
  if (b.intAttr("broadcast", broadcast, 0))
    return failure();
  if (!broadcast) {
    if (lhsShape != rhsShape)
      return b.emitError() << "input shapes " << shapeString(lhsShape)
                           << " and " << shapeString(rhsShape)
                           << " differ; before opset 7 they must be equal "
                              "unless broadcast = 1";
    return success();
  }
  if (rhsRank > lhsRank)
    return b.emitError() << "with broadcast = 1 the second input (rank "
                         << rhsRank << ") broadcasts to the first (rank "
                         << lhsRank << ") and cannot have a higher rank";
  if (b.intAttr("axis", axis, lhsRank - rhsRank))
    return failure();
  if (axis < 0)
    axis += lhsRank;
  if (axis < 0 || axis + rhsRank > lhsRank)
    return b.emitError() << "axis places the second input's shape "
                         << shapeString(rhsShape)
                         << " outside the first input's "
                         << shapeString(lhsShape);
  for (int64_t i = 0; i < rhsRank; ++i)
    if (rhsShape[i] != 1 && rhsShape[i] != lhsShape[axis + i])
      return b.emitError() << "second input shape " << shapeString(rhsShape)
                           << " does not broadcast to " << shapeString(lhsShape)
                           << " at axis " << axis;
  SmallVector<int64_t> shape(rhsShape);
  shape.append(lhsRank - axis - rhsRank, 1);
  rhs = b.reshape(rhs, shape);
  return success();
}

/// Reads the two inputs of a broadcasting binary op as ONNX sees them,
/// applies the pre-opset-7 broadcasting rule, and computes the result shape.
ParseResult binaryOperands(OpBinder &b, Value &lhs, Value &rhs,
                           SmallVectorImpl<int64_t> &shape) {
  if (onnxOperand(b, 0, lhs) || onnxOperand(b, 1, rhs))
    return failure();
  if (b.getOpset() < 7 && applyLegacyBroadcast(b, lhs, rhs))
    return failure();
  return broadcastShapes(b, getTensorType(lhs).getShape(),
                         getTensorType(rhs).getShape(), shape);
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

enum class Arith { Add, Sub, Mul, Div };

/// Add, Sub, Mul, Div on f32 or on 8- to 64-bit integers.
LogicalResult convertArith(OpBinder &b, Arith kind) {
  Value lhs, rhs;
  SmallVector<int64_t> shape;
  if (binaryOperands(b, lhs, rhs, shape))
    return failure();
  Type element = getTensorType(lhs).getElementType();
  if (getTensorType(rhs).getElementType() != element)
    return b.emitError() << "inputs must have one element type, got "
                         << getTensorType(lhs) << " and " << getTensorType(rhs);
  auto type = RankedTensorType::get(shape, element);
  Value result;
  if (element.isF32()) {
    switch (kind) {
    case Arith::Add:
      result = foldFloatBinary(b, lhs, rhs, type, &APFloat::add);
      if (!result)
        result = b.create<AddOp>(type, lhs, rhs, FloatAttr(), FloatAttr());
      break;
    case Arith::Mul:
      result = foldFloatBinary(b, lhs, rhs, type, &APFloat::multiply);
      if (!result)
        result = b.create<MulOp>(type, lhs, rhs, FloatAttr(), FloatAttr());
      break;
    case Arith::Sub:
      result = b.create<SubOp>(type, lhs, rhs, FloatAttr(), FloatAttr());
      break;
    case Arith::Div:
      result = b.create<DivOp>(type, lhs, rhs);
      break;
    }
  } else if (isArithInteger(element)) {
    switch (kind) {
    case Arith::Add:
      result = b.create<IntAddOp>(type, lhs, rhs);
      break;
    case Arith::Sub:
      result = b.create<IntSubOp>(type, lhs, rhs);
      break;
    case Arith::Mul:
      result = b.create<IntMulOp>(type, lhs, rhs);
      break;
    case Arith::Div:
      result = b.create<IntDivOp>(type, lhs, rhs);
      break;
    }
  } else {
    return b.emitError() << "element type " << element << " is not one "
                         << b.getNode().op_type()
                         << " computes on (floats or 8- to 64-bit integers)";
  }
  b.setResult(0, result);
  return success();
}

LogicalResult convertAdd(OpBinder &b) { return convertArith(b, Arith::Add); }
LogicalResult convertSub(OpBinder &b) { return convertArith(b, Arith::Sub); }
LogicalResult convertMul(OpBinder &b) { return convertArith(b, Arith::Mul); }
LogicalResult convertDiv(OpBinder &b) { return convertArith(b, Arith::Div); }

/// Pow: a float base; the exponent is a float or (opset 12+) an integer,
/// converted to f32 (exact for |exponent| <= 2^24).
LogicalResult convertPow(OpBinder &b) {
  Value base, exponent;
  SmallVector<int64_t> shape;
  if (binaryOperands(b, base, exponent, shape))
    return failure();
  RankedTensorType baseType = getTensorType(base);
  RankedTensorType exponentType = getTensorType(exponent);
  Type f32 = b.getBuilder().getF32Type();
  if (!baseType.getElementType().isF32())
    return b.unsupported("Pow with base of type " +
                         llvm::formatv("{0}", baseType.getElementType()).str() +
                         "; QuantC computes Pow on floats");
  if (isArithInteger(exponentType.getElementType()))
    exponent = b.create<CastOp>(
        RankedTensorType::get(exponentType.getShape(), f32), exponent);
  else if (!exponentType.getElementType().isF32())
    return b.emitError() << "exponent must be a float or 8- to 64-bit "
                            "integer tensor, got "
                         << exponentType;
  b.setResult(
      0, b.create<PowOp>(RankedTensorType::get(shape, f32), base, exponent));
  return success();
}

//===----------------------------------------------------------------------===//
// Activations and math functions
//===----------------------------------------------------------------------===//

/// Exp, Sqrt, Erf: one f32 tensor in, the same type out (the ops fold
/// constants themselves).
template <typename OpTy> LogicalResult convertFloatUnary(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  b.setResult(0, b.create<OpTy>(input.getType(), input));
  return success();
}

/// Sigmoid, Tanh, HardSwish: like convertFloatUnary, but their qnt ops have
/// no folders, so a constant input is evaluated here with `fn`, in double
/// and rounded once to f32.
template <typename OpTy, double (*fn)(double)>
LogicalResult convertActivation(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  Value result = foldFloatUnary(
      b, input, [](float x) { return static_cast<float>(fn(x)); });
  if (!result)
    result = b.create<OpTy>(input.getType(), input);
  b.setResult(0, result);
  return success();
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double hardSwish(double x) {
  return x * std::min(std::max(x + 3.0, 0.0), 6.0) / 6.0;
}
double hyperbolicTangent(double x) { return std::tanh(x); }

/// A float Clip with optional bounds. ONNX: min > max sets every value to
/// max, which clamp(x, max, max) does.
LogicalResult buildFloatClip(OpBinder &b, Value input, std::optional<float> min,
                             std::optional<float> max) {
  if ((min && std::isnan(*min)) || (max && std::isnan(*max)))
    return b.unsupported("a NaN Clip bound");
  if (!min && !max) {
    b.setResult(0, input);
    return success();
  }
  if (min && max && *min > *max)
    min = max;
  if (Value folded = foldFloatUnary(
          b, input, [&](float x) { return clampValue(x, min, max); })) {
    b.setResult(0, folded);
    return success();
  }
  OpBuilder &builder = b.getBuilder();
  b.setResult(
      0, b.create<ClampOp>(input.getType(), input,
                           min ? builder.getF32FloatAttr(*min) : FloatAttr(),
                           max ? builder.getF32FloatAttr(*max) : FloatAttr()));
  return success();
}

/// Relu: clamp at 0 on floats, max with 0 on integers (opset 14+).
LogicalResult convertRelu(OpBinder &b) {
  Value input;
  if (onnxOperand(b, 0, input))
    return failure();
  Type element = getTensorType(input).getElementType();
  if (element.isF32())
    return buildFloatClip(b, input, 0.0f, std::nullopt);
  if (!isArithInteger(element))
    return b.emitError() << "input must be a float or 8- to 64-bit integer "
                            "tensor, got "
                         << input.getType();
  b.setResult(0,
              b.create<IntMaxOp>(input.getType(), input,
                                 intScalar(b, cast<IntegerType>(element), 0)));
  return success();
}

LogicalResult convertLeakyRelu(OpBinder &b) {
  Value input;
  float alpha;
  if (b.floatOperand(0, input) || b.floatAttr("alpha", alpha, 0.01f))
    return failure();
  if (!std::isfinite(alpha))
    return b.emitError() << "unsupported: alpha " << alpha
                         << " (QuantC needs it finite)";
  Value result = foldFloatUnary(b, input, [&](float x) {
    return x < 0.0f ? static_cast<float>(alpha * x) : x;
  });
  if (!result)
    result = b.create<LeakyReluOp>(input.getType(), input,
                                   b.getBuilder().getF32FloatAttr(alpha));
  b.setResult(0, result);
  return success();
}

LogicalResult convertHardSigmoid(OpBinder &b) {
  Value input;
  float alpha, beta;
  if (b.floatOperand(0, input) || b.floatAttr("alpha", alpha, 0.2f) ||
      b.floatAttr("beta", beta, 0.5f))
    return failure();
  if (!std::isfinite(alpha) || !std::isfinite(beta))
    return b.emitError() << "unsupported: alpha " << alpha << " and beta "
                         << beta << " (QuantC needs them finite)";
  OpBuilder &builder = b.getBuilder();
  b.setResult(0, b.create<HardSigmoidOp>(input.getType(), input,
                                         builder.getF32FloatAttr(alpha),
                                         builder.getF32FloatAttr(beta)));
  return success();
}

/// PRelu: the slope broadcasts unidirectionally to the input (opset 7+);
/// before opset 7 a slope has one element, the input's shape, or one value
/// per channel.
LogicalResult convertPRelu(OpBinder &b) {
  Value input, slope;
  if (b.floatOperand(0, input))
    return failure();
  if (onnxOperand(b, 1, slope))
    return failure();
  RankedTensorType inputType = getTensorType(input);
  RankedTensorType slopeType = getTensorType(slope);
  if (!slopeType.getElementType().isF32())
    return b.emitError() << "slope must be a float tensor, got " << slopeType;
  ArrayRef<int64_t> shape = inputType.getShape();
  ArrayRef<int64_t> slopeShape = slopeType.getShape();
  if (b.getOpset() < 7) {
    // Before opset 7 a one-element slope is shared by all channels and a
    // 1-D slope of the channel count applies per channel (axis 1), as
    // exporters of that time produced it.
    if (slopeType.getNumElements() == 1) {
      slope = b.reshape(slope, {});
    } else if (slopeShape.size() == 1 && shape.size() >= 2 &&
               slopeShape[0] == shape[1]) {
      SmallVector<int64_t> perChannel(shape.size() - 1, 1);
      perChannel[0] = shape[1];
      slope = b.reshape(slope, perChannel);
    } else if (slopeShape != shape)
      return b.unsupported(
          "PRelu before opset 7 with slope shape " + shapeString(slopeShape) +
          " for input shape " + shapeString(shape) +
          " (that opset defines only a one-element slope, one of the "
          "input's shape or one per channel)");
  } else {
    SmallVector<int64_t> broadcast;
    bool fits = slopeShape.size() <= shape.size();
    if (fits && broadcastShapes(b, shape, slopeShape, broadcast))
      return failure();
    if (!fits || ArrayRef<int64_t>(broadcast) != shape)
      return b.emitError() << "slope shape " << shapeString(slopeShape)
                           << " does not broadcast to the input shape "
                           << shapeString(shape);
  }
  b.setResult(0, b.create<PReluOp>(inputType, input, slope));
  return success();
}

/// Clip before opset 11: bounds are attributes. Opset 1 leaves a missing
/// bound open; opset 6 gives them the defaults -FLT_MAX and FLT_MAX (which,
/// unlike open bounds, clip infinities).
LogicalResult convertClipAttrs(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  std::optional<float> bounds[2];
  const char *names[2] = {"min", "max"};
  float defaults[2] = {std::numeric_limits<float>::lowest(),
                       std::numeric_limits<float>::max()};
  for (int i = 0; i < 2; ++i) {
    if (!b.hasAttr(names[i]) && b.getOpset() < 6)
      continue;
    float value;
    if (b.floatAttr(names[i], value, defaults[i]))
      return failure();
    bounds[i] = value;
  }
  return buildFloatClip(b, input, bounds[0], bounds[1]);
}

/// Clip from opset 11: optional constant scalar inputs min and max; from
/// opset 12 also on integers (max with min, then min with max).
LogicalResult convertClip(OpBinder &b) {
  Value input;
  if (onnxOperand(b, 0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (!element.isF32() && !isArithInteger(element))
    return b.emitError() << "input must be a float or 8- to 64-bit integer "
                            "tensor, got "
                         << type;
  DenseElementsAttr bounds[2];
  const char *names[2] = {"min", "max"};
  for (unsigned i = 0; i < 2; ++i) {
    if (!b.hasOperand(i + 1))
      continue;
    if (b.constantOperand(i + 1, names[i], bounds[i]))
      return failure();
    if (bounds[i].getNumElements() != 1 ||
        bounds[i].getElementType() != element)
      return b.emitError() << names[i] << " must be a scalar of the input's "
                           << "element type " << element << ", got "
                           << bounds[i].getType();
  }
  if (element.isF32()) {
    std::optional<float> values[2];
    for (int i = 0; i < 2; ++i)
      if (bounds[i])
        values[i] = (*bounds[i].getValues<APFloat>().begin()).convertToFloat();
    return buildFloatClip(b, input, values[0], values[1]);
  }
  Value result = input;
  auto scalarType = RankedTensorType::get({}, element);
  for (int i = 0; i < 2; ++i) {
    if (!bounds[i])
      continue;
    Value bound = ConstantOp::create(b.getBuilder(), b.getLoc(), scalarType,
                                     bounds[i].reshape(scalarType));
    result = i == 0 ? b.create<IntMaxOp>(type, result, bound)
                    : b.create<IntMinOp>(type, result, bound);
  }
  b.setResult(0, result);
  return success();
}

/// Softmax and LogSoftmax. Before opset 13 the input is coerced to 2-D at
/// `axis` (default 1) and normalized over all dimensions from `axis` on;
/// from opset 13 over the one dimension `axis` (default -1).
template <typename OpTy> LogicalResult convertSoftmax(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = type.getRank();
  bool coerced = b.getOpset() < 13;
  int64_t axis;
  if (b.intAttr("axis", axis, coerced ? 1 : -1) || normalizeAxis(b, axis, rank))
    return failure();
  auto build = [&](Value value, int64_t along) {
    return b.create<OpTy>(value.getType(), value,
                          b.getBuilder().getI64IntegerAttr(along));
  };
  if (!coerced) {
    b.setResult(0, build(input, axis));
    return success();
  }
  // Normalizing over dimensions of which at most one is larger than 1 is
  // normalizing along that one.
  SmallVector<int64_t> wide;
  for (int64_t d = axis; d < rank; ++d)
    if (shape[d] != 1)
      wide.push_back(d);
  if (wide.size() <= 1) {
    b.setResult(0, build(input, wide.empty() ? axis : wide.front()));
    return success();
  }
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < rank; ++d)
    (d < axis ? outer : inner) *= shape[d];
  Value flat = b.reshape(input, {outer, inner});
  b.setResult(0, b.reshape(build(flat, 1), shape));
  return success();
}

//===----------------------------------------------------------------------===//
// Identity, Dropout, Cast
//===----------------------------------------------------------------------===//

LogicalResult convertIdentity(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  b.setResult(0, input);
  return success();
}

/// Dropout at inference (or training with ratio 0): the output is the input.
/// The optional mask is all true (bool from opset 10, ones of the input's
/// type before).
LogicalResult convertDropout(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  int64_t opset = b.getOpset();
  if (opset < 7) {
    int64_t isTest;
    if (b.intAttr("is_test", isTest, 0))
      return failure();
    if (!isTest)
      return b.unsupported("Dropout in training mode (is_test = 0, the "
                           "default before opset 7): its output is random; "
                           "QuantC compiles inference graphs");
  }
  if (opset >= 12 && b.hasOperand(2)) {
    DenseElementsAttr mode;
    if (b.constantOperand(2, "training_mode", mode))
      return failure();
    if (mode.getNumElements() != 1 || !mode.getElementType().isInteger(1))
      return b.emitError() << "training_mode must be a bool scalar, got "
                           << mode.getType();
    // Training mode with a ratio of zero keeps every element: that output
    // is deterministic. Any other ratio draws random numbers.
    if (*mode.getValues<bool>().begin()) {
      if (!b.hasOperand(1))
        return b.unsupported("Dropout with training_mode = true and the "
                             "default ratio 0.5: its output is random; "
                             "QuantC compiles inference graphs");
      DenseElementsAttr ratio;
      if (b.constantOperand(1, "ratio", ratio))
        return failure();
      if (ratio.getNumElements() != 1 ||
          !isa<FloatType>(ratio.getElementType()))
        return b.emitError() << "ratio must be a float scalar, got "
                             << ratio.getType();
      if (!(*ratio.getValues<APFloat>().begin()).isZero())
        return b.unsupported("Dropout with training_mode = true and a ratio "
                             "above 0: its output is random; QuantC "
                             "compiles inference graphs");
    }
  }
  b.setResult(0, input);
  if (b.getNumResults() < 2 || b.getNode().output(1).empty())
    return success();
  RankedTensorType type = getTensorType(input);
  OpBuilder &builder = b.getBuilder();
  DenseElementsAttr mask;
  if (opset >= 10) {
    mask = DenseElementsAttr::get(
        RankedTensorType::get(type.getShape(), builder.getI1Type()), true);
  } else if (type.getElementType().isF32()) {
    mask = DenseElementsAttr::get(type, 1.0f);
  } else {
    return b.unsupported("the mask output of Dropout before opset 10 on " +
                         llvm::formatv("{0}", type).str());
  }
  b.setResult(1, ConstantOp::create(builder, b.getLoc(), mask.getType(), mask));
  return success();
}

/// Cast to f32 (FLOAT; DOUBLE too, since QuantC computes in f32; FLOAT16
/// and BFLOAT16 round to their type and return to f32), to integers,
/// to bool or to the small floats (FLOAT8E8M0 with its round_mode). Casting
/// a quantized value to its storage type returns it unchanged; other casts
/// of quantized values start from the stored integers.
LogicalResult convertCast(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  int64_t to;
  if (b.getOpset() < 6) {
    // Opset 1 names the target type with a string.
    std::string name;
    if (b.stringAttr("to", name))
      return failure();
    onnx::TensorProto::DataType parsed;
    if (!onnx::TensorProto::DataType_Parse(name, &parsed))
      return b.emitError() << "'to' is not an ONNX type name: '" << name << "'";
    to = parsed;
  } else if (b.intAttr("to", to)) {
    return failure();
  }
  switch (to) {
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::BOOL:
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
  case 21: // UINT4
  case 22: // INT4
  case 17: // FLOAT8E4M3FN
  case 18: // FLOAT8E4M3FNUZ
  case 19: // FLOAT8E5M2
  case 20: // FLOAT8E5M2FNUZ
  case 23: // FLOAT4E2M1
  case 24: // FLOAT8E8M0
  case 25: // UINT2
  case 26: // INT2
    break;
  default:
    return b.unsupported("Cast to " +
                         getDataTypeName(static_cast<int32_t>(to)) + " (" +
                         Twine(to) + ")");
  }
  FailureOr<Type> target =
      convertElementType(static_cast<int32_t>(to), b.getLoc(), "'to'");
  if (failed(target))
    return failure();
  // Opset 19 adds saturate (default 1), which only affects casts to the
  // 8-bit floats; FLOAT4E2M1 always saturates.
  int64_t saturate = 1;
  if (b.getOpset() >= 19 && b.intAttr("saturate", saturate, 1))
    return failure();
  // Opset 24 adds round_mode, which only affects casts to FLOAT8E8M0.
  std::string roundModeName = "up";
  if (b.getOpset() >= 24 && b.stringAttr("round_mode", roundModeName, "up"))
    return failure();
  std::optional<RoundMode> roundMode = symbolizeRoundMode(roundModeName);
  if (!roundMode)
    return b.emitError() << "round_mode '" << roundModeName
                         << "' is not one of up, down, nearest";

  RankedTensorType type = getTensorType(input);
  if (auto qtype = dyn_cast<quant::QuantizedType>(type.getElementType())) {
    if (*target == getStorageIntegerType(qtype)) {
      b.setResult(0, input);
      return success();
    }
    input = asStoredIntegers(b, input);
    type = getTensorType(input);
  }
  Type f32 = b.getBuilder().getF32Type();
  if (to == onnx::TensorProto::FLOAT16 || to == onnx::TensorProto::BFLOAT16) {
    // Values live in f32; rounding to the 16-bit type and back keeps ONNX's
    // precision and range (overflow to infinity: saturate = false). Integers
    // reach f32 exactly up to 2^24, beyond FLOAT16's range.
    auto f32Type = RankedTensorType::get(type.getShape(), f32);
    if (!type.getElementType().isF32())
      input = b.create<CastOp>(f32Type, input);
    Builder &builder = b.getBuilder();
    Type narrow = to == onnx::TensorProto::FLOAT16
                      ? Type(builder.getF16Type())
                      : Type(builder.getBF16Type());
    Value rounded =
        b.create<CastOp>(RankedTensorType::get(type.getShape(), narrow), input,
                         /*saturate=*/false, *roundMode);
    b.setResult(0, b.create<CastOp>(f32Type, rounded));
    return success();
  }
  if (type.getElementType() == *target) {
    b.setResult(0, input);
    return success();
  }
  auto isSmallFloat = [](Type t) { return isa<FloatType>(t) && !t.isF32(); };
  // qnt.cast converts the small floats only to and from f32. A small float
  // reaches f32 exactly, so other targets go through f32. Integers reach a
  // small float through f32 only when f32 holds them exactly (up to 16
  // bits); wider ones would round twice.
  if (isSmallFloat(type.getElementType()) && !target->isF32()) {
    input =
        b.create<CastOp>(RankedTensorType::get(type.getShape(), f32), input);
    type = getTensorType(input);
  } else if (isSmallFloat(*target) && !type.getElementType().isF32()) {
    auto fromInt = cast<IntegerType>(type.getElementType());
    if (fromInt.getWidth() > 16)
      return b.unsupported("Cast from " + llvm::formatv("{0}", fromInt).str() +
                           " to " + getDataTypeName(static_cast<int32_t>(to)) +
                           ": rounding through f32 would round twice");
    input =
        b.create<CastOp>(RankedTensorType::get(type.getShape(), f32), input);
    type = getTensorType(input);
  }
  if (type.getElementType() == *target) {
    b.setResult(0, input);
    return success();
  }
  // ONNX leaves float to integer casts out of range undefined; for 4- and
  // 2-bit targets QuantC wraps, as ONNX's reference implementation and its node
  // tests do, by truncating to i32 first (qnt.cast saturates to the target,
  // then integer casts wrap).
  auto targetInt = dyn_cast<IntegerType>(*target);
  if (type.getElementType().isF32() && targetInt &&
      (targetInt.getWidth() == 4 || targetInt.getWidth() == 2))
    input = b.create<CastOp>(
        RankedTensorType::get(type.getShape(), b.getBuilder().getI32Type()),
        input);
  b.setResult(0,
              b.create<CastOp>(RankedTensorType::get(type.getShape(), *target),
                               input, saturate != 0, *roundMode));
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateElementwiseHandlers(
    OpRegistry &registry) {
  // Opsets 1-6 broadcast with the `broadcast` and `axis` attributes, 7+ as
  // NumPy does.
  for (int64_t since : {1, 7}) {
    registry.on("Add", since, convertAdd);
    registry.on("Sub", since, convertSub);
    registry.on("Mul", since, convertMul);
    registry.on("Div", since, convertDiv);
  }
  // Opset 12 lets the exponent have another type than the base.
  for (int64_t since : {1, 7, 12})
    registry.on("Pow", since, convertPow);
  // Opset 1's consumed_inputs attribute was an in-place hint; ignoring it
  // keeps the semantics.
  registry.on("Exp", 1, convertFloatUnary<ExpOp>);
  registry.on("Sqrt", 1, convertFloatUnary<SqrtOp>);
  registry.on("Erf", 9, convertFloatUnary<ErfOp>);
  registry.on("Sigmoid", 1, convertActivation<SigmoidOp, sigmoid>);
  registry.on("Tanh", 1, convertActivation<TanhOp, hyperbolicTangent>);
  registry.on("HardSwish", 14, convertActivation<HardSwishOp, hardSwish>);
  registry.on("HardSigmoid", 1, convertHardSigmoid);
  registry.on("Relu", 1, convertRelu);
  registry.on("LeakyRelu", 1, convertLeakyRelu);
  registry.on("PRelu", 1, convertPRelu);
  registry.on("PRelu", 7, convertPRelu);
  registry.on("Clip", 1, convertClipAttrs);
  registry.on("Clip", 6, convertClipAttrs);
  registry.on("Clip", 11, convertClip);
  registry.on("Softmax", 1, convertSoftmax<SoftmaxOp>);
  registry.on("Softmax", 13, convertSoftmax<SoftmaxOp>);
  registry.on("LogSoftmax", 1, convertSoftmax<LogSoftmaxOp>);
  registry.on("LogSoftmax", 13, convertSoftmax<LogSoftmaxOp>);
  registry.on("Identity", 1, convertIdentity);
  // Opset 7 drops is_test, 10 makes the mask bool, 12 adds the ratio and
  // training_mode inputs.
  for (int64_t since : {1, 7, 10, 12})
    registry.on("Dropout", since, convertDropout);
  // Opset 1 names the target type with a string, 6+ with a number.
  registry.on("Cast", 1, convertCast);
  registry.on("Cast", 6, convertCast);
}
