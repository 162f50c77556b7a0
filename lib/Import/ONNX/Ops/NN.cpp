//===- NN.cpp - ONNX convolution, matrix and pooling ops ------------------===//
//
// Handlers for the ops that carry a model's weights (Conv, ConvTranspose,
// Gemm, MatMul, BatchNormalization, com.microsoft FusedGemm) and for pooling.
// Spatial ops become NHWC qnt ops between layout transposes; constant weights
// are rearranged (and Gemm's alpha, BatchNormalization's affine transform
// folded in) at import.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "Common.h"

#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

std::string typeString(Type type) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << type;
  return result;
}

/// Input `index` as an f32 tensor. ONNX also defines some of these ops on
/// integer tensors, which QuantC does not compute: those are unsupported.
ParseResult floatInput(OpBinder &b, unsigned index, Value &value) {
  if (b.tensorOperand(index, value))
    return failure();
  RankedTensorType type = getTensorType(value);
  if (type.getElementType().isF32())
    return success();
  return b.unsupported("input #" + Twine(index) + " ('" +
                       b.getNode().input(index) + "') of type " +
                       typeString(type) + "; QuantC imports " +
                       b.getNode().op_type() + " on float tensors");
}

/// An optional f32 input; null when absent.
ParseResult optionalFloatInput(OpBinder &b, unsigned index, Value &value) {
  value = {};
  if (!b.hasOperand(index))
    return success();
  return floatInput(b, index, value);
}

/// The f32 elements of a constant, or nothing when `value` is not one.
std::optional<SmallVector<float>> getConstantFloats(Value value) {
  DenseElementsAttr attr;
  if (!value || !matchPattern(value, m_Constant(&attr)) ||
      !attr.getElementType().isF32())
    return std::nullopt;
  return SmallVector<float>(attr.getValues<float>());
}

/// A rank-0 f32 constant, the scalar operand of a broadcast qnt.mul/add.
Value scalarConstant(OpBinder &b, float value) {
  return b.floatConstant({value}, {});
}

/// `lhs * rhs` or `lhs + rhs` with NumPy broadcasting, on f32 tensors.
template <typename OpTy>
Value broadcastBinary(OpBinder &b, Value lhs, Value rhs) {
  SmallVector<int64_t> shape;
  // The callers' shapes broadcast by construction.
  (void)broadcastShapes(b, getTensorType(lhs).getShape(),
                        getTensorType(rhs).getShape(), shape);
  auto type = RankedTensorType::get(shape, b.getBuilder().getF32Type());
  return b.create<OpTy>(type, lhs, rhs, FloatAttr(), FloatAttr());
}

//===----------------------------------------------------------------------===//
// Conv, ConvTranspose
//===----------------------------------------------------------------------===//

/// 3-D Conv: NCDHW in and out, qnt.conv3d on NDHWC with the OIDHW filter
/// transposed to FDHWC.
LogicalResult convertConv3D(OpBinder &b, Value input, Value filter,
                            Value bias) {
  RankedTensorType inType = getTensorType(input);
  RankedTensorType wType = getTensorType(filter);
  int64_t groups;
  Window window;
  if (readConvGeometry(b, inType, wType, groups, window, /*maxSpatial=*/3))
    return failure();
  int64_t filters = wType.getDimSize(0);
  if (bias && (getTensorType(bias).getRank() != 1 ||
               getTensorType(bias).getDimSize(0) != filters))
    return b.emitError() << "bias must have shape [" << filters << "]";
  SmallVector<int64_t, 3> out;
  if (getWindowOutputSizes(b, inType.getShape().drop_front(2), window,
                           /*ceilMode=*/false, out))
    return failure();

  auto resultType = RankedTensorType::get(
      {inType.getDimSize(0), out[0], out[1], out[2], filters},
      inType.getElementType());
  Value conv = b.create<Conv3DOp>(
      resultType, b.transpose(input, {0, 2, 3, 4, 1}),
      b.transpose(filter, {0, 2, 3, 4, 1}), bias, window.strides, window.pads,
      window.dilations, groups, FloatAttr(), FloatAttr());
  b.setResult(0, b.transpose(conv, {0, 4, 1, 2, 3}));
  return success();
}

LogicalResult convertConv(OpBinder &b) {
  Value input, filter, bias;
  if (floatInput(b, 0, input) || floatInput(b, 1, filter) ||
      optionalFloatInput(b, 2, bias))
    return failure();
  if (getTensorType(input).getRank() >= 5)
    return convertConv3D(b, input, filter, bias);
  FailureOr<Value> conv =
      buildConv(b, input, filter, bias, b.getBuilder().getF32Type());
  if (failed(conv))
    return failure();
  b.setResult(0, *conv);
  return success();
}

/// ONNX's ConvTranspose filter W[C, F / groups, K...] in qnt's channels-last
/// layout [F, K..., C / groups] (FHWC, or FDHWC in 3-D):
/// filter[g*Fg + o, k..., c] = W[g*Cg + c, o, k...].
Value convTransposeFilter(OpBinder &b, Value w, int64_t groups) {
  ArrayRef<int64_t> s = getTensorType(w).getShape();
  int64_t rank = s.size();
  if (groups == 1) {
    SmallVector<int64_t, 5> perm =
        llvm::to_vector<5>(llvm::seq<int64_t>(1, rank));
    perm.push_back(0);
    return b.transpose(w, perm);
  }
  // [G, Cg, Fg, K...] -> [G, Fg, K..., Cg].
  int64_t groupChannels = s[0] / groups;
  SmallVector<int64_t, 6> grouped = {groups, groupChannels};
  grouped.append(s.begin() + 1, s.end());
  SmallVector<int64_t, 6> perm = {0};
  for (int64_t d = 2; d <= rank; ++d)
    perm.push_back(d);
  perm.push_back(1);
  Value perGroup = b.transpose(b.reshape(w, grouped), perm);
  SmallVector<int64_t, 5> shape = {groups * s[1]};
  shape.append(s.begin() + 2, s.end());
  shape.push_back(groupChannels);
  return b.reshape(perGroup, shape);
}

/// Rounds toward negative infinity, as Python's `//` in ONNX's reference.
int64_t floorDiv2(int64_t value) {
  return value >= 0 ? value / 2 : -((-value + 1) / 2);
}

LogicalResult convertConvTranspose(OpBinder &b) {
  Value input, filter, bias;
  if (floatInput(b, 0, input) || floatInput(b, 1, filter) ||
      optionalFloatInput(b, 2, bias))
    return failure();
  RankedTensorType inType = getTensorType(input);
  RankedTensorType wType = getTensorType(filter);
  int64_t rank = inType.getRank();
  if (rank < 3)
    return b.emitError() << "input must have rank 3 or more ([N, C, spatial "
                            "dimensions...]), got rank "
                         << rank;
  if (rank > 5)
    return b.unsupported(Twine(rank - 2) +
                         "-D transposed convolution; QuantC imports 1-D, 2-D "
                         "and 3-D ones");
  if (wType.getRank() != rank)
    return b.emitError() << "filter has rank " << wType.getRank()
                         << " but the input has rank " << rank;
  size_t spatial = rank - 2;
  int64_t groups;
  if (b.intAttr("group", groups, 1))
    return failure();
  int64_t channels = inType.getDimSize(1);
  if (groups <= 0 || channels % groups != 0)
    return b.emitError() << "group " << groups << " does not divide the "
                         << channels << " input channels";
  if (wType.getDimSize(0) != channels)
    return b.emitError() << "filter has " << wType.getDimSize(0)
                         << " input channels (dimension 0) but the input has "
                         << channels;
  int64_t filters = wType.getDimSize(1) * groups;
  if (bias && (getTensorType(bias).getRank() != 1 ||
               getTensorType(bias).getDimSize(0) != filters))
    return b.emitError() << "bias must have shape [" << filters << "]";
  ArrayRef<int64_t> kernel = wType.getShape().drop_front(2);

  SmallVector<int64_t> ones(spatial, 1), zeros(spatial, 0),
      zeroPads(2 * spatial, 0), empty;
  SmallVector<int64_t> strides, dilations, pads, outputPadding, outputShape;
  std::string autoPad;
  if (checkKernelShape(b, kernel) ||
      b.intsAttr("strides", strides, ArrayRef<int64_t>(ones)) ||
      b.intsAttr("dilations", dilations, ArrayRef<int64_t>(ones)) ||
      b.intsAttr("pads", pads, ArrayRef<int64_t>(zeroPads)) ||
      b.intsAttr("output_padding", outputPadding, ArrayRef<int64_t>(zeros)) ||
      b.intsAttr("output_shape", outputShape, ArrayRef<int64_t>(empty)) ||
      b.stringAttr("auto_pad", autoPad, StringRef("NOTSET")))
    return failure();
  if (strides.size() != spatial || dilations.size() != spatial ||
      pads.size() != 2 * spatial || outputPadding.size() != spatial ||
      (!outputShape.empty() && outputShape.size() != spatial))
    return b.emitError() << "strides, dilations, output_padding and "
                            "output_shape must have "
                         << spatial << " values and pads " << 2 * spatial
                         << " for " << spatial << " spatial dimensions";
  for (int64_t v : llvm::concat<int64_t>(strides, dilations))
    if (v <= 0)
      return b.emitError() << "strides and dilations must be positive";
  for (int64_t v : llvm::concat<int64_t>(pads, outputPadding))
    if (v < 0)
      return b.emitError() << "pads and output_padding must be non-negative";
  bool same = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
  if (!same && autoPad != "NOTSET" && autoPad != "VALID")
    return b.emitError() << "auto_pad '" << autoPad << "' is not one of "
                         << "NOTSET, SAME_UPPER, SAME_LOWER, VALID";
  // ONNX's reference implementation honors pads given with auto_pad, the
  // specification ignores them; QuantC takes no side.
  if ((same && b.hasAttr("pads")) ||
      (autoPad == "VALID" && llvm::any_of(pads, [](int64_t p) { return p; })))
    return b.unsupported("pads together with auto_pad " + autoPad);

  // Crop amounts of qnt.conv_transpose2d/3d (negative ends add
  // output_padding).
  SmallVector<int64_t> begin(spatial), end(spatial), outSize(spatial);
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = inType.getDimSize(2 + i);
    int64_t extent = dilations[i] * (kernel[i] - 1) + 1;
    int64_t full = strides[i] * (in - 1) + outputPadding[i] + extent;
    int64_t lo, hi;
    if (same || !outputShape.empty()) {
      int64_t target = outputShape.empty() ? in * strides[i] : outputShape[i];
      int64_t total = full - target;
      if (autoPad == "SAME_UPPER") {
        lo = floorDiv2(total);
      } else {
        lo = total - floorDiv2(total);
        // Without SAME_*, ONNX's reference implementation keeps the given
        // (or zero) pads at the start where the specification splits the
        // total; import only where they agree.
        int64_t reference = autoPad == "NOTSET" ? pads[i] : 0;
        if (autoPad != "SAME_LOWER" && lo != reference)
          return b.unsupported(
              "output_shape " + Twine(target) + " of spatial dimension " +
              Twine(i) + " implies total padding " + Twine(total) +
              ", which the ONNX specification starts with " + Twine(lo) +
              " and its reference implementation with " + Twine(reference));
      }
      hi = total - lo;
    } else if (autoPad == "VALID") {
      lo = hi = 0;
    } else {
      lo = pads[i];
      hi = pads[i + spatial];
    }
    begin[i] = lo;
    end[i] = hi - outputPadding[i];
    outSize[i] = full - lo - hi;
    if (outSize[i] <= 0)
      return b.emitError() << "the output of spatial dimension " << i
                           << " would have size " << outSize[i];
  }

  int64_t n = inType.getDimSize(0);
  if (rank == 5) {
    SmallVector<int64_t, 6> pads3(begin);
    pads3.append(end.begin(), end.end());
    auto resultType =
        RankedTensorType::get({n, outSize[0], outSize[1], outSize[2], filters},
                              inType.getElementType());
    Value conv = b.create<ConvTranspose3DOp>(
        resultType, b.transpose(input, {0, 2, 3, 4, 1}),
        convTransposeFilter(b, filter, groups), bias, strides, pads3, dilations,
        groups, FloatAttr(), FloatAttr());
    b.setResult(0, b.transpose(conv, {0, 4, 1, 2, 3}));
    return success();
  }

  // 1-D as 2-D with height 1.
  SmallVector<int64_t, 2> strides2 = {1, strides.back()},
                          dilations2 = {1, dilations.back()};
  SmallVector<int64_t, 4> pads2 = {0, begin.back(), 0, end.back()};
  SmallVector<int64_t, 2> out2 = {1, outSize.back()};
  if (rank == 3) {
    ArrayRef<int64_t> s = inType.getShape();
    input = b.reshape(input, {s[0], s[1], 1, s[2]});
    ArrayRef<int64_t> f = wType.getShape();
    filter = b.reshape(filter, {f[0], f[1], 1, f[2]});
  } else {
    strides2.assign(strides.begin(), strides.end());
    dilations2.assign(dilations.begin(), dilations.end());
    pads2 = {begin[0], begin[1], end[0], end[1]};
    out2.assign(outSize.begin(), outSize.end());
  }
  Value inputNHWC = b.toNHWC(input);
  Value filterFHWC = convTransposeFilter(b, filter, groups);
  auto resultType = RankedTensorType::get({n, out2[0], out2[1], filters},
                                          inType.getElementType());
  Value conv = b.create<ConvTranspose2DOp>(resultType, inputNHWC, filterFHWC,
                                           bias, strides2, pads2, dilations2,
                                           groups, FloatAttr(), FloatAttr());
  Value result = b.fromNHWC(conv);
  if (rank == 3)
    result = b.reshape(result, {n, filters, out2[1]});
  b.setResult(0, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Gemm, FusedGemm, MatMul
//===----------------------------------------------------------------------===//

/// How a Gemm node's C input and attributes may vary with the opset.
struct GemmForm {
  /// C is optional (opset 11 on, and FusedGemm).
  bool optionalC;
  /// Opsets 1 and 6: C broadcasts only with broadcast=1.
  bool broadcastAttr;
};

/// `Y = alpha * A' * B' + beta * C` with `A' = transA ? A^T : A` and
/// `B' = transB ? B^T : B`. A constant B becomes the [N, K] weight of
/// qnt.fully_connected with alpha folded in, and a C that varies only along
/// N its bias; otherwise qnt.matmul, with alpha and C applied by qnt.mul and
/// qnt.add. With `relu`, max(Y, 0) is fused as clamp_min = 0 into the last
/// compute op when that is the fully_connected or matmul.
FailureOr<Value> buildGemm(OpBinder &b, GemmForm form, bool relu) {
  Value a, bm, c;
  float alpha, beta;
  int64_t transA, transB;
  if (floatInput(b, 0, a) || floatInput(b, 1, bm) ||
      optionalFloatInput(b, 2, c) || b.floatAttr("alpha", alpha, 1.0f) ||
      b.floatAttr("beta", beta, 1.0f) || b.intAttr("transA", transA, 0) ||
      b.intAttr("transB", transB, 0))
    return failure();
  if (!c && !form.optionalC)
    return b.emitError() << "input #2 (C) is required before opset 11";
  RankedTensorType aType = getTensorType(a), bType = getTensorType(bm);
  if (aType.getRank() != 2 || bType.getRank() != 2)
    return b.emitError() << "A and B must be matrices, got ranks "
                         << aType.getRank() << " and " << bType.getRank();
  int64_t m = aType.getDimSize(transA ? 1 : 0);
  int64_t k = aType.getDimSize(transA ? 0 : 1);
  int64_t kb = bType.getDimSize(transB ? 1 : 0);
  int64_t n = bType.getDimSize(transB ? 0 : 1);
  if (k != kb)
    return b.emitError() << "contraction sizes differ: A' has " << k
                         << " columns, B' has " << kb << " rows";

  // C broadcasts unidirectionally to [M, N]. It is a row (one value per
  // column n, the same in every row) when its M dimension is 1 or absent.
  ArrayRef<int64_t> cShape;
  bool cIsRow = false;
  if (c) {
    cShape = getTensorType(c).getShape();
    int64_t cm = cShape.size() == 2 ? cShape[0] : 1;
    int64_t cn = cShape.empty() ? 1 : cShape.back();
    if (cShape.size() > 2 || (cm != 1 && cm != m) || (cn != 1 && cn != n)) {
      auto diag = b.emitError() << "C of shape [";
      llvm::interleaveComma(cShape, diag);
      return diag << "] does not broadcast to [" << m << ", " << n << "]";
    }
    if (form.broadcastAttr) {
      int64_t broadcast;
      if (b.intAttr("broadcast", broadcast, 0))
        return failure();
      if (!broadcast && (cShape.size() != 2 || cm != m || cn != n))
        return b.emitError() << "C must have shape [" << m << ", " << n
                             << "] unless broadcast = 1";
    }
    cIsRow = cm == 1;
  }
  std::optional<SmallVector<float>> cValues = getConstantFloats(c);

  Type f32 = b.getBuilder().getF32Type();
  if (transA)
    a = b.transpose(a, {1, 0});
  auto resultType = RankedTensorType::get({m, n}, f32);
  Value y;
  bool cDone = false;
  if (std::optional<SmallVector<float>> bValues = getConstantFloats(bm)) {
    // weight[n][k] = alpha * B'[k][n].
    SmallVector<float> weight(n * k);
    for (int64_t row = 0; row < n; ++row)
      for (int64_t col = 0; col < k; ++col)
        weight[row * k + col] =
            alpha * (*bValues)[transB ? row * k + col : col * n + row];
    Value w = b.floatConstant(weight, {n, k});
    Value bias;
    if (c && cIsRow && cValues) {
      SmallVector<float> biasValues(n);
      for (int64_t col = 0; col < n; ++col)
        biasValues[col] =
            beta * (*cValues)[cShape.empty() || cShape.back() == 1 ? 0 : col];
      bias = b.floatConstant(biasValues, {n});
      cDone = true;
    } else if (c && cIsRow && !cShape.empty() && cShape.back() == n) {
      bias = b.reshape(c, {n});
      if (beta != 1.0f)
        bias = broadcastBinary<MulOp>(b, bias, scalarConstant(b, beta));
      cDone = true;
    }
    y = b.create<FullyConnectedOp>(resultType, a, w, bias, FloatAttr(),
                                   FloatAttr());
  } else {
    Value rhs = transB ? b.transpose(bm, {1, 0}) : bm;
    y = b.create<MatMulOp>(resultType, a, rhs, FloatAttr(), FloatAttr());
    if (alpha != 1.0f)
      y = broadcastBinary<MulOp>(b, y, scalarConstant(b, alpha));
  }
  if (c && !cDone) {
    Value term;
    if (cValues) {
      SmallVector<float> scaled(*cValues);
      for (float &v : scaled)
        v *= beta;
      term = b.floatConstant(scaled, cShape);
    } else {
      term = beta == 1.0f
                 ? c
                 : broadcastBinary<MulOp>(b, c, scalarConstant(b, beta));
    }
    y = broadcastBinary<AddOp>(b, y, term);
  }
  if (relu) {
    auto zero = b.getBuilder().getF32FloatAttr(0.0f);
    Operation *last = y.getDefiningOp();
    if (auto fc = dyn_cast_or_null<FullyConnectedOp>(last))
      fc.setClampMinAttr(zero);
    else if (auto mm = dyn_cast_or_null<MatMulOp>(last))
      mm.setClampMinAttr(zero);
    else
      y = b.create<ClampOp>(y.getType(), y, zero, FloatAttr());
  }
  return y;
}

LogicalResult convertGemm(OpBinder &b) {
  int64_t opset = b.getOpset();
  FailureOr<Value> y =
      buildGemm(b, {/*optionalC=*/opset >= 11, /*broadcastAttr=*/opset < 7},
                /*relu=*/false);
  if (failed(y))
    return failure();
  b.setResult(0, *y);
  return success();
}

/// com.microsoft FusedGemm: Gemm followed by the activation its `activation`
/// attribute names, with parameters `activation_alpha`/`_beta` (required by
/// ONNX Runtime where the activation has them).
LogicalResult convertFusedGemm(OpBinder &b) {
  std::string activation;
  if (b.stringAttr("activation", activation, StringRef("")))
    return failure();
  float alpha = 0.0f, beta = 0.0f;
  if (activation == "LeakyRelu" || activation == "HardSigmoid") {
    if (b.floatAttr("activation_alpha", alpha))
      return failure();
    if (activation == "HardSigmoid" && b.floatAttr("activation_beta", beta))
      return failure();
    if (activation == "LeakyRelu" && !std::isfinite(alpha))
      return b.emitError() << "unsupported: activation_alpha " << alpha
                           << " (QuantC needs it finite)";
    if (!std::isfinite(alpha) || !std::isfinite(beta))
      return b.emitError() << "unsupported: activation_alpha " << alpha
                           << " and activation_beta " << beta
                           << " (QuantC needs them finite)";
  } else if (!activation.empty() && activation != "Relu" &&
             activation != "Sigmoid" && activation != "Tanh") {
    return b.unsupported("activation '" + activation +
                         "'; QuantC imports FusedGemm with Relu, LeakyRelu, "
                         "Sigmoid, Tanh and HardSigmoid");
  }
  FailureOr<Value> gemm =
      buildGemm(b, {/*optionalC=*/true, /*broadcastAttr=*/false},
                /*relu=*/activation == "Relu");
  if (failed(gemm))
    return failure();
  Value y = *gemm;
  Type type = y.getType();
  if (activation == "LeakyRelu") {
    y = b.create<LeakyReluOp>(type, y, b.getBuilder().getF32FloatAttr(alpha));
  } else if (activation == "Sigmoid") {
    y = b.create<SigmoidOp>(type, y);
  } else if (activation == "Tanh") {
    y = b.create<TanhOp>(type, y);
  } else if (activation == "HardSigmoid") {
    OpBuilder &builder = b.getBuilder();
    y = b.create<HardSigmoidOp>(type, y, builder.getF32FloatAttr(alpha),
                                builder.getF32FloatAttr(beta));
  }
  b.setResult(0, y);
  return success();
}

LogicalResult convertMatMul(OpBinder &b) {
  Value lhs, rhs;
  if (floatInput(b, 0, lhs) || floatInput(b, 1, rhs))
    return failure();
  FailureOr<Value> product =
      buildMatMul(b, lhs, rhs, b.getBuilder().getF32Type());
  if (failed(product))
    return failure();
  b.setResult(0, *product);
  return success();
}

//===----------------------------------------------------------------------===//
// BatchNormalization
//===----------------------------------------------------------------------===//

/// Reads constant input `index` of BatchNormalization, which must have
/// `shape`.
ParseResult bnParameter(OpBinder &b, unsigned index, StringRef what,
                        ArrayRef<int64_t> shape,
                        SmallVectorImpl<float> &values) {
  DenseElementsAttr attr;
  if (b.constantOperand(index, what, attr))
    return failure();
  if (!attr.getElementType().isF32() || attr.getType().getShape() != shape) {
    auto diag = b.emitError() << what << " must be a float tensor of shape [";
    llvm::interleaveComma(shape, diag);
    return diag << "], got " << attr.getType();
  }
  values.assign(attr.getValues<float>().begin(), attr.getValues<float>().end());
  return success();
}

/// Scales the rows of a constant [F, ...] weight by `scale[f]`.
Value scaleRows(OpBinder &b, ArrayRef<float> weight, ArrayRef<int64_t> shape,
                ArrayRef<float> scale) {
  SmallVector<float> scaled(weight);
  int64_t rowSize = weight.size() / shape[0];
  for (int64_t f = 0; f < shape[0]; ++f)
    for (int64_t i = 0; i < rowSize; ++i)
      scaled[f * rowSize + i] *= scale[f];
  return b.floatConstant(scaled, shape);
}

/// The bias of a weight op after `y * scale + shift`, per output channel.
Value foldedBias(OpBinder &b, Value bias, ArrayRef<float> scale,
                 ArrayRef<float> shift) {
  SmallVector<float> values(shift);
  if (std::optional<SmallVector<float>> old = getConstantFloats(bias))
    for (size_t f = 0; f < values.size(); ++f)
      values[f] = (*old)[f] * scale[f] + shift[f];
  return b.floatConstant(values, {static_cast<int64_t>(values.size())});
}

/// A weight op without fused clamp, with a constant weight and an absent or
/// constant bias can absorb a per-output-channel affine transform: returns
/// the weight's elements then.
template <typename OpTy>
std::optional<SmallVector<float>> foldableWeight(OpTy op, Value weight,
                                                 Value bias) {
  if (!op || op.getClampMin() || op.getClampMax() ||
      (bias && !getConstantFloats(bias)))
    return std::nullopt;
  return getConstantFloats(weight);
}

/// `x * scale + shift` per channel (dimension 1) folded into the
/// qnt.conv2d (through its layout transpose, and for 1-D the reshape) or
/// qnt.fully_connected that produces `x`, when its weights are constant and
/// it has no other user so far. Returns the new value, or null.
///
/// The original op stays for users of its ONNX output that the importer has
/// not reached yet; without any it is dead code that canonicalization erases.
Value foldIntoProducer(OpBinder &b, Value x, ArrayRef<float> scale,
                       ArrayRef<float> shift) {
  if (!x.use_empty())
    return {};
  Value v = x;
  auto reshape = v.getDefiningOp<ReshapeOp>();
  if (reshape) {
    // The 1-D convolution's [N, F, 1, W] -> [N, F, W] keeps the channels.
    ArrayRef<int64_t> from = getTensorType(reshape.getInput()).getShape();
    ArrayRef<int64_t> to = getTensorType(x).getShape();
    if (from.size() < 2 || to.size() < 2 ||
        from.take_front(2) != to.take_front(2) ||
        !reshape.getInput().hasOneUse())
      return {};
    v = reshape.getInput();
  }
  if (auto fc = v.getDefiningOp<FullyConnectedOp>()) {
    std::optional<SmallVector<float>> weight =
        foldableWeight(fc, fc.getWeight(), fc.getBias());
    if (reshape || !weight)
      return {};
    ArrayRef<int64_t> shape = getTensorType(fc.getWeight()).getShape();
    return b.create<FullyConnectedOp>(
        fc.getType(), fc.getInput(), scaleRows(b, *weight, shape, scale),
        foldedBias(b, fc.getBias(), scale, shift), FloatAttr(), FloatAttr());
  }
  auto transpose = v.getDefiningOp<TransposeOp>();
  if (!transpose || transpose.getPerm() != ArrayRef<int64_t>{0, 3, 1, 2})
    return {};
  auto conv = transpose.getInput().getDefiningOp<Conv2DOp>();
  if (!conv || !conv->hasOneUse())
    return {};
  std::optional<SmallVector<float>> filter =
      foldableWeight(conv, conv.getFilter(), conv.getBias());
  if (!filter)
    return {};
  ArrayRef<int64_t> shape = getTensorType(conv.getFilter()).getShape();
  Value folded = b.create<Conv2DOp>(
      conv.getType(), conv.getInput(), scaleRows(b, *filter, shape, scale),
      foldedBias(b, conv.getBias(), scale, shift), conv.getStrides(),
      conv.getPads(), conv.getDilations(), conv.getGroupsAttr().getInt(),
      FloatAttr(), FloatAttr());
  Value result = b.fromNHWC(folded);
  if (reshape)
    result = b.reshape(result, getTensorType(x).getShape());
  return result;
}

/// An f32 input of shape [C] that a training-mode BatchNormalization reads
/// as a tensor (a constant or a graph input).
ParseResult channelInput(OpBinder &b, unsigned index, StringRef what,
                         int64_t channels, Value &value) {
  if (floatInput(b, index, value))
    return failure();
  RankedTensorType type = getTensorType(value);
  if (type.getShape() != ArrayRef<int64_t>{channels})
    return b.emitError() << what << " must be a float tensor of shape ["
                         << channels << "], got " << type;
  return success();
}

/// `lhs / rhs` with NumPy broadcasting, on f32 tensors.
Value broadcastDiv(OpBinder &b, Value lhs, Value rhs) {
  SmallVector<int64_t> shape;
  (void)broadcastShapes(b, getTensorType(lhs).getShape(),
                        getTensorType(rhs).getShape(), shape);
  auto type = RankedTensorType::get(shape, b.getBuilder().getF32Type());
  return b.create<DivOp>(type, lhs, rhs);
}

/// Training-mode BatchNormalization (opset 14+) normalizes with the
/// statistics of the batch itself, over every axis but the channels:
///   current_mean = mean(X), current_var = mean((X - current_mean)^2)
///   Y = scale * (X - current_mean) / sqrt(current_var + epsilon) + B
///   running_mean = input_mean * momentum + current_mean * (1 - momentum)
///   running_var = input_var * momentum + current_var * (1 - momentum)
/// in ONNX's reference order of operations; the variance is the biased
/// (population) one. scale, B, input_mean and input_var may be graph inputs.
LogicalResult convertTrainingBatchNormalization(OpBinder &b, Value x,
                                                float epsilon) {
  RankedTensorType type = getTensorType(x);
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = type.getRank(), channels = shape[1];
  float momentum;
  if (b.floatAttr("momentum", momentum, 0.9f))
    return failure();
  Value scale, bias, inputMean, inputVar;
  if (channelInput(b, 1, "scale", channels, scale) ||
      channelInput(b, 2, "B", channels, bias) ||
      channelInput(b, 3, "input_mean", channels, inputMean) ||
      channelInput(b, 4, "input_var", channels, inputVar))
    return failure();
  SmallVector<int64_t> axes, statShape(rank, 1);
  statShape[1] = channels;
  for (int64_t d = 0; d < rank; ++d) {
    if (d == 1)
      continue;
    if (shape[d] == 0)
      return b.unsupported("training-mode statistics over an empty "
                           "dimension " +
                           Twine(d));
    axes.push_back(d);
  }

  // Statistics of shape [1, C, 1, ...], broadcasting against X.
  auto statType = RankedTensorType::get(statShape, type.getElementType());
  Value mean = b.create<ReduceMeanOp>(statType, x, axes, true);
  Value centered = broadcastBinary<SubOp>(b, x, mean);
  Value var = b.create<ReduceMeanOp>(
      statType, broadcastBinary<MulOp>(b, centered, centered), axes, true);
  Value stddev = b.create<SqrtOp>(
      statType, broadcastBinary<AddOp>(b, var, scalarConstant(b, epsilon)));
  // Per-channel parameters [C] as [C, 1, ...].
  SmallVector<int64_t> channelShape(rank - 1, 1);
  channelShape[0] = channels;
  Value y = broadcastBinary<MulOp>(b, b.reshape(scale, channelShape), centered);
  y = broadcastDiv(b, y, stddev);
  y = broadcastBinary<AddOp>(b, y, b.reshape(bias, channelShape));
  b.setResult(0, y);

  // The running statistics, of shape [C]; (1 - momentum) rounds once.
  Value keep = scalarConstant(b, momentum);
  Value take = scalarConstant(
      b, static_cast<float>(1.0 - static_cast<double>(momentum)));
  auto running = [&](Value input, Value current) {
    return broadcastBinary<AddOp>(
        b, broadcastBinary<MulOp>(b, input, keep),
        broadcastBinary<MulOp>(b, b.reshape(current, {channels}), take));
  };
  if (b.getNumResults() > 1 && !b.getNode().output(1).empty())
    b.setResult(1, running(inputMean, mean));
  if (b.getNumResults() > 2 && !b.getNode().output(2).empty())
    b.setResult(2, running(inputVar, var));
  return success();
}

/// Inference-mode BatchNormalization:
/// `Y = (X - mean) / sqrt(var + epsilon) * scale + B` per channel, that is
/// `X * a + (B - mean * a)` with `a = scale / sqrt(var + epsilon)`, computed
/// at import from constant parameters.
LogicalResult convertBatchNormalization(OpBinder &b) {
  Value x;
  if (floatInput(b, 0, x))
    return failure();
  RankedTensorType type = getTensorType(x);
  if (type.getRank() < 2)
    return b.emitError() << "input must have rank 2 or more ([N, C, ...]), "
                            "got rank "
                         << type.getRank();
  int64_t opset = b.getOpset();
  float epsilon;
  int64_t trainingMode = 0, spatial = 1;
  if (b.floatAttr("epsilon", epsilon, 1e-5f) ||
      (opset >= 14 && b.intAttr("training_mode", trainingMode, 0)) ||
      (opset < 9 && b.intAttr("spatial", spatial, 1)))
    return failure();
  if (trainingMode != 0)
    return convertTrainingBatchNormalization(b, x, epsilon);
  for (unsigned i = 1; i < b.getNumResults(); ++i)
    if (!b.getNode().output(i).empty())
      return b.unsupported("output #" + Twine(i) +
                           " (running or saved statistics), which only "
                           "training computes");

  // spatial = 0 (opset 7): one parameter per element of [C, D1, ...].
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> paramShape = {shape[1]};
  if (!spatial)
    paramShape.assign(shape.begin() + 1, shape.end());
  SmallVector<float> scale, bias, mean, var;
  if (bnParameter(b, 1, "scale", paramShape, scale) ||
      bnParameter(b, 2, "B", paramShape, bias) ||
      bnParameter(b, 3, "mean", paramShape, mean) ||
      bnParameter(b, 4, "var", paramShape, var))
    return failure();
  SmallVector<float> a(scale.size()), shift(scale.size());
  for (size_t i = 0; i < scale.size(); ++i) {
    double factor = static_cast<double>(scale[i]) /
                    std::sqrt(static_cast<double>(var[i]) + epsilon);
    a[i] = static_cast<float>(factor);
    shift[i] = static_cast<float>(bias[i] - mean[i] * factor);
  }

  if (spatial)
    if (Value folded = foldIntoProducer(b, x, a, shift)) {
      b.setResult(0, folded);
      return success();
    }
  // Per-channel constants broadcast against [N, C, D1, ...].
  SmallVector<int64_t> constShape(paramShape);
  constShape.append(shape.size() - 1 - paramShape.size(), 1);
  Value y = broadcastBinary<MulOp>(b, x, b.floatConstant(a, constShape));
  y = broadcastBinary<AddOp>(b, y, b.floatConstant(shift, constShape));
  b.setResult(0, y);
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// MaxPool on f32, and on int8/uint8 (opset 12) through the exact view of the
/// integers as quantized values with scale 1 and zero point 0, whose maximum
/// is the integers' maximum (and whose first maximum is theirs, for Indices).
LogicalResult convertMaxPool(OpBinder &b) {
  Value input;
  int64_t storageOrder;
  if (b.tensorOperand(0, input) || b.intAttr("storage_order", storageOrder, 0))
    return failure();
  if (storageOrder != 0 && storageOrder != 1)
    return b.emitError() << "storage_order must be 0 or 1, got "
                         << storageOrder;
  // storage_order only orders the Indices output.
  bool wantIndices = b.getNumResults() > 1 && !b.getNode().output(1).empty();
  if (wantIndices && b.getOpset() < 8)
    return b.emitError() << "MaxPool has no Indices output before opset 8";
  Value indices;
  Value *indicesOut = wantIndices ? &indices : nullptr;
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (element.isF32()) {
    FailureOr<Value> pooled =
        buildPool(b, input, PoolKind::Max, element, indicesOut, storageOrder);
    if (failed(pooled))
      return failure();
    b.setResult(0, *pooled);
    if (wantIndices)
      b.setResult(1, indices);
    return success();
  }
  auto integer = dyn_cast<IntegerType>(element);
  if (!integer || integer.getWidth() != 8)
    return b.unsupported("MaxPool on " + typeString(type) +
                         "; QuantC imports float, int8 and uint8 tensors");
  bool isSigned = !integer.isUnsigned();
  auto qtype = quant::UniformQuantizedType::get(
      isSigned ? quant::QuantizationFlags::Signed : 0,
      IntegerType::get(b.getContext(), 8), b.getBuilder().getF32Type(), 1.0, 0,
      isSigned ? -128 : 0, isSigned ? 127 : 255);
  Value quantized = b.create<StorageCastOp>(
      RankedTensorType::get(type.getShape(), qtype), input);
  FailureOr<Value> pooled =
      buildPool(b, quantized, PoolKind::Max, qtype, indicesOut, storageOrder);
  if (failed(pooled))
    return failure();
  b.setResult(
      0, b.create<StorageCastOp>(
             RankedTensorType::get(getTensorType(*pooled).getShape(), element),
             *pooled));
  if (wantIndices)
    b.setResult(1, indices);
  return success();
}

LogicalResult convertAveragePool(OpBinder &b) {
  Value input;
  if (floatInput(b, 0, input))
    return failure();
  FailureOr<Value> pooled =
      buildPool(b, input, PoolKind::Average, b.getBuilder().getF32Type());
  if (failed(pooled))
    return failure();
  b.setResult(0, *pooled);
  return success();
}

template <PoolKind kind> LogicalResult convertGlobalPool(OpBinder &b) {
  Value input;
  if (floatInput(b, 0, input))
    return failure();
  FailureOr<Value> pooled =
      buildGlobalPool(b, input, kind, b.getBuilder().getF32Type());
  if (failed(pooled))
    return failure();
  b.setResult(0, *pooled);
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateNNHandlers(OpRegistry &registry) {
  // Opsets are listed where an op's inputs, attributes or semantics changed;
  // each handler reads what its opset defines.
  registry.on("AveragePool", 1, convertAveragePool);
  registry.on("AveragePool", 7, convertAveragePool);  // count_include_pad
  registry.on("AveragePool", 10, convertAveragePool); // ceil_mode
  registry.on("AveragePool", 19, convertAveragePool); // dilations
  registry.on("BatchNormalization", 7, convertBatchNormalization);
  registry.on("BatchNormalization", 9, convertBatchNormalization); // no spatial
  registry.on("BatchNormalization", 14,
              convertBatchNormalization); // training_mode
  registry.on("BatchNormalization", 15, convertBatchNormalization);
  registry.on("Conv", 1, convertConv);
  registry.on("ConvTranspose", 1, convertConvTranspose);
  registry.on("ConvTranspose", 11, convertConvTranspose);
  registry.on("Gemm", 1, convertGemm);
  registry.on("Gemm", 7, convertGemm);  // unidirectional broadcast of C
  registry.on("Gemm", 11, convertGemm); // C optional
  registry.on("GlobalAveragePool", 1, convertGlobalPool<PoolKind::Average>);
  registry.on("GlobalMaxPool", 1, convertGlobalPool<PoolKind::Max>);
  registry.on("MatMul", 1, convertMatMul);
  registry.on("MaxPool", 1, convertMaxPool);
  registry.on("MaxPool", 8, convertMaxPool);  // storage_order, Indices
  registry.on("MaxPool", 10, convertMaxPool); // ceil_mode, dilations
  registry.on("MaxPool", 12, convertMaxPool); // int8, uint8
  registry.on("FusedGemm", 1, convertFusedGemm, kMicrosoftDomain);
}
