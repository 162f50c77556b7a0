//===- Common.cpp - Helpers shared by the op handler files ----------------===//
//
// Sliding windows and convolution, shared by Conv, ConvInteger, QLinearConv
// and the pools.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

/// Reads strides, dilations, pads and auto_pad for any number of spatial
/// dimensions, in ONNX's order (pads: every begin, then every end).
static ParseResult readWindowAttrs(OpBinder &b, ArrayRef<int64_t> inputSizes,
                                   ArrayRef<int64_t> kernel,
                                   SmallVectorImpl<int64_t> &strides,
                                   SmallVectorImpl<int64_t> &dilations,
                                   SmallVectorImpl<int64_t> &pads) {
  size_t spatial = inputSizes.size();
  SmallVector<int64_t> ones(spatial, 1), zeros(2 * spatial, 0);
  std::string autoPad;
  if (b.intsAttr("strides", strides, ArrayRef<int64_t>(ones)) ||
      b.intsAttr("dilations", dilations, ArrayRef<int64_t>(ones)) ||
      b.intsAttr("pads", pads, ArrayRef<int64_t>(zeros)) ||
      b.stringAttr("auto_pad", autoPad, StringRef("NOTSET")))
    return failure();
  if (strides.size() != spatial || dilations.size() != spatial ||
      pads.size() != 2 * spatial)
    return b.emitError() << "strides, dilations and pads must have " << spatial
                         << ", " << spatial << " and " << 2 * spatial
                         << " values for " << spatial << " spatial dimensions";
  for (int64_t v : llvm::concat<int64_t>(strides, dilations))
    if (v <= 0)
      return b.emitError() << "strides and dilations must be positive";
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return b.emitError() << "pads must be non-negative";

  if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    for (size_t i = 0; i < spatial; ++i) {
      int64_t out = llvm::divideCeil(inputSizes[i], strides[i]);
      int64_t total = std::max<int64_t>(0, (out - 1) * strides[i] +
                                               (kernel[i] - 1) * dilations[i] +
                                               1 - inputSizes[i]);
      int64_t small = total / 2;
      pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
      pads[i + spatial] = total - pads[i];
    }
  } else if (autoPad == "VALID") {
    std::fill(pads.begin(), pads.end(), 0);
  } else if (autoPad != "NOTSET") {
    return b.emitError() << "auto_pad '" << autoPad << "' is not one of "
                         << "NOTSET, SAME_UPPER, SAME_LOWER, VALID";
  }

  return success();
}

ParseResult mlir::quantc::onnx_import::readWindow(OpBinder &b,
                                                  ArrayRef<int64_t> inputSizes,
                                                  ArrayRef<int64_t> kernel,
                                                  Window &window) {
  size_t spatial = inputSizes.size();
  assert(spatial >= 1 && spatial <= 3 && "callers check the rank");
  SmallVector<int64_t> strides, dilations, pads;
  if (readWindowAttrs(b, inputSizes, kernel, strides, dilations, pads))
    return failure();

  window = Window();
  if (spatial == 1) {
    window.kernel = {1, kernel[0]};
    window.strides = {1, strides[0]};
    window.dilations = {1, dilations[0]};
    window.pads = {0, pads[0], 0, pads[1]};
    window.lifted = true;
  } else {
    window.kernel.assign(kernel.begin(), kernel.end());
    window.strides.assign(strides.begin(), strides.end());
    window.dilations.assign(dilations.begin(), dilations.end());
    window.pads.assign(pads.begin(), pads.end());
  }
  return success();
}

ParseResult mlir::quantc::onnx_import::getWindowOutputSizes(
    OpBinder &b, ArrayRef<int64_t> inputSizes, const Window &window,
    bool ceilMode, SmallVectorImpl<int64_t> &outputSizes) {
  size_t n = window.size();
  outputSizes.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    outputSizes[i] = windowOutputSize(
        inputSizes[i], window.kernel[i], window.strides[i], window.dilations[i],
        window.pads[i], window.pads[i + n], ceilMode);
    if (outputSizes[i] <= 0)
      return b.emitError() << "the dilated kernel ("
                           << window.dilations[i] * (window.kernel[i] - 1) + 1
                           << ") does not fit the padded input ("
                           << inputSizes[i] + window.pads[i] +
                                  window.pads[i + n]
                           << ") in spatial dimension "
                           << (window.lifted ? i - 1 : i);
  }
  return success();
}

ParseResult
mlir::quantc::onnx_import::checkKernelShape(OpBinder &b,
                                            ArrayRef<int64_t> kernel) {
  SmallVector<int64_t> kernelShape;
  if (b.intsAttr("kernel_shape", kernelShape, kernel))
    return failure();
  if (ArrayRef<int64_t>(kernelShape) == kernel)
    return success();
  auto diag = b.emitError() << "kernel_shape [";
  llvm::interleaveComma(kernelShape, diag);
  diag << "] does not match the filter's spatial dimensions [";
  llvm::interleaveComma(kernel, diag);
  return diag << "]";
}

ParseResult mlir::quantc::onnx_import::readConvGeometry(
    OpBinder &b, RankedTensorType inType, RankedTensorType filterType,
    int64_t &groups, Window &window, unsigned maxSpatial) {
  int64_t rank = inType.getRank();
  if (rank < 3)
    return b.emitError() << "input must have rank 3 or more ([N, C, spatial "
                            "dimensions...]), got rank "
                         << rank;
  if (rank - 2 > maxSpatial)
    return b.unsupported(
        Twine(rank - 2) + "-D convolution; QuantC imports " +
        (maxSpatial == 3 ? "1-D, 2-D and 3-D" : "1-D and 2-D") + " ones");
  if (filterType.getRank() != rank)
    return b.emitError() << "filter has rank " << filterType.getRank()
                         << " but the input has rank " << rank;
  ArrayRef<int64_t> kernel = filterType.getShape().drop_front(2);
  if (b.intAttr("group", groups, 1) || checkKernelShape(b, kernel))
    return failure();
  int64_t channels = inType.getDimSize(1), filters = filterType.getDimSize(0);
  if (groups <= 0 || channels % groups != 0 || filters % groups != 0 ||
      filterType.getDimSize(1) * groups != channels) {
    auto diag = b.emitError()
                << "group " << groups << " does not fit " << channels
                << " input channels and a filter of shape [";
    llvm::interleaveComma(filterType.getShape(), diag);
    return diag << "]";
  }
  return readWindow(b, inType.getShape().drop_front(2), kernel, window);
}

FailureOr<Value> mlir::quantc::onnx_import::buildConv(OpBinder &b, Value input,
                                                      Value filter, Value bias,
                                                      Type outputElement) {
  RankedTensorType inType = getTensorType(input);
  RankedTensorType filterType = getTensorType(filter);
  int64_t rank = inType.getRank(), groups;
  Window window;
  if (readConvGeometry(b, inType, filterType, groups, window))
    return failure();
  int64_t filters = filterType.getDimSize(0);
  if (bias && (getTensorType(bias).getRank() != 1 ||
               getTensorType(bias).getDimSize(0) != filters))
    return b.emitError() << "bias must have shape [" << filters << "]";

  // 1-D convolution is 2-D with height 1.
  if (rank == 3) {
    ArrayRef<int64_t> s = inType.getShape();
    input = b.reshape(input, {s[0], s[1], 1, s[2]});
    ArrayRef<int64_t> f = filterType.getShape();
    filter = b.reshape(filter, {f[0], f[1], 1, f[2]});
  }
  Value inputNHWC = b.toNHWC(input);
  Value filterFHWC = b.transpose(filter, {0, 2, 3, 1});
  ArrayRef<int64_t> in = getTensorType(inputNHWC).getShape();
  SmallVector<int64_t, 2> outHW;
  if (getWindowOutputSizes(b, in.slice(1, 2), window, /*ceilMode=*/false,
                           outHW))
    return failure();
  auto resultType = RankedTensorType::get({in[0], outHW[0], outHW[1], filters},
                                          outputElement);
  Value conv = b.create<Conv2DOp>(resultType, inputNHWC, filterFHWC, bias,
                                  window.strides, window.pads, window.dilations,
                                  groups, FloatAttr(), FloatAttr());
  Value result = b.fromNHWC(conv);
  if (rank == 3)
    result = b.reshape(result, {in[0], filters, outHW[1]});
  return result;
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The product of the sizes in `shape`.
static int64_t product(ArrayRef<int64_t> shape) {
  int64_t result = 1;
  for (int64_t d : shape)
    result *= d;
  return result;
}

FailureOr<Value> mlir::quantc::onnx_import::buildPool(OpBinder &b, Value input,
                                                      PoolKind kind,
                                                      Type outputElement,
                                                      Value *indices,
                                                      int64_t storageOrder) {
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  if (rank < 3)
    return b.emitError() << "input must have rank 3 or more ([N, C, spatial "
                            "dimensions...]), got rank "
                         << rank;
  size_t spatial = rank - 2;
  if (spatial > 3)
    return b.unsupported(Twine(spatial) +
                         "-D windows; QuantC pools 1-D, 2-D and 3-D ones");
  SmallVector<int64_t> kernel;
  int64_t ceilMode, countIncludePad = 0;
  if (b.intsAttr("kernel_shape", kernel) ||
      b.intAttr("ceil_mode", ceilMode, 0) ||
      (kind == PoolKind::Average &&
       b.intAttr("count_include_pad", countIncludePad, 0)))
    return failure();
  if (kernel.size() != spatial)
    return b.emitError() << "kernel_shape has " << kernel.size()
                         << " values but the input has " << spatial
                         << " spatial dimensions";
  if (llvm::any_of(kernel, [](int64_t k) { return k <= 0; }))
    return b.emitError() << "kernel_shape must be positive";
  ArrayRef<int64_t> shape = type.getShape();
  if (llvm::any_of(shape, [](int64_t d) { return d == 0; }))
    return b.unsupported("pooling an empty tensor");
  if (indices && spatial == 3)
    return b.unsupported("the Indices output of 3-D MaxPool");

  // The window in qnt's order: n = 2 (1-D pooling is 2-D with height 1) or
  // 3 window dimensions; pads are every begin, then every end.
  Window window;
  if (readWindow(b, shape.drop_front(2), kernel, window))
    return failure();
  ArrayRef<int64_t> kern = window.kernel, strides = window.strides,
                    dilations = window.dilations;
  SmallVector<int64_t, 6> &pads = window.pads;
  size_t n = window.size();
  bool lifted = window.lifted;

  // Channels last: NCHW -> NHWC, NCDHW -> NDHWC.
  Value x = input;
  if (lifted)
    x = b.reshape(input, {shape[0], shape[1], 1, shape[2]});
  if (n == 3)
    x = b.transpose(x, {0, 2, 3, 4, 1});
  else
    x = b.toNHWC(x);
  SmallVector<int64_t, 5> in(getTensorType(x).getShape());
  SmallVector<int64_t, 3> extent(n);
  for (size_t i = 0; i < n; ++i) {
    extent[i] = dilations[i] * (kern[i] - 1) + 1;
    // qnt's pools need every window to see the input; ONNX Runtime even
    // requires pads smaller than the undilated kernel.
    if (pads[i] >= extent[i] || pads[i + n] >= extent[i])
      return b.unsupported(
          "pads of " + Twine(pads[i]) + " and " + Twine(pads[i + n]) +
          " reach the dilated kernel size " + Twine(extent[i]) +
          ": windows that see only padding");
  }
  SmallVector<int64_t, 3> out;
  if (getWindowOutputSizes(b, ArrayRef<int64_t>(in).slice(1, n), window,
                           ceilMode != 0, out))
    return failure();

  bool includePad = countIncludePad != 0;
  if (includePad && ceilMode) {
    // qnt's average pools with count_include_pad divide by the full kernel
    // size; ONNX divides by the part of the window inside the padded input.
    // They differ only where the last window hangs over the padded input.
    // Then pad explicitly with zeros and count only the elements inside.
    SmallVector<int64_t, 3> end(n);
    bool overhang = false;
    for (size_t i = 0; i < n; ++i) {
      end[i] = (out[i] - 1) * strides[i] + extent[i];
      overhang |= end[i] > in[1 + i] + pads[i] + pads[i + n];
    }
    if (overhang) {
      // End padding only as far as the last window reaches: a window that
      // ONNX drops because it starts in the end padding then starts past
      // the padded input and stays dropped.
      SmallVector<int64_t, 10> padding(2 * (n + 2), 0);
      SmallVector<int64_t, 5> paddedShape(in);
      for (size_t i = 0; i < n; ++i) {
        int64_t padEnd =
            std::clamp<int64_t>(end[i] - in[1 + i] - pads[i], 0, pads[i + n]);
        padding[1 + i] = pads[i];
        padding[n + 2 + 1 + i] = padEnd;
        paddedShape[1 + i] += pads[i] + padEnd;
      }
      if (llvm::any_of(padding, [](int64_t p) { return p != 0; })) {
        auto paddedType = RankedTensorType::get(
            paddedShape, getTensorType(x).getElementType());
        OpBuilder &builder = b.getBuilder();
        x = b.create<PadOp>(paddedType, x,
                            builder.getDenseI64ArrayAttr(padding),
                            PadModeAttr::get(b.getContext(), PadMode::constant),
                            builder.getF32FloatAttr(0.0f));
      }
      pads.assign(2 * n, 0);
      includePad = false;
    }
  }

  SmallVector<int64_t, 5> outShape = {in[0]};
  outShape.append(out.begin(), out.end());
  outShape.push_back(in.back());
  auto resultType = RankedTensorType::get(outShape, outputElement);
  Value pooled, where;
  if (n == 3) {
    if (kind == PoolKind::Max)
      pooled = b.create<MaxPool3DOp>(resultType, x, kern, strides, pads,
                                     dilations, ceilMode != 0);
    else
      pooled = b.create<AvgPool3DOp>(resultType, x, kern, strides, pads,
                                     dilations, ceilMode != 0, includePad);
    return b.transpose(pooled, {0, 4, 1, 2, 3});
  }
  if (indices) {
    auto indicesType =
        RankedTensorType::get(outShape, b.getBuilder().getIntegerType(64));
    auto op = MaxPool2DWithIndicesOp::create(
        b.getBuilder(), b.getLoc(), resultType, indicesType, x, kern, strides,
        pads, dilations, ceilMode != 0, storageOrder);
    pooled = op.getOutput();
    where = op.getIndices();
  } else if (kind == PoolKind::Max) {
    pooled = b.create<MaxPool2DOp>(resultType, x, kern, strides, pads,
                                   dilations, ceilMode != 0);
  } else {
    pooled = b.create<AvgPool2DOp>(resultType, x, kern, strides, pads,
                                   dilations, ceilMode != 0, includePad);
  }
  Value result = b.fromNHWC(pooled);
  if (lifted)
    result = b.reshape(result, {in[0], in[3], out[1]});
  if (indices) {
    // The indices already count in the NCHW input; only their tensor moves.
    *indices = b.fromNHWC(where);
    if (lifted)
      *indices = b.reshape(*indices, {in[0], in[3], out[1]});
  }
  return result;
}

FailureOr<Value>
mlir::quantc::onnx_import::buildGlobalPool(OpBinder &b, Value input,
                                           PoolKind kind, Type outputElement) {
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  if (rank < 3)
    return b.emitError() << "input must have rank 3 or more ([N, C, spatial "
                            "dimensions...]), got rank "
                         << rank;
  ArrayRef<int64_t> shape = type.getShape();
  if (llvm::any_of(shape, [](int64_t d) { return d == 0; }))
    return b.unsupported("pooling an empty tensor");
  // Pooling over every spatial dimension is pooling over their product.
  Value x = input;
  if (rank != 4)
    x = b.reshape(input, {shape[0], shape[1], product(shape.drop_front(2)), 1});
  x = b.toNHWC(x);
  ArrayRef<int64_t> in = getTensorType(x).getShape();
  auto resultType = RankedTensorType::get({in[0], 1, 1, in[3]}, outputElement);
  Value pooled;
  if (kind == PoolKind::Average) {
    pooled = b.create<GlobalAvgPoolOp>(resultType, x);
  } else {
    SmallVector<int64_t, 2> kernel = {in[1], in[2]}, ones = {1, 1};
    SmallVector<int64_t, 4> pads = {0, 0, 0, 0};
    pooled = b.create<MaxPool2DOp>(resultType, x, kernel, ones, pads, ones,
                                   /*ceil_mode=*/false);
  }
  SmallVector<int64_t> outShape = {shape[0], shape[1]};
  outShape.append(rank - 2, 1);
  return b.reshape(b.fromNHWC(pooled), outShape);
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

FailureOr<Value> mlir::quantc::onnx_import::buildMatMul(OpBinder &b, Value lhs,
                                                        Value rhs,
                                                        Type outputElement) {
  int64_t lhsRank = getTensorType(lhs).getRank();
  int64_t rhsRank = getTensorType(rhs).getRank();
  if (lhsRank == 0 || rhsRank == 0)
    return b.emitError() << "operands must have rank 1 or more, got ranks "
                         << lhsRank << " and " << rhsRank;
  // NumPy: a 1-D lhs [K] is the row [1, K], a 1-D rhs [K] the column [K, 1].
  if (lhsRank == 1)
    lhs = b.reshape(lhs, {1, getTensorType(lhs).getDimSize(0)});
  if (rhsRank == 1)
    rhs = b.reshape(rhs, {getTensorType(rhs).getDimSize(0), 1});
  ArrayRef<int64_t> l = getTensorType(lhs).getShape();
  ArrayRef<int64_t> r = getTensorType(rhs).getShape();
  if (l.back() != r[r.size() - 2])
    return b.emitError() << "contraction sizes differ: A has " << l.back()
                         << " columns, B has " << r[r.size() - 2] << " rows";
  ArrayRef<int64_t> lb = l.drop_back(2), rb = r.drop_back(2);
  size_t batchRank = std::max(lb.size(), rb.size());
  SmallVector<int64_t> shape(batchRank, 1);
  for (size_t i = 0; i < batchRank; ++i) {
    int64_t x = i < batchRank - lb.size() ? 1 : lb[i - (batchRank - lb.size())];
    int64_t y = i < batchRank - rb.size() ? 1 : rb[i - (batchRank - rb.size())];
    if (x != y && x != 1 && y != 1) {
      auto diag = b.emitError() << "batch dimensions [";
      llvm::interleaveComma(lb, diag);
      diag << "] and [";
      llvm::interleaveComma(rb, diag);
      return diag << "] do not broadcast";
    }
    shape[i] = x == 1 ? y : x;
  }
  SmallVector<int64_t> productShape(shape);
  productShape.push_back(l[l.size() - 2]);
  productShape.push_back(r.back());
  Value result =
      b.create<MatMulOp>(RankedTensorType::get(productShape, outputElement),
                         lhs, rhs, FloatAttr(), FloatAttr());
  // Drop the dimensions the promotion of 1-D operands added.
  if (lhsRank == 1 || rhsRank == 1) {
    if (lhsRank != 1)
      shape.push_back(l[l.size() - 2]);
    if (rhsRank != 1)
      shape.push_back(r.back());
    result = b.reshape(result, shape);
  }
  return result;
}
