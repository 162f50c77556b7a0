//===- Quantized.cpp - ONNX quantization ops ------------------------------===//
//
// QuantizeLinear and DequantizeLinear become qnt.quantize/qnt.dequantize on
// upstream !quant.uniform types built from their constant scale and zero
// point; the QLinear and Integer ops become qnt ops on quantized tensors.
// ONNX's integer tensors enter and leave the quantized domain through
// qnt.storage_cast.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "../TensorConversion.h"
#include "Common.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

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
      return b.emitError() << "scale " << s << " must be positive and finite";
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

/// Reads the constant scale (input `scaleIndex`) and optional zero point
/// (input `zpIndex`) of a node that (de)quantizes a tensor of rank `rank`,
/// honoring the `axis` attribute. Without a zero point the storage is
/// `defaultStorage` and the zero point 0.
FailureOr<quant::QuantizedType> readQuantParams(OpBinder &b,
                                                unsigned scaleIndex,
                                                unsigned zpIndex, int64_t rank,
                                                IntegerType defaultStorage) {
  SmallVector<float> scales;
  if (b.constantFloats(scaleIndex, "scale", scales))
    return failure();
  int64_t axis = 1, blockSize = 0;
  if (b.intAttr("axis", axis, 1) || b.intAttr("block_size", blockSize, 0))
    return failure();
  if (blockSize != 0)
    return b.unsupported("blocked quantization (block_size " +
                         Twine(blockSize) + ")");
  if (scales.empty())
    return b.emitError() << "scale is empty";

  IntegerType storage = defaultStorage;
  SmallVector<int64_t> zeroPoints(scales.size(), 0);
  if (b.hasOperand(zpIndex)) {
    DenseElementsAttr zpAttr;
    if (b.constantOperand(zpIndex, "zero point", zpAttr))
      return failure();
    storage = dyn_cast<IntegerType>(zpAttr.getElementType());
    if (!storage || storage.getWidth() == 1 || storage.getWidth() == 64)
      return b.emitError() << "unsupported: zero point of type "
                           << zpAttr.getElementType();
    if (zpAttr.getNumElements() != static_cast<int64_t>(scales.size()))
      return b.emitError() << "zero point has " << zpAttr.getNumElements()
                           << " elements but scale has " << scales.size();
    zeroPoints.clear();
    for (const APInt &v : zpAttr.getValues<APInt>())
      zeroPoints.push_back(storage.isUnsigned()
                               ? static_cast<int64_t>(v.getZExtValue())
                               : v.getSExtValue());
  }
  if (scales.size() > 1 && normalizeAxis(b, axis, rank))
    return failure();
  return buildQuantizedType(b, storage, scales, zeroPoints, axis);
}

/// The stored integer type of a quantized type, as ONNX names it (ui8, i8).
IntegerType getStorageIntegerType(quant::QuantizedType type) {
  return IntegerType::get(type.getContext(), type.getStorageTypeIntegralWidth(),
                          type.isSigned() ? IntegerType::Signless
                                          : IntegerType::Unsigned);
}

/// `value` (stored integers, or a quantized tensor whose stored integers
/// ONNX passes on) reinterpreted with quantized element type `type`.
Value attachQuantType(OpBinder &b, Value value, quant::QuantizedType type) {
  RankedTensorType valueType = getTensorType(value);
  auto resultType = RankedTensorType::get(valueType.getShape(), type);
  if (valueType == resultType)
    return value;
  if (isa<quant::QuantizedType>(valueType.getElementType()))
    value = b.create<StorageCastOp>(
        RankedTensorType::get(valueType.getShape(),
                              getStorageIntegerType(cast<quant::QuantizedType>(
                                  valueType.getElementType()))),
        value);
  return b.create<StorageCastOp>(resultType, value);
}

LogicalResult convertQuantizeLinear(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  auto defaultStorage =
      IntegerType::get(b.getContext(), 8, IntegerType::Unsigned);
  int64_t outputDtype;
  if (b.intAttr("output_dtype", outputDtype, 0))
    return failure();
  if (outputDtype != 0) {
    FailureOr<Type> element = convertElementType(
        static_cast<int32_t>(outputDtype), b.getLoc(), "output_dtype");
    if (failed(element))
      return failure();
    defaultStorage = dyn_cast<IntegerType>(*element);
    if (!defaultStorage)
      return b.emitError() << "unsupported: quantizing to " << *element;
  }
  FailureOr<quant::QuantizedType> qtype =
      readQuantParams(b, 1, 2, type.getRank(), defaultStorage);
  if (failed(qtype))
    return failure();
  b.setResult(0, b.create<QuantizeOp>(
                     RankedTensorType::get(type.getShape(), *qtype), input));
  return success();
}

LogicalResult convertDequantizeLinear(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  IntegerType storage;
  if (auto qtype = dyn_cast<quant::QuantizedType>(element))
    storage = getStorageIntegerType(qtype);
  else
    storage = dyn_cast<IntegerType>(element);
  if (!storage || storage.getWidth() == 1 || storage.getWidth() == 64)
    return b.emitError() << "input must hold quantized integers, got " << type;
  FailureOr<quant::QuantizedType> qtype =
      readQuantParams(b, 1, 2, type.getRank(), storage);
  if (failed(qtype))
    return failure();
  if (getStorageIntegerType(*qtype) != storage)
    return b.emitError() << "zero point type " << getStorageIntegerType(*qtype)
                         << " does not match the input's " << storage;
  Value quantized = attachQuantType(b, input, *qtype);
  b.setResult(0, b.create<DequantizeOp>(
                     RankedTensorType::get(type.getShape(),
                                           b.getBuilder().getF32Type()),
                     quantized));
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateQuantizedHandlers(
    OpRegistry &registry) {
  registry.on("DequantizeLinear", 10, convertDequantizeLinear);
  registry.on("QuantizeLinear", 10, convertQuantizeLinear);
}
