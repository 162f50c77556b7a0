//===- DistinctResults.cpp - A tensor of its own for every result ---------===//
//
// Implements qnt-distinct-results.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTDISTINCTRESULTS
#include "quantc/Codegen/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {

/// A new tensor holding a copy of `value`. (Not a linalg.copy into a
/// tensor.empty: empty-tensor elimination would make that a copy of `value`
/// onto itself.)
Value copyToFreshTensor(OpBuilder &b, Location loc, Value value) {
  return bufferization::AllocTensorOp::create(
      b, loc, cast<RankedTensorType>(value.getType()), ValueRange{}, value);
}

struct QntDistinctResultsPass
    : mlir::quantc::impl::QntDistinctResultsBase<QntDistinctResultsPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    func.walk([&](func::ReturnOp ret) {
      OpBuilder b(ret);
      DenseSet<Value> returned;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value value = operand.get();
        bool isArgument = isa<BlockArgument>(value) &&
                          value.getParentRegion() == &func.getBody();
        bool repeated = !returned.insert(value).second;
        if ((isArgument || repeated) && isa<RankedTensorType>(value.getType()))
          operand.set(copyToFreshTensor(b, ret.getLoc(), value));
      }
    });
  }
};

} // namespace
