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
// Options
//===----------------------------------------------------------------------===//

/// The contract that requantizes integer accumulators (docs/Numerics.md):
/// `Float` multiplies by an f32 multiplier, `Fixed` by a Q0.31 integer and
/// a rounding right shift, with no float operation.
enum class RequantMode { Float, Fixed };

/// `float` or `fixed`; none for any other spelling.
std::optional<RequantMode> parseRequantMode(StringRef spelling);

/// Choices of the lowering that change its numerics.
struct LoweringOptions {
  RequantMode requant = RequantMode::Float;
};

/// Every pattern group, with `options` for those that requantize.
void populateQntToLinalgPatterns(const TypeConverter &converter,
                                 RewritePatternSet &patterns,
                                 const LoweringOptions &options);

//===----------------------------------------------------------------------===//
// Pattern groups
//===----------------------------------------------------------------------===//

/// Float and integer elementwise ops, activations, cast and storage_cast.
void populateElementwiseLoweringPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns);
/// quantize, dequantize, requantize, the tensor-parameter and dynamic forms.
void populateQuantLoweringPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns,
                                   const LoweringOptions &options);
/// conv2d, conv_transpose2d, matmul, fully_connected and integer forms.
void populateContractionLoweringPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns,
                                         const LoweringOptions &options);
/// conv3d.
void populateConv3DLoweringPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns);
/// Pools, reductions, softmax and log_softmax.
void populateReductionLoweringPatterns(const TypeConverter &converter,
                                       RewritePatternSet &patterns,
                                       const LoweringOptions &options);
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
// Contractions (defined in Contractions.cpp)
//===----------------------------------------------------------------------===//

/// A contraction's initial accumulator of `shape`: `bias` broadcast along
/// the last dimension, or 0.
Value createAccumulator(OpBuilder &b, Location loc, Value bias,
                        ArrayRef<int64_t> shape, Type elementType);

/// The float result of a contraction: `value` clamped to the fused
/// activation's bounds (`value` itself without bounds).
Value clampFloat(OpBuilder &b, Location loc, Value value,
                 std::optional<float> lo, std::optional<float> hi);

/// Accumulates the f32 3-D convolution of `input` [N, D, H, W, C], already
/// padded, with the filter [F, KD, KH, KW, C / groups] into `init`
/// [N, OD, OH, OW, F]: the plain or depthwise named op, or a linalg.generic
/// for other groups. `filter` is the qnt-level value and `convertedFilter`
/// its lowered form; a constant filter is rearranged at compile time.
Value buildFloatConvolution3D(OpBuilder &b, Location loc, Value input,
                              Value filter, Value convertedFilter, Value init,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations, int64_t groups);

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

/// An f32 holding an integer of magnitude below 2^22, as i32, with integer
/// operations after one exact float addition instead of a float-to-integer
/// conversion: cheaper on every target, and vectorized RISC-V code then has
/// no vfcvt.rtz conversion (which qemu 7.2 cannot translate).
Value integralToI32(OpBuilder &b, Location loc, Value value);

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

//===----------------------------------------------------------------------===//
// Requantization
//===----------------------------------------------------------------------===//

/// A requantization multiplier known at compile time, as each contract
/// takes it: `f32` computed by the caller in f32 in ONNX Runtime's order of
/// operations (the float contract), `real` the same ratio of the same f32
/// scales computed in double (what the fixed contract approximates).
struct RequantMultiplier {
  float f32;
  double real;
};

/// The fixed contract's form of a real multiplier M: `m0 * 2^-shift`, `m0`
/// a Q0.31 integer in [2^30, 2^31) and `shift` the total right shift
/// (31 + n for M = m0 * 2^-31 * 2^-n), in [1, 2 * accumulator width - 2].
/// M == 0, and any M too small to move an accumulator of that width off 0
/// (shift beyond the range), is `m0 = 0, shift = 1`: the result is the zero
/// point.
struct FixedPointMultiplier {
  int64_t m0 = 0;
  int64_t shift = 1;

  /// Fails for M >= 2^30 (a shift below 1), negative M and NaN.
  static FailureOr<FixedPointMultiplier> get(double multiplier,
                                             unsigned accumulatorWidth);
};

/// Requantizes integer accumulators (i32, or i64 for wide sums) with
/// compile-time multipliers under either contract: one multiplier for the
/// whole tensor, or one per element of `shape`, a shape that broadcasts
/// against the accumulator's (such as [C] for a channels-last result).
class Requantizer {
public:
  /// Reports an error at `loc` when the fixed contract cannot represent a
  /// multiplier.
  static FailureOr<Requantizer> get(Location loc, RequantMode mode,
                                    ArrayRef<RequantMultiplier> multipliers,
                                    ArrayRef<int64_t> shape,
                                    IntegerType accumulatorType);

  /// Constant tensors of `shape` the generic must read, none when every
  /// multiplier is the same: the f32 multipliers, or m0 and shift (i32).
  SmallVector<Value> createInputs(OpBuilder &b, Location loc) const;

  /// The multiplier inside a generic's body: constants when uniform, else
  /// `args`, the elements read from createInputs().
  SmallVector<Value> getMultiplier(OpBuilder &b, Location loc,
                                   ValueRange args) const;

  /// The storage integer of `acc` requantized with `multiplier` (from
  /// getMultiplier); `zeroPoint` is an i32 scalar.
  Value build(OpBuilder &b, Location loc, Value acc, ValueRange multiplier,
              Value zeroPoint, const StorageInfo &storage) const;

  /// Whether every multiplier is exactly 1 (the accumulator needs no scaling).
  bool isIdentity() const;

private:
  RequantMode mode = RequantMode::Float;
  SmallVector<int64_t> shape;
  SmallVector<float> f32Multipliers;
  SmallVector<FixedPointMultiplier> fixedMultipliers;
  IntegerType accumulatorType;
  bool uniform = true;
};

/// The fixed contract on an integer accumulator: saturate(zp +
/// round_half_to_even(acc * m0 / 2^shift)) with the product exact in twice
/// the accumulator's width and one rounding right shift. `m0` and `shift`
/// are scalars of that doubled width; `zeroPoint` is i32.
Value requantizeFixedScalar(OpBuilder &b, Location loc, Value acc, Value m0,
                            Value shift, Value zeroPoint,
                            const StorageInfo &storage);

/// The storage range of a quantized result narrowed by real-valued clamp
/// bounds (the fused activation of an op's epilogue). Quantization is
/// monotonic, so clamping the real value and then quantizing equals
/// clamping the quantized value to [quantize(clamp_min), quantize(clamp_max)].
StorageInfo clampStorage(const StorageInfo &storage, float scale,
                         int64_t zeroPoint, std::optional<float> clampMin,
                         std::optional<float> clampMax);

} // namespace mlir::quantc

#endif // QUANTC_LIB_CONVERSION_QNTTOLINALG_LOWERINGUTILS_H
