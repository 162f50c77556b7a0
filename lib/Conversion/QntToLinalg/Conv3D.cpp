//===- Conv3D.cpp - Lowering of qnt.conv3d to linalg ----------------------===//
//
// qnt.conv3d (float only) on an input padded by tensor.pad, accumulated by
// the 3-D convolution builder that conv_transpose3d shares: the named
// linalg.conv_3d_ndhwc_dhwcf without groups,
// linalg.depthwise_conv_3d_ndhwc_dhwc when depthwise (groups == C == F), a
// linalg.generic for other groups. The accumulator starts as the broadcast bias
// (or 0); a fused clamp follows.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

namespace {

struct Conv3DLowering : OpConversionPattern<Conv3DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(Conv3DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType resultType = getStaticResultType(*getTypeConverter(), op);
    if (!resultType || !op.getInput().getType().hasStaticShape() ||
        !op.getFilter().getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shapes");
    if (!resultType.getElementType().isF32())
      return rewriter.notifyMatchFailure(op, "not f32");
    Location loc = op.getLoc();
    Value input = padSpatial(
        rewriter, loc, adaptor.getInput(), op.getPads().take_front(3),
        op.getPads().drop_front(3), createF32Constant(rewriter, loc, 0.0f));
    Value init =
        createAccumulator(rewriter, loc, adaptor.getBias(),
                          resultType.getShape(), rewriter.getF32Type());
    Value acc = buildFloatConvolution3D(
        rewriter, loc, input, op.getFilter(), adaptor.getFilter(), init,
        op.getStrides(), op.getDilations(), op.getGroups());
    rewriter.replaceOp(op,
                       clampFloat(rewriter, loc, acc, asFloat(op.getClampMin()),
                                  asFloat(op.getClampMax())));
    return success();
  }
};

} // namespace

// Defined inside the namespace so that it declares itself too.
namespace mlir::quantc {
void populateConv3DLoweringPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns) {
  patterns.add<Conv3DLowering>(converter, patterns.getContext());
}
} // namespace mlir::quantc
