//===- QntNNOps.cpp - Verifiers and folders of the nn ops -------===//
//
// The ops declared in QntNNOps.td. Verifier messages quote the rule broken;
// dynamic dimensions pass every size check they take part in.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

#include "mlir/IR/PatternMatch.h"

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

LogicalResult ConvTranspose2DOp::verify() {
  if (failed(verifyRank(*this, getInput(), "input", 4, "NHWC")) ||
      failed(verifyRank(*this, getFilter(), "filter", 4, "FHWC")) ||
      failed(verifyRank(*this, getOutput(), "result", 4, "NHWC")))
    return failure();
  auto in = getInput().getType().getShape();
  auto filter = getFilter().getType().getShape();
  int64_t groups = getGroupsAttr().getInt();
  if (groups < 1)
    return emitOpError() << "groups must be positive, got " << groups;
  int64_t channels = in[3], filters = filter[0], groupChannels = filter[3];
  if (!ShapedType::isDynamic(channels) && channels % groups != 0)
    return emitOpError() << "input channels " << channels
                         << " must be divisible by groups " << groups;
  if (!ShapedType::isDynamic(filters) && filters % groups != 0)
    return emitOpError() << "filter count " << filters
                         << " must be divisible by groups " << groups;
  if (!ShapedType::isDynamic(channels) &&
      !ShapedType::isDynamic(groupChannels) &&
      groupChannels * groups != channels)
    return emitOpError() << "filter input channels " << groupChannels
                         << " must equal input channels / groups = "
                         << channels / groups;
  if (failed(verifyBiasShape(*this, getBias(), filters)) ||
      failed(verifyWindowAttr(*this, "strides", getStrides(), 2, "sh, sw",
                              false)) ||
      failed(verifyWindowAttr(*this, "dilations", getDilations(), 2, "dh, dw",
                              false)))
    return failure();
  ArrayRef<int64_t> pads = getPads();
  if (pads.size() != 4)
    return emitOpError() << "pads must have 4 values (top, left, bottom, "
                            "right), got "
                         << pads.size();

  SmallVector<int64_t, 4> expected = {in[0]};
  for (int i = 0; i < 2; ++i) {
    int64_t out =
        transposedOutputSize(in[1 + i], filter[1 + i], getStrides()[i],
                             getDilations()[i], pads[i], pads[i + 2]);
    if (!ShapedType::isDynamic(out) && out <= 0)
      return emitOpError() << "pads " << pads[i] << " and " << pads[i + 2]
                           << " crop the whole transposed output of spatial "
                              "dimension "
                           << i << "; its size (in - 1) * stride + dilation * "
                           << "(kernel - 1) + 1 - pads must be positive, got "
                           << out;
    expected.push_back(out);
  }
  expected.push_back(filters);
  if (failed(verifyResultShape(*this, expected)) ||
      failed(verifySameDomain(*this)) ||
      failed(verifyQuantizedLinear(*this, getInput(), getFilter(), getBias(),
                                   "filter")))
    return failure();
  return verifyClampBounds(*this, asFloat(getClampMin()),
                           asFloat(getClampMax()), "clamp_min", "clamp_max");
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
