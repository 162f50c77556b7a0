//===- LoweringUtils.h - Shared pieces of the qnt lowering ------*- C++ -*-===//
//
// Builders every group of qnt -> linalg patterns uses: quantization
// parameters, broadcasting elementwise generics and the scalar arithmetic
// of quantize, dequantize and requantize. The pattern groups declare their
// populate functions here; QntToLinalg.cpp calls them all.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_CONVERSION_QNTTOLINALG_LOWERINGUTILS_H
#define QUANTC_LIB_CONVERSION_QNTTOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::quantc {

//===----------------------------------------------------------------------===//
// Pattern groups
//===----------------------------------------------------------------------===//

/// Float and integer elementwise ops, activations, cast and storage_cast.
void populateElementwiseLoweringPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns);
/// quantize, dequantize, requantize, the tensor-parameter and dynamic forms.
void populateQuantLoweringPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns);
/// conv2d, conv_transpose2d, matmul, fully_connected and integer forms.
void populateContractionLoweringPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns);
/// Pools, reductions, softmax and log_softmax.
void populateReductionLoweringPatterns(const TypeConverter &converter,
                                       RewritePatternSet &patterns);
/// reshape, transpose, concat, pad, slice, gather.
void populateDataMovementLoweringPatterns(const TypeConverter &converter,
                                          RewritePatternSet &patterns);
/// resize.
void populateResizeLoweringPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns);
/// quantize_linear and dequantize_linear on float8 and f4E2M1FN data, cast
/// to f8E8M0FNU.
void populateSmallFloatLoweringPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns);

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

/// How a `qnt`-level integer or quantized element type is stored once
/// lowered: a signless integer whose bits are read as signed or unsigned,
/// and the range it may hold.
struct StorageInfo {
  IntegerType type;
  bool isSigned = true;
  int64_t min = 0;
  int64_t max = 0;

  /// Storage of an integer or quantized element type; null `type` otherwise.
  static StorageInfo get(Type qntElementType);
};

/// Quantization parameters of a per-tensor or per-axis quantized type.
struct QuantParams {
  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
  /// The quantized dimension, or -1 for per-tensor parameters.
  int32_t axis = -1;
  StorageInfo storage;

  static QuantParams get(quant::QuantizedType type);
  bool isPerAxis() const { return axis >= 0; }
};

/// The quantized element type of a tensor type, or null.
quant::QuantizedType getQuantizedElementType(Type type);

//===----------------------------------------------------------------------===//
// Tensors and generics
//===----------------------------------------------------------------------===//

/// `tensor.empty` of the given shape and element type.
Value createEmptyTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                        Type elementType);

/// A tensor of `shape` filled with `value`: `linalg.fill` of an empty one.
Value createFilledTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                         Value value);

/// The map reading an operand of `operandShape` inside an iteration space of
/// `resultShape` under NumPy broadcasting: operands align at the last
/// dimension; missing leading dimensions and size-1 dimensions read index 0.
AffineMap getBroadcastMap(MLIRContext *ctx, ArrayRef<int64_t> operandShape,
                          ArrayRef<int64_t> resultShape);

using ScalarBodyBuilder =
    function_ref<Value(OpBuilder &b, Location loc, ValueRange args)>;

/// A `linalg.generic` over the shape of `resultType` (all loops parallel)
/// reading each of `inputs` with broadcasting and yielding `body(args)`;
/// returns its result.
Value buildElementwise(OpBuilder &b, Location loc, ValueRange inputs,
                       RankedTensorType resultType, ScalarBodyBuilder body);

/// The converted type of `op`'s first result if it is a statically shaped
/// tensor, else null (patterns then report the dynamic shape at the op).
RankedTensorType getStaticResultType(const TypeConverter &converter,
                                     Operation *op);

/// `input` [N, spatial..., C] padded in its spatial dimensions by `low` and
/// `high` (one entry per spatial dimension) with `padValue`; `input` itself
/// when nothing is padded.
Value padSpatial(OpBuilder &b, Location loc, Value input,
                 ArrayRef<int64_t> low, ArrayRef<int64_t> high, Value padValue);

/// How a scale or zero-point tensor is read in the data's iteration space of
/// rank `rank`: a rank-0 tensor without `axis` (per tensor), `i[axis]` per
/// axis, and `i` with `i[axis] floordiv blockSize` when blocked.
AffineMap getParameterMap(MLIRContext *ctx, int64_t rank,
                          std::optional<int64_t> axis,
                          std::optional<int64_t> blockSize);

/// A rank-1 `arith.constant` tensor holding `values`.
Value createF32Vector(OpBuilder &b, Location loc, ArrayRef<float> values);
Value createI32Vector(OpBuilder &b, Location loc, ArrayRef<int64_t> values);

//===----------------------------------------------------------------------===//
// Scalar arithmetic
//===----------------------------------------------------------------------===//

Value createF32Constant(OpBuilder &b, Location loc, float value);
Value createIntConstant(OpBuilder &b, Location loc, Type type, int64_t value);

/// Widens (or keeps) an integer scalar to `to`, sign- or zero-extending by
/// `isSigned`; truncates when `to` is narrower.
Value castInteger(OpBuilder &b, Location loc, Value value, Type to,
                  bool isSigned);

/// Integer scalar to f32 (sitofp or uitofp by `isSigned`).
Value integerToF32(OpBuilder &b, Location loc, Value value, bool isSigned);

/// f32 scalar to the storage integer: round half to even, saturate to
/// `[storage.min, storage.max]`; NaN becomes 0.
Value roundToStorage(OpBuilder &b, Location loc, Value value,
                     const StorageInfo &storage);

/// ONNX QuantizeLinear of one f32: saturate(round(x / scale) + zp). Divides
/// (never multiplies by a reciprocal), as ONNX and ONNX Runtime do. `scale`
/// is f32, `zeroPoint` an i32 scalar.
Value quantizeScalar(OpBuilder &b, Location loc, Value x, Value scale,
                     Value zeroPoint, const StorageInfo &storage);

/// ONNX DequantizeLinear of one stored value: f32(q - zp) * scale, with the
/// subtraction in i32. `zeroPoint` is an i32 scalar.
Value dequantizeScalar(OpBuilder &b, Location loc, Value q,
                       const StorageInfo &qStorage, Value zeroPoint,
                       Value scale);

/// The float requantization contract on an i32 accumulator:
/// saturate(round_half_to_even(f32(acc) * multiplier) + zp), saturating to
/// `[storage.min, storage.max]` (narrowed by clampStorage for a fused
/// activation). `multiplier` is f32, `zeroPoint` an i32 scalar.
Value requantizeScalar(OpBuilder &b, Location loc, Value acc, Value multiplier,
                       Value zeroPoint, const StorageInfo &storage);

/// The storage range of a quantized result narrowed by real-valued clamp
/// bounds (the fused activation of an op's epilogue). Quantization is
/// monotonic, so clamping the real value and then quantizing equals
/// clamping the quantized value to [quantize(clamp_min), quantize(clamp_max)].
StorageInfo clampStorage(const StorageInfo &storage, float scale,
                         int64_t zeroPoint, std::optional<float> clampMin,
                         std::optional<float> clampMax);

} // namespace mlir::quantc

#endif // QUANTC_LIB_CONVERSION_QNTTOLINALG_LOWERINGUTILS_H
