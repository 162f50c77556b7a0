//===- Quantized.cpp - ONNX quantization ops ------------------------------===//
//
// QuantizeLinear and DequantizeLinear stay literal: with constant scale and
// zero point they become qnt.quantize/qnt.dequantize on upstream
// !quant.uniform types; with run-time parameters, or blocked ones, they
// become qnt.quantize_linear/qnt.dequantize_linear, which take the parameters
// as tensors (as do float8 and FLOAT4E2M1 data, which no static quantized
// type holds). The QLinear and Integer ops become qnt compute ops on
// quantized tensors, whose exact semantics (dequantize, compute in real
// arithmetic, quantize) are those of ONNX; their parameters must be
// constants, except MatMulInteger's zero points, which may come at run time
// (from DynamicQuantizeLinear) into qnt.matmul_integer. ONNX's integer
// tensors enter and leave the quantized domain through qnt.storage_cast.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "../TensorConversion.h"
#include "Common.h"

#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

//===----------------------------------------------------------------------===//
// Quantized types and integer tensors
//===----------------------------------------------------------------------===//

/// Builds the uniform quantized type with storage `storage` (an ONNX integer
/// element type such as ui8 or i8) from constant scales and zero points.
/// Several scales make a per-axis type along `axis`.
FailureOr<quant::QuantizedType>
buildQuantizedType(OpBinder &b, IntegerType storage, ArrayRef<float> scales,
                   ArrayRef<int64_t> zeroPoints, int64_t axis) {
  bool isSigned = !storage.isUnsigned();
  unsigned width = storage.getWidth();
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type storageType = IntegerType::get(b.getContext(), width);
  Type expressed = Float32Type::get(b.getContext());
  int64_t qmin =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t qmax =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  for (float s : scales)
    if (!(s > 0.0f) || !std::isfinite(s))
      return b.emitError() << "unsupported: scale " << s
                           << "; quantized types need positive finite scales";
  for (int64_t zp : zeroPoints)
    if (zp < qmin || zp > qmax)
      return b.emitError() << "zero point " << zp << " is outside [" << qmin
                           << ", " << qmax << "]";
  if (scales.size() == 1)
    return cast<quant::QuantizedType>(quant::UniformQuantizedType::get(
        flags, storageType, expressed, scales[0], zeroPoints[0], qmin, qmax));
  SmallVector<double> scalesD(scales.begin(), scales.end());
  return cast<quant::QuantizedType>(quant::UniformQuantizedPerAxisType::get(
      flags, storageType, expressed, scalesD, zeroPoints, axis, qmin, qmax));
}

/// The stored integer type of a quantized type, as ONNX names it (ui8, i8).
IntegerType getStorageIntegerType(quant::QuantizedType type) {
  return IntegerType::get(type.getContext(), type.getStorageTypeIntegralWidth(),
                          type.isSigned() ? IntegerType::Signless
                                          : IntegerType::Unsigned);
}

/// The ONNX integer element type of a value: its own, or the storage of a
/// quantized tensor (what QuantizeLinear produced). Null for floats.
IntegerType getIntegerElementType(Value value) {
  Type element = getTensorType(value).getElementType();
  if (auto qtype = dyn_cast<quant::QuantizedType>(element))
    return getStorageIntegerType(qtype);
  return dyn_cast<IntegerType>(element);
}

/// `value` as a tensor of ONNX integers: quantized tensors lose their
/// parameters through qnt.storage_cast, the stored bits unchanged.
Value asIntegerTensor(OpBinder &b, Value value) {
  auto qtype =
      dyn_cast<quant::QuantizedType>(getTensorType(value).getElementType());
  if (!qtype)
    return value;
  return b.create<StorageCastOp>(
      RankedTensorType::get(getTensorType(value).getShape(),
                            getStorageIntegerType(qtype)),
      value);
}

/// `value` (stored integers, or a quantized tensor whose stored integers
/// ONNX passes on) reinterpreted with quantized element type `type`.
Value attachQuantType(OpBinder &b, Value value, quant::QuantizedType type) {
  RankedTensorType valueType = getTensorType(value);
  auto resultType = RankedTensorType::get(valueType.getShape(), type);
  if (valueType == resultType)
    return value;
  return b.create<StorageCastOp>(resultType, asIntegerTensor(b, value));
}

/// A quantized result handed back to ONNX as the integers it stores.
Value toIntegers(OpBinder &b, Value value) { return asIntegerTensor(b, value); }

/// The scale of slice `index` along the quantized dimension (of any slice
/// for a per-tensor type).
double scaleAt(quant::QuantizedType type, int64_t index) {
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type))
    return uniform.getScale();
  return cast<quant::UniformQuantizedPerAxisType>(type).getScales()[index];
}

std::string typeString(Type type) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << type;
  return result;
}

bool isEightBit(IntegerType type) {
  return type && type.getWidth() == 8 && !type.isSigned();
}

/// The name of input `index` for diagnostics: `input #3 ('w')`.
std::string describeInput(OpBinder &b, unsigned index) {
  return ("input #" + Twine(index) + " ('" + b.getNode().input(index) + "')")
      .str();
}

/// Reads input `index` holding ONNX uint8 or int8 data.
ParseResult eightBitOperand(OpBinder &b, unsigned index, Value &value,
                            IntegerType &type) {
  if (b.tensorOperand(index, value))
    return failure();
  type = getIntegerElementType(value);
  if (!isEightBit(type))
    return b.emitError() << describeInput(b, index)
                         << " must be a uint8 or int8 tensor, got "
                         << getTensorType(value);
  return success();
}

/// The integers of a constant integer attribute, read with its signedness.
SmallVector<int64_t> readIntegers(DenseElementsAttr attr) {
  auto type = cast<IntegerType>(attr.getElementType());
  SmallVector<int64_t> values;
  for (const APInt &v : attr.getValues<APInt>())
    values.push_back(type.isUnsigned() ? static_cast<int64_t>(v.getZExtValue())
                                       : v.getSExtValue());
  return values;
}

/// The constant integers `attr` of `value` with ONNX's signedness: a
/// quantized constant (a QuantizeLinear output) holds signless storage.
DenseElementsAttr withOnnxSignedness(Value value, DenseElementsAttr attr) {
  IntegerType type = getIntegerElementType(value);
  if (type && attr.getElementType() != type)
    return attr.bitcast(type);
  return attr;
}

/// Scales are f32 (FLOAT16 and BFLOAT16 were converted at import); opset 25
/// also allows int32 ones.
ParseResult checkScaleType(OpBinder &b, unsigned index, ShapedType type) {
  Type element = type.getElementType();
  if (element.isF32())
    return success();
  if (element.isSignlessInteger(32))
    return b.unsupported(describeInput(b, index) +
                         " holds int32 scales; QuantC takes float scales");
  return b.emitError() << describeInput(b, index)
                       << " must be a float tensor, got " << type;
}

/// Reads a constant scale input.
ParseResult constantScale(OpBinder &b, unsigned index, StringRef what,
                          DenseElementsAttr &attr) {
  if (b.constantOperand(index, what, attr))
    return failure();
  return checkScaleType(b, index, attr.getType());
}

/// Reads a constant zero point input whose element type must be `storage`.
ParseResult constantZeroPoint(OpBinder &b, unsigned index, StringRef what,
                              IntegerType storage, DenseElementsAttr &attr) {
  if (b.constantOperand(index, what, attr))
    return failure();
  attr = withOnnxSignedness(b.getOperand(index), attr);
  if (attr.getElementType() != storage)
    return b.emitError() << describeInput(b, index) << " (" << what
                         << ") has element type " << attr.getElementType()
                         << " but its data has " << storage;
  return success();
}

/// The quantized type of one operand of a QLinear op, from its constant
/// scale (input `scaleIndex`) and zero point (input `zpIndex`; 0 when absent
/// and `zpOptional`). Both hold one element, or, when `channels` > 1, may hold
/// `channels` (per-axis along `axis`; the other is broadcast).
FailureOr<quant::QuantizedType>
readOperandType(OpBinder &b, unsigned scaleIndex, unsigned zpIndex,
                IntegerType storage, StringRef what, bool zpOptional,
                int64_t channels = 1, int64_t axis = 0) {
  DenseElementsAttr scaleAttr, zpAttr;
  std::string scaleWhat = (what + " scale").str();
  std::string zpWhat = (what + " zero point").str();
  if (constantScale(b, scaleIndex, scaleWhat, scaleAttr))
    return failure();
  if (b.hasOperand(zpIndex) || !zpOptional) {
    if (constantZeroPoint(b, zpIndex, zpWhat, storage, zpAttr))
      return failure();
  }
  SmallVector<float> scales(scaleAttr.getValues<float>());
  SmallVector<int64_t> zeroPoints =
      zpAttr ? readIntegers(zpAttr) : SmallVector<int64_t>{0};
  auto check = [&](size_t count, int64_t rank, StringRef name) {
    if (count == 1 ||
        (channels > 1 && count == static_cast<size_t>(channels) && rank == 1))
      return success();
    auto diag = b.emitError() << name << " must be a scalar";
    if (channels > 1)
      diag << " or a 1-D tensor of " << channels << " elements";
    return failure();
  };
  if (failed(check(scales.size(), scaleAttr.getType().getRank(), scaleWhat)) ||
      (zpAttr &&
       failed(check(zeroPoints.size(), zpAttr.getType().getRank(), zpWhat))))
    return failure();
  size_t count = std::max(scales.size(), zeroPoints.size());
  scales.resize(count, scales[0]);
  zeroPoints.resize(count, zeroPoints[0]);
  return buildQuantizedType(b, storage, scales, zeroPoints, axis);
}

//===----------------------------------------------------------------------===//
// QuantizeLinear, DequantizeLinear
//===----------------------------------------------------------------------===//

/// How scale and zero point map onto the data: ONNX's three granularities.
struct LinearLayout {
  enum Kind { PerTensor, PerAxis, Blocked } kind = PerTensor;
  int64_t axis = 0;
  int64_t blockSize = 0;
};

/// Reads axis and block_size and checks the shapes of scale and zero point
/// against the data's (rank `rank`, shape `shape`).
ParseResult readLinearLayout(OpBinder &b, ArrayRef<int64_t> shape, Value scale,
                             Value zeroPoint, LinearLayout &layout) {
  int64_t axis, blockSize;
  if (b.intAttr("axis", axis, 1) || b.intAttr("block_size", blockSize, 0))
    return failure();
  RankedTensorType scaleType = getTensorType(scale);
  if (zeroPoint) {
    RankedTensorType zpType = getTensorType(zeroPoint);
    bool bothScalar =
        scaleType.getNumElements() == 1 && zpType.getNumElements() == 1;
    if (!bothScalar && zpType.getShape() != scaleType.getShape())
      return b.emitError() << "zero point shape [" << zpType.getShape()
                           << "] must match scale shape ["
                           << scaleType.getShape() << "]";
  }
  int64_t rank = shape.size();
  if (blockSize < 0)
    return b.emitError() << "block_size must be positive, got " << blockSize;
  if (blockSize > 0) {
    if (normalizeAxis(b, axis, rank))
      return failure();
    SmallVector<int64_t> expected(shape);
    expected[axis] = llvm::divideCeil(shape[axis], blockSize);
    if (scaleType.getShape() != ArrayRef<int64_t>(expected))
      return b.emitError() << "blocked scale must have shape [" << expected
                           << "] (the input's, with dimension " << axis
                           << " divided by block_size " << blockSize
                           << " rounded up), got [" << scaleType.getShape()
                           << "]";
    layout = {LinearLayout::Blocked, axis, blockSize};
    return success();
  }
  if (scaleType.getNumElements() == 1) {
    layout = {LinearLayout::PerTensor, 0, 0};
    return success();
  }
  if (scaleType.getRank() != 1)
    return b.emitError() << "scale must be a scalar or a 1-D tensor without "
                            "block_size, got shape ["
                         << scaleType.getShape() << "]";
  if (b.getOpset() < 13)
    return b.emitError() << "scale must be a scalar at opset " << b.getOpset()
                         << " (per-axis quantization needs opset 13)";
  if (normalizeAxis(b, axis, rank))
    return failure();
  if (scaleType.getDimSize(0) != shape[axis])
    return b.emitError() << "per-axis scale has " << scaleType.getDimSize(0)
                         << " elements but dimension " << axis
                         << " of the input has size " << shape[axis];
  layout = {LinearLayout::PerAxis, axis, 0};
  return success();
}

/// The static quantized type of constant parameters, or null when they are
/// not constants or no static type holds them (blocked, or a scale that is
/// not positive and finite): those take the tensor-parameter ops.
FailureOr<quant::QuantizedType> getStaticType(OpBinder &b, IntegerType storage,
                                              Value scale, Value zeroPoint,
                                              const LinearLayout &layout) {
  DenseFPElementsAttr scaleAttr;
  DenseIntElementsAttr zpAttr;
  if (layout.kind == LinearLayout::Blocked ||
      !matchPattern(scale, m_Constant(&scaleAttr)) ||
      (zeroPoint && !matchPattern(zeroPoint, m_Constant(&zpAttr))))
    return quant::QuantizedType();
  SmallVector<float> scales(scaleAttr.getValues<float>());
  if (llvm::any_of(scales,
                   [](float s) { return !(s > 0.0f) || !std::isfinite(s); }))
    return quant::QuantizedType();
  SmallVector<int64_t> zeroPoints =
      zpAttr ? readIntegers(withOnnxSignedness(zeroPoint, zpAttr))
             : SmallVector<int64_t>(scales.size(), 0);
  return buildQuantizedType(b, storage, scales, zeroPoints, layout.axis);
}

/// The operands and attributes of quantize_linear / dequantize_linear for a
/// layout: per-tensor parameters become rank 0.
void buildLinearOperands(OpBinder &b, const LinearLayout &layout, Value &scale,
                         Value &zeroPoint, IntegerAttr &axis,
                         IntegerAttr &blockSize) {
  if (zeroPoint)
    zeroPoint = asIntegerTensor(b, zeroPoint);
  if (layout.kind == LinearLayout::PerTensor) {
    scale = b.reshape(scale, {});
    if (zeroPoint)
      zeroPoint = b.reshape(zeroPoint, {});
    return;
  }
  axis = b.getBuilder().getI64IntegerAttr(layout.axis);
  if (layout.kind == LinearLayout::Blocked)
    blockSize = b.getBuilder().getI64IntegerAttr(layout.blockSize);
}

/// Integer types QuantizeLinear produces and DequantizeLinear (which also
/// takes int32) consumes.
bool isLinearStorage(IntegerType type, bool allowI32) {
  if (!type || type.isSigned())
    return false;
  unsigned width = type.getWidth();
  return width == 2 || width == 4 || width == 8 || width == 16 ||
         (allowI32 && width == 32 && type.isSignless());
}

/// ONNX's 8- and 4-bit floats, which QuantizeLinear produces and
/// DequantizeLinear consumes as qnt.quantize_linear / dequantize_linear
/// data (FLOAT8E8M0 is not a QuantizeLinear type).
bool isLinearFloat(Type type) {
  return isa<Float8E4M3FNType, Float8E4M3FNUZType, Float8E5M2Type,
             Float8E5M2FNUZType, Float4E2M1FNType>(type);
}

/// Reads a scale input (any f32 tensor; constant or not).
ParseResult scaleOperand(OpBinder &b, unsigned index, Value &scale) {
  if (b.tensorOperand(index, scale))
    return failure();
  return checkScaleType(b, index, getTensorType(scale));
}

LogicalResult convertQuantizeLinear(OpBinder &b) {
  Value input, scale;
  if (b.tensorOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  if (!type.getElementType().isF32()) {
    if (isa<IntegerType, quant::QuantizedType>(type.getElementType()))
      return b.unsupported("quantizing integer input x of type " +
                           typeString(type.getElementType()) +
                           "; QuantC quantizes float tensors");
    return b.emitError() << "input #0 must be a float tensor, got " << type;
  }
  if (scaleOperand(b, 1, scale))
    return failure();

  int64_t outputDtype, precision, saturate;
  if (b.intAttr("output_dtype", outputDtype, 0) ||
      b.intAttr("precision", precision, 0) ||
      b.intAttr("saturate", saturate, 1))
    return failure();
  // saturate only concerns float8 outputs.
  if (precision != 0 && precision != onnx::TensorProto::FLOAT)
    return b.unsupported("precision " +
                         getDataTypeName(static_cast<int32_t>(precision)) +
                         "; QuantC divides in f32");

  // The output type: the zero point's, else output_dtype, else uint8.
  Value zeroPoint = b.getOperand(2);
  IntegerType storage =
      IntegerType::get(b.getContext(), 8, IntegerType::Unsigned);
  Type dtype;
  if (outputDtype != 0) {
    FailureOr<Type> converted = convertElementType(
        static_cast<int32_t>(outputDtype), b.getLoc(), "output_dtype");
    if (failed(converted))
      return failure();
    dtype = *converted;
  }
  Type requested =
      zeroPoint ? getTensorType(zeroPoint).getElementType() : dtype;
  if (requested && isLinearFloat(requested)) {
    // Float8 and FLOAT4E2M1 outputs have no static quantized type: always
    // the tensor-parameter op.
    if (dtype && dtype != requested)
      return b.emitError() << "output_dtype " << dtype
                           << " does not match the zero point's type "
                           << requested;
    LinearLayout layout;
    if (readLinearLayout(b, type.getShape(), scale, zeroPoint, layout))
      return failure();
    IntegerAttr axis, blockSize;
    buildLinearOperands(b, layout, scale, zeroPoint, axis, blockSize);
    b.setResult(0, b.create<QuantizeLinearOp>(
                       RankedTensorType::get(type.getShape(), requested), input,
                       scale, zeroPoint, axis, blockSize,
                       b.getBuilder().getBoolAttr(saturate != 0)));
    return success();
  }
  if (requested && isa<FloatType>(requested) && !requested.isF32())
    return b.unsupported("QuantizeLinear to " +
                         llvm::formatv("{0}", requested).str() +
                         "; QuantC quantizes to integers, float8 and "
                         "FLOAT4E2M1");
  if (zeroPoint) {
    storage = getIntegerElementType(zeroPoint);
    if (!storage)
      return b.emitError() << "zero point must be an integer tensor, got "
                           << getTensorType(zeroPoint);
    if (dtype && dtype != storage)
      return b.emitError() << "output_dtype " << dtype
                           << " does not match the zero point's type "
                           << storage;
  } else if (dtype) {
    storage = dyn_cast<IntegerType>(dtype);
    if (!storage)
      return b.emitError() << "output_dtype " << dtype
                           << " is not a quantized integer type";
  }
  if (!isLinearStorage(storage, /*allowI32=*/false))
    return b.emitError()
           << "cannot quantize to " << storage
           << "; QuantizeLinear produces int2, uint2, int4, uint4, int8, "
              "uint8, int16 or uint16";

  LinearLayout layout;
  if (readLinearLayout(b, type.getShape(), scale, zeroPoint, layout))
    return failure();
  FailureOr<quant::QuantizedType> qtype =
      getStaticType(b, storage, scale, zeroPoint, layout);
  if (failed(qtype))
    return failure();
  if (*qtype) {
    b.setResult(0, b.create<QuantizeOp>(
                       RankedTensorType::get(type.getShape(), *qtype), input));
    return success();
  }
  IntegerAttr axis, blockSize;
  buildLinearOperands(b, layout, scale, zeroPoint, axis, blockSize);
  b.setResult(0, b.create<QuantizeLinearOp>(
                     RankedTensorType::get(type.getShape(), storage), input,
                     scale, zeroPoint, axis, blockSize));
  return success();
}

/// DequantizeLinear of float8 or FLOAT4E2M1 data: always the
/// tensor-parameter op, which has the only small-float form.
LogicalResult convertSmallFloatDequantizeLinear(OpBinder &b, Value input) {
  RankedTensorType type = getTensorType(input);
  Value scale;
  int64_t outputDtype;
  if (scaleOperand(b, 1, scale) || b.intAttr("output_dtype", outputDtype, 0))
    return failure();
  if (outputDtype != 0 && outputDtype != onnx::TensorProto::FLOAT)
    return b.unsupported("output_dtype " +
                         getDataTypeName(static_cast<int32_t>(outputDtype)) +
                         "; QuantC dequantizes to f32");
  Value zeroPoint = b.getOperand(2);
  if (zeroPoint &&
      getTensorType(zeroPoint).getElementType() != type.getElementType())
    return b.emitError() << "zero point type "
                         << getTensorType(zeroPoint).getElementType()
                         << " does not match the input's "
                         << type.getElementType();
  LinearLayout layout;
  if (readLinearLayout(b, type.getShape(), scale, zeroPoint, layout))
    return failure();
  IntegerAttr axis, blockSize;
  buildLinearOperands(b, layout, scale, zeroPoint, axis, blockSize);
  auto resultType =
      RankedTensorType::get(type.getShape(), b.getBuilder().getF32Type());
  b.setResult(0, DequantizeLinearOp::create(b.getBuilder(), b.getLoc(),
                                            resultType, input, scale, zeroPoint,
                                            axis, blockSize));
  return success();
}

LogicalResult convertDequantizeLinear(OpBinder &b) {
  Value input, scale;
  if (b.tensorOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (isLinearFloat(element))
    return convertSmallFloatDequantizeLinear(b, input);
  if (isa<FloatType>(element) && !element.isF32())
    return b.unsupported("DequantizeLinear of " +
                         llvm::formatv("{0}", element).str() +
                         "; QuantC dequantizes integers, float8 and "
                         "FLOAT4E2M1");
  IntegerType storage = getIntegerElementType(input);
  if (!storage)
    return b.emitError() << "input #0 must hold quantized integers, got "
                         << type;
  if (!isLinearStorage(storage, /*allowI32=*/true))
    return b.emitError()
           << "cannot dequantize " << storage
           << "; DequantizeLinear takes int2, uint2, int4, uint4, int8, "
              "uint8, int16, uint16 or int32";
  if (scaleOperand(b, 1, scale))
    return failure();
  int64_t outputDtype;
  if (b.intAttr("output_dtype", outputDtype, 0))
    return failure();
  if (outputDtype != 0 && outputDtype != onnx::TensorProto::FLOAT)
    return b.unsupported("output_dtype " +
                         getDataTypeName(static_cast<int32_t>(outputDtype)) +
                         "; QuantC dequantizes to f32");

  Value zeroPoint = b.getOperand(2);
  if (zeroPoint && getIntegerElementType(zeroPoint) != storage)
    return b.emitError() << "zero point type "
                         << getTensorType(zeroPoint).getElementType()
                         << " does not match the input's " << storage;

  LinearLayout layout;
  if (readLinearLayout(b, type.getShape(), scale, zeroPoint, layout))
    return failure();
  FailureOr<quant::QuantizedType> qtype =
      getStaticType(b, storage, scale, zeroPoint, layout);
  if (failed(qtype))
    return failure();
  auto resultType =
      RankedTensorType::get(type.getShape(), b.getBuilder().getF32Type());
  // Not folded on constants: QDQ stays literal, so that quantized weights
  // keep their parameters for the pass that fuses QDQ (canonicalization
  // folds them later).
  OpBuilder &builder = b.getBuilder();
  if (*qtype) {
    b.setResult(0, DequantizeOp::create(builder, b.getLoc(), resultType,
                                        attachQuantType(b, input, *qtype)));
    return success();
  }
  IntegerAttr axis, blockSize;
  buildLinearOperands(b, layout, scale, zeroPoint, axis, blockSize);
  b.setResult(0, DequantizeLinearOp::create(builder, b.getLoc(), resultType,
                                            asIntegerTensor(b, input), scale,
                                            zeroPoint, axis, blockSize));
  return success();
}

LogicalResult convertDynamicQuantizeLinear(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  if (type.getNumElements() == 0)
    return b.emitError() << "input must have at least one element";
  MLIRContext *ctx = b.getContext();
  auto ui8 = IntegerType::get(ctx, 8, IntegerType::Unsigned);
  SmallVector<Value, 3> results;
  b.getBuilder().createOrFold<DynamicQuantizeLinearOp>(
      results, b.getLoc(), RankedTensorType::get(type.getShape(), ui8),
      RankedTensorType::get({}, Float32Type::get(ctx)),
      RankedTensorType::get({}, ui8), input);
  return b.setResults(results);
}

//===----------------------------------------------------------------------===//
// QLinearConv, ConvInteger
//===----------------------------------------------------------------------===//

/// The filter of a 1-D convolution is reshaped to 2-D inside buildConv; a
/// per-axis type survives that only when the reshape folds (a constant).
LogicalResult checkOneDimPerAxisFilter(OpBinder &b, Value filter,
                                       quant::QuantizedType type) {
  if (getTensorType(filter).getRank() == 3 &&
      isa<quant::UniformQuantizedPerAxisType>(type) &&
      !matchPattern(filter, m_Constant()))
    return b.unsupported("1-D convolution with per-channel parameters on a "
                         "filter computed at run time");
  return success();
}

LogicalResult convertQLinearConv(OpBinder &b) {
  Value x, w, y0;
  IntegerType xType, wType, yType;
  if (eightBitOperand(b, 0, x, xType) || eightBitOperand(b, 3, w, wType) ||
      eightBitOperand(b, 7, y0, yType))
    return failure();
  if (getTensorType(w).getRank() < 3)
    return b.emitError() << "w must have rank 3 or 4, got " << getTensorType(w);
  int64_t filters = getTensorType(w).getDimSize(0);
  FailureOr<quant::QuantizedType> xq =
      readOperandType(b, 1, 2, xType, "x", /*zpOptional=*/false);
  if (failed(xq))
    return failure();
  FailureOr<quant::QuantizedType> wq = readOperandType(
      b, 4, 5, wType, "w", /*zpOptional=*/false, filters, /*axis=*/0);
  if (failed(wq))
    return failure();
  FailureOr<quant::QuantizedType> yq =
      readOperandType(b, 6, 7, yType, "y", /*zpOptional=*/false);
  if (failed(yq) || failed(checkOneDimPerAxisFilter(b, w, *wq)))
    return failure();

  // The bias initializes the i32 accumulator: scale x_scale * w_scale (per
  // output channel), zero point 0.
  Value bias;
  if (b.hasOperand(8)) {
    if (b.tensorOperand(8, bias))
      return failure();
    RankedTensorType biasType = getTensorType(bias);
    auto i32 = dyn_cast<IntegerType>(biasType.getElementType());
    if (!i32 || i32.getWidth() != 32 || i32.isUnsigned())
      return b.emitError() << "B must be an int32 tensor, got " << biasType;
    if (biasType.getRank() != 1 || biasType.getDimSize(0) != filters)
      return b.emitError() << "B must have shape [" << filters << "], got "
                           << biasType;
    bool perAxis = isa<quant::UniformQuantizedPerAxisType>(*wq);
    SmallVector<float> scales;
    for (int64_t c = 0, e = perAxis ? filters : 1; c < e; ++c)
      scales.push_back(static_cast<float>(scaleAt(*xq, 0)) *
                       static_cast<float>(scaleAt(*wq, c)));
    FailureOr<quant::QuantizedType> biasQ = buildQuantizedType(
        b, i32, scales, SmallVector<int64_t>(scales.size(), 0), 0);
    if (failed(biasQ))
      return failure();
    bias = attachQuantType(b, bias, *biasQ);
  }
  FailureOr<Value> conv = buildConv(b, attachQuantType(b, x, *xq),
                                    attachQuantType(b, w, *wq), bias, *yq);
  if (failed(conv))
    return failure();
  b.setResult(0, toIntegers(b, *conv));
  return success();
}

/// A zero point of an Integer op known only at run time, as the qnt op
/// wants it: rank 0, or 1-D with `channels` elements when `channels` > 1; a
/// constant 0 when absent.
FailureOr<Value> runtimeZeroPoint(OpBinder &b, unsigned index,
                                  IntegerType storage, StringRef what,
                                  int64_t channels) {
  if (!b.hasOperand(index)) {
    auto type = RankedTensorType::get({}, storage);
    return b.create<ConstantOp>(
        type, DenseElementsAttr::get(type, APInt(storage.getWidth(), 0)));
  }
  Value zp;
  if (b.tensorOperand(index, zp))
    return failure();
  if (getIntegerElementType(zp) != storage)
    return b.emitError() << describeInput(b, index) << " (" << what
                         << ") has element type "
                         << getTensorType(zp).getElementType()
                         << " but its data has " << storage;
  zp = asIntegerTensor(b, zp);
  RankedTensorType type = getTensorType(zp);
  if (type.getNumElements() == 1)
    return b.reshape(zp, {});
  if (channels > 1 && type.getRank() == 1 && type.getDimSize(0) == channels)
    return zp;
  auto diag = b.emitError() << what << " must be a scalar";
  if (channels > 1)
    diag << " or a 1-D tensor of " << channels << " elements";
  return diag;
}

/// ConvInteger whose zero points are known only at run time (e.g.
/// DynamicQuantizeLinear's): qnt.conv2d_integer, with the layout handling of
/// buildConv (NCHW outside, NHWC/FHWC inside, 1-D as 2-D of height 1).
LogicalResult convertRuntimeConvInteger(OpBinder &b, Value x, IntegerType xType,
                                        Value w, IntegerType wType) {
  RankedTensorType inType = getTensorType(x), filterType = getTensorType(w);
  int64_t rank = inType.getRank(), groups;
  Window2D window;
  if (readConvGeometry(b, inType, filterType, groups, window))
    return failure();
  int64_t filters = filterType.getDimSize(0);
  FailureOr<Value> xZp = runtimeZeroPoint(b, 2, xType, "x_zero_point", 1);
  if (failed(xZp))
    return failure();
  FailureOr<Value> wZp = runtimeZeroPoint(b, 3, wType, "w_zero_point", filters);
  if (failed(wZp))
    return failure();

  Value input = asIntegerTensor(b, x), filter = asIntegerTensor(b, w);
  if (rank == 3) {
    ArrayRef<int64_t> s = inType.getShape(), f = filterType.getShape();
    input = b.reshape(input, {s[0], s[1], 1, s[2]});
    filter = b.reshape(filter, {f[0], f[1], 1, f[2]});
  }
  Value inputNHWC = b.toNHWC(input);
  Value filterFHWC = b.transpose(filter, {0, 2, 3, 1});
  ArrayRef<int64_t> in = getTensorType(inputNHWC).getShape();
  ArrayRef<int64_t> f = getTensorType(filterFHWC).getShape();
  int64_t outHW[2];
  for (int i = 0; i < 2; ++i) {
    outHW[i] = windowOutputSize(in[1 + i], f[1 + i], window.strides[i],
                                window.dilations[i], window.pads[i],
                                window.pads[i + 2], /*ceilMode=*/false);
    if (outHW[i] <= 0)
      return b.emitError() << "the dilated kernel ("
                           << window.dilations[i] * (f[1 + i] - 1) + 1
                           << ") does not fit the padded input ("
                           << in[1 + i] + window.pads[i] + window.pads[i + 2]
                           << ") in spatial dimension " << (rank == 3 ? 0 : i);
  }
  auto resultType = RankedTensorType::get({in[0], outHW[0], outHW[1], filters},
                                          IntegerType::get(b.getContext(), 32));
  Value conv = b.create<Conv2DIntegerOp>(resultType, inputNHWC, filterFHWC,
                                         *xZp, *wZp, window.strides,
                                         window.pads, window.dilations, groups);
  Value result = b.fromNHWC(conv);
  if (rank == 3)
    result = b.reshape(result, {in[0], filters, outHW[1]});
  b.setResult(0, result);
  return success();
}

LogicalResult convertConvInteger(OpBinder &b) {
  Value x, w;
  IntegerType xType, wType;
  if (eightBitOperand(b, 0, x, xType) || eightBitOperand(b, 1, w, wType))
    return failure();
  for (unsigned index : {2u, 3u}) {
    Value zp = b.getOperand(index);
    if (zp && !matchPattern(zp, m_Constant()))
      return convertRuntimeConvInteger(b, x, xType, w, wType);
  }
  if (getTensorType(w).getRank() < 3)
    return b.emitError() << "w must have rank 3 or 4, got " << getTensorType(w);
  int64_t filters = getTensorType(w).getDimSize(0);
  // Scale 1 makes the real values the zero-point-shifted integers.
  auto readZeroPoints = [&](unsigned index, IntegerType storage,
                            int64_t channels,
                            StringRef what) -> FailureOr<quant::QuantizedType> {
    SmallVector<int64_t> zeroPoints{0};
    if (b.hasOperand(index)) {
      DenseElementsAttr attr;
      if (constantZeroPoint(b, index, what, storage, attr))
        return failure();
      zeroPoints = readIntegers(attr);
      if (zeroPoints.size() != 1 &&
          (channels == 1 || attr.getType().getRank() != 1 ||
           static_cast<int64_t>(zeroPoints.size()) != channels)) {
        auto diag = b.emitError() << what << " must be a scalar";
        if (channels > 1)
          diag << " or a 1-D tensor of " << channels << " elements";
        return diag;
      }
    }
    SmallVector<float> scales(zeroPoints.size(), 1.0f);
    return buildQuantizedType(b, storage, scales, zeroPoints, 0);
  };
  FailureOr<quant::QuantizedType> xq =
      readZeroPoints(2, xType, 1, "x_zero_point");
  if (failed(xq))
    return failure();
  FailureOr<quant::QuantizedType> wq =
      readZeroPoints(3, wType, filters, "w_zero_point");
  if (failed(wq) || failed(checkOneDimPerAxisFilter(b, w, *wq)))
    return failure();
  auto i32 = IntegerType::get(b.getContext(), 32);
  FailureOr<quant::QuantizedType> yq =
      buildQuantizedType(b, i32, {1.0f}, {0}, 0);
  FailureOr<Value> conv = buildConv(b, attachQuantType(b, x, *xq),
                                    attachQuantType(b, w, *wq), Value(), *yq);
  if (failed(conv))
    return failure();
  b.setResult(0, toIntegers(b, *conv));
  return success();
}

//===----------------------------------------------------------------------===//
// QLinearMatMul, MatMulInteger
//===----------------------------------------------------------------------===//

/// The shapes of an ONNX MatMul (NumPy matmul): 1-D operands promoted to
/// matrices, the broadcast batch, and the result before and after dropping
/// the promoted dimensions.
struct MatMulShapes {
  SmallVector<int64_t> lhs, rhs, result, onnxResult;
  int64_t columns = 0;
};

ParseResult computeMatMulShapes(OpBinder &b, Value lhs, Value rhs,
                                MatMulShapes &shapes) {
  ArrayRef<int64_t> a = getTensorType(lhs).getShape();
  ArrayRef<int64_t> c = getTensorType(rhs).getShape();
  if (a.empty() || c.empty())
    return b.emitError() << "MatMul operands must have rank at least 1";
  shapes.lhs.assign(a.begin(), a.end());
  shapes.rhs.assign(c.begin(), c.end());
  if (a.size() == 1)
    shapes.lhs.insert(shapes.lhs.begin(), 1);
  if (c.size() == 1)
    shapes.rhs.push_back(1);
  int64_t k1 = shapes.lhs.back(), k2 = shapes.rhs[shapes.rhs.size() - 2];
  if (k1 != k2)
    return b.emitError() << "the contraction dimensions differ: " << k1
                         << " columns against " << k2 << " rows";
  SmallVector<int64_t> batch;
  if (broadcastShapes(b, ArrayRef(shapes.lhs).drop_back(2),
                      ArrayRef(shapes.rhs).drop_back(2), batch))
    return failure();
  shapes.columns = shapes.rhs.back();
  shapes.result = batch;
  shapes.result.push_back(shapes.lhs[shapes.lhs.size() - 2]);
  shapes.result.push_back(shapes.columns);
  shapes.onnxResult = batch;
  if (a.size() > 1)
    shapes.onnxResult.push_back(shapes.lhs[shapes.lhs.size() - 2]);
  if (c.size() > 1)
    shapes.onnxResult.push_back(shapes.columns);
  return success();
}

/// qnt.matmul on integer operands given their quantized types; returns the
/// integers of the result with ONNX's shape.
Value buildQuantizedMatMul(OpBinder &b, const MatMulShapes &shapes, Value lhs,
                           quant::QuantizedType lhsType, Value rhs,
                           quant::QuantizedType rhsType,
                           quant::QuantizedType resultType) {
  Value lhsQ = attachQuantType(
      b, b.reshape(asIntegerTensor(b, lhs), shapes.lhs), lhsType);
  Value rhsQ = attachQuantType(
      b, b.reshape(asIntegerTensor(b, rhs), shapes.rhs), rhsType);
  Value product =
      b.create<MatMulOp>(RankedTensorType::get(shapes.result, resultType), lhsQ,
                         rhsQ, FloatAttr(), FloatAttr());
  return b.reshape(toIntegers(b, product), shapes.onnxResult);
}

LogicalResult convertQLinearMatMul(OpBinder &b) {
  Value a, c, y0;
  IntegerType aType, cType, yType;
  if (eightBitOperand(b, 0, a, aType) || eightBitOperand(b, 3, c, cType) ||
      eightBitOperand(b, 7, y0, yType))
    return failure();
  MatMulShapes shapes;
  if (computeMatMulShapes(b, a, c, shapes))
    return failure();
  // qnt.matmul takes a per-tensor lhs: a per-row a has no static form.
  for (unsigned index : {1u, 2u}) {
    Value param = b.getOperand(index);
    if (param && getTensorType(param).getNumElements() > 1)
      return b.unsupported("per-row quantization of a (" +
                           describeInput(b, index) +
                           " has several elements); qnt.matmul takes a "
                           "per-tensor lhs");
  }
  FailureOr<quant::QuantizedType> aq =
      readOperandType(b, 1, 2, aType, "a", /*zpOptional=*/false);
  if (failed(aq))
    return failure();
  FailureOr<quant::QuantizedType> cq =
      readOperandType(b, 4, 5, cType, "b", /*zpOptional=*/false, shapes.columns,
                      static_cast<int64_t>(shapes.rhs.size()) - 1);
  if (failed(cq))
    return failure();
  FailureOr<quant::QuantizedType> yq =
      readOperandType(b, 6, 7, yType, "y", /*zpOptional=*/false);
  if (failed(yq))
    return failure();
  b.setResult(0, buildQuantizedMatMul(b, shapes, a, *aq, c, *cq, *yq));
  return success();
}

/// True when every `rows` x `columns` slice of `values` (row-major, slices
/// outermost) equals the first.
bool slicesEqual(ArrayRef<int64_t> values, int64_t sliceSize) {
  for (size_t i = sliceSize; i < values.size(); ++i)
    if (values[i] != values[i % sliceSize])
      return false;
  return true;
}

/// Whether the per-column zero points of B have shape [N] or [..., 1, N].
bool isPerColumnShape(ArrayRef<int64_t> shape, int64_t columns) {
  return !shape.empty() && shape.back() == columns &&
         (shape.size() == 1 || shape[shape.size() - 2] == 1);
}

/// Checks that a_zero_point is a scalar or holds one value per row of A:
/// [M], or [..., M, 1].
ParseResult checkRowZeroPointShape(OpBinder &b, ArrayRef<int64_t> shape,
                                   const MatMulShapes &shapes) {
  int64_t rows = shapes.lhs[shapes.lhs.size() - 2];
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  if (count == 1 || (shape.size() == 1 && shape[0] == rows) ||
      (shape.size() >= 2 && shape.back() == 1 &&
       shape[shape.size() - 2] == rows))
    return success();
  return b.emitError() << "a_zero_point must be a scalar or hold one value "
                          "per row of A, got shape ["
                       << shape << "]";
}

/// MatMulInteger whose zero points are known only at run time (e.g.
/// DynamicQuantizeLinear's): qnt.matmul_integer, which takes them as tensors.
LogicalResult convertRuntimeMatMulInteger(OpBinder &b,
                                          const MatMulShapes &shapes, Value a,
                                          IntegerType aType, Value c,
                                          IntegerType cType) {
  // Each zero point as the op wants it: rank 0, or [N] per column of B.
  auto readZeroPoint = [&](unsigned index, IntegerType storage,
                           bool perColumn) -> FailureOr<Value> {
    StringRef what = perColumn ? "b_zero_point" : "a_zero_point";
    Value zp = b.getOperand(index);
    // Absent, mistyped and single zero points: the common reading.
    if (!zp || getIntegerElementType(zp) != storage ||
        getTensorType(zp).getNumElements() == 1)
      return runtimeZeroPoint(b, index, storage, what, 1);
    ArrayRef<int64_t> shape = getTensorType(zp).getShape();
    if (!perColumn) {
      if (checkRowZeroPointShape(b, shape, shapes))
        return failure();
      return b.unsupported(describeInput(b, index) +
                           " holds one run-time zero point per row of A; "
                           "qnt.matmul_integer takes one for all of A");
    }
    if (!isPerColumnShape(shape, shapes.columns))
      return b.emitError() << "b_zero_point must be a scalar or hold one "
                              "value per column of B, got shape ["
                           << shape << "]";
    if (getTensorType(zp).getNumElements() != shapes.columns)
      return b.unsupported(describeInput(b, index) +
                           " holds run-time zero points per batch of B; "
                           "qnt.matmul_integer takes one per column");
    return b.reshape(asIntegerTensor(b, zp), {shapes.columns});
  };
  FailureOr<Value> aZp = readZeroPoint(2, aType, /*perColumn=*/false);
  if (failed(aZp))
    return failure();
  FailureOr<Value> cZp = readZeroPoint(3, cType, /*perColumn=*/true);
  if (failed(cZp))
    return failure();
  Value lhs = b.reshape(asIntegerTensor(b, a), shapes.lhs);
  Value rhs = b.reshape(asIntegerTensor(b, c), shapes.rhs);
  Value product = b.create<MatMulIntegerOp>(
      RankedTensorType::get(shapes.result,
                            IntegerType::get(b.getContext(), 32)),
      lhs, rhs, *aZp, *cZp);
  b.setResult(0, b.reshape(product, shapes.onnxResult));
  return success();
}

LogicalResult convertMatMulInteger(OpBinder &b) {
  Value a, c;
  IntegerType aType, cType;
  if (eightBitOperand(b, 0, a, aType) || eightBitOperand(b, 1, c, cType))
    return failure();
  MatMulShapes shapes;
  if (computeMatMulShapes(b, a, c, shapes))
    return failure();
  for (unsigned index : {2u, 3u}) {
    Value zp = b.getOperand(index);
    if (zp && !matchPattern(zp, m_Constant()))
      return convertRuntimeMatMulInteger(b, shapes, a, aType, c, cType);
  }

  // a_zero_point: a scalar, or one per row of A; only a uniform one has a
  // static per-tensor form.
  SmallVector<int64_t> aZeroPoints{0}, cZeroPoints{0};
  if (b.hasOperand(2)) {
    DenseElementsAttr attr;
    if (constantZeroPoint(b, 2, "a_zero_point", aType, attr) ||
        checkRowZeroPointShape(b, attr.getType().getShape(), shapes))
      return failure();
    aZeroPoints = readIntegers(attr);
    if (!slicesEqual(aZeroPoints, 1))
      return b.unsupported("a_zero_point with different values per row; "
                           "qnt.matmul takes a per-tensor lhs");
    aZeroPoints.resize(1);
  }
  // b_zero_point: a scalar, or one per column ([N], or [..., 1, N] that
  // must then be the same for every batch).
  if (b.hasOperand(3)) {
    DenseElementsAttr attr;
    if (constantZeroPoint(b, 3, "b_zero_point", cType, attr))
      return failure();
    cZeroPoints = readIntegers(attr);
    ArrayRef<int64_t> shape = attr.getType().getShape();
    if (cZeroPoints.size() != 1) {
      if (!isPerColumnShape(shape, shapes.columns))
        return b.emitError() << "b_zero_point must be a scalar or hold one "
                                "value per column of B, got shape ["
                             << shape << "]";
      if (!slicesEqual(cZeroPoints, shapes.columns))
        return b.unsupported("b_zero_point that differs between batches; "
                             "qnt.matmul takes one per column");
      cZeroPoints.resize(shapes.columns);
    }
  }
  FailureOr<quant::QuantizedType> aq =
      buildQuantizedType(b, aType, {1.0f}, aZeroPoints, 0);
  if (failed(aq))
    return failure();
  FailureOr<quant::QuantizedType> cq = buildQuantizedType(
      b, cType, SmallVector<float>(cZeroPoints.size(), 1.0f), cZeroPoints,
      static_cast<int64_t>(shapes.rhs.size()) - 1);
  if (failed(cq))
    return failure();
  FailureOr<quant::QuantizedType> yq = buildQuantizedType(
      b, IntegerType::get(b.getContext(), 32), {1.0f}, {0}, 0);
  if (failed(yq))
    return failure();
  b.setResult(0, buildQuantizedMatMul(b, shapes, a, *aq, c, *cq, *yq));
  return success();
}

//===----------------------------------------------------------------------===//
// com.microsoft QLinearAdd, QLinearMul, QLinearSigmoid,
// QLinearGlobalAveragePool
//===----------------------------------------------------------------------===//

template <typename OpTy> LogicalResult convertQLinearBinary(OpBinder &b) {
  Value lhs, rhs;
  IntegerType lhsType, rhsType;
  if (eightBitOperand(b, 0, lhs, lhsType) ||
      eightBitOperand(b, 3, rhs, rhsType))
    return failure();
  if (lhsType != rhsType)
    return b.emitError() << "A and B must have the same element type, got "
                         << lhsType << " and " << rhsType;
  FailureOr<quant::QuantizedType> aq =
      readOperandType(b, 1, 2, lhsType, "A", /*zpOptional=*/true);
  if (failed(aq))
    return failure();
  FailureOr<quant::QuantizedType> bq =
      readOperandType(b, 4, 5, lhsType, "B", /*zpOptional=*/true);
  if (failed(bq))
    return failure();
  FailureOr<quant::QuantizedType> cq =
      readOperandType(b, 6, 7, lhsType, "C", /*zpOptional=*/true);
  if (failed(cq))
    return failure();
  SmallVector<int64_t> shape;
  if (broadcastShapes(b, getTensorType(lhs).getShape(),
                      getTensorType(rhs).getShape(), shape))
    return failure();
  Value result = b.create<OpTy>(
      RankedTensorType::get(shape, *cq), attachQuantType(b, lhs, *aq),
      attachQuantType(b, rhs, *bq), FloatAttr(), FloatAttr());
  b.setResult(0, toIntegers(b, result));
  return success();
}

LogicalResult convertQLinearSigmoid(OpBinder &b) {
  Value x;
  IntegerType xType;
  if (eightBitOperand(b, 0, x, xType))
    return failure();
  FailureOr<quant::QuantizedType> xq =
      readOperandType(b, 1, 2, xType, "X", /*zpOptional=*/true);
  if (failed(xq))
    return failure();
  FailureOr<quant::QuantizedType> yq =
      readOperandType(b, 3, 4, xType, "Y", /*zpOptional=*/true);
  if (failed(yq))
    return failure();
  Value result = b.create<SigmoidOp>(
      RankedTensorType::get(getTensorType(x).getShape(), *yq),
      attachQuantType(b, x, *xq));
  b.setResult(0, toIntegers(b, result));
  return success();
}

LogicalResult convertQLinearGlobalAveragePool(OpBinder &b) {
  Value x;
  IntegerType xType;
  int64_t channelsLast;
  if (eightBitOperand(b, 0, x, xType) ||
      b.intAttr("channels_last", channelsLast, 0))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(x).getShape();
  int64_t rank = shape.size();
  if (rank < 3)
    return b.emitError() << "X must have rank 3 or more (a batch, channels "
                            "and spatial dimensions), got rank "
                         << rank;
  FailureOr<quant::QuantizedType> xq =
      readOperandType(b, 1, 2, xType, "x", /*zpOptional=*/false);
  if (failed(xq))
    return failure();
  FailureOr<quant::QuantizedType> yq =
      readOperandType(b, 3, 4, xType, "y", /*zpOptional=*/false);
  if (failed(yq))
    return failure();

  // Averaging over all spatial positions is averaging over one flattened
  // spatial dimension: pool [N, 1, S, C] (NHWC).
  int64_t batch = shape[0];
  int64_t channels = channelsLast ? shape.back() : shape[1];
  ArrayRef<int64_t> spatial =
      channelsLast ? shape.slice(1, rank - 2) : shape.drop_front(2);
  int64_t positions = 1;
  for (int64_t d : spatial)
    positions *= d;
  if (positions == 0)
    return b.emitError() << "X has no spatial positions to average";
  Value input = attachQuantType(b, x, *xq);
  Value nhwc;
  if (channelsLast) {
    nhwc = b.reshape(input, {batch, 1, positions, channels});
  } else if (rank == 4) {
    nhwc = b.toNHWC(input);
  } else {
    nhwc = b.toNHWC(b.reshape(input, {batch, channels, 1, positions}));
  }
  Value pooled = b.create<GlobalAvgPoolOp>(
      RankedTensorType::get({batch, 1, 1, channels}, *yq), nhwc);
  SmallVector<int64_t> outShape(rank, 1);
  outShape[0] = batch;
  outShape[channelsLast ? rank - 1 : 1] = channels;
  if (!channelsLast)
    pooled = b.fromNHWC(pooled);
  b.setResult(0, toIntegers(b, b.reshape(pooled, outShape)));
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateQuantizedHandlers(
    OpRegistry &registry) {
  registry.on("ConvInteger", 10, convertConvInteger);
  registry.on("DequantizeLinear", 10, convertDequantizeLinear);
  registry.on("DynamicQuantizeLinear", 11, convertDynamicQuantizeLinear);
  registry.on("MatMulInteger", 10, convertMatMulInteger);
  registry.on("QLinearConv", 10, convertQLinearConv);
  registry.on("QLinearMatMul", 10, convertQLinearMatMul);
  registry.on("QuantizeLinear", 10, convertQuantizeLinear);
  registry.on("QLinearAdd", 1, convertQLinearBinary<AddOp>, kMicrosoftDomain);
  registry.on("QLinearGlobalAveragePool", 1, convertQLinearGlobalAveragePool,
              kMicrosoftDomain);
  registry.on("QLinearMul", 1, convertQLinearBinary<MulOp>, kMicrosoftDomain);
  registry.on("QLinearSigmoid", 1, convertQLinearSigmoid, kMicrosoftDomain);
}
