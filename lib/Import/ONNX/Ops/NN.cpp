//===- NN.cpp - ONNX convolution, matrix and pooling ops ------------------===//
//
// Handlers for the ops that carry a model's weights, and for pooling.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "Common.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

LogicalResult convertConv(OpBinder &b) {
  Value input, filter;
  if (b.floatOperand(0, input) || b.floatOperand(1, filter))
    return failure();
  Value bias = b.getOperand(2);
  FailureOr<Value> conv =
      buildConv(b, input, filter, bias, b.getBuilder().getF32Type());
  if (failed(conv))
    return failure();
  b.setResult(0, *conv);
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateNNHandlers(OpRegistry &registry) {
  registry.on("Conv", 1, convertConv);
}
