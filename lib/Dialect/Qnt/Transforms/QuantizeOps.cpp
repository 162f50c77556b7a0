//===- QuantizeOps.cpp ---------------------------------------------------------===//
//
// Implements qnt-quantize-ops: dequantize -> op -> quantize into one quantized op.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTQUANTIZEOPS
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {
struct QntQuantizeOpsPass : mlir::quantc::impl::QntQuantizeOpsBase<QntQuantizeOpsPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
