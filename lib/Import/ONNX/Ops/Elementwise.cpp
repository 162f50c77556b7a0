//===- Elementwise.cpp - ONNX elementwise and activation ops --------------===//
//
// Handlers for arithmetic with NumPy broadcasting and for activations.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

/// Add, Mul, ...: two float tensors with NumPy broadcasting.
template <typename OpTy> LogicalResult convertBroadcastBinary(OpBinder &b) {
  Value lhs, rhs;
  if (b.floatOperand(0, lhs) || b.floatOperand(1, rhs))
    return failure();
  SmallVector<int64_t> shape;
  if (broadcastShapes(b, getTensorType(lhs).getShape(),
                      getTensorType(rhs).getShape(), shape))
    return failure();
  auto type = RankedTensorType::get(shape, b.getBuilder().getF32Type());
  b.setResult(0, b.create<OpTy>(type, lhs, rhs, FloatAttr(), FloatAttr()));
  return success();
}

/// Sigmoid, Tanh, ...: one float tensor in, same type out.
template <typename OpTy> LogicalResult convertUnary(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  b.setResult(0, b.create<OpTy>(input.getType(), input));
  return success();
}

LogicalResult convertRelu(OpBinder &b) {
  Value input;
  if (b.floatOperand(0, input))
    return failure();
  b.setResult(0, b.create<ClampOp>(input.getType(), input,
                                   b.getBuilder().getF32FloatAttr(0.0f),
                                   FloatAttr()));
  return success();
}

LogicalResult convertIdentity(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  b.setResult(0, input);
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateElementwiseHandlers(
    OpRegistry &registry) {
  registry.on("Add", 7, convertBroadcastBinary<AddOp>);
  registry.on("Mul", 7, convertBroadcastBinary<MulOp>);
  registry.on("Identity", 1, convertIdentity);
  registry.on("Relu", 6, convertRelu);
  registry.on("Sigmoid", 6, convertUnary<SigmoidOp>);
  registry.on("Tanh", 6, convertUnary<TanhOp>);
}
