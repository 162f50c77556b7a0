//===- QntNNOps.cpp - Verifiers and folders of the nn ops -------===//
//
// The ops declared in QntNNOps.td. Verifier messages quote the rule broken;
// dynamic dimensions pass every size check they take part in.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;

//===----------------------------------------------------------------------===//
// ConvTranspose2DOp
//===----------------------------------------------------------------------===//

/// Output size of a transposed convolution along one dimension (see the op's
/// description); dynamic when the input or kernel size is.
static int64_t transposedOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                    int64_t dilation, int64_t padBegin,
                                    int64_t padEnd) {
  if (ShapedType::isDynamic(in) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  return (in - 1) * stride + dilation * (kernel - 1) + 1 - padBegin - padEnd;
}

/// The rules shared by conv_transpose2d and conv_transpose3d over `spatial`
/// (2 or 3) dimensions; the names spell the attribute values in messages.
template <typename OpTy>
static LogicalResult
verifyConvTranspose(OpTy op, int64_t spatial, StringRef strideNames,
                    StringRef dilationNames, StringRef padNames) {
  if (failed(verifyGroupedConvolution(op, op.getInput(), op.getFilter(),
                                      op.getGroupsAttr().getInt(),
                                      spatial + 2)))
    return failure();
  auto in = op.getInput().getType().getShape();
  auto filter = op.getFilter().getType().getShape();
  int64_t filters = filter[0];
  if (failed(verifyBiasShape(op, op.getBias(), filters)) ||
      failed(verifyWindowAttr(op, "strides", op.getStrides(), spatial,
                              strideNames, false)) ||
      failed(verifyWindowAttr(op, "dilations", op.getDilations(), spatial,
                              dilationNames, false)))
    return failure();
  ArrayRef<int64_t> pads = op.getPads();
  if (static_cast<int64_t>(pads.size()) != 2 * spatial)
    return op.emitOpError() << "pads must have " << 2 * spatial << " values ("
                            << padNames << "), got " << pads.size();

  SmallVector<int64_t, 5> expected = {in[0]};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t out =
        transposedOutputSize(in[1 + i], filter[1 + i], op.getStrides()[i],
                             op.getDilations()[i], pads[i], pads[i + spatial]);
    if (!ShapedType::isDynamic(out) && out <= 0)
      return op.emitOpError()
             << "pads " << pads[i] << " and " << pads[i + spatial]
             << " crop the whole transposed output of spatial "
                "dimension "
             << i << "; its size (in - 1) * stride + dilation * "
             << "(kernel - 1) + 1 - pads must be positive, got " << out;
    expected.push_back(out);
  }
  expected.push_back(filters);
  if (failed(verifyResultShape(op, expected)) || failed(verifySameDomain(op)) ||
      failed(verifyQuantizedLinear(op, op.getInput(), op.getFilter(),
                                   op.getBias(), "filter")))
    return failure();
  return verifyClampBounds(op, asFloat(op.getClampMin()),
                           asFloat(op.getClampMax()), "clamp_min", "clamp_max");
}

LogicalResult ConvTranspose2DOp::verify() {
  return verifyConvTranspose(*this, 2, "sh, sw", "dh, dw",
                             "top, left, bottom, right");
}

LogicalResult ConvTranspose3DOp::verify() {
  return verifyConvTranspose(*this, 3, "sd, sh, sw", "dd, dh, dw",
                             "front, top, left, back, bottom, right");
}

namespace {
/// A transposed convolution with a 1x1 kernel, unit strides and no padding
/// scatters each input pixel to the same output pixel: it is the 1x1
/// convolution with the same filter, which has the better kernels.
struct PointwiseConvTransposeToConv
    : public OpRewritePattern<ConvTranspose2DOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvTranspose2DOp op,
                                PatternRewriter &rewriter) const override {
    auto filter = op.getFilter().getType().getShape();
    if (filter[1] != 1 || filter[2] != 1 ||
        llvm::any_of(op.getStrides(), [](int64_t s) { return s != 1; }) ||
        llvm::any_of(op.getPads(), [](int64_t p) { return p != 0; }))
      return rewriter.notifyMatchFailure(op, "not a pointwise transposed conv");
    SmallVector<int64_t, 2> ones = {1, 1};
    rewriter.replaceOpWithNewOp<Conv2DOp>(
        op, op.getType(), op.getInput(), op.getFilter(), op.getBias(),
        op.getStrides(), op.getPads(), ones, op.getGroupsAttr().getInt(),
        op.getClampMinAttr(), op.getClampMaxAttr());
    return success();
  }
};
} // namespace

void ConvTranspose2DOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                    MLIRContext *context) {
  results.add<PointwiseConvTransposeToConv>(context);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The window rules of the pools over `rank - 2` spatial dimensions (2 or 3):
/// the attribute counts and signs, padding smaller than the dilated kernel,
/// and the result shape `[N, spatial outputs..., C]`; messages as for
/// qnt.max_pool2d.
static LogicalResult verifyPoolWindow(Operation *op, Value input, Value output,
                                      ArrayRef<int64_t> kernel,
                                      ArrayRef<int64_t> strides,
                                      ArrayRef<int64_t> pads,
                                      ArrayRef<int64_t> dilations,
                                      bool ceilMode, int rank) {
  bool is3D = rank == 5;
  size_t n = rank - 2;
  if (failed(verifyRank(op, input, "input", rank, is3D ? "NDHWC" : "NHWC")) ||
      failed(verifyWindowAttr(op, "kernel", kernel, n,
                              is3D ? "kd, kh, kw" : "kh, kw", false)) ||
      failed(verifyWindowAttr(op, "strides", strides, n,
                              is3D ? "sd, sh, sw" : "sh, sw", false)) ||
      failed(verifyWindowAttr(op, "dilations", dilations, n,
                              is3D ? "dd, dh, dw" : "dh, dw", false)) ||
      failed(verifyWindowAttr(op, "pads", pads, 2 * n,
                              is3D ? "front, top, left, back, bottom, right"
                                   : "top, left, bottom, right",
                              true)))
    return failure();
  auto in = cast<RankedTensorType>(input.getType()).getShape();
  SmallVector<int64_t, 5> expected = {in[0]};
  for (size_t i = 0; i < n; ++i) {
    int64_t out =
        windowOutputSize(in[1 + i], kernel[i], strides[i], dilations[i],
                         pads[i], pads[i + n], ceilMode);
    if (!ShapedType::isDynamic(out) && out <= 0)
      return op->emitOpError()
             << "dilated kernel " << dilations[i] * (kernel[i] - 1) + 1
             << " exceeds padded input " << in[1 + i] + pads[i] + pads[i + n]
             << " in spatial dimension " << i;
    expected.push_back(out);
  }
  for (size_t i = 0; i < n; ++i) {
    int64_t extent = dilations[i] * (kernel[i] - 1) + 1;
    if (pads[i] >= extent || pads[i + n] >= extent)
      return op->emitOpError()
             << "pads must be smaller than the dilated kernel " << extent
             << " so that every window sees the input";
  }
  expected.push_back(in[rank - 1]);
  if (failed(verifyResultShape(op, expected)) ||
      failed(verifyPerTensor(op, input, "input")) ||
      failed(verifyPerTensor(op, output, "result")))
    return failure();
  return success();
}

/// Max pooling keeps the input's quantization parameters.
static LogicalResult verifySameQuantization(Operation *op, Value input,
                                            Value output) {
  if (getQuantType(input.getType()) &&
      getElementTypeOrSelf(input) != getElementTypeOrSelf(output))
    return op->emitOpError("quantized input and result must have identical "
                           "quantization parameters");
  return success();
}

LogicalResult MaxPool3DOp::verify() {
  if (failed(verifyPoolWindow(*this, getInput(), getOutput(), getKernel(),
                              getStrides(), getPads(), getDilations(),
                              getCeilMode(), 5)) ||
      failed(verifySameDomain(*this)))
    return failure();
  return verifySameQuantization(*this, getInput(), getOutput());
}

LogicalResult AvgPool3DOp::verify() {
  if (failed(verifyPoolWindow(*this, getInput(), getOutput(), getKernel(),
                              getStrides(), getPads(), getDilations(),
                              getCeilMode(), 5)))
    return failure();
  return verifySameDomain(*this);
}

LogicalResult MaxPool2DWithIndicesOp::verify() {
  if (failed(verifyPoolWindow(*this, getInput(), getOutput(), getKernel(),
                              getStrides(), getPads(), getDilations(),
                              getCeilMode(), 4)))
    return failure();
  if ((getInput().getType().getElementType().isF32()) !=
      getOutput().getType().getElementType().isF32())
    return emitOpError("input and result must both be float or both be "
                       "quantized");
  if (failed(verifySameQuantization(*this, getInput(), getOutput())))
    return failure();
  int64_t order = getStorageOrder();
  if (order != 0 && order != 1)
    return emitOpError() << "storage_order must be 0 (row-major) or 1 "
                            "(column-major), got "
                         << order;
  auto out = getOutput().getType().getShape();
  auto indices = getIndices().getType().getShape();
  if (indices.size() != out.size() ||
      !llvm::all_of(llvm::zip(out, indices), [](auto p) {
        return sameSize(std::get<0>(p), std::get<1>(p));
      }))
    return emitOpError() << "indices shape " << shapeString(indices)
                         << " must match the result shape " << shapeString(out);
  return success();
}
