//===- Common.cpp - Helpers shared by the op handler files ----------------===//
//
// Sliding windows and convolution, shared by Conv, ConvInteger, QLinearConv
// and the pools.
//
//===----------------------------------------------------------------------===//

#include "Common.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

int64_t mlir::quantc::onnx_import::windowOutputSize(
    int64_t in, int64_t kernel, int64_t stride, int64_t dilation,
    int64_t padBegin, int64_t padEnd, bool ceilMode) {
  int64_t span = in + padBegin + padEnd - (dilation * (kernel - 1) + 1);
  if (span < 0)
    return -1;
  int64_t out = (ceilMode ? llvm::divideCeil(span, stride) : span / stride) + 1;
  if (ceilMode && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}

ParseResult mlir::quantc::onnx_import::readWindow2D(OpBinder &b,
                                                    ArrayRef<int64_t> inputHW,
                                                    ArrayRef<int64_t> kernelHW,
                                                    Window2D &window) {
  size_t spatial = inputHW.size();
  if (spatial != 1 && spatial != 2)
    return b.unsupported(Twine(spatial) +
                         "-D windows; QuantC imports 1-D and 2-D ones");
  SmallVector<int64_t> ones(spatial, 1), zeros(2 * spatial, 0);
  SmallVector<int64_t> strides, dilations, pads;
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
      int64_t out = llvm::divideCeil(inputHW[i], strides[i]);
      int64_t total = std::max<int64_t>(
          0, (out - 1) * strides[i] + (kernelHW[i] - 1) * dilations[i] + 1 -
                 inputHW[i]);
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

  window = Window2D();
  if (spatial == 1) {
    window.kernel = {1, kernelHW[0]};
    window.strides = {1, strides[0]};
    window.dilations = {1, dilations[0]};
    window.pads = {0, pads[0], 0, pads[1]};
  } else {
    window.kernel.assign(kernelHW.begin(), kernelHW.end());
    window.strides.assign(strides.begin(), strides.end());
    window.dilations.assign(dilations.begin(), dilations.end());
    window.pads.assign(pads.begin(), pads.end());
  }
  return success();
}

FailureOr<Value> mlir::quantc::onnx_import::buildConv(OpBinder &b, Value input,
                                                      Value filter, Value bias,
                                                      Type outputElement) {
  RankedTensorType inType = getTensorType(input);
  RankedTensorType filterType = getTensorType(filter);
  int64_t rank = inType.getRank();
  if (rank != 3 && rank != 4)
    return b.unsupported("convolution of rank " + Twine(rank) +
                         "; QuantC imports 1-D and 2-D convolutions");
  if (filterType.getRank() != rank)
    return b.emitError() << "filter has rank " << filterType.getRank()
                         << " but the input has rank " << rank;
  int64_t groups;
  SmallVector<int64_t> kernelShape;
  if (b.intAttr("group", groups, 1))
    return failure();
  ArrayRef<int64_t> kernel = filterType.getShape().drop_front(2);
  if (b.intsAttr("kernel_shape", kernelShape, kernel))
    return failure();
  if (ArrayRef<int64_t>(kernelShape) != kernel)
    return b.emitError() << "kernel_shape does not match the filter's "
                            "spatial dimensions";
  int64_t channels = inType.getDimSize(1), filters = filterType.getDimSize(0);
  if (groups <= 0 || channels % groups != 0 || filters % groups != 0 ||
      filterType.getDimSize(1) * groups != channels)
    return b.emitError() << "group " << groups << " does not fit " << channels
                         << " input channels and a filter of shape ["
                         << filterType.getShape() << "]";
  if (bias && (getTensorType(bias).getRank() != 1 ||
               getTensorType(bias).getDimSize(0) != filters))
    return b.emitError() << "bias must have shape [" << filters << "]";

  Window2D window;
  if (readWindow2D(b, inType.getShape().drop_front(2), kernel, window))
    return failure();

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
  ArrayRef<int64_t> f = getTensorType(filterFHWC).getShape();
  int64_t outHW[2];
  for (int i = 0; i < 2; ++i) {
    outHW[i] = windowOutputSize(in[1 + i], f[1 + i], window.strides[i],
                                window.dilations[i], window.pads[i],
                                window.pads[i + 2], /*ceilMode=*/false);
    if (outHW[i] <= 0)
      return b.emitError() << "the dilated kernel does not fit the padded "
                              "input";
  }
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
